// Public surface of the XDM module. Pure: no I/O; ajv compiles each schema once.
export type { XdmNode, XdmSchemaModel, XdmType, XdmIdentity, XdmValidationError } from "./types";
export { buildSchemaModel } from "./schema-model";
export { buildDefaultRainFocusSchema, defaultSchemaId } from "./default-schema";
export { defaultSchemaModel } from "./default-model";
export { listFields, nodeAt, targetTypeOf, targetTypeResolver, type XdmField } from "./tree";
export { getXdmValidator, validateXdm, type XdmValidator, type XdmValidatorOptions } from "./validator";
export { toAjvSchema } from "./ajv-schema";
export { toStreamingValidationBody, type StreamingValidationBody } from "./streaming-body";
export { RAINFOCUS_FIELDS, normalizeTenantId, tenantPath, type RainFocusField, type RainFocusFieldGroup } from "./rainfocus-fields";
