import { TransformError } from "../errors";
import { describe } from "../values";
import { isNil, str } from "./coerce-args";
import { capString } from "./limits";

// Arithmetic operators and the Java-style methods Data Prep expressions call on values
// (functions.md: STRING1.equals(STRING2), STRING1.equalsIgnoreCase(STRING2), str_to_object(…).get(KEY)).

function num(v: unknown, op: string): number {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new TransformError(`'${op}' needs numbers, got ${describe(v)}`);
  return n;
}

/** + concatenates when either side is a string (JEXL); nulls give null, as functions do. */
export function arithmetic(op: "+" | "-" | "*" | "/" | "%", a: unknown, b: unknown): unknown {
  if (isNil(a) || isNil(b)) return null;
  if (op === "+" && (typeof a === "string" || typeof b === "string")) return capString(str(a, "+") + str(b, "+"), "+");
  const x = num(a, op),
    y = num(b, op);
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      if (y === 0) throw new TransformError("division by zero");
      return x / y;
    default:
      if (y === 0) throw new TransformError("division by zero");
      return x % y;
  }
}

function strOrNull(v: unknown, m: string): string | null {
  return isNil(v) ? null : str(v, m);
}

export const METHODS: Readonly<Record<string, (target: unknown, arg: unknown) => unknown>> = Object.assign(Object.create(null), {
  equals(t: unknown, a: unknown) {
    const x = strOrNull(t, "equals"),
      y = strOrNull(a, "equals");
    return x !== null && x === y;
  },
  equalsIgnoreCase(t: unknown, a: unknown) {
    const x = strOrNull(t, "equalsIgnoreCase"),
      y = strOrNull(a, "equalsIgnoreCase");
    return x !== null && y !== null && x.toLowerCase() === y.toLowerCase();
  },
  get(t: unknown, key: unknown) {
    if (isNil(t) || isNil(key)) return null;
    if (Array.isArray(t)) return typeof key === "number" ? (t[key] ?? null) : null;
    if (typeof t !== "object") throw new TransformError(`.get() needs an object or map, got ${describe(t)}`);
    const k = str(key, "get");
    return Object.hasOwn(t, k) ? (t as Record<string, unknown>)[k] : null;
  },
});
