import { createHash } from "node:crypto"; // test only: the engine itself stays pure JS
import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression";
import { AUTO_DATE_PATTERNS, buildDatePattern, compileDatePattern, isoStringFromMs, parseDateAuto, parseIsoFast, usesFixedReader } from "./dates";
import { FUNCTIONS } from "./functions";
import { sha256Hex } from "./hash/sha256";
import { admitPayload } from "./payload-guard";
import { createPrng } from "../prng";

// The engine's hand-specialised fast paths must agree exactly with the generic code they replace.

/** Deterministic, so failures are reproducible. */
const rng = createPrng;

describe("isoStringFromMs", () => {
  it("matches Date.prototype.toISOString across the whole range", () => {
    const r = rng(1);
    const edges = [
      0, -1, 1, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000, 951_868_800_000, 4_107_542_400_000, -62_167_219_200_000, -62_167_219_200_001,
      253_402_300_799_999, 253_402_300_800_000, 8.64e15, -8.64e15, 1.5, -1.5, -0, 1679479200000.999,
    ];
    for (const ms of edges) expect(isoStringFromMs(ms)).toBe(new Date(ms).toISOString());
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor((r() - 0.5) * 2 * 2.6e14);
      expect(isoStringFromMs(ms)).toBe(new Date(ms).toISOString());
    }
  });
  it("throws the same RangeError as toISOString for invalid dates", () => {
    expect(() => isoStringFromMs(NaN)).toThrow(RangeError);
    expect(() => isoStringFromMs(8.64e15 + 1)).toThrow(RangeError);
  });
});

/** The regex branch parseDateAuto used before parseIsoFast existed (reference implementation). */
const ISO_RE = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:?\d\d)?$/;
function isoByRegex(text: string): Date | null | undefined {
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const ms = m[7] ? Number((m[7] + "00").slice(0, 3)) : 0;
  let off: number | null = null;
  if (m[8]) {
    if (m[8] === "Z") off = 0;
    else {
      const z = /^([+-])(\d\d):?(\d\d)?$/.exec(m[8]);
      if (!z) return null;
      off = (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
    }
  }
  const f = { y: +m[1], mo: +m[2] - 1, d: +m[3], h: +m[4], mi: +m[5], s: +m[6] };
  if (f.mo > 11 || f.d < 1 || f.d > 31 || f.h > 23 || f.mi > 59 || f.s > 60) return null;
  const d = new Date(Date.UTC(f.y, f.mo, f.d, f.h, f.mi, f.s, ms) - (off ?? 0) * 60000);
  return off === null && d.getUTCDate() !== f.d ? null : d;
}
const same = (a: Date | null | undefined, b: Date | null | undefined) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Random near-ISO strings: valid ones, then mutated (chars replaced, inserted, deleted, padded). */
function isoLikeInputs(count: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const dd = (n: number) => String(n).padStart(2, "0");
  const noise = ["0", "9", "a", "T", " ", ":", "-", "+", ".", "Z", "z", "/", "\u0660", "１"];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s =
      `${String(Math.floor(r() * 10000)).padStart(4, "0")}-${dd(Math.floor(r() * 14))}-${dd(Math.floor(r() * 33))}${pick(["T", " "])}` +
      `${dd(Math.floor(r() * 26))}:${dd(Math.floor(r() * 62))}:${dd(Math.floor(r() * 62))}`;
    if (r() < 0.5) s += "." + String(Math.floor(r() * 1e9)).slice(0, 1 + Math.floor(r() * 10));
    if (r() < 0.6) s += pick(["Z", "+05:30", "-0800", "+00:00", "-00:00", "+99:99", "+5:30", "+0530:", "z", "+05"]);
    const mutations = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3);
    for (let k = 0; k < mutations; k++) {
      const at = Math.floor(r() * (s.length + 1));
      const op = r();
      if (op < 0.4) s = s.slice(0, at) + pick(noise) + s.slice(at + 1);
      else if (op < 0.7) s = s.slice(0, at) + pick(noise) + s.slice(at);
      else if (op < 0.9) s = s.slice(0, at) + s.slice(at + 1);
      else s = pick([" ", "\n", "x"]) + s;
    }
    out.push(s);
  }
  return out;
}

