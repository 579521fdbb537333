import type { XdmNode } from "./types";

// Turns the model into a strict JSON Schema that encodes AEP's ingestion rules, so one compiled
// ajv function checks everything: no null/empty values (minLength/minProperties/minItems, and
// `null` never matches a type), unknown fields rejected (additionalProperties:false), `_id` a
// uri-reference, `timestamp` RFC 3339 and not in the future, identityMap items {id, primary?,
// authenticatedState?}.

type Json = Record<string, unknown>;

export const NOT_FUTURE_KEYWORD = "aepNotFuture";

// RFC 3986 lets "1:abc" pass as a relative reference in ajv, but Java's URI parser (AEP) reads the
// part before ':' as a scheme and rejects it — hence Adobe's advice to strip colons from `_id`.
export const ID_SCHEME_PATTERN = "^(?:[A-Za-z][A-Za-z0-9+.\\-]*:|[^:/?#]*(?:[/?#]|$))";

const IDENTITY_ITEM: Json = {
  type: "object",
  properties: {
    id: { type: "string", minLength: 1 },
    primary: { type: "boolean" },
    authenticatedState: { type: "string", enum: ["ambiguous", "authenticated", "loggedOut"] },
  },
  required: ["id"],
  additionalProperties: false,
};

function toAjv(n: XdmNode, isRoot: boolean, futureToleranceMs: number): Json {
  switch (n.type) {
    case "string": {
      const s: Json = { type: "string", minLength: Math.max(1, n.minLength ?? 1) };
      if (n.maxLength !== undefined) s.maxLength = n.maxLength;
      if (n.format && ["date-time", "date", "uri-reference", "uri", "email", "time", "uuid"].includes(n.format)) s.format = n.format;
      if (n.pattern) s.pattern = n.pattern;
      if (n.enum) s.enum = n.enum;
      return s;
    }
    case "integer":
    case "number": {
      const s: Json = { type: n.type };
      if (n.minimum !== undefined) s.minimum = n.minimum;
      if (n.maximum !== undefined) s.maximum = n.maximum;
      if (n.enum) s.enum = n.enum;
      return s;
    }
    case "boolean":
      return { type: "boolean" };
    case "array":
      return { type: "array", minItems: 1, ...(n.items ? { items: toAjv(n.items, false, futureToleranceMs) } : {}) };
    case "map": {
      const values = n.path === "identityMap" ? { type: "array", minItems: 1, items: IDENTITY_ITEM } : n.items ? toAjv(n.items, false, futureToleranceMs) : {};
      return { type: "object", minProperties: 1, additionalProperties: values };
    }
    case "object": {
      const properties: Json = {};
      const required: string[] = [];
      for (const p of n.properties ?? []) {
        let s = toAjv(p, false, futureToleranceMs);
        if (isRoot && p.name === "_id") s = { ...s, type: "string", format: "uri-reference", pattern: ID_SCHEME_PATTERN };
        if (isRoot && p.name === "timestamp") s = { type: "string", minLength: 1, format: "date-time", [NOT_FUTURE_KEYWORD]: futureToleranceMs };
        if (isRoot && p.name === "identityMap")
          s = { type: "object", minProperties: 1, additionalProperties: { type: "array", minItems: 1, items: IDENTITY_ITEM } };
        properties[p.name] = s;
        if (p.required) required.push(p.name);
      }
      const s: Json = { type: "object", properties, additionalProperties: false };
      if (!isRoot) s.minProperties = 1;
      if (required.length) s.required = required;
      return s;
    }
  }
}

export function toAjvSchema(root: XdmNode, futureToleranceMs = 0): Json {
  return toAjv(root, true, futureToleranceMs);
}
