import { TransformError } from "../errors";
import { describe, setOwn } from "../values";
import { isNil, str } from "./coerce-args";
import { capItems } from "./limits";
import { def, type FunctionDef } from "./types";

// functions.md "Hierarchies - Objects" and "Hierarchies - Map". Maps are plain JSON objects here
// (an XDM map is an object with free keys). Keys are written with setOwn, so "__proto__" is a key.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

function obj(v: unknown, fn: string): Obj | null {
  if (isNil(v)) return null;
  if (isObj(v)) return v;
  throw new TransformError(`${fn}: expected an object, got ${describe(v)}`);
}

/** Flat key/value pairs → object (to_object, to_map, object_to_map syntax 1). */
function pairs(fn: string, args: unknown[]): Obj {
  if (args.length % 2 !== 0) throw new TransformError(`${fn}: expects key/value pairs, got ${args.length} arguments`);
  const o: Obj = {};
  for (let k = 0; k < args.length; k += 2) {
    if (isNil(args[k])) throw new TransformError(`${fn}: key ${k / 2 + 1} is null`);
    setOwn(o, str(args[k], fn), args[k + 1]);
  }
  return o;
}

/** Array of objects → map keyed by each element's `attr` value (array_to_map, object_to_map syntax 3). */
function keyBy(fn: string, arr: unknown[], attr: unknown): Obj {
  const name = str(attr, fn);
  const o: Obj = {};
  for (const el of capItems(arr, fn)) {
    if (!isObj(el)) continue;
    const k = el[name];
    if (isNil(k)) continue;
    setOwn(o, str(k, fn), el);
  }
  return o;
}

/** "k1:v1,k2:v2" → object; keys and values trimmed; pairs with an empty key or value are dropped. */
function parsePairs(s: string, valueDelim: string, fieldDelim: string): Obj {
  const o: Obj = {};
  for (const field of s.split(fieldDelim)) {
    const at = field.indexOf(valueDelim);
    if (at < 0) continue;
    const k = field.slice(0, at).trim(),
      v = field.slice(at + valueDelim.length).trim();
    if (k !== "" && v !== "" && !Object.hasOwn(o, k)) setOwn(o, k, v);
  }
  return o;
}
const delim = (v: unknown, dflt: string, fn: string) => (isNil(v) || v === "" ? dflt : str(v, fn));

function keyList(key: unknown, fn: string): string[] {
  return (Array.isArray(key) ? key : [key]).filter((k) => !isNil(k)).map((k) => str(k, fn));
}

export const mapFunctions: Record<string, FunctionDef> = {
  to_object: def(2, Infinity, (...args: unknown[]) => pairs("to_object", args)),
  to_map: def(2, Infinity, (...args: unknown[]) => pairs("to_map", args)),
  str_to_object: def(1, 3, (v: unknown, vd: unknown, fd: unknown) =>
    isNil(v) ? null : parsePairs(str(v, "str_to_object"), delim(vd, ":", "str_to_object"), delim(fd, ",", "str_to_object")),
  ),
  get_values: def(3, 4, (v: unknown, key: unknown, vd: unknown, fd: unknown) => {
    if (isNil(v) || isNil(key)) return null;
    const o = parsePairs(str(v, "get_values"), delim(vd, ":", "get_values"), delim(fd, ",", "get_values"));
    return o[str(key, "get_values")] ?? null;
  }),
  get_keys: def(1, 1, (v: unknown) => {
    const o = obj(v, "get_keys");
    return o ? Object.keys(o) : null;
  }),
  nullify: def(0, 0, () => null),
  json_to_object: def(1, 1, (v: unknown) => {
    if (isNil(v) || typeof v === "object") return v ?? null; // already an object (json_to_object({...}) in functions.md)
    try {
      return JSON.parse(str(v, "json_to_object"));
    } catch (e) {
      throw new TransformError(`json_to_object: not valid JSON (${(e as Error).message})`);
    }
  }),
  // Appendix example: map_get_values(book_details, "author") → {"author": "George R. R. Martin"}.
  map_get_values: def(2, 2, (m: unknown, key: unknown) => {
    const o = obj(m, "map_get_values");
    if (!o) return null;
    const out: Obj = {};
    for (const k of keyList(key, "map_get_values")) if (Object.hasOwn(o, k)) setOwn(out, k, o[k]);
    return out;
  }),
  map_has_keys: def(2, 2, (m: unknown, key: unknown) => {
    const o = obj(m, "map_has_keys");
    return !!o && keyList(key, "map_has_keys").some((k) => Object.hasOwn(o, k));
  }),
  // "If one or more keys are repeated … the first key-value pair persists."
  add_to_map: def(1, Infinity, (...maps: unknown[]) => {
    const out: Obj = {};
    for (const m of maps) {
      const o = obj(m, "add_to_map");
      if (o) for (const k of Object.keys(o)) if (!Object.hasOwn(out, k)) setOwn(out, k, o[k]);
    }
    return out;
  }),
  object_to_map: {
    ...def(1, Infinity, (...args: unknown[]) => {
      if (args.length === 1) return isNil(args[0]) ? null : Array.isArray(args[0]) ? null : { ...obj(args[0], "object_to_map") };
      if (args.length === 2 && Array.isArray(args[0])) return keyBy("object_to_map", args[0], args[1]);
      return pairs("object_to_map", args);
    }),
    nameArg: 1,
  },
  array_to_map: def(2, 2, (arr: unknown, key: unknown) => {
    if (isNil(arr)) return null;
    if (!Array.isArray(arr)) throw new TransformError(`array_to_map: expected an array of objects, got ${describe(arr)}`);
    return keyBy("array_to_map", arr, key);
  }),
  arrays_to_objects: def(2, Infinity, (...args: unknown[]) => {
    if (args.length % 2 !== 0) throw new TransformError("arrays_to_objects: expects key/array pairs");
    let n = 0;
    for (let k = 1; k < args.length; k += 2) {
      if (!isNil(args[k]) && !Array.isArray(args[k])) throw new TransformError(`arrays_to_objects: expected an array for '${String(args[k - 1])}'`);
      n = Math.max(n, (args[k] as unknown[] | null)?.length ?? 0);
    }
    const out: Obj[] = [];
    for (let e = 0; e < n; e++) {
      const o: Obj = {};
      for (let k = 0; k < args.length; k += 2) setOwn(o, str(args[k], "arrays_to_objects"), (args[k + 1] as unknown[] | null)?.[e] ?? null);
      out.push(o);
    }
    return capItems(out, "arrays_to_objects");
  }),
};
