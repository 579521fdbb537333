import { TransformError } from "../errors";
import { describe, isEmptyValue, toBooleanValue } from "../values";
import { isNil } from "./coerce-args";
import { def, type FunctionDef } from "./types";

// Type conversion, logic, array and object functions. `contains_key(path)` is compiled specially
// (it needs the path, not its value) in compile-expression.ts.

function toNumber(v: unknown, fn: string, integer: boolean): number | null {
  if (isNil(v)) return null;
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "boolean") n = v ? 1 : 0;
  else if (typeof v === "string" && v.trim() !== "") n = Number(v.trim());
  else throw new TransformError(`${fn}: cannot convert ${describe(v)} to a number`);
  if (!Number.isFinite(n)) throw new TransformError(`${fn}: cannot convert ${describe(v)} to a number`);
  if (!integer) return n;
  const i = Math.trunc(n); // Java's (long) cast truncates toward zero
  if (!Number.isSafeInteger(i)) throw new TransformError(`${fn}: ${describe(v)} is outside the safe integer range`);
  return i;
}

function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "string") return b.trim() !== "" && Number(b) === a;
  if (typeof b === "number" && typeof a === "string") return a.trim() !== "" && Number(a) === b;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}

function asArray(v: unknown, fn: string): unknown[] | null {
  if (isNil(v)) return null;
  if (Array.isArray(v)) return v;
  throw new TransformError(`${fn}: expected an array, got ${describe(v)}`);
}

export const valueFunctions: Record<string, FunctionDef> = {
  to_integer: def(1, 1, (v: unknown) => {
    const n = toNumber(v, "to_integer", true);
    if (n !== null && (n > 2147483647 || n < -2147483648)) throw new TransformError(`to_integer: ${describe(v)} overflows a 32-bit integer`);
    return n;
  }),
  to_bigint: def(1, 1, (v: unknown) => toNumber(v, "to_bigint", true)),
  to_float: def(1, 1, (v: unknown) => toNumber(v, "to_float", false)),
  to_decimal: def(1, 1, (v: unknown) => toNumber(v, "to_decimal", false)),
  to_boolean: def(1, 1, (v: unknown) => toBooleanValue(v)),
  iif: def(3, 3, (c: unknown, t: unknown, f: unknown) => (c === true || (c !== false && !isNil(c) && toBooleanValue(c)) ? t : f)),
  decode: def(3, Infinity, (key: unknown, ...pairs: unknown[]) => {
    for (let i = 0; i + 1 < pairs.length; i += 2) if (looseEquals(key, pairs[i])) return pairs[i + 1];
    return pairs.length % 2 === 1 ? pairs[pairs.length - 1] : null;
  }),
  coalesce: def(1, Infinity, (...args: unknown[]) => {
    for (const a of args) if (!isNil(a) && a !== "") return a;
    return null;
  }),
  // functions.md: first("1", "2", "3") → "1", last(…) → "3"; a single array argument is read as the list.
  first: def(1, Infinity, (...args: unknown[]) => {
    const a = args.length === 1 ? asArray(args[0], "first") : args;
    return a?.length ? (a[0] ?? null) : null;
  }),
  last: def(1, Infinity, (...args: unknown[]) => {
    const a = args.length === 1 ? asArray(args[0], "last") : args;
    return a?.length ? (a[a.length - 1] ?? null) : null;
  }),
  size_of: def(1, 1, (v: unknown) => {
    if (isNil(v)) return 0;
    if (Array.isArray(v) || typeof v === "string") return v.length;
    if (typeof v === "object") return Object.keys(v as object).length;
    throw new TransformError(`size_of: expected an array, got ${describe(v)}`);
  }),
  is_empty: def(1, 1, (v: unknown) => isEmptyValue(v)),
  uuid: def(0, 0, () => randomUuid(), false),
  // functions.md documents fpid_to_ecid with one example but Adobe does not publish the FPID→ECID
  // derivation, and no standard digest of the FPID reproduces that example. Rather than send an
  // ECID that Adobe would not recognise, the field is nulled with this explanation.
  fpid_to_ecid: def(1, 1, (v: unknown) => {
    if (isNil(v)) return null;
    throw new TransformError(
      "fpid_to_ecid: Adobe does not publish how an ECID is derived from an FPID, so Relay cannot compute it; send the FPID in identityMap.FPID and let Adobe derive the ECID",
    );
  }),
  guid: def(0, 0, () => randomUuid(), false),
};

export { looseEquals };

function randomUuid(): string {
  // globalThis.crypto exists in browsers and Node ≥ 19; the fallback only matters in odd runtimes.
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const h = "0123456789abcdef";
  let s = "";
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) s += "-";
    else if (i === 14) s += "4";
    else if (i === 19) s += h[8 + Math.floor(Math.random() * 4)];
    else s += h[Math.floor(Math.random() * 16)];
  }
  return s;
}
