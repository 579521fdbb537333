import { TransformError } from "./errors";
import { ZONE_ABBREVIATIONS } from "./zones";

// Java-style date patterns (what Data Prep's date()/format() take), compiled once per pattern to a
// regex plus field setters. Values without a zone are read as UTC, as Data Prep does.

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

interface Fields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  pm: number;
  off: number | null;
  doy: number;
}
type Setter = (f: Fields, text: string) => boolean;

export interface DatePattern {
  parse(text: string): Date | null;
  format(date: Date): string;
}

function tokenize(fmt: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < fmt.length; ) {
    const c = fmt[i];
    if (c === "'") {
      const end = fmt.indexOf("'", i + 1);
      if (end < 0) throw new TransformError(`unterminated quote in date format '${fmt}'`);
      out.push(end === i + 1 ? "'" : "'" + fmt.slice(i + 1, end));
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (fmt[j] === c) j++;
      out.push(fmt.slice(i, j));
      i = j;
    } else {
      out.push("'" + c);
      i++;
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// One monomorphic setter per field (a generic `f[k] = …` store is megamorphic and slow on this hot path).
const NUM_SETTERS: Record<string, (f: Fields, n: number) => void> = {
  y: (f, n) => {
    f.y = n;
  },
  mo: (f, n) => {
    f.mo = n;
  },
  d: (f, n) => {
    f.d = n;
  },
  h: (f, n) => {
    f.h = n;
  },
  mi: (f, n) => {
    f.mi = n;
  },
  s: (f, n) => {
    f.s = n;
  },
};
const num = (k: "y" | "mo" | "d" | "h" | "mi" | "s", delta = 0): Setter => {
  const set = NUM_SETTERS[k];
  return (f, t) => {
    set(f, +t + delta);
    return true;
  };
};
function zone(f: Fields, t: string): boolean {
  if (t === "Z" || t === "z") {
    f.off = 0;
    return true;
  }
  if (t.toUpperCase() in ZONE_ABBREVIATIONS) {
    f.off = ZONE_ABBREVIATIONS[t.toUpperCase()];
    return true;
  }
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(t);
  if (!m) return false;
  f.off = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return true;
}

const digits = (n: number) => (n === 1 ? "(\\d{1,2})" : `(\\d{${n}})`);
const ignore = (re: string) => ({ re: `(?:${re})` });
const ABBREVS = Object.keys(ZONE_ABBREVIATIONS).join("|");

// Pattern letters: data-handling.md "Date/time format strings" (G y Y M L w W D d F E u a H k K h
// m s S z Z X V O Q q). Letters that carry no date field (G, E, u, w, W, F, Q) are matched and
// ignored when parsing. `u` is the day-of-week number there (1 = Monday), as that table says.
function part(tok: string): { re: string; set?: Setter } {
  if (tok[0] === "'") return { re: esc(tok.slice(1) || "'") };
  const c = tok[0],
    n = tok.length;
  switch (c) {
    case "y":
    case "Y":
      return n === 2
        ? {
            re: "(\\d{2})",
            set: (f, t) => {
              f.y = 2000 + Number(t);
              return true;
            },
          }
        : { re: "(\\d{4})", set: num("y") };
    case "M":
    case "L":
      if (n >= 3)
        return {
          re: "([A-Za-z]+)",
          set: (f, t) => {
            const i = MONTHS.findIndex((m) => (n === 3 ? m.slice(0, 3) : m) === t.toLowerCase());
            f.mo = i;
            return i >= 0;
          },
        };
      return { re: digits(n), set: num("mo", -1) };
    case "d":
      return { re: digits(n), set: num("d") };
    case "D":
      return {
        re: n === 1 ? "(\\d{1,3})" : `(\\d{${Math.max(n, 3)}})`,
        set: (f, t) => {
          f.doy = Number(t);
          return f.doy >= 1 && f.doy <= 366;
        },
      };
    case "H":
      return { re: digits(n), set: num("h") };
    case "k":
      return {
        re: digits(n),
        set: (f, t) => {
          f.h = Number(t) % 24;
          return Number(t) >= 1 && Number(t) <= 24;
        },
      };
    case "h":
    case "K":
      return {
        re: digits(n),
        set: (f, t) => {
          f.h = Number(t) % 12;
          return true;
        },
      };
    case "m":
      return { re: digits(n), set: num("mi") };
    case "s":
      return { re: digits(n), set: num("s") };
    case "S":
      return {
        re: `(\\d{${n}})`,
        set: (f, t) => {
          f.ms = Math.floor(Number((t + "00").slice(0, 3)));
          return true;
        },
      };
    case "a":
      return {
        re: "([AaPp][Mm])",
        set: (f, t) => {
          f.pm = t.toLowerCase() === "pm" ? 12 : 0;
          return true;
        },
      };
    case "E":
      return { re: "([A-Za-z]+)", set: (_f, t) => DAYS.some((d) => d.startsWith(t.toLowerCase())) };
    case "G":
      return ignore("AD|BC|Anno Domini|Before Christ|A|B");
    case "u":
    case "F":
      return ignore("\\d");
    case "w":
    case "W":
      return ignore("\\d{1,2}");
    case "Q":
    case "q":
      return ignore(n <= 2 ? "\\d{1,2}" : "Q\\d|\\d(?:st|nd|rd|th) quarter");
    case "X":
    case "Z":
    case "x":
      return { re: "(Z|[+-]\\d\\d(?::?\\d\\d)?)", set: zone };
    case "z":
    case "O":
    case "V":
      return { re: `(${ABBREVS}|GMT[+-]\\d\\d?(?::?\\d\\d)?)`, set: (f, t) => zone(f, t.replace(/^GMT(?=[+-])/, "").replace(/^([+-])(\d)(?!\d)/, "$10$2")) };
    default:
      throw new TransformError(`unsupported date pattern letter '${c}'`);
  }
}

const p2 = (n: number) => (n < 10 ? "0" : "") + n;
const padN = (v: number, n: number) => String(v).padStart(n, "0");
const ORD = ["1st", "2nd", "3rd", "4th"];

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** ISO-8601 week number and its week-based year. */
export function isoWeek(d: Date): { week: number; year: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7), year: t.getUTCFullYear() };
}

