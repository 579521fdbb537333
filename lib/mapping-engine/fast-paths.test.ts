import { describe, expect, it } from "vitest";
import { isoStringFromMs } from "./dates";

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
