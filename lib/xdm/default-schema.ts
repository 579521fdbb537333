import { RAINFOCUS_FIELDS, normalizeTenantId, type RainFocusFieldGroup } from "./rainfocus-fields";

// The ExperienceEvent schema RainFocus recommends (seed 000), in AEP's "xed" export shape: the
// class fields and one definition per field group, combined with allOf/$ref, each group
// contributing to the `_{tenantId}` object. Going through the same loader as uploaded schemas keeps
// one code path.

type Json = Record<string, unknown>;

const GROUP_TITLES: Record<RainFocusFieldGroup, string> = {
  attendee: "RainFocus Attendee",
  exhibitor: "RainFocus Exhibitor",
  lead: "RainFocus Lead",
  session: "RainFocus Session",
  sessiontime: "RainFocus SessionTime",
  transmission: "RainFocus Transmission",
};

const IDENTITY_MAP: Json = {
  type: "object",
  "meta:xdmType": "map",
  title: "Identity map",
  description: "Identities of the person the event is about, by namespace.",
  additionalProperties: {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: { type: "string", title: "Identifier" },
        authenticatedState: { type: "string", enum: ["ambiguous", "authenticated", "loggedOut"], default: "ambiguous" },
        primary: { type: "boolean", default: false },
      },
      required: ["id"],
    },
  },
};

function leafSchema(type: "string" | "integer" | "date-time", title: string, description: string): Json {
  if (type === "integer") return { type: "integer", "meta:xdmType": "int", title, description };
  if (type === "date-time") return { type: "string", format: "date-time", "meta:xdmType": "date-time", title, description };
  return { type: "string", "meta:xdmType": "string", title, description };
}

function setDeep(obj: Json, path: string[], leaf: Json): void {
  let cur = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const props = (cur.properties ??= {}) as Json;
    cur = (props[path[i]] ??= { type: "object", properties: {} }) as Json;
  }
  ((cur.properties ??= {}) as Json)[path[path.length - 1]] = leaf;
}

export function defaultSchemaId(tenantId: string): string {
  return `https://ns.adobe.com/${normalizeTenantId(tenantId)}/schemas/rainfocus-experience-event`;
}

/** The default RainFocus ExperienceEvent schema for a tenant, as exported JSON. */
export function buildDefaultRainFocusSchema(tenantId: string): Json {
  const tenant = "_" + normalizeTenantId(tenantId);
  const definitions: Json = {
    experienceevent: {
      title: "XDM ExperienceEvent",
      type: "object",
      properties: {
        _id: {
          type: "string",
          format: "uri-reference",
          title: "Identifier",
          description: "Unique id of this record; derived from the RainFocus transmissionId so retries are idempotent.",
        },
        timestamp: {
          type: "string",
          format: "date-time",
          "meta:xdmType": "date-time",
          title: "Timestamp",
          description: "When the event happened (RFC 3339, in the past).",
        },
        eventType: { type: "string", title: "Event type", description: "The RainFocus push type, e.g. SessionScheduled." },
        identityMap: IDENTITY_MAP,
      },
      required: ["_id", "timestamp"],
    },
  };
  for (const group of Object.keys(GROUP_TITLES) as RainFocusFieldGroup[]) {
    const def: Json = { title: GROUP_TITLES[group], type: "object", properties: { [tenant]: { type: "object", properties: {} } } };
    for (const f of RAINFOCUS_FIELDS.filter((x) => x.group === group && x.xdm.startsWith("{tenant}."))) {
      const leaf = leafSchema(f.type, f.source, f.description);
      if (f.source === "attendee.email") leaf["x-rf-identity"] = { namespace: "Email", primary: true };
      setDeep(def, [tenant, ...f.xdm.split(".").slice(1)], leaf);
    }
    definitions[`rainfocus-${group}`] = def;
  }
  return {
    $id: defaultSchemaId(tenantId),
    $schema: "http://json-schema.org/draft-06/schema#",
    title: "RainFocus ExperienceEvent",
    type: "object",
    "meta:class": "https://ns.adobe.com/xdm/context/experienceevent",
    definitions,
    allOf: Object.keys(definitions).map((k) => ({ $ref: `#/definitions/${k}` })),
  };
}