function fmtToken(tok: string, d: Date): string {
  if (tok[0] === "'") return tok.slice(1) || "'";
  const n = tok.length;
  switch (tok[0]) {
    case "y":
      return n === 2 ? p2(d.getUTCFullYear() % 100) : padN(d.getUTCFullYear(), n);
    case "Y": {
      const y = isoWeek(d).year;
      return n === 2 ? p2(y % 100) : padN(y, n);
    }
    case "M":
    case "L": {
      const m = d.getUTCMonth();
      if (n >= 3) {
        const name = MONTHS[m][0].toUpperCase() + MONTHS[m].slice(1);
        return n === 3 ? name.slice(0, 3) : n === 4 ? name : name[0];
      }
      return padN(m + 1, n);
    }
    case "d":
      return padN(d.getUTCDate(), n);
    case "D":
      return padN(dayOfYear(d), n);
    case "H":
      return padN(d.getUTCHours(), n);
    case "k":
      return padN(d.getUTCHours() || 24, n);
    case "K":
      return padN(d.getUTCHours() % 12, n);
    case "h":
      return padN(d.getUTCHours() % 12 || 12, n);
    case "m":
      return padN(d.getUTCMinutes(), n);
    case "s":
      return padN(d.getUTCSeconds(), n);
    case "S":
      return String(d.getUTCMilliseconds()).padStart(3, "0").padEnd(n, "0").slice(0, n);
    case "a":
      return d.getUTCHours() < 12 ? "AM" : "PM";
    case "E": {
      const name = DAYS[d.getUTCDay()];
      const full = name[0].toUpperCase() + name.slice(1);
      return n >= 4 ? full : full.slice(0, 3);
    }
    case "u":
      return padN(d.getUTCDay() || 7, n);
    case "F":
      return padN(Math.ceil(d.getUTCDate() / 7), n);
    case "w":
      return padN(isoWeek(d).week, n);
    case "W": {
      const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).getUTCDay();
      return padN(Math.ceil((d.getUTCDate() + first) / 7), n);
    }
    case "G":
      return n === 4
        ? d.getUTCFullYear() > 0
          ? "Anno Domini"
          : "Before Christ"
        : n >= 5
          ? d.getUTCFullYear() > 0
            ? "A"
            : "B"
          : d.getUTCFullYear() > 0
            ? "AD"
            : "BC";
    case "Q":
    case "q": {
      const q = Math.floor(d.getUTCMonth() / 3) + 1;
      return n <= 2 ? padN(q, n) : n === 3 ? `Q${q}` : `${ORD[q - 1]} quarter`;
    }
    case "X":
      return "Z";
    case "x":
      return n === 1 ? "+00" : n === 2 || n === 4 ? "+0000" : "+00:00";
    case "Z":
      return n >= 4 ? "GMT" : "+0000";
    case "z":
      return n >= 4 ? "Coordinated Universal Time" : "UTC";
    case "V":
      return "UTC";
    case "O":
      return "GMT";
    default:
      throw new TransformError(`unsupported date pattern letter '${tok[0]}'`);
  }
}