describe("parseIsoFast", () => {
  it("accepts exactly the ISO regex's language and computes the same instant", () => {
    const fixed = [
      "2023-04-01T00:42:28.000Z",
      "2023-04-01 00:42:28",
      "2023-02-29T00:00:00",
      "2024-02-29T00:00:00",
      "2023-02-30T10:00:00Z",
      "2023-12-31T23:59:60Z",
      "2023-13-01T00:00:00",
      "2023-00-10T00:00:00",
      "0099-01-01T00:00:00",
      "2023-04-01T00:42:28.1234567891Z",
      "2023-04-01T00:42:28.",
      "2023-04-01T00:42:28.5+01:00",
      "2023-04-01T00:42:28+0100",
      "2023-04-01T00:42:28+01",
      "2023-04-01T00:42:28ZZ",
      "2023-04-01t00:42:28",
      "",
      "2023",
      " 2023-04-01T00:42:28Z",
      "2023-04-01T00:42:28Z ",
    ];
    const inputs = [...fixed, ...isoLikeInputs(30_000, 7)];
    let accepted = 0;
    for (const s of inputs) {
      const want = isoByRegex(s),
        got = parseIsoFast(s);
      if (!same(got, want))
        throw new Error(`parseIsoFast(${JSON.stringify(s)}) = ${String(got?.getTime?.() ?? got)}, regex gives ${String(want?.getTime?.() ?? want)}`);
      if (got !== undefined) accepted++;
    }
    expect(accepted).toBeGreaterThan(5000); // the generator really exercises the accepting side
  });
  it("parseDateAuto still falls back to the pattern list", () => {
    expect(parseDateAuto("2023/04/01")?.toISOString()).toBe("2023-04-01T00:00:00.000Z");
    expect(parseDateAuto("Apr 1, 2023")?.toISOString()).toBe("2023-04-01T00:00:00.000Z");
    expect(parseDateAuto("nope")).toBeNull();
  });
});

const FIXED_FORMATS = [
  "yyyy-MM-dd HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "MM/dd/yyyy",
  "dd-MM-yy",
  "yyyyMMddHHmmss",
  "hh:mm",
  "yyyy-MM-dd'T'HH:mm:ss.S",
  "SS",
  "yyyy''MM",
  "HH:mm:ss.SSSSSS",
  "KK'h'mm",
  "yyy.MM.dd",
  "'at' HH:mm 'on' dd/MM/yyyy",
];
const REGEX_FORMATS = ["yyyy-M-d", "dd-MMM-yyyy", "MM/dd/yyyy hh:mm a", "yyyy-MM-dd'T'HH:mm:ssX", "EEE, d MMM yy"];

/** Formatted random dates for `fmt`, then digits swapped at random and the usual mutations. */
function inputsFor(fmt: string, count: number, seed: number): string[] {
  const r = rng(seed);
  const p = buildDatePattern(fmt, false);
  const noise = ["0", "9", "5", "a", " ", ":", "-", "/", ".", "'", "\u0663", "\t"];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = p.format(new Date(Math.floor(r() * 4.1e12 - 1e11)));
    // Random digits produce out-of-range months/days/hours and Feb 30-style roll-overs.
    s = s.replace(/\d/g, (c) => (r() < 0.15 ? String(Math.floor(r() * 10)) : c));
    const m = r();
    if (m < 0.3) {
      const at = Math.floor(r() * (s.length + 1));
      const op = r();
      const ch = noise[Math.floor(r() * noise.length)];
      s = op < 0.4 ? s.slice(0, at) + ch + s.slice(at + 1) : op < 0.7 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at) + s.slice(at + 1);
    } else if (m < 0.4) {
      s = [" ", "\n", "\u00a0", "x"][Math.floor(r() * 4)] + s + [" ", "", "\t"][Math.floor(r() * 3)];
    }
    out.push(s);
  }
  return out;
}

