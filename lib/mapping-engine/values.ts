import { isoString, parseDateAuto } from "./dates";
import { TransformError } from "./errors";

// Data Prep value rules shared by the functions and the output builder: what counts as empty,
// implicit string→boolean/date conversion, and turning intermediate values into plain JSON.

const TRUE_WORDS = new Set(["y", "yes", "Y", "YES", "on", "ON", "true", "TRUE", "Yes", "True", "On"]);
const FALSE_WORDS = new Set(["n", "no", "N", "NO", "off", "OFF", "false", "FALSE", "No", "False", "Off"]);

/** Data Prep's string→boolean; throws on anything else so the field is nulled with a reason. */
export function toBooleanValue(v: unknown): boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    if (TRUE_WORDS.has(v)) return true;
    if (FALSE_WORDS.has(v)) return false;
  }
  throw new TransformError(`cannot convert ${describe(v)} to boolean`);
}

export function toDateValue(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "number" && Number.isFinite(v)) return new Date(v);
  if (typeof v === "string") {
    const d = parseDateAuto(v);
    if (d) return d;
  }
  throw new TransformError(`cannot convert ${describe(v)} to a date`);
}

export function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (v instanceof Date) return "date";
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  return typeof v === "object" ? "object" : String(v);
}

/** null, undefined, "", {} and [] — XDM rejects all of them, so they are omitted. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === "") return true;
  if (typeof v !== "object" || v instanceof Date) return false;
  if (Array.isArray(v)) return v.length === 0;
  for (const _ in v) return false;
  return true;
}

/** Writes an own data property even for `__proto__`, so a key can never replace a prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const MAX_OUTPUT_DEPTH = 64;

/**
 * Converts an intermediate value to output JSON: dates become RFC 3339 strings, empties and
 * non-finite numbers disappear, objects and arrays are copied (pruned) so output never aliases input.
 * Returns undefined when nothing is left.
 */
export function toOutputValue(v: unknown, depth = 0): unknown {
  if (v === undefined || v === null || v === "") return undefined;
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      return Number.isFinite(v) ? v : undefined;
    case "bigint":
      return Number(v);
    case "object":
      break;
    default:
      return undefined;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : isoString(v);
  if (depth >= MAX_OUTPUT_DEPTH) throw new TransformError(`value nested deeper than ${MAX_OUTPUT_DEPTH} levels`);
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const el of v) {
      const o = toOutputValue(el, depth + 1);
      if (o !== undefined) out.push(o);
    }
    return out.length ? out : undefined;
  }
  let out: Record<string, unknown> | undefined;
  const src = v as Record<string, unknown>;
  for (const k of Object.keys(src)) {
    const o = toOutputValue(src[k], depth + 1);
    if (o === undefined) continue;
    out ??= {};
    setOwn(out, k, o);
  }
  return out;
}

export type TargetType = "string" | "integer" | "number" | "boolean" | "date-time" | "date" | "object" | "array";

/** Implicit conversion to the target field's XDM type, as Data Prep does when writing a field. */
export function coerceTo(type: TargetType, v: unknown): unknown {
  if (v === undefined || v === null) return v;
  switch (type) {
    case "boolean":
      return toBooleanValue(v);
    case "date-time":
      return typeof v === "string" && !/^\d+$/.test(v) ? toDateValue(v) : v instanceof Date ? v : toDateValue(v);
    case "date": {
      const d = toDateValue(v);
      return d ? isoString(d).slice(0, 10) : d;
    }
    case "integer":
    case "number": {
      if (typeof v === "number") return v;
      if (typeof v === "boolean") return v ? 1 : 0;
      if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) {
        const n = Number(v);
        if (type === "integer" && !Number.isInteger(n)) throw new TransformError(`${describe(v)} is not an integer`);
        return n;
      }
      if (typeof v === "string" && v.trim() === "") return undefined;
      throw new TransformError(`cannot convert ${describe(v)} to ${type}`);
    }
    case "string":
      if (typeof v === "number" || typeof v === "boolean") return String(v);
      return v;
    default:
      return v;
  }
}
