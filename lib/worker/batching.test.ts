import { describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES, planBatches } from "./batching";

describe("planBatches", () => {
  it("groups by message count", () => {
    expect(planBatches([10, 10, 10, 10, 10], { maxMessages: 2 }).batches).toEqual([[0, 1], [2, 3], [4]]);
  });

  it("keeps every request body at or under the byte limit, envelope and commas included", () => {
    const sizes = Array.from({ length: 50 }, () => 100_000);
    const { batches } = planBatches(sizes, { maxMessages: 1000 });
    expect(batches.flat()).toEqual(sizes.map((_, i) => i));
    for (const b of batches) {
      const body = JSON.stringify({ messages: b.map(() => "x".repeat(100_000 - 2)) });
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    }
    expect(batches[0]!.length).toBe(10);
  });

  it("fills a request exactly to the limit", () => {
    const body = (n: number, size: number) => Buffer.byteLength(JSON.stringify({ messages: Array.from({ length: n }, () => "x".repeat(size - 2)) }));
    const size = 100;
    const exact = body(3, size);
    expect(planBatches([size, size, size], { maxMessages: 10, maxBytes: exact }).batches).toEqual([[0, 1, 2]]);
    expect(planBatches([size, size, size], { maxMessages: 10, maxBytes: exact - 1 }).batches).toEqual([[0, 1], [2]]);
  });

  it("sets aside messages that can never fit", () => {
    const plan = planBatches([10, MAX_BATCH_BYTES, 10], { maxMessages: 10 });
    expect(plan).toEqual({ batches: [[0, 2]], tooLarge: [1] });
  });

  it("plans nothing for nothing", () => {
    expect(planBatches([], { maxMessages: 10 })).toEqual({ batches: [], tooLarge: [] });
  });
});
