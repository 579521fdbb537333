import { sha256Hex } from "@/lib/mapping-engine/hash/sha256";
import { unsafeRegexReason } from "@/lib/mapping-engine/functions/regex-guard";
import type { XdmIdentity, XdmNode, XdmSchemaModel, XdmType } from "./types";

// Builds the schema model from an exported XDM JSON schema. Handles the two common export shapes:
// fully inlined `properties` (xed-full) and `allOf` of `$ref`s into `definitions` (xed), where
// several field groups contribute to the same tenant object and are deep-merged.

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const MAX_DEPTH = 32;
/** Caps on one uploaded schema (issue 16: a 1.5 MB, 20,000-property upload stalled the server 13 s). */
export const MAX_SCHEMA_CHARS = 1_048_576;
export const MAX_SCHEMA_PROPERTIES = 5_000;

const INT_RANGES: Record<string, [number, number]> = {
  long: [-9007199254740991, 9007199254740991],
  int: [-2147483648, 2147483647],
  short: [-32768, 32767],
  byte: [-128, 127],
};

/** JSON with sorted keys, so semantically equal schemas hash the same. */
function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return "[" + v.map(stableStringify).join(",") + "]";
  if (isObj(v))
    return (
      "{" +
      Object.keys(v)
        .sort()
        .map((k) => JSON.stringify(k) + ":" + stableStringify(v[k]))
        .join(",") +
      "}"
    );
  return JSON.stringify(v) ?? "null";
}

class Resolver {
  warnings: string[] = [];
  nodes = 0;
  private byId = new Map<string, Json>();
  constructor(private root: Json) {
    const defs = { ...(isObj(root.definitions) ? root.definitions : {}), ...(isObj(root.$defs) ? root.$defs : {}) };
    for (const d of Object.values(defs)) if (isObj(d) && typeof d.$id === "string") this.byId.set(d.$id, d);
  }
  ref(ref: string): Json | undefined {
    const local = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
    if (local) {
      const bag = this.root[local[1]];
      const key = decodeURIComponent(local[2]).replace(/~1/g, "/").replace(/~0/g, "~");
      if (isObj(bag) && Object.hasOwn(bag, key) && isObj(bag[key])) return bag[key] as Json;
    }
    const hit = this.byId.get(ref);
    if (hit) return hit;
    this.warnings.push(`unresolved $ref ${ref}: its fields are not in the model`);
    return undefined;
  }
  /** Flattens $ref and allOf into one plain schema object (properties deep-merged). */
  flatten(s: Json, depth: number): Json {
    if (depth > MAX_DEPTH) {
      this.warnings.push("schema nested too deeply; truncated");
      return {};
    }
    const own: Json = { ...s };
    delete own.allOf;
    delete own.$ref;
    const parts: Json[] = [];
    if (typeof s.$ref === "string") {
      const r = this.ref(s.$ref);
      if (r) parts.push(r);
    }
    if (Array.isArray(s.allOf)) for (const p of s.allOf) if (isObj(p)) parts.push(p);
    if (parts.length === 0) return own;
    let out: Json = {};
    for (const p of parts) out = merge(out, this.flatten(p, depth + 1), this, depth);
    return merge(out, own, this, depth);
  }
}

function merge(a: Json, b: Json, r: Resolver, depth: number): Json {
  const out: Json = { ...a, ...b };
  if (isObj(a.properties) || isObj(b.properties)) {
    const props: Json = { ...(isObj(a.properties) ? a.properties : {}) };
    for (const [k, v] of Object.entries(isObj(b.properties) ? b.properties : {})) {
      props[k] = isObj(props[k]) && isObj(v) ? merge(r.flatten(props[k] as Json, depth + 1), r.flatten(v, depth + 1), r, depth + 1) : v;
    }
    out.properties = props;
  }
  const req = [...(Array.isArray(a.required) ? a.required : []), ...(Array.isArray(b.required) ? b.required : [])];
  if (req.length) out.required = [...new Set(req)];
  if (!out.type && (a.type || b.type)) out.type = a.type ?? b.type;
  return out;
}

function jsonType(s: Json): XdmType {
  const xdm = typeof s["meta:xdmType"] === "string" ? (s["meta:xdmType"] as string) : undefined;
  if (xdm === "map") return "map";
  let t = s.type;
  if (Array.isArray(t)) t = t.find((x) => x !== "null");
  if (t === "string" || t === "integer" || t === "number" || t === "boolean" || t === "array") return t;
  if (t === "object" || isObj(s.properties)) return isObj(s.additionalProperties) && !isObj(s.properties) ? "map" : "object";
  if (xdm && INT_RANGES[xdm]) return "integer";
  if (xdm === "double" || xdm === "number") return "number";
  return "string";
}

