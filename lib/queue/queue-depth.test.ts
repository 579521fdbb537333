import { describe, expect, it } from "vitest";
import { QueueDepthGauge } from "./queue-depth";

describe("QueueDepthGauge", () => {
  it("counts once, then answers from the cache and refreshes in the background when stale", async () => {
    let now = 0;
    let calls = 0;
    let next = 10;
    const gauge = new QueueDepthGauge(
      async () => (calls++, next),
      1000,
      () => now,
    );
    expect(await gauge.depth()).toBe(10);
    next = 20;
    now = 500;
    expect(await Promise.all([gauge.depth(), gauge.depth(), gauge.depth()])).toEqual([10, 10, 10]);
    expect(calls).toBe(1);
    now = 1000;
    expect(await gauge.depth()).toBe(10); // stale answered at once, refresh started
    await new Promise((r) => setImmediate(r));
    expect(await gauge.depth()).toBe(20);
    expect(calls).toBe(2);
  });

  it("runs one refresh at a time and keeps the last value when a count fails", async () => {
    let now = 0;
    let calls = 0;
    let fail = false;
    const gauge = new QueueDepthGauge(
      async () => {
        calls++;
        if (fail) throw new Error("db down");
        return 5;
      },
      100,
      () => now,
    );
    await gauge.depth();
    fail = true;
    now = 200;
    await Promise.all([gauge.depth(), gauge.depth()]);
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(2);
    expect(await gauge.depth()).toBe(5);
  });
});
