// npm run bench:queue — prints ONE JSON object (progress goes to stderr).
//
// What one claim of the queue costs as the backlog grows: the same claimDue the workers run (claim
// 500, the default DELIVERY_CLAIM_BATCH), against a Delivery table holding `history` settled rows
// and a backlog of due rows, at a small and at a large backlog in the same run. A claim that reads
// only the rows it takes costs about the same at both (ratio near 1); one that reads every due row
// grows with the backlog. Also, per event, the write-ahead log and wall time of store, claim and
// settle (the settle with the attempt body the worker records: the sent message).
// Database: a fresh one on TEST_DATABASE_URL's server when set, else the embedded PostgreSQL.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { createPrismaClient, poolOf } from "@/lib/db-client";
import { CLAIM_BEGIN, CLAIM_SQL, claimDue } from "@/lib/queue/claim";
import { settleMany } from "@/lib/queue/settle";
import { storeDeliveries } from "@/lib/queue/store";
import { generatePushEvent } from "@/lib/push-types/catalog";
import { DEFAULT_RETRY_POLICY } from "@/lib/queue/retry-policy";
import { MappingCache } from "@/lib/worker/mapping-for-profile";
import { createTestDatabase } from "../tests/support/test-database";
import { benchLog, median, round } from "./support";

const CLAIM = 500;
const HISTORY = Number(process.env.BENCH_HISTORY ?? 100_000);
const SMALL = 1_000;
const LARGE = Number(process.env.BENCH_BACKLOG ?? 100_000);
const ROUNDS = 8;
const log = benchLog("bench:queue");