// ---- fixed-width patterns ----------------------------------------------------------------------
// Most real formats ("yyyy-MM-dd HH:mm:ss", "MM/dd/yyyy"…) have only fixed-width numeric fields and
// literals. For those the regex always matches at known positions, so a character-code reader is
// exactly equivalent and avoids the regex exec, match array and per-field substrings.

const LIT = 0,
  YEAR4 = 1,
  YEAR2 = 2,
  MONTH = 3,
  DAY = 4,
  HOUR = 5,
  HOUR12 = 6,
  MINUTE = 7,
  SECOND = 8,
  MILLI = 9;
type Op = number;
interface FixedStep {
  op: Op;
  pos: number;
  width: number;
  lit: string;
}
const NO_MATCH = undefined;

function fixedStep(tok: string, pos: number): FixedStep | null {
  if (tok[0] === "'") {
    const lit = tok.slice(1) || "'";
    return { op: LIT, pos, width: lit.length, lit };
  }
  const n = tok.length;
  const two = (op: Op): FixedStep | null => (n === 2 ? { op, pos, width: 2, lit: "" } : null);
  switch (tok[0]) {
    case "y":
      return n === 2 ? { op: YEAR2, pos, width: 2, lit: "" } : { op: YEAR4, pos, width: 4, lit: "" };
    case "M":
      return two(MONTH);
    case "d":
      return two(DAY);
    case "H":
      return two(HOUR);
    case "h":
    case "K":
      return two(HOUR12);
    case "m":
      return two(MINUTE);
    case "s":
      return two(SECOND);
    case "S":
      return { op: MILLI, pos, width: n, lit: "" };
    default:
      return null; // names, am/pm, zones, one-letter (1–2 digit) fields: regex path
  }
}

/** A reader for patterns made only of fixed-width numeric fields and literals, else null. */
function compileFixed(tokens: string[]): ((text: string) => Date | null | undefined) | null {
  const steps: FixedStep[] = [];
  let pos = 0;
  for (const t of tokens) {
    const st = fixedStep(t, pos);
    if (!st) return null;
    steps.push(st);
    pos += st.width;
  }
  const total = pos;
  const count = steps.length;
  /** Same as `re.exec(text)` + setters + validation: undefined when the regex would not match. */
  return (text) => {
    if (text.length !== total) return NO_MATCH;
    let y = 1970,
      mo = 0,
      d = 1,
      h = 0,
      mi = 0,
      s = 0,
      ms = 0;
    for (let k = 0; k < count; k++) {
      const st = steps[k];
      if (st.op === LIT) {
        if (!text.startsWith(st.lit, st.pos)) return NO_MATCH;
        continue;
      }
      let v = 0;
      const end = st.pos + st.width;
      for (let i = st.pos; i < end; i++) {
        const c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) return NO_MATCH;
        // Milliseconds: Number((digits + "00").slice(0, 3)), i.e. the first three digits, zero-padded.
        if (st.op !== MILLI || i - st.pos < 3) v = v * 10 + c;
      }
      switch (st.op) {
        case YEAR4:
          y = v;
          break;
        case YEAR2:
          y = 2000 + v;
          break;
        case MONTH:
          mo = v - 1;
          break;
        case DAY:
          d = v;
          break;
        case HOUR:
          h = v;
          break;
        case HOUR12:
          h = v % 12;
          break;
        case MINUTE:
          mi = v;
          break;
        case SECOND:
          s = v;
          break;
        default:
          ms = st.width === 1 ? v * 100 : st.width === 2 ? v * 10 : v;
          break;
      }
    }
    if (mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
    const date = new Date(Date.UTC(y, mo, d, h, mi, s, ms));
    return date.getUTCDate() !== d ? null : date;
  };
}

const cache = new Map<string, DatePattern>();

export function compileDatePattern(fmt: string): DatePattern {
  const hit = cache.get(fmt);
  if (hit) return hit;
  const pattern = buildDatePattern(fmt, true);
  if (cache.size > 500) cache.clear(); // user-entered formats: keep the cache bounded
  cache.set(fmt, pattern);
  return pattern;
}