describe("fixed-width date pattern reader", () => {
  it("is used for fixed-width numeric patterns only", () => {
    for (const f of FIXED_FORMATS) expect(usesFixedReader(f)).toBe(true);
    for (const f of REGEX_FORMATS) expect(usesFixedReader(f)).toBe(false);
  });
  it("agrees with the regex reader on valid, out-of-range, padded and malformed inputs", () => {
    let seed = 100;
    for (const fmt of [...FIXED_FORMATS, ...AUTO_DATE_PATTERNS]) {
      const fast = buildDatePattern(fmt, true),
        slow = buildDatePattern(fmt, false);
      let parsed = 0;
      for (const s of [...inputsFor(fmt, 3000, seed++), "", " ", "2023-02-30 10:00:00", "2023-13-01 00:00:00", "0000-00-00 00:00:00"]) {
        const a = fast.parse(s),
          b = slow.parse(s);
        if (!same(a, b)) throw new Error(`${fmt}: parse(${JSON.stringify(s)}) fixed=${String(a?.getTime() ?? a)} regex=${String(b?.getTime() ?? b)}`);
        if (a) parsed++;
      }
      expect(parsed, fmt).toBeGreaterThan(300);
    }
  });
});

describe("date(x, literal format) specialisation", () => {
  const outcome = (f: () => unknown) => {
    try {
      const v = f();
      return v instanceof Date ? `date:${v.getTime()}` : JSON.stringify(v);
    } catch (e) {
      return `error:${(e as Error).message}`;
    }
  };
  it("behaves like the generic date() for every kind of value, default and format", () => {
    const generic = FUNCTIONS.date.fn;
    const values: unknown[] = [
      undefined,
      null,
      "",
      "2023-03-22 10:00:00",
      " 2023-03-22 10:00:00 ",
      "2023-02-30 10:00:00",
      "2023-03-22",
      "03/22/2023",
      "22-Mar-2023",
      "10/23/2019 11:24 PM",
      "garbage",
      0,
      1679479200000,
      NaN,
      true,
      new Date(0),
      new Date(NaN),
      {},
      [],
      ["2023-03-22"],
    ];
    const defaults: unknown[] = [undefined, null, "2020-01-01", "not a date", 5, new Date(86_400_000)];
    const formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "MM/dd/yyyy", "dd-MMM-yyyy", "MM/dd/yyyy hh:mm a", "yyyy-MM-dd'T'HH:mm:ssX"];
    for (const fmt of formats) {
      const two = compileExpression(`date(x, ${JSON.stringify(fmt)})`).evaluate;
      const three = compileExpression(`date(x, ${JSON.stringify(fmt)}, d)`).evaluate;
      for (const x of values) {
        expect(
          outcome(() => two({ x }, [])),
          `${fmt} ${String(x)}`,
        ).toBe(outcome(() => generic(x, fmt)));
        for (const d of defaults)
          expect(
            outcome(() => three({ x, d }, [])),
            `${fmt} ${String(x)} ${String(d)}`,
          ).toBe(outcome(() => generic(x, fmt, d)));
      }
    }
  });
  it("leaves bad formats to be reported at apply time", () => {
    const ev = compileExpression('date(x, "yyyy-bb")').evaluate;
    expect(() => ev({ x: "2023-01" }, [])).toThrow(/unsupported date pattern letter 'b'/);
    expect(ev({}, [])).toBeNull();
  });
  it("date(x) without a format takes strings, finite epoch numbers and nothing else", () => {
    const ev = compileExpression("date(x)").evaluate;
    expect((ev({ x: "2023-04-01T00:41:57.000Z" }, []) as Date).toISOString()).toBe("2023-04-01T00:41:57.000Z");
    expect((ev({ x: 0 }, []) as Date).getTime()).toBe(0);
    expect(() => ev({ x: true }, [])).toThrow(/any known date format/);
    expect(() => ev({ x: {} }, [])).toThrow(/any known date format/);
    expect(compileDatePattern("yyyy-MM-dd").parse("2023-01-02")?.toISOString()).toBe("2023-01-02T00:00:00.000Z");
  });
});

