import { isoString } from "../dates";
import { TransformError } from "../errors";
import { describe } from "../values";

// Argument helpers: Data Prep functions return null for a null input instead of failing, and
// accept numbers/booleans where a string is expected.

export function str(v: unknown, fn: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return isoString(v);
  throw new TransformError(`${fn}: expected a string, got ${describe(v)}`);
}

export function int(v: unknown, fn: string): number {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n)) throw new TransformError(`${fn}: expected an integer, got ${describe(v)}`);
  return n;
}

export const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;
