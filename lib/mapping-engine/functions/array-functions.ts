import { TransformError } from "../errors";
import { describe } from "../values";
import { isNil, str } from "./coerce-args";
import { capItems, capString } from "./limits";
import { def, type FunctionDef } from "./types";

// functions.md "Hierarchies - Arrays", "Aggregation" and the destination-only array functions.
// Inputs are never mutated: every function returns a new array.

function list(v: unknown, fn: string): unknown[] | null {
  if (isNil(v)) return null;
  if (Array.isArray(v)) return v;
  throw new TransformError(`${fn}: expected an array, got ${describe(v)}`);
}

function flattenDeep(v: unknown, out: unknown[], depth = 0): void {
  if (depth > 64) throw new TransformError("flattenArray: array nested too deeply");
  if (Array.isArray(v)) for (const x of v) flattenDeep(x, out, depth + 1);
  else out.push(v);
  capItems(out, "flattenArray");
}

/** Natural ordering of Data Prep's min/max: numbers, strings or dates, one kind per call. */
function extreme(fn: "min" | "max", args: unknown[]): unknown {
  const vals = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).filter((x) => !isNil(x));
  if (!vals.length) return null;
  const key = (x: unknown) => (x instanceof Date ? x.getTime() : x);
  const kind = (x: unknown) => (x instanceof Date ? "date" : typeof x);
  const k0 = kind(vals[0]);
  if (k0 !== "number" && k0 !== "string" && k0 !== "date") throw new TransformError(`${fn}: cannot compare ${describe(vals[0])}`);
  let best = vals[0];
  for (const x of vals) {
    if (kind(x) !== k0) throw new TransformError(`${fn}: cannot compare ${describe(best)} with ${describe(x)}`);
    const a = key(x) as number | string,
      b = key(best) as number | string;
    if (fn === "min" ? a < b : a > b) best = x;
  }
  return best;
}

function callback(f: unknown, fn: string): (x: unknown) => unknown {
  if (typeof f !== "function") throw new TransformError(`${fn}: the second argument must be a lambda such as x -> x > 0`);
  return f as (x: unknown) => unknown;
}

export const arrayFunctions: Record<string, FunctionDef> = {
  to_array: def(1, Infinity, (includeNulls: unknown, ...values: unknown[]) => {
    const keep = includeNulls === true || includeNulls === "true";
    return capItems(keep ? values.map((v) => v ?? null) : values.filter((v) => !isNil(v)), "to_array");
  }),
  add_to_array: def(1, Infinity, (arr: unknown, ...values: unknown[]) => {
    const a = list(arr, "add_to_array") ?? [];
    return capItems([...a, ...values], "add_to_array");
  }),
  join_arrays: def(1, Infinity, (...arrays: unknown[]) => {
    const out: unknown[] = [];
    for (const a of arrays) {
      if (isNil(a)) continue;
      if (Array.isArray(a)) out.push(...a);
      else out.push(a);
      capItems(out, "join_arrays");
    }
    return out;
  }),
  // Profile upsert directives: on insert (all Relay sends) they return the input as is.
  upsert_array_append: def(1, 1, (arr: unknown) => list(arr, "upsert_array_append")),
  upsert_array_replace: def(1, 2, (arr: unknown) => list(arr, "upsert_array_replace")),
  min: def(1, Infinity, (...args: unknown[]) => extreme("min", args)),
  max: def(1, Infinity, (...args: unknown[]) => extreme("max", args)),
  array_to_string: def(2, 2, (sep: unknown, arr: unknown) => {
    const a = list(arr, "array_to_string");
    if (!a) return null;
    const flat: unknown[] = [];
    flattenDeep(a, flat);
    return capString(
      flat
        .filter((x) => !isNil(x))
        .map((x) => str(x, "array_to_string"))
        .join(isNil(sep) ? "" : str(sep, "array_to_string")),
      "array_to_string",
    );
  }),
  filterArray: def(2, 2, (arr: unknown, f: unknown) => {
    const a = list(arr, "filterArray");
    const pred = callback(f, "filterArray");
    return a ? a.filter((x) => pred(x) === true) : null;
  }),
  transformArray: def(2, 2, (arr: unknown, f: unknown) => {
    const a = list(arr, "transformArray");
    const map = callback(f, "transformArray");
    return a ? a.map((x) => map(x)) : null;
  }),
  flattenArray: def(1, Infinity, (...arrays: unknown[]) => {
    const out: unknown[] = [];
    for (const a of arrays) if (!isNil(a)) flattenDeep(a, out);
    return out;
  }),
};
