import { compileDatePattern, parseDateAuto, type DatePattern } from "../dates";
import { TransformError } from "../errors";
import { describe, toDateValue } from "../values";
import { isNil, str } from "./coerce-args";
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
const alias = (names: string[], f: (d: Date) => number) => names.forEach((n) => (PARTS[n] = f));
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
  date_part: def(2, 2, (part: unknown, v: unknown) => {
    if (isNil(v)) return null;
    const p = str(part, "date_part");
    const f = PARTS[p] ?? PARTS[p.toLowerCase()];
    if (!f) throw new TransformError(`date_part: unknown component '${p}'`);
    return f(asDate(v, "date_part"));
  }),
};