/** Uncached; `useFixed: false` forces the regex reader (the reference the tests compare against). */
export function buildDatePattern(fmt: string, useFixed: boolean): DatePattern {
  const tokens = tokenize(fmt);
  const parts = tokens.map(part);
  const re = new RegExp("^" + parts.map((p) => p.re).join("") + "$");
  const setters = parts.filter((p) => p.set).map((p) => p.set as Setter);
  const fixed = useFixed ? compileFixed(tokens) : null;
  const pattern: DatePattern = {
    parse(text) {
      if (fixed) {
        const r = fixed(text);
        if (r !== NO_MATCH) return r;
        const t = text.trim();
        return t === text ? null : (fixed(t) ?? null);
      }
      const m = re.exec(text) ?? re.exec(text.trim());
      if (!m) return null;
      const f: Fields = { y: 1970, mo: 0, d: 1, h: 0, mi: 0, s: 0, ms: 0, pm: 0, off: null, doy: 0 };
      for (let i = 0; i < setters.length; i++) if (!setters[i](f, m[i + 1])) return null;
      if (f.mo > 11 || f.d < 1 || f.d > 31 || f.h > 23 || f.mi > 59 || f.s > 60) return null;
      if (f.doy) {
        const jan = new Date(Date.UTC(f.y, 0, f.doy));
        f.mo = jan.getUTCMonth();
        f.d = jan.getUTCDate();
      }
      const t = Date.UTC(f.y, f.mo, f.d, f.h + f.pm, f.mi, f.s, f.ms) - (f.off ?? 0) * 60000;
      const date = new Date(t);
      // Reject roll-overs such as 2023-02-30 that Date.UTC silently normalises.
      if (f.off === null && date.getUTCDate() !== f.d) return null;
      return date;
    },
    format(date) {
      let out = "";
      for (const t of tokens) out += fmtToken(t, date);
      return out;
    },
  };
  return pattern;
}

/**
 * Patterns tried in order when a string must become a date without an explicit format. The first
 * eighteen are data-handling.md's list, in its order ("Once a matching format is found, it will stop
 * evaluating any subsequent formats"); the rest are forms functions.md's own examples rely on
 * (date("2019-10-23 11:24"), zone_date_to_utc("2019-10-17T11:55:12 PST")) and ISO variants.
 */
export const AUTO_DATE_PATTERNS = [
  "yyyy-MM-dd HH:mm:ssZ",
  "yyyy-MM-dd HH:mm:ss.SSSZ",
  "yyyy-MM-dd HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss.SSSX",
  "yyyy-MM-dd'T'HH:mm:ss'Z'",
  "yyyy-MM-dd",
  "yyyy/MM/dd",
  "yyyy.MM.dd",
  "yyyy-MMM-dd",
  "yyyyMMdd",
  "MM-dd-yyyy",
  "MMddyyyy",
  "M/dd/yyyy",
  "dd.M.yyyy",
  "M/dd/yyyy hh:mm:ss a",
  "dd.M.yyyy hh:mm:ss a",
  "dd.MMM.yyyy",
  "dd-MMM-yyyy",
  "yyyy-MM-dd'T'HH:mm:ssX",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm:ss z",
  "yyyy-MM-dd HH:mm:ss z",
  "yyyy-MM-dd HH:mm:ss",
  "yyyy-MM-dd HH:mm",
  "yyyy/MM/dd HH:mm:ss",
  "MM/dd/yyyy HH:mm:ss",
  "MMM d, yyyy",
] as const;

// RFC 3339 / ISO with fractional digits of any length — the common case, parsed without the list.
const ISO = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:?\d\d)?$/;

/** Two ASCII digits at `i` as a number, or -1. The caller guarantees `i + 1 < s.length`. */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48,
    b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Fixed-position reader for exactly the language of `ISO` above (no regex, no match array).
 * Returns undefined when the text is not in that language; otherwise the same result as the regex
 * branch of parseDateAuto (a Date, or null for out-of-range fields / roll-overs).
 */
