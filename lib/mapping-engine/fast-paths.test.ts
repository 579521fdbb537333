import { describe, expect, it } from "vitest";
import { isoStringFromMs, parseDateAuto, parseIsoFast } from "./dates";

// The engine's hand-specialised fast paths must agree exactly with the generic code they replace.

/** Small deterministic PRNG so failures are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("isoStringFromMs", () => {
  it("matches Date.prototype.toISOString across the whole range", () => {
    const r = rng(1);
    const edges = [0, -1, 1, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000, 951_868_800_000, 4_107_542_400_000,
      -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, -8.64e15];
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
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const dd = (n: number) => String(n).padStart(2, "0");
  const noise = ["0", "9", "a", "T", " ", ":", "-", "+", ".", "Z", "z", "/", "\u0660", "１"];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = `${String(Math.floor(r() * 10000)).padStart(4, "0")}-${dd(Math.floor(r() * 14))}-${dd(Math.floor(r() * 33))}${pick(["T", " "])}` +
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
    const fixed = ["2023-04-01T00:42:28.000Z", "2023-04-01 00:42:28", "2023-02-29T00:00:00", "2024-02-29T00:00:00", "2023-02-30T10:00:00Z",
      "2023-12-31T23:59:60Z", "2023-13-01T00:00:00", "2023-00-10T00:00:00", "0099-01-01T00:00:00", "2023-04-01T00:42:28.1234567891Z",
      "2023-04-01T00:42:28.", "2023-04-01T00:42:28.5+01:00", "2023-04-01T00:42:28+0100", "2023-04-01T00:42:28+01", "2023-04-01T00:42:28ZZ",
      "2023-04-01t00:42:28", "", "2023", " 2023-04-01T00:42:28Z", "2023-04-01T00:42:28Z "];
    const inputs = [...fixed, ...isoLikeInputs(30_000, 7)];
    let accepted = 0;
    for (const s of inputs) {
      const want = isoByRegex(s), got = parseIsoFast(s);
      if (!same(got, want)) throw new Error(`parseIsoFast(${JSON.stringify(s)}) = ${String(got?.getTime?.() ?? got)}, regex gives ${String(want?.getTime?.() ?? want)}`);
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