async function main() {
  const database = await createTestDatabase("relay_queue_bench");
  const db = createPrismaClient(database.url, 2);
  const pool = poolOf(db);
  try {
    const profile = await db.integrationProfile.create({
      data: {
        name: "bench queue",
        direction: "SOURCE",
        status: "ACTIVE",
        eventCode: "bench",
        tenantId: "_bench",
        adobeOrgId: "bench@AdobeOrg",
        adobeClientId: "bench",
      },
    });
    const fill = (status: string, n: number, prefix: string) =>
      pool.query(
        `INSERT INTO "Delivery" (id, "profileId", direction, "transmissionId", "sourcePayload", status, "receivedAt", "nextAttemptAt")
         SELECT $3 || g, $1, 'SOURCE', $3 || g, '{"eventType":"SessionScheduled"}'::jsonb, $4::"DeliveryStatus", now(),
                now() - interval '1 hour' + g * interval '1 ms'
           FROM generate_series(1, $2) g`,
        [profile.id, n, prefix, status],
      );
    log(`history: ${HISTORY} settled rows`);
    await fill("DELIVERED", HISTORY, "h");

    /**
     * Median ms of ROUNDS claims of CLAIM rows with `backlog` due rows waiting (refilled and vacuumed
     * each round): as the worker sees it (`wall`, including reading the 500 payloads) and inside the
     * database (`db`, the claim statement's own execution time from EXPLAIN ANALYZE).
     */
    async function claimAt(backlog: number, tag: string) {
      const times: number[] = [];
      const dbTimes: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        await pool.query(`DELETE FROM "Delivery" WHERE status IN ('QUEUED', 'DELIVERING')`);
        await fill("QUEUED", backlog, `${tag}${r}-`);
        await pool.query(`VACUUM (ANALYZE) "Delivery"`);
        const t = performance.now();
        const claimed = await claimDue(db, { limit: CLAIM, leaseMs: 60_000, token: randomBytes(8).toString("hex") });
        times.push(performance.now() - t);
        if (claimed.length !== Math.min(CLAIM, backlog)) throw new Error(`claimed ${claimed.length} of ${backlog}`);
        // Explained as claimDue runs it: in its transaction, with its planner settings.
        const explainer = await pool.connect();
        const plan = await explainer
          .query(CLAIM_BEGIN)
          .then(() =>
            explainer.query<{ "QUERY PLAN": [{ "Execution Time": number }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${CLAIM_SQL}`, [CLAIM, 60_000, "bench"]),
          )
          .finally(() => explainer.query("ROLLBACK").finally(() => explainer.release()));
        dbTimes.push(plan.rows[0]!["QUERY PLAN"][0]["Execution Time"]);
        if (process.env.BENCH_PLAN) console.error(JSON.stringify(plan.rows[0]!["QUERY PLAN"][0]));
      }
      return { wall: median(times), db: median(dbTimes) };
    }
    log(`claim ${CLAIM} with ${SMALL} due, then with ${LARGE} due`);
    const small = await claimAt(SMALL, "s");
    const large = await claimAt(LARGE, "l");
    await pool.query(`DELETE FROM "Delivery" WHERE status IN ('QUEUED', 'DELIVERING')`);

    // Per event, for 5,000 demo events stored (requests of 100), claimed (500 at a time) and settled
    // as delivered in batches of 100, each attempt carrying its sent message as the worker records
    // it: the write-ahead log written and the wall time of each step.
    log("per event: store, claim, settle");
    const mapping = new MappingCache().forProfile({ direction: "SOURCE", tenantId: "_bench" });
    const N = 5_000;
    const lsn = async () => (await pool.query<{ l: string }>(`SELECT pg_current_wal_insert_lsn()::text AS l`)).rows[0]!.l;
    const bytes = async (a: string, b: string) =>
      Math.round(Number((await pool.query<{ d: string }>(`SELECT pg_wal_lsn_diff($2, $1)::text AS d`, [a, b])).rows[0]!.d) / N);
    let seq = 0;
    const t0 = performance.now();
    const l0 = await lsn();
    for (let i = 0; i < N / 100; i++) {
      const items = Array.from({ length: 100 }, () => {
        const e = generatePushEvent("SessionScheduled", seq++);
        return { transmissionId: String(e.transmissionId), pushType: "SessionScheduled", sourcePayload: e as never };
      });
      await storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, items);
    }
    const l1 = await lsn();
    const t1 = performance.now();
    const claimed = [];
    while (claimed.length < N) claimed.push(...(await claimDue(db, { limit: CLAIM, leaseMs: 60_000, token: randomBytes(8).toString("hex") })));
    const claimEnd = performance.now();
    const mappedAll = claimed.map((d) => {
      const r = mapping.map(d.sourcePayload as never);
      if (!r.ok) throw new Error(r.error);
      return r.output;
    });
    const l2 = await lsn();
    const t2 = performance.now();
    for (let i = 0; i < claimed.length; i += 100) {
      const batch = claimed.slice(i, i + 100);
      const mapped = mappedAll.slice(i, i + 100);
      await settleMany(
        db,
        batch.map((d, j) => ({
          d,
          mappingVersion: 1,
          outcome: {
            kind: "delivered" as const,
            statusCode: 200,
            mapped: mapped[j],
            exchanges: [
              {
                exchange: {
                  request: {
                    method: "POST",
                    url: "https://dcs.adobedc.net/collection/batch/bench",
                    headers: { "Content-Type": "application/json", "x-adobe-flow-id": "bench" },
                  },
                  response: { status: 207, headers: { "content-type": "application/json" }, body: "" },
                  durationMs: 10,
                },
                requestBody: {
                  batch: { size: batch.length, index: j },
                  message: {
                    header: {
                      schemaRef: { id: "https://ns.adobe.com/_bench/schemas/bench", contentType: "application/vnd.adobe.xed-full+json;version=1" },
                      imsOrgId: "bench@AdobeOrg",
                      datasetId: "bench",
                      flowId: "bench",
                    },
                    body: {
                      xdmMeta: { schemaRef: { id: "https://ns.adobe.com/_bench/schemas/bench", contentType: "application/vnd.adobe.xed-full+json;version=1" } },
                      xdmEntity: mapped[j],
                    },
                  },
                },
                responseBody: JSON.stringify({ httpStatus: 207, batchId: "bench", index: j, result: { ok: true } }),
              },
            ],
          },
        })),
        { policy: DEFAULT_RETRY_POLICY },
      );
    }
    const l3 = await lsn();
    const t3 = performance.now();
    const result = {
      bench: "queue",
      machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg().map((x) => round(x)) },
      database: database.database,
      claim: {
        rows: CLAIM,
        historyRows: HISTORY,
        smallBacklog: SMALL,
        largeBacklog: LARGE,
        wallMs: { small: round(small.wall), large: round(large.wall), largeVsSmall: round(large.wall / small.wall) },
        dbMs: { small: round(small.db), large: round(large.db), largeVsSmall: round(large.db / small.db) },
      },
      perEvent: {
        walBytes: { store: await bytes(l0, l1), claim: await bytes(l1, l2), settle: await bytes(l2, l3) },
        wallMs: { store: round((t1 - t0) / N, 3), claim: round((claimEnd - t1) / N, 3), settle: round((t3 - t2) / N, 3) },
      },
    };
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
