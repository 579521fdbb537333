import { buildSchemaModel, MAX_SCHEMA_CHARS } from "@/lib/xdm/schema-model";

/**
 * Schema Registry lookup (help/xdm/api/schemas.md, "Look up a schema"):
 * `GET /data/foundation/schemaregistry/tenant/schemas/{URL-encoded $id}`. Lookups need a version
 * in Accept; `xed-full` resolves `$ref`/`allOf` and keeps titles, which is what validation needs.
 */
export const SCHEMA_REGISTRY_ACCEPT = "application/vnd.adobe.xed-full+json; version=1";

export function schemaLookupPath(schemaId: string): string {
  return `/data/foundation/schemaregistry/tenant/schemas/${encodeURIComponent(schemaId)}`;
}

export interface FetchedSchema {
  id: string;
  title: string;
  schema: Record<string, unknown>;
}

/**
 * The lookup's body, kept only if it is the schema asked for and Relay can map it: within
 * MAX_SCHEMA_CHARS of JSON and MAX_SCHEMA_PROPERTIES fields (buildSchemaModel enforces both).
 * Returns the reason otherwise.
 */
export function parseFetchedSchema(body: unknown, schemaId: string): FetchedSchema | string {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "the Schema Registry answer is not a JSON object";
  const o = body as Record<string, unknown>;
  if (o.$id !== schemaId) return `the Schema Registry answered with schema ${String(o.$id)}, not ${schemaId}`;
  if (JSON.stringify(o).length > MAX_SCHEMA_CHARS) return `the schema is larger than ${MAX_SCHEMA_CHARS / 1024} KB of JSON; Relay maps schemas up to that size`;
  try {
    buildSchemaModel(o);
  } catch (e) {
    return `the schema is not usable: ${(e as Error).message}`;
  }
  return { id: schemaId, title: typeof o.title === "string" && o.title ? o.title : schemaId, schema: o };
}
