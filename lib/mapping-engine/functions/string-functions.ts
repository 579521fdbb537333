import { TransformError } from "../errors";
import { int, isNil, str } from "./coerce-args";
import { checkRegexInput, safeRegex } from "./regex-guard";
import { capString, checkGrowth } from "./limits";
import { def, type FunctionDef } from "./types";

// Data Prep string functions, same names and argument order. Null inputs give null (the field is
// then omitted) rather than an error.

const unary = (name: string, f: (s: string) => string) => def(1, 1, (v: unknown) => (isNil(v) ? null : f(str(v, name))));

// functions.md: "PADDING … If null or empty, it will be treated as a single space."
function pad(name: string, left: boolean) {
  return def(3, 3, (v: unknown, n: unknown, p: unknown) => {
    if (isNil(v)) return null;
    const s = str(v, name),
      len = int(n, name),
      fill = isNil(p) || p === "" ? " " : str(p, name);
    if (len < 0) throw new TransformError(`${name}: length must be >= 0`);
    checkGrowth(len, name);
    if (s.length >= len) return s.slice(0, len);
    return left ? s.padStart(len, fill) : s.padEnd(len, fill);
  });
}

function flatten(values: unknown[]): unknown[] {
  return values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
}

export const stringFunctions: Record<string, FunctionDef> = {
  concat: def(1, Infinity, (...args: unknown[]) => {
    let out = "";
    let any = false;
    for (const a of args) {
      if (isNil(a)) continue; // a missing middle name must not kill the whole value
      out += str(a, "concat");
      checkGrowth(out.length, "concat");
      any = true;
    }
    return any ? capString(out, "concat") : null;
  }),
  lower: unary("lower", (s) => s.toLowerCase()),
  lcase: unary("lcase", (s) => s.toLowerCase()),
  upper: unary("upper", (s) => s.toUpperCase()),
  ucase: unary("ucase", (s) => s.toUpperCase()),
  trim: unary("trim", (s) => s.trim()),
  ltrim: unary("ltrim", (s) => s.trimStart()),
  rtrim: unary("rtrim", (s) => s.trimEnd()),
  substr: def(2, 3, (v: unknown, start: unknown, len: unknown) => {
    if (isNil(v)) return null;
    const s = str(v, "substr"),
      b = int(start, "substr");
    if (b < 0) throw new TransformError("substr: start must be >= 0");
    return len === undefined ? s.slice(b) : s.slice(b, b + Math.max(0, int(len, "substr")));
  }),
  left: def(2, 2, (v: unknown, n: unknown) => (isNil(v) ? null : str(v, "left").slice(0, Math.max(0, int(n, "left"))))),
  right: def(2, 2, (v: unknown, n: unknown) => {
    if (isNil(v)) return null;
    const s = str(v, "right"),
      k = Math.max(0, int(n, "right"));
    return k === 0 ? "" : s.slice(-k);
  }),
  lpad: pad("lpad", true),
  rpad: pad("rpad", false),
  replacestr: def(3, 3, (v: unknown, find: unknown, repl: unknown) => {
    if (isNil(v)) return null;
    const f = str(find, "replacestr"),
      input = str(v, "replacestr");
    if (f === "") return input;
    const parts = input.split(f),
      r = isNil(repl) ? "" : str(repl, "replacestr");
    checkGrowth(input.length + (parts.length - 1) * (r.length - f.length), "replacestr");
    return parts.join(r);
  }),
  // functions.md: "If you include multiple delimiters, the string will split on any of the
  // delimiters present", and split "returns only non-null indexes" (empty parts are dropped).
  split: def(2, 2, (v: unknown, sep: unknown) => {
    if (isNil(v)) return null;
    const s = str(v, "split"),
      d = str(sep, "split");
    if (d === "") return s === "" ? [] : [s];
    const out: string[] = [];
    let start = 0;
    for (let k = 0; k <= s.length; k++) {
      if (k === s.length || d.includes(s[k])) {
        if (k > start) out.push(s.slice(start, k));
        start = k + 1;
      }
    }
    return out;
  }),
  join: def(2, Infinity, (sep: unknown, ...values: unknown[]) => {
    const parts = flatten(values)
      .filter((x) => !isNil(x))
      .map((x) => str(x, "join"));
    return parts.length ? capString(parts.join(isNil(sep) ? "" : str(sep, "join")), "join") : null;
  }),
  explode: def(1, 2, (v: unknown, re: unknown) => {
    if (isNil(v)) return null;
    const s = checkRegexInput(str(v, "explode"));
    return s.split(isNil(re) ? "," : safeRegex(re));
  }),
  instr: def(2, 4, (v: unknown, sub: unknown, start: unknown, occurrence: unknown) => {
    if (isNil(v) || isNil(sub)) return null;
    const s = str(v, "instr"),
      t = str(sub, "instr");
    let from = isNil(start) ? 0 : int(start, "instr");
    let n = isNil(occurrence) ? 1 : int(occurrence, "instr");
    if (n < 1) throw new TransformError("instr: occurrence must be >= 1");
    let at = -1;
    while (n-- > 0) {
      at = s.indexOf(t, from);
      if (at < 0) return -1;
      from = at + 1;
    }
    return at;
  }),
  matches_regex: def(2, 2, (v: unknown, re: unknown) => {
    if (isNil(v)) return null;
    const r = safeRegex(re);
    return r.test(checkRegexInput(str(v, "matches_regex")));
  }),
  extract_regex: def(2, 2, (v: unknown, re: unknown) => {
    if (isNil(v)) return null;
    const m = safeRegex(re).exec(checkRegexInput(str(v, "extract_regex")));
    return m ? Array.from(m, (g) => g ?? null) : null;
  }),
};
