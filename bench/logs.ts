// npm run bench:logs — the delivery log at 1,000,000 rows (issue 8's "done when").
//
// On a fresh database (TEST_DATABASE_URL's server when set, else the embedded PostgreSQL):
// 1,000,000 deliveries over 30 days across 5 profiles, each with one attempt, inserted by
// generate_series in SQL. Then, through the real lib/delivery-log code:
//   - firstPage:    listDeliveries({}) — the log as it opens
//   - filteredPage: profile + status (FAILED,DEAD) + last 7 days
//   - deepPage:     a keyset cursor half-way down the log
//   - export:       CSV rows/s through exportStream (first EXPORT_ROWS rows of the unfiltered log)
//   - for the record: the dashboard's aggregates (24 h, 7 d) and the attendee timeline
// Baseline in the same run: the bare index scan behind the first page, by pg without Prisma.
// Targets: page p95 ≤ 50 ms; export ≥ 50,000 rows/s. Prints one JSON object.
// Runs with `node --conditions react-server` so lib/'s `import "server-only"` resolves to a no-op.
import pg from "pg";
import { createTestDatabase } from "../tests/support/test-database";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CHUNK = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 300_000);
const DAYS = 30;

const log = (msg: string) => process.stderr.write(`[bench:logs] ${msg}\n`);

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]!), runs: s.length };
}

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(); // warm plans, pool and caches
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function seed(client: pg.Client, now: Date) {
  const profiles = ["SOURCE", "SOURCE", "SOURCE", "SOURCE", "DESTINATION"].map((direction, i) => ({ id: `bench_profile_${i}`, direction }));
  for (const p of profiles) {
    await client.query(
      `INSERT INTO "IntegrationProfile" (id, name, direction, status, "eventCode", "updatedAt") VALUES ($1, $2, $3::"Direction", 'ACTIVE', 'BENCH', now())`,
      [p.id, `Bench ${p.id.slice(-1)}`, p.direction],
    );
  }
  const spanMs = DAYS * 86_400_000;
  for (let start = 0; start < ROWS; start += CHUNK) {
    const end = Math.min(ROWS, start + CHUNK) - 1;
    // Status mix: 90 % delivered, 4 % failed, 2 % dead, 2 % retrying, 2 % queued; 1 % test events.
    await client.query(
      `
      INSERT INTO "Delivery" (id, "profileId", direction, "pushType", "transmissionId", status, attempts, "nextAttemptAt",
                              "sourcePayload", "lastStatusCode", "lastError", test, "receivedAt", "deliveredAt")
      SELECT 'bd' || lpad(i::text, 8, '0'), 'bench_profile_' || (i % 5), (CASE WHEN i % 5 = 4 THEN 'DESTINATION' ELSE 'SOURCE' END)::"Direction",
             CASE WHEN i % 5 = 4 THEN NULL ELSE (ARRAY['SessionScheduled','AttendeeRegistered','SessionAttended'])[1 + i % 3] END,
             'tx-' || i, st::"DeliveryStatus", CASE WHEN st = 'QUEUED' THEN 0 ELSE 1 + (i % 3) END, rt,
             jsonb_build_object('attendee', jsonb_build_object('email', 'attendee' || (i % 50000) || '@example.com', 'attendeeId', 'a' || (i % 50000))),
             CASE st WHEN 'DELIVERED' THEN 200 WHEN 'QUEUED' THEN NULL ELSE 503 END,
             CASE WHEN st IN ('FAILED','DEAD','RETRYING') THEN 'AEP answered 503 Service Unavailable' END,
             i % 100 = 0, rt, CASE WHEN st = 'DELIVERED' THEN rt + ((50 + i % 900) || ' milliseconds')::interval END
        FROM (SELECT i, ($2::timestamptz - ((i::float8 / $3) * $4 || ' milliseconds')::interval) AS rt,
                     CASE WHEN i % 50 < 45 THEN 'DELIVERED' WHEN i % 50 < 47 THEN 'FAILED' WHEN i % 50 < 48 THEN 'DEAD' WHEN i % 50 < 49 THEN 'RETRYING' ELSE 'QUEUED' END AS st
                FROM generate_series($1::int, $5::int) AS i) g`,
      [start, now.toISOString(), ROWS, spanMs, end],
    );
    await client.query(
      `
      INSERT INTO "Attempt" (id, "deliveryId", number, "requestUrl", "requestHeaders", "responseStatus", "durationMs", "startedAt")
      SELECT 'ba' || lpad(i::text, 8, '0'), 'bd' || lpad(i::text, 8, '0'), 1, 'https://dcs.adobedc.net/collection/bench', '{}'::jsonb, 200, 40 + i % 200, now()
        FROM generate_series($1::int, $2::int) AS i`,
      [start, end],
    );
    log(`inserted ${end + 1} deliveries`);
  }
  await client.query(`VACUUM ANALYZE "Delivery"`);
  await client.query(`VACUUM ANALYZE "Attempt"`);
  return profiles;
}

