import { compileDatePattern, isoStringFromMs, parseDateAuto, type DatePattern } from "../dates";
import { offsetSuffix, wallToInstant, zoneOffset } from "../zones";
import { TransformError } from "../errors";
import { describe, toDateValue } from "../values";
import { int, isNil, str } from "./coerce-args";
import { def, type FunctionDef } from "./types";

const parseDate = parseDateAuto; // module-local: avoids an import getter per call under CJS transpilation

// Dates travel between functions as Date objects and are written out as RFC 3339 strings.

function asDate(v: unknown, fn: string): Date {
  const d = v instanceof Date ? v : toDateValue(v);
  if (!d || Number.isNaN(d.getTime())) throw new TransformError(`${fn}: expected a date, got ${describe(v)}`);
  return d;
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

const PARTS: Record<string, (d: Date) => number> = {};
const alias = (names: string[], f: (d: Date) => number) => {
  for (const n of names) PARTS[n] = f;
};
alias(["year", "yyyy", "yy"], (d) => d.getUTCFullYear());
alias(["quarter", "qq", "q"], (d) => Math.floor(d.getUTCMonth() / 3) + 1);
alias(["month", "mm", "m"], (d) => d.getUTCMonth() + 1);
alias(["dayofyear", "dy", "y"], (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1);
alias(["day", "dd", "d"], (d) => d.getUTCDate());
alias(["week", "ww", "w"], isoWeek);
alias(["weekday", "dw"], (d) => d.getUTCDay() + 1); // 1 = Sunday, as java.util.Calendar
alias(["hour", "hh", "hh24"], (d) => d.getUTCHours());
alias(["hh12"], (d) => d.getUTCHours() % 12 || 12);
alias(["minute", "mi", "n"], (d) => d.getUTCMinutes());
alias(["second", "ss", "s"], (d) => d.getUTCSeconds());
alias(["millisecond", "sss"], (d) => d.getUTCMilliseconds());

// set_date_part components (functions.md): year/yyyy/yy, month/mm/m, day/dd/d, hour/hh, minute/mi/n, second/ss/s.
const SETTERS: Record<string, (d: Date, v: number) => void> = {};
const setAlias = (names: string[], f: (d: Date, v: number) => void) => {
  for (const n of names) SETTERS[n] = f;
};
setAlias(["year", "yyyy", "yy"], (d, v) => d.setUTCFullYear(v));
setAlias(["month", "mm", "m"], (d, v) => d.setUTCMonth(v - 1));
setAlias(["day", "dd", "d"], (d, v) => d.setUTCDate(v));
setAlias(["hour", "hh"], (d, v) => d.setUTCHours(v));
setAlias(["minute", "mi", "n"], (d, v) => d.setUTCMinutes(v));
setAlias(["second", "ss", "s"], (d, v) => d.setUTCSeconds(v));
const RANGES: Record<string, [number, number]> = { year: [0, 9999], month: [1, 12], day: [1, 31], hour: [0, 23], minute: [0, 59], second: [0, 59] };
const CANONICAL: Record<string, string> = {
  yyyy: "year",
  yy: "year",
  mm: "month",
  m: "month",
  dd: "day",
  d: "day",
  hh: "hour",
  mi: "minute",
  n: "minute",
  ss: "second",
  s: "second",
};

function makeDateTime(...a: unknown[]): Date | null {
  if (a.slice(0, 7).some(isNil)) return null;
  const [y, mo, d, h, mi, s, nanos] = a.slice(0, 7).map((x, k) => int(x, "make_date_time") + (k === 1 ? -1 : 0));
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || nanos < 0 || nanos > 999_999_999) {
    throw new TransformError("make_date_time: a part is out of range (month 1-12, day 1-31, hour 0-23, minute 0-59, second 0-59, nanosecond 0-999999999)");
  }
  const wall = Date.UTC(y, mo, d, h, mi, s, Math.floor(nanos / 1_000_000));
  if (new Date(wall).getUTCDate() !== d) throw new TransformError(`make_date_time: day ${d} does not exist in that month`);
  return new Date(isNil(a[7]) ? wall : wallToInstant(wall, str(a[7], "make_date_time")));
}

export const dateFunctions: Record<string, FunctionDef> = {
  now: def(0, 0, () => new Date(), false),
  timestamp: def(0, 0, () => Date.now(), false),
  date: {
    ...def(1, 3, (v: unknown, fmt: unknown, dflt: unknown) => {
      // No per-call closures here: this runs for every date field of every event.
      if (isNil(v) || v === "") return isNil(dflt) ? null : asDate(dflt, "date");
      if (v instanceof Date) return v;
      let d: Date | null;
      if (isNil(fmt)) {
        // toDateValue without the throw/catch: strings via parseDateAuto, finite numbers as epoch ms.
        d = typeof v === "string" ? parseDate(v) : typeof v === "number" && Number.isFinite(v) ? new Date(v) : null;
      } else {
        d = compileDatePattern(str(fmt, "date")).parse(str(v, "date"));
      }
      if (d) return d;
      if (!isNil(dflt)) return asDate(dflt, "date");
      throw new TransformError(`date: ${describe(v)} does not match ${isNil(fmt) ? "any known date format" : `'${String(fmt)}'`}`);
    }),
    // date(x, "literal format"): resolve the pattern once at compile time (no cache lookup per call).
    specialize(literal, values) {
      if (!literal[1] || isNil(values[1])) return undefined;
      let pattern: DatePattern;
      const fmt = values[1];
      try {
        pattern = compileDatePattern(str(fmt, "date"));
      } catch {
        return undefined; // bad format: the generic path reports it at apply time, as before
      }
      return (v: unknown, _fmt: unknown, dflt: unknown) => {
        if (isNil(v) || v === "") return isNil(dflt) ? null : asDate(dflt, "date");
        if (v instanceof Date) return v;
        const d = pattern.parse(typeof v === "string" ? v : str(v, "date"));
        if (d) return d;
        if (!isNil(dflt)) return asDate(dflt, "date");
        throw new TransformError(`date: ${describe(v)} does not match '${String(fmt)}'`);
      };
    },
  },
  format: def(2, 2, (v: unknown, fmt: unknown) => (isNil(v) ? null : compileDatePattern(str(fmt, "format")).format(asDate(v, "format")))),
  dformat: def(2, 2, (v: unknown, fmt: unknown) => {
    if (isNil(v)) return null;
    const ms = typeof v === "number" ? v : Number(str(v, "dformat"));
    if (!Number.isFinite(ms)) throw new TransformError(`dformat: expected a timestamp in milliseconds, got ${describe(v)}`);
    return compileDatePattern(str(fmt, "dformat")).format(new Date(ms));
  }),
  set_date_part: def(3, 3, (part: unknown, value: unknown, v: unknown) => {
    if (isNil(v) || isNil(value)) return null;
    const p = str(part, "set_date_part");
    const key = SETTERS[p] ? p : p.toLowerCase();
    const set = SETTERS[key];
    if (!set) throw new TransformError(`set_date_part: unknown component '${p}'`);
    const n = int(value, "set_date_part");
    const [lo, hi] = RANGES[CANONICAL[key] ?? key];
    if (n < lo || n > hi) throw new TransformError(`set_date_part: ${p} must be between ${lo} and ${hi}`);
    const d = new Date(asDate(v, "set_date_part").getTime());
    set(d, n);
    return d;
  }),
  make_date_time: def(7, 8, makeDateTime),
  make_timestamp: def(7, 8, makeDateTime),
  zone_date_to_utc: def(1, 1, (v: unknown) => (isNil(v) ? null : asDate(v, "zone_date_to_utc"))),
  // The same instant written with the zone's offset, e.g. "2021-10-26T17:43:59.000+02:00".
  zone_date_to_zone: def(2, 2, (v: unknown, zone: unknown) => {
    if (isNil(v)) return null;
    const ms = asDate(v, "zone_date_to_zone").getTime();
    const off = zoneOffset(str(zone, "zone_date_to_zone"), ms);
    return isoStringFromMs(ms + off * 60000).slice(0, -1) + offsetSuffix(off);
  }),
  date_part: def(2, 2, (part: unknown, v: unknown) => {
    if (isNil(v)) return null;
    const p = str(part, "date_part");
    const f = PARTS[p] ?? PARTS[p.toLowerCase()];
    if (!f) throw new TransformError(`date_part: unknown component '${p}'`);
    return f(asDate(v, "date_part"));
  }),
};