function node(raw: Json, name: string, path: string, required: boolean, r: Resolver, depth: number): XdmNode {
  if (++r.nodes > MAX_SCHEMA_PROPERTIES) throw new Error(`the schema has more than ${MAX_SCHEMA_PROPERTIES} fields; Relay maps schemas up to that size`);
  const s = r.flatten(raw, depth);
  const type = jsonType(s);
  const n: XdmNode = { name, path, type, required };
  const xdmType = s["meta:xdmType"];
  if (typeof xdmType === "string") n.xdmType = xdmType;
  if (typeof s.format === "string") n.format = s.format;
  else if (xdmType === "date-time" || xdmType === "date") n.format = xdmType;
  if (typeof s.title === "string") n.title = s.title;
  if (typeof s.description === "string") n.description = s.description;
  if (Array.isArray(s.enum)) n.enum = s.enum.filter((e) => ["string", "number", "boolean"].includes(typeof e)) as XdmNode["enum"];
  if (typeof s.pattern === "string") {
    const why = unsafeRegexReason(s.pattern);
    if (why) r.warnings.push(`pattern on ${path} ignored: ${why}`);
    else n.pattern = s.pattern;
  }
  for (const k of ["minLength", "maxLength", "minimum", "maximum"] as const) if (typeof s[k] === "number") n[k] = s[k] as number;
  if (type === "integer" && typeof xdmType === "string" && INT_RANGES[xdmType]) {
    n.minimum ??= INT_RANGES[xdmType][0];
    n.maximum ??= INT_RANGES[xdmType][1];
  }
  const identity = s["x-rf-identity"] ?? s["meta:identity"];
  if (isObj(identity) && typeof identity.namespace === "string")
    n.identity = { namespace: identity.namespace, primary: identity.primary === true } as XdmIdentity;
  if (depth > MAX_DEPTH) return n;
  if (type === "object") {
    const req = new Set(Array.isArray(s.required) ? s.required : []);
    const props = isObj(s.properties) ? s.properties : {};
    n.properties = Object.entries(props)
      .filter(([, v]) => isObj(v))
      .map(([k, v]) => node(v as Json, k, path ? `${path}.${escapeKey(k)}` : escapeKey(k), req.has(k), r, depth + 1));
  } else if (type === "array" && isObj(s.items)) {
    n.items = node(s.items, "[*]", `${path}[*]`, false, r, depth + 1);
  } else if (type === "map") {
    const values = isObj(s.additionalProperties) ? s.additionalProperties : { type: "string" };
    n.items = node(values, "*", `${path}.*`, false, r, depth + 1);
  }
  return n;
}

const escapeKey = (k: string) => (/^[A-Za-z0-9_@$-]+$/.test(k) ? k : "${" + k + "}");

const cache = new Map<string, XdmSchemaModel>();
const MAX_CACHED = 32;

/**
 * Builds the model from an exported XDM schema (JSON object or JSON text). Refuses schemas over
 * MAX_SCHEMA_CHARS of JSON or MAX_SCHEMA_PROPERTIES fields, and builds each distinct schema once
 * (cached by the SHA-256 of its JSON text), so repeated previews against one upload cost a hash.
 */
export function buildSchemaModel(schema: unknown): XdmSchemaModel {
  const text = typeof schema === "string" ? schema : (JSON.stringify(schema) ?? "");
  if (text.length > MAX_SCHEMA_CHARS)
    throw new Error(`the schema is ${Math.ceil(text.length / 1024)} KB of JSON; Relay maps schemas up to ${MAX_SCHEMA_CHARS / 1024} KB`);
  const key = sha256Hex(text);
  const hit = cache.get(key);
  if (hit) return hit;
  const model = buildUncached(typeof schema === "string" ? (JSON.parse(schema) as unknown) : schema);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, model);
  return model;
}

function buildUncached(json: unknown): XdmSchemaModel {
  if (!isObj(json)) throw new Error("an XDM schema must be a JSON object");
  const r = new Resolver(json);
  const root = node(json, "", "", true, r, 0);
  if (root.type !== "object") throw new Error("an XDM schema's root must be an object");
  const tenantKey = root.properties?.find((p) => p.name.startsWith("_") && p.name !== "_id" && p.type === "object")?.name;
  return {
    id: typeof json.$id === "string" ? json.$id : undefined,
    title: typeof json.title === "string" ? json.title : undefined,
    tenantId: tenantKey?.slice(1),
    root,
    hash: sha256Hex(stableStringify(json)),
    warnings: [...new Set(r.warnings)],
  };
}