async function main() {
  const started = performance.now();
  const database = await createTestDatabase("relay_bench_logs");
  process.env.DATABASE_URL = database.url;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const now = new Date();
    const t0 = performance.now();
    const profiles = await seed(client, now);
    const insertS = (performance.now() - t0) / 1000;

    // Imported only now: lib/db reads DATABASE_URL on first use.
    const { listDeliveries } = await import("../lib/delivery-log/list-deliveries");
    const { exportStream } = await import("../lib/delivery-log/export");
    const { DeliveryFilterSchema } = await import("../lib/delivery-log/schemas");
    const { encodeCursor } = await import("../lib/delivery-log/filter-sql");
    const { getDashboard } = await import("../lib/dashboard/get-dashboard");

    const filtered = DeliveryFilterSchema.parse({ profileId: profiles[1]!.id, status: "FAILED,DEAD", range: "7d" });
    const mid = (
      await client.query(`SELECT id, "receivedAt" AS at FROM "Delivery" ORDER BY "receivedAt" DESC, id DESC OFFSET $1 LIMIT 1`, [Math.floor(ROWS / 2)])
    ).rows[0];
    const cursor = encodeCursor({ id: mid.id, receivedAt: new Date(mid.at) });

    const baseline = await time(() => client.query(`SELECT id FROM "Delivery" d ORDER BY d."receivedAt" DESC, d.id DESC LIMIT 51`));
    const first = await time(() => listDeliveries({}, { maskEmails: true }));
    const filteredRows = (await listDeliveries(filtered, { maskEmails: true })).items.length;
    const filteredPage = await time(() => listDeliveries(filtered, { maskEmails: true }));
    const deep = await time(() => listDeliveries({}, { cursor, maskEmails: true }));

    // Not targets of the issue, measured for the record: the dashboard's aggregates over a day and a
    // week, and the attendee timeline (JSON-path match with no index: a scan of the table).
    const dashDay = await time(() => getDashboard({ range: "24h" }, { maskEmails: true }), 10);
    const dashWeek = await time(() => getDashboard({ range: "7d" }, { maskEmails: true }), 5);
    const timeline = await time(() => listDeliveries(DeliveryFilterSchema.parse({ attendee: "attendee123@example.com" }), { maskEmails: true }), 5);

    log(`exporting ${EXPORT_ROWS} rows as CSV`);
    const reader = exportStream({}, "csv", { maskEmails: false }).getReader();
    const dec = new TextDecoder();
    let lines = -1; // the header
    let bytes = 0;
    const te = performance.now();
    while (lines < EXPORT_ROWS) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const ch of dec.decode(value)) if (ch === "\n") lines++;
    }
    const exportS = (performance.now() - te) / 1000;
    await reader.cancel();

    const firstP = percentiles(first);
    const filteredP = percentiles(filteredPage);
    const exportRate = Math.round(lines / exportS);
    console.log(
      JSON.stringify(
        {
          bench: "logs",
          database: database.database,
          rows: ROWS,
          attempts: ROWS,
          insertSeconds: Math.round(insertS * 10) / 10,
          pageSize: 50,
          baselineIndexScanMs: percentiles(baseline),
          firstPageMs: firstP,
          filteredPageMs: { ...filteredP, filter: "profile + status FAILED,DEAD + last 7 days", rows: filteredRows },
          deepPageMs: { ...percentiles(deep), at: `row ${Math.floor(ROWS / 2)} (keyset cursor)` },
          exportCsv: {
            rows: lines,
            seconds: Math.round(exportS * 100) / 100,
            rowsPerSecond: exportRate,
            mbPerSecond: Math.round((bytes / 1e6 / exportS) * 10) / 10,
          },
          dashboardMs: { "24h": percentiles(dashDay), "7d": percentiles(dashWeek) },
          attendeeTimelineMs: percentiles(timeline),
          targets: { pageP95Ms: 50, exportRowsPerSecond: 50_000 },
          meetsTargets: { firstPage: firstP.p95 <= 50, filteredPage: filteredP.p95 <= 50, export: exportRate >= 50_000 },
          totalSeconds: Math.round((performance.now() - started) / 100) / 10,
        },
        null,
        2,
      ),
    );
  } finally {
    await client.end();
    const { db } = await import("../lib/db").catch(() => ({ db: null }));
    await db?.$disconnect();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
