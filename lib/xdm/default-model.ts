import { buildDefaultRainFocusSchema } from "./default-schema";
import { buildSchemaModel } from "./schema-model";
import type { XdmSchemaModel } from "./types";

// Building the model hashes the schema; memoise per tenant since the worker asks for it per event.
const models = new Map<string, XdmSchemaModel>();

export function defaultSchemaModel(tenantId: string): XdmSchemaModel {
  let m = models.get(tenantId);
  if (!m) {
    m = buildSchemaModel(buildDefaultRainFocusSchema(tenantId));
    if (models.size > 100) models.clear();
    models.set(tenantId, m);
  }
  return m;
}
