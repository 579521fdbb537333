// npm run bench:alerts — prints ONE JSON object (progress goes to stderr).
//
// What one alert evaluation's failure-ratio reading costs as the window fills: the worker reads it
// every ALERTS_EVAL_INTERVAL_MS (30 s) while deliveries flow, over the rule's window (15 min by
// default: 2.7 million attempts at 3,000 events/s). Compared in the same run, interleaved: the
// dashboard's outcomeTotals, which the evaluator used to call (per-profile grouping, latency
// percentiles and a received count it did not use, and a join of the window's attempts to the
// whole Delivery table), and attemptCounts, which it calls now. Both must give the same counts.
// Database: a fresh one on TEST_DATABASE_URL's server when set, else the embedded PostgreSQL.
import os from "node:os";
import { attemptCounts, outcomeTotals } from "@/lib/dashboard/aggregates";
import { createPrismaClient, poolOf } from "@/lib/db-client";
import { createTestDatabase } from "../tests/support/test-database";
import { benchLog, median, round } from "./support";

const SIZES = (process.env.BENCH_ATTEMPTS ?? "20000,100000").split(",").map(Number);
const ROUNDS = 5;
const log = benchLog("bench:alerts");

async function main() {
  const database = await createTestDatabase("relay_alerts_bench");
  const db = createPrismaClient(database.url, 2);
  const pool = poolOf(db);
  try {
    const profile = await db.integrationProfile.create({
      data: {
        name: "bench alerts",
        direction: "SOURCE",
        status: "ACTIVE",
        eventCode: "bench",
        tenantId: "_bench",
        adobeOrgId: "b@AdobeOrg",
        adobeClientId: "b",
      },
    });
    const results = [];
    let filled = 0;
    for (const size of SIZES) {
      // Deliveries settled over the last 10 minutes, one attempt each, every 20th failed and every
      // 100th a test event; the sourcePayload the size of a demo event's.
      const add = size - filled;
      await pool.query(
        `WITH d AS (
           INSERT INTO "Delivery" (id, "profileId", direction, "transmissionId", "sourcePayload", status, test, "receivedAt", "nextAttemptAt", "deliveredAt")
           SELECT 'd' || g, $1, 'SOURCE', 't' || g, jsonb_build_object('eventType', 'SessionScheduled', 'pad', repeat('x', 900)),
                  CASE WHEN g % 20 = 0 THEN 'RETRYING' ELSE 'DELIVERED' END::"DeliveryStatus", g % 100 = 0,
                  now() - interval '10 minutes' + (g - $2) * (interval '10 minutes' / $3), now(), now()
             FROM generate_series($2 + 1, $2 + $3) g
           RETURNING id, "receivedAt", status
         )
         INSERT INTO "Attempt" (id, "deliveryId", number, "requestUrl", "requestHeaders", "durationMs", "startedAt", outcome)
         SELECT 'a' || d.id, d.id, 1, 'https://dcs.adobedc.net/collection/batch/x', '{}'::jsonb, 40, d."receivedAt", d.status::text FROM d`,
        [profile.id, filled, add],
      );
      filled = size;
      await pool.query(`VACUUM (ANALYZE) "Delivery"`);
      await pool.query(`VACUUM (ANALYZE) "Attempt"`);
      const from = new Date(Date.now() - 15 * 60_000);
      const to = new Date(Date.now() + 60_000);
      const before: number[] = [];
      const after: number[] = [];
      let same = true;
      for (let r = 0; r < ROUNDS; r++) {
        let t = performance.now();
        const totals = (await outcomeTotals(db, { from, to })).overall;
        before.push(performance.now() - t);
        t = performance.now();
        const counts = await attemptCounts(db, { from, to });
        after.push(performance.now() - t);
        same &&= counts.attempts === totals.attempts && counts.retrying === totals.retrying && counts.failed === totals.failed && counts.dead === totals.dead;
      }
      if (!same) throw new Error("attemptCounts and outcomeTotals disagree");
      const row = {
        attemptsInWindow: size,
        outcomeTotalsMs: round(median(before)),
        attemptCountsMs: round(median(after)),
        ratio: round(median(before) / median(after)),
      };
      log(JSON.stringify(row));
      results.push(row);
    }
    console.log(
      JSON.stringify(
        {
          bench: "alerts",
          machine: { cpus: os.cpus().length, node: process.version },
          database: database.database,
          rounds: ROUNDS,
          note: "median ms of one failure-ratio reading; ratio = outcomeTotals / attemptCounts, measured interleaved in this run",
          results,
        },
        null,
        2,
      ),
    );
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
