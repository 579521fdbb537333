import v8 from "node:v8";

let applied = false;

/**
 * User regexes (matches_regex, extract_regex, explode) run in the console and the worker. The
 * pattern guard rejects the obvious catastrophic shapes, but not every polynomial one
 * (`\d*\d*\d*\d*x`). With this V8 flag a regex that backtracks excessively falls back to V8's
 * linear-time engine, so no pattern can stall the process. Call once at process start.
 */
export function enableLinearRegexFallback(): void {
  if (applied) return;
  v8.setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");
  applied = true;
}
