import { buildDefaultRainFocusSchema } from "@/lib/xdm";
import type { Reply, Route } from "../kit/server";
import { DEMO_ADOBE } from "../../lib/demo-credentials";
import { checkGateway } from "./gateway";
import type { AdobeState } from "./state";

type Json = Record<string, unknown>;

// Schema Registry errors, shape from help/xdm/troubleshooting-guide.md ("Errors and troubleshooting").
const registryError = (status: number, title: string, detail: string): Reply => ({ status, body: { type: "/placeholder/type/uri", status, title, detail } });

/**
 * The demo dataset's schema as a `xed-full` lookup answers it (help/xdm/api/schemas.md, "Look up a
 * schema"): `$ref`/`allOf` resolved into one `properties` tree, with the lookup's metadata fields.
 */
export function demoRegistrySchema(): Json {
  const raw = buildDefaultRainFocusSchema(DEMO_ADOBE.tenantId);
  const defs = raw.definitions as Record<string, Json>;
  const merged: Json = { type: "object", properties: {}, required: [] as string[] };
  for (const d of Object.values(defs)) deepMerge(merged, d);
  const altId = `_${DEMO_ADOBE.tenantId}.schemas.${DEMO_ADOBE.schemaId.split("/").pop()}`;
  return {
    $id: DEMO_ADOBE.schemaId,
    "meta:altId": altId,
    "meta:resourceType": "schemas",
    version: "1.0",
    title: "RainFocus events (demo)",
    type: "object",
    description: "The demo dataflow's ExperienceEvent schema.",
    properties: merged.properties,
    required: merged.required,
    "meta:class": "https://ns.adobe.com/xdm/context/experienceevent",
    "meta:containerId": "tenant",
    "meta:xdmType": "object",
    "meta:tenantNamespace": `_${DEMO_ADOBE.tenantId}`,
  };
}

function deepMerge(into: Json, from: Json): void {
  for (const [k, v] of Object.entries((from.properties as Json) ?? {})) {
    const props = into.properties as Json;
    const cur = props[k] as Json | undefined;
    if (cur && cur.type === "object" && (v as Json).type === "object") deepMerge(cur, v as Json);
    else props[k] = structuredClone(v);
  }
  if (Array.isArray(from.required)) into.required = [...new Set([...((into.required as string[]) ?? []), ...(from.required as string[])])];
}

export function schemaRegistryRoutes(state: AdobeState): Route[] {
  return [
    {
      // GET /tenant/schemas/{SCHEMA_ID}: the `meta:altId` or URL-encoded `$id` (help/xdm/api/schemas.md).
      id: "schemaregistry.schemas",
      method: "GET",
      pattern: /^\/data\/foundation\/schemaregistry\/tenant\/schemas\/(?<id>[^/]+)$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        // Lookups need an Accept with a version (help/xdm/troubleshooting-guide.md, "Accept header errors").
        const accept = ctx.headers.accept ?? "";
        if (!accept) return registryError(406, "NotAcceptableError", "Accept header parameter is required");
        if (!/^application\/vnd\.adobe\.xed(-full)?(-notext|-desc|-deprecatefield)?\+json/.test(accept))
          return registryError(406, "NotAcceptableError", `Unknown Accept media supplied: ${accept}`);
        if (!/;\s*version=\d+/.test(accept)) {
          return registryError(
            400,
            "BadRequestError",
            "version must be supplied in the accept header. Example: application/vnd.adobe.xed-full-notext+json; version=1",
          );
        }
        const id = decodeURIComponent(ctx.params.id!);
        const schema = [...state.schemas.values()].find((s) => s.$id === id || s["meta:altId"] === id);
        return schema ? { status: 200, body: schema } : registryError(404, "NotFoundError", `Object ${id} with version 1 not found`);
      },
    },
  ];
}