export function parseIsoFast(s: string): Date | null | undefined {
  const n = s.length;
  if (n < 19) return undefined;
  const y1 = d2(s, 0),
    y2 = d2(s, 2),
    mo = d2(s, 5),
    d = d2(s, 8),
    h = d2(s, 11),
    mi = d2(s, 14),
    sec = d2(s, 17);
  if ((y1 | y2 | mo | d | h | mi | sec) < 0) return undefined;
  const sep = s.charCodeAt(10);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (sep !== 84 && sep !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  let i = 19;
  let ms = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n && i - start < 9) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      i++;
    }
    const digits = i - start;
    if (digits === 0) return undefined;
    // Number((frac + "00").slice(0, 3)) without building strings.
    const a = s.charCodeAt(start) - 48;
    const b = digits > 1 ? s.charCodeAt(start + 1) - 48 : 0;
    const c = digits > 2 ? s.charCodeAt(start + 2) - 48 : 0;
    ms = a * 100 + b * 10 + c;
  }
  let off = 0,
    zoned = false;
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c === 90 && i + 1 === n)
      zoned = true; // 'Z'
    else if (c === 43 || c === 45) {
      // '+' | '-'
      // [+-]\d\d:?\d\d then end of text
      if (i + 5 > n) return undefined;
      const zh = d2(s, i + 1);
      let j = i + 3;
      if (j < n && s.charCodeAt(j) === 58) j++;
      if (j + 2 !== n || zh < 0) return undefined;
      const zm = d2(s, j);
      if (zm < 0) return undefined;
      off = (c === 45 ? -1 : 1) * (zh * 60 + zm);
      zoned = true;
    } else return undefined;
  }
  const m0 = mo - 1;
  if (m0 > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return null;
  const date = new Date(Date.UTC(y1 * 100 + y2, m0, d, h, mi, sec, ms) - off * 60000);
  return !zoned && date.getUTCDate() !== d ? null : date;
}

/** Data Prep's implicit string→date conversion; null when nothing matches. */
export function parseDateAuto(text: string): Date | null {
  const fast = parseIsoFast(text);
  if (fast !== undefined) return fast;
  const m = ISO.exec(text);
  if (m) {
    const ms = m[7] ? Number((m[7] + "00").slice(0, 3)) : 0;
    const f: Fields = { y: +m[1], mo: +m[2] - 1, d: +m[3], h: +m[4], mi: +m[5], s: +m[6], ms, pm: 0, off: null, doy: 0 };
    if (m[8] && !zone(f, m[8])) return null;
    if (f.mo > 11 || f.d < 1 || f.d > 31 || f.h > 23 || f.mi > 59 || f.s > 60) return null;
    const d = new Date(Date.UTC(f.y, f.mo, f.d, f.h, f.mi, f.s, f.ms) - (f.off ?? 0) * 60000);
    return f.off === null && d.getUTCDate() !== f.d ? null : d;
  }
  for (const p of AUTO_DATE_PATTERNS) {
    const d = compileDatePattern(p).parse(text);
    if (d) return d;
  }
  return null;
}

// ---- RFC 3339 output ---------------------------------------------------------------------------
// Date.prototype.toISOString is surprisingly slow on V8 (it goes through the generic date-cache
// path); every date field of every event is written out, so years 0000–9999 are formatted with
// integer arithmetic (days→civil date, H. Hinnant's algorithm) into one String.fromCharCode call.
// Anything else (invalid dates, years outside 0000–9999) defers to toISOString, so the output —
// including the RangeError for an invalid date — is identical.

const fromCodes = String.fromCharCode;
const MIN_ISO_MS = -62167219200000; // 0000-01-01T00:00:00.000Z
const MAX_ISO_MS = 253402300799999; // 9999-12-31T23:59:59.999Z

/** Same string as `new Date(ms).toISOString()` (and throws the same RangeError for NaN). */
export function isoStringFromMs(ms: number): string {
  if (!(ms >= MIN_ISO_MS && ms <= MAX_ISO_MS) || Math.floor(ms) !== ms) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  rest -= s * 1000;
  // One flat string from char codes: JSON.stringify copies it faster than a 15-piece concatenation.
  return fromCodes(
    48 + ((y / 1000) | 0),
    48 + (((y / 100) | 0) % 10),
    48 + (((y / 10) | 0) % 10),
    48 + (y % 10),
    45,
    48 + ((m / 10) | 0),
    48 + (m % 10),
    45,
    48 + ((d / 10) | 0),
    48 + (d % 10),
    84,
    48 + ((h / 10) | 0),
    48 + (h % 10),
    58,
    48 + ((mi / 10) | 0),
    48 + (mi % 10),
    58,
    48 + ((s / 10) | 0),
    48 + (s % 10),
    46,
    48 + ((rest / 100) | 0),
    48 + (((rest / 10) | 0) % 10),
    48 + (rest % 10),
    90,
  );
}

/** Same string as `date.toISOString()`. */
export function isoString(date: Date): string {
  return isoStringFromMs(date.getTime());
}

/** True when `fmt` is read by the fixed-width reader rather than the regex (for tests). */
export function usesFixedReader(fmt: string): boolean {
  return compileFixed(tokenize(fmt)) !== null;
}