describe("payload depth check on JSON text", () => {
  const nest = (n: number) => "[".repeat(n - 1) + "{}" + "]".repeat(n - 1); // depth n
  it("gives the same verdict whether the tree walk is skipped or not", () => {
    for (const text of [
      nest(1),
      nest(63),
      nest(64),
      nest(65),
      `{"a":${nest(64)}}`,
      `{"a":${nest(63)}}`,
      JSON.stringify({ many: Array.from({ length: 200 }, () => ({ x: [] })) }),
      JSON.stringify({ s: "[".repeat(500) + "{".repeat(500) }),
      `{"a":${nest(64)},"s":"${"[".repeat(10)}"}`,
    ]) {
      const parsed = JSON.parse(text) as unknown;
      let objectVerdict = "ok",
        textVerdict = "ok";
      try {
        admitPayload(parsed);
      } catch (e) {
        objectVerdict = (e as Error).message;
      }
      try {
        admitPayload(text);
      } catch (e) {
        textVerdict = (e as Error).message;
      }
      expect(textVerdict, text.slice(0, 40)).toBe(objectVerdict);
    }
    expect(() => admitPayload(nest(65))).toThrow(/deeper than 64/);
    expect(() => admitPayload(nest(64))).not.toThrow();
  });
});

describe("sha256Hex one-block ASCII fast path", () => {
  it("matches node:crypto around the block boundaries, for ASCII, Latin-1 and other text", () => {
    const r = rng(9);
    const alphabets = ["abcdefghijklmnopqrstuvwxyz0123456789@.-_", "\u0000\u007f~ !", "éüß\u00ff", "€😀\ud800"];
    for (let i = 0; i < 3000; i++) {
      const len = i < 140 ? i % 70 : Math.floor(r() * 140);
      const alpha = alphabets[r() < 0.7 ? 0 : Math.floor(r() * alphabets.length)] + (r() < 0.1 ? alphabets[2] : "");
      let s = "";
      for (let k = 0; k < len; k++) s += alpha[Math.floor(r() * alpha.length)];
      // Buffer's UTF-8 encoder, like TextEncoder, writes lone surrogates as U+FFFD.
      const utf8 = createHash("sha256").update(Buffer.from(s, "utf8")).digest("hex");
      expect(sha256Hex(s), JSON.stringify(s)).toBe(utf8);
      const latin1 = Buffer.from(s.split("").map((c) => (c.charCodeAt(0) > 0xff ? 0x3f : c.charCodeAt(0))));
      expect(sha256Hex(s, true), JSON.stringify(s)).toBe(createHash("sha256").update(latin1).digest("hex"));
    }
  });
});

describe("hash(x[, literal charset]) specialisation", () => {
  it("behaves like the generic function for every value and charset", () => {
    const values: unknown[] = [undefined, null, "", "abc", "é€", 12, true, new Date(0), {}, []];
    for (const name of ["sha1", "sha256", "sha512", "md5"]) {
      const generic = FUNCTIONS[name].fn;
      const outcome = (f: () => unknown) => {
        try {
          return JSON.stringify(f());
        } catch (e) {
          return `error:${(e as Error).message}`;
        }
      };
      const one = compileExpression(`${name}(x)`).evaluate;
      for (const x of values)
        expect(
          outcome(() => one({ x }, [])),
          `${name}(${String(x)})`,
        ).toBe(outcome(() => generic(x)));
      for (const cs of ["UTF-8", "utf_8", "ISO-8859-1", "latin1", "US-ASCII", "EBCDIC", null]) {
        const two = compileExpression(`${name}(x, ${JSON.stringify(cs)})`).evaluate;
        for (const x of values)
          expect(
            outcome(() => two({ x }, [])),
            `${name}(${String(x)}, ${cs})`,
          ).toBe(outcome(() => generic(x, cs)));
      }
    }
  });
});
