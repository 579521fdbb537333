import { TransformError } from "../errors";

// Growth caps for values built by functions. A rule such as replacestr(rpad(x, 65536, "a"), "a", …)
// could otherwise build a multi-megabyte string per field and stall the event loop (issue 16);
// the cap nulls that field with a clear error instead.

/** Longest string a function may build (characters). Larger source strings pass through untouched. */
export const MAX_BUILT_STRING = 262_144;
/** Largest array or object a function may build (elements / keys). */
export const MAX_BUILT_ITEMS = 10_000;

export function capString(s: string, fn: string): string {
  if (s.length > MAX_BUILT_STRING) throw new TransformError(`${fn}: result longer than ${MAX_BUILT_STRING} characters`);
  return s;
}

export function checkGrowth(length: number, fn: string): void {
  if (length > MAX_BUILT_STRING) throw new TransformError(`${fn}: result longer than ${MAX_BUILT_STRING} characters`);
}

export function capItems<T extends unknown[]>(a: T, fn: string): T {
  if (a.length > MAX_BUILT_ITEMS) throw new TransformError(`${fn}: result has more than ${MAX_BUILT_ITEMS} items`);
  return a;
}
