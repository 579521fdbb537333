import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { poolOf } from "@/lib/db-client";
import { SharedTokenBuckets } from "@/lib/worker/shared-token-bucket";

// The per-inlet rate is one budget for all workers: two limiters (two worker processes) on one
// database share it, where two in-memory buckets would each grant the full rate.

describe("per-inlet rate shared through PostgreSQL", () => {
  it("the burst is shared, then both limiters together stay under the rate", async () => {
    const key = `test-inlet-${Date.now()}`;
    // A slow refill (one token per 10 s) so a loaded machine's pauses cannot refill the burst here.
    const slowA = new SharedTokenBuckets(poolOf(db), 0.1, 5);
    const slowB = new SharedTokenBuckets(poolOf(db), 0.1, 5);
    const waits = [await slowA.take(key), await slowB.take(key), await slowA.take(key), await slowB.take(key), await slowA.take(key)];
    expect(waits).toEqual([0, 0, 0, 0, 0]);
    expect(await slowB.take(key)).toBeGreaterThan(5000); // the 6th token is owed, whichever worker asks

    const a = new SharedTokenBuckets(poolOf(db), 20, 5);
    const b = new SharedTokenBuckets(poolOf(db), 20, 5);

    const key2 = `${key}-2`;
    const t0 = performance.now();
    // 30 requests, 15 per worker, concurrently: 5 from the burst, 25 at 20/s ≥ 1.25 s in total.
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).acquire(key2)));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1150);
    await db.$executeRawUnsafe(`DELETE FROM "InletRateBucket" WHERE key LIKE $1`, `${key}%`);
  });
});
