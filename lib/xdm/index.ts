// Public surface of the XDM module. Pure (no I/O) and browser-safe: the mapping editor's client
// code imports it. The validator is not here: it is ajv, which compiles each schema with
// new Function (the pages' CSP forbids it), so server code imports it from "@/lib/xdm/validator".
export type { XdmNode, XdmSchemaModel, XdmType, XdmIdentity, XdmValidationError } from "./types";
export { buildSchemaModel } from "./schema-model";
export { buildDefaultRainFocusSchema, defaultSchemaId } from "./default-schema";
export { defaultSchemaModel } from "./default-model";
export { listFields, nodeAt, targetTypeOf, targetTypeResolver, type XdmField } from "./tree";
export { toAjvSchema } from "./ajv-schema";
export { toStreamingValidationBody, type StreamingValidationBody } from "./streaming-body";
export { RAINFOCUS_FIELDS, normalizeTenantId, tenantPath, type RainFocusField, type RainFocusFieldGroup } from "./rainfocus-fields";
