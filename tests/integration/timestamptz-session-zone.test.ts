import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "@/lib/db-client";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Timestamps are timestamptz, so the time queries must mean the same instants whatever the
// server's TimeZone. A fresh database here defaults to America/Los_Angeles (UTC−8/−7). The app's
// client pins its sessions to UTC (lib/db-client.ts: adapter-pg misreads timestamptz otherwise),
// and a second client deliberately runs its sessions in Los Angeles: every raw time query of the
// dashboard, the refused-requests log, retention and the queue must count the same rows in both.
// A query left comparing a timestamptz with a timestamp (an ISO string cast to ::timestamp, or
// `now() AT TIME ZONE 'UTC'`) shifts its bound by the zone's offset there and miscounts: the rows
// sit within minutes of the bounds, well inside that offset. Rows are seeded through the pinned
// client; values written in the Los Angeles session are read back through it too.

const LA = "America/Los_Angeles";
const MIN = 60_000;

let database: TestDatabase;
let utc: PrismaClient;
let la: PrismaClient;
let NOW: Date;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

/** The lib modules that read through lib/db's singleton, loaded afresh over `client`. */
async function appOver(client: PrismaClient) {
  (globalThis as { prisma?: PrismaClient }).prisma = client;
  vi.resetModules();
  return {
    dashboard: await import("@/lib/dashboard/get-dashboard"),
    refusals: await import("@/lib/inbound-refusals/queries"),
    record: await import("@/lib/inbound-refusals/record"),
    deliveries: await import("@/lib/delivery-log/list-deliveries"),
    schemas: await import("@/lib/delivery-log/schemas"),
    dashSchemas: await import("@/lib/dashboard/schemas"),
  };
}

async function sessionZone(client: PrismaClient): Promise<string> {
  const [r] = await client.$queryRawUnsafe<{ tz: string }[]>("SELECT current_setting('TimeZone') AS tz");
  return r!.tz;
}

/** Milliseconds since the epoch as PostgreSQL holds them: independent of any session or parser. */
async function epochMs(sql: string, ...params: unknown[]): Promise<number> {
  const [r] = await utc.$queryRawUnsafe<{ ms: number }[]>(`SELECT (extract(epoch FROM (${sql})) * 1000)::float8 AS ms`, ...params);
  return Number(r!.ms);
}

let profileId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase("relay_tz");
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const { rows } = await admin.query<{ db: string }>("SELECT current_database() AS db");
  await admin.query(`ALTER DATABASE "${rows[0]!.db}" SET timezone = '${LA}'`);
  await admin.end();
  utc = createPrismaClient(database.url, 4);
  // A URL's own startup options follow the client's UTC pin, so this one wins.
  const laUrl = new URL(database.url);
  laUrl.searchParams.set("options", `-c TimeZone=${LA}`);
  la = createPrismaClient(laUrl.toString(), 4);

  NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
  const p = await utc.integrationProfile.create({ data: { name: "tz profile", direction: "SOURCE", status: "ACTIVE", eventCode: "E1" } });
  profileId = p.id;
  let n = 0;
  const delivery = async (
    key: string,
    d: {
      status: "DELIVERED" | "FAILED" | "QUEUED" | "RETRYING";
      receivedAt: Date;
      nextAttemptAt?: Date;
      attempt?: { outcome: "DELIVERED" | "FAILED" | "RETRYING"; at: Date };
    },
  ) => {
    const row = await utc.delivery.create({
      data: {
        profileId,
        direction: "SOURCE",
        pushType: "SessionScheduled",
        transmissionId: `tz-${++n}`,
        status: d.status,
        receivedAt: d.receivedAt,
        nextAttemptAt: d.nextAttemptAt ?? d.receivedAt,
        sourcePayload: { attendee: { email: `a${n}@example.com` } },
        attempts: d.attempt ? 1 : 0,
        deliveredAt: d.attempt?.outcome === "DELIVERED" ? d.attempt.at : null,
      },
    });
    if (d.attempt) {
      const failed = d.attempt.outcome !== "DELIVERED";
      await utc.attempt.create({
        data: {
          deliveryId: row.id,
          number: 1,
          requestUrl: "http://aep.test/x",
          requestHeaders: {},
          durationMs: 5,
          startedAt: d.attempt.at,
          outcome: d.attempt.outcome,
          responseStatus: failed ? 503 : 200,
          ...(failed ? { errorClass: "http_5xx", error: "AEP answered 503" } : {}),
        },
      });
    }
    ids[key] = row.id;
  };
  // In the last hour: A delivered 29 min ago, C due a minute ago, D retrying in an hour (not due).
  await delivery("A", { status: "DELIVERED", receivedAt: ago(30 * MIN), attempt: { outcome: "DELIVERED", at: ago(29 * MIN) } });
  await delivery("C", { status: "QUEUED", receivedAt: ago(5 * MIN), nextAttemptAt: ago(1 * MIN) });
  await delivery("D", {
    status: "RETRYING",
    receivedAt: ago(10 * MIN),
    nextAttemptAt: new Date(NOW.getTime() + 60 * MIN),
    attempt: { outcome: "RETRYING", at: ago(9 * MIN) },
  });
  // Just outside the hour, inside 24 h.
  // Well before the 1 h window, which starts on a whole 5-minute bucket (up to 65 min back).
  await delivery("B", { status: "FAILED", receivedAt: ago(75 * MIN), attempt: { outcome: "FAILED", at: ago(72 * MIN) } });
  // Retention at 30 days: E an hour past it (pruned), F an hour short of it (kept).
  await delivery("E", {
    status: "DELIVERED",
    receivedAt: ago(30 * 86_400_000 + 60 * MIN),
    attempt: { outcome: "DELIVERED", at: ago(30 * 86_400_000 + 59 * MIN) },
  });
  await delivery("F", {
    status: "DELIVERED",
    receivedAt: ago(30 * 86_400_000 - 60 * MIN),
    attempt: { outcome: "DELIVERED", at: ago(30 * 86_400_000 - 61 * MIN) },
  });

  const refusal = (code: string, lastAt: Date, count: number) =>
    utc.inboundRefusal.create({
      data: {
        minute: new Date(Math.floor(lastAt.getTime() / MIN) * MIN),
        endpoint: "rainfocus",
        profileId,
        status: 401,
        code,
        message: "no",
        ip: `10.0.0.${count}`,
        count,
        firstAt: lastAt,
        lastAt,
        requestId: "r",
      },
    });
  await refusal("bad_signature", ago(20 * MIN), 3);
  await refusal("invalid_json", ago(70 * MIN), 2);
  await refusal("bad_signature", ago(8 * 86_400_000 + 60 * MIN), 7);
  await refusal("bad_signature", ago(8 * 86_400_000 - 60 * MIN), 5);
  await utc.loginAttempt.createMany({
    data: [
      { email: "x@example.com", ip: "10.0.0.1", success: false, createdAt: ago(8 * 86_400_000 + 60 * MIN) },
      { email: "x@example.com", ip: "10.0.0.1", success: false, createdAt: ago(8 * 86_400_000 - 60 * MIN) },
    ],
  });
}, 120_000);

afterAll(async () => {
  delete (globalThis as { prisma?: PrismaClient }).prisma;
  await Promise.all([utc?.$disconnect(), la?.$disconnect()]);
  await database?.drop();
});

describe("a database whose TimeZone is not UTC", () => {
  it("the app's client still runs its sessions in UTC, and Prisma writes the instant it was given", async () => {
    expect(await sessionZone(la)).toBe(LA);
    expect(await sessionZone(utc)).toBe("UTC");
    // Without the pin adapter-pg would write the UTC digits without an offset, read in Los Angeles.
    expect(await epochMs(`SELECT "receivedAt" FROM "Delivery" WHERE id = $1`, ids.A)).toBe(ago(30 * MIN).getTime());
    const read = await utc.delivery.findUniqueOrThrow({ where: { id: ids.A } });
    expect(read.receivedAt.toISOString()).toBe(ago(30 * MIN).toISOString());
  });

  it("the dashboard, its tiles and the delivery log count the same rows in a Los Angeles session", async () => {
    const counts = async (client: PrismaClient) => {
      const app = await appOver(client);
      const d = await app.dashboard.getDashboard(app.dashSchemas.DashboardInputSchema.parse({ range: "1h" }), { maskEmails: false, now: NOW });
      const inSeries = d.series.reduce((n, p) => n + p.DELIVERED + p.RETRYING + p.FAILED + p.DEAD + p.REPLAYED, 0);
      const refused = await app.refusals.listRefusals(app.refusals.RefusalFilterSchema.parse({ range: "1h" }), NOW);
      const lastHour = app.schemas.DeliveryFilterSchema.parse({ range: "1h" });
      const withFailedAttempt = app.schemas.DeliveryFilterSchema.parse({ range: "24h", attempt: "failed" });
      return {
        received: d.overall.totals.received,
        attempts: d.overall.totals.attempts,
        delivered: d.overall.totals.delivered,
        retrying: d.overall.totals.retrying,
        failed: d.overall.totals.failed,
        inSeries,
        errors: d.errors.reduce((n, e) => n + e.count, 0),
        queue: d.overall.queue.depth,
        liveAttempts: d.profiles[0]?.live?.attempts ?? 0,
        refusedTile: d.refused.requests,
        refusedLog: refused.requests,
        logLastHour: await app.deliveries.countDeliveries(lastHour),
        logPage: (await app.deliveries.listDeliveries(lastHour, { maskEmails: false })).items.length,
        logFailedAttempts: await app.deliveries.countDeliveries(withFailedAttempt),
      };
    };
    const expected = {
      received: 3,
      attempts: 2,
      delivered: 1,
      retrying: 1,
      failed: 0,
      inSeries: 2,
      errors: 1,
      queue: 2,
      liveAttempts: 1,
      refusedTile: 3,
      refusedLog: 3,
      logLastHour: 3,
      logPage: 3,
      logFailedAttempts: 2,
    };
    expect(await counts(utc)).toEqual(expected);
    expect(await counts(la)).toEqual(expected);
  });

  it("the alert evaluator's totals and refusal summary take the same bounds in a Los Angeles session", async () => {
    const { outcomeTotals } = await import("@/lib/dashboard/aggregates");
    const { refusalSummary } = await import("@/lib/inbound-refusals/summary");
    for (const client of [utc, la]) {
      const t = await outcomeTotals(client, { from: ago(60 * MIN), to: ago(20 * MIN) });
      expect({ received: t.overall.received, attempts: t.overall.attempts }).toEqual({ received: 1, attempts: 1 });
      const s = await refusalSummary(client, { from: ago(60 * MIN), to: ago(19 * MIN) });
      expect({ requests: s.requests, authFailures: s.authFailures }).toEqual({ requests: 3, authFailures: 3 });
    }
  });

  it("the queue counts, claims and settles against the database clock in a Los Angeles session", async () => {
    const { countDueDeliveries } = await import("@/lib/queue/queue-depth");
    const { claimDue } = await import("@/lib/queue/claim");
    const { settle } = await import("@/lib/queue/settle");
    const { DEFAULT_RETRY_POLICY } = await import("@/lib/queue/retry-policy");
    const { storeDeliveries } = await import("@/lib/queue/store");
    const { addToCounter } = await import("@/lib/metrics/counters");
    const { collectMetrics } = await import("@/lib/metrics/collect");
    expect(await countDueDeliveries(utc, 100)).toBe(1);
    expect(await countDueDeliveries(la, 100)).toBe(1);
    const metrics = await collectMetrics(la);
    expect(metrics.find((f) => f.name === "relay_queue_depth")?.samples[0]?.value).toBe(1);

    const claimed = await claimDue(la, { limit: 10, leaseMs: 30_000, token: "tz-lease" });
    expect(claimed.map((c) => c.id)).toEqual([ids.C]);
    expect(claimed[0]!.receivedAt.toISOString()).toBe(ago(5 * MIN).toISOString());
    const near = (ms: number, target: number, slack = 15_000) => expect(Math.abs(ms - target)).toBeLessThan(slack);
    near(await epochMs(`SELECT "leaseUntil" FROM "Delivery" WHERE id = $1`, ids.C), Date.now() + 30_000);

    const settledAt = Date.now();
    await settle(
      la,
      claimed[0]!,
      { kind: "delivered", statusCode: 200, exchanges: [{ url: "http://aep.test/x" }] },
      { policy: DEFAULT_RETRY_POLICY, mappingVersion: null },
    );
    near(await epochMs(`SELECT "deliveredAt" FROM "Delivery" WHERE id = $1`, ids.C), settledAt);
    near(await epochMs(`SELECT max("startedAt") FROM "Attempt" WHERE "deliveryId" = $1`, ids.C), settledAt);

    const stored = await storeDeliveries(la, { id: profileId, direction: "SOURCE" }, [
      { transmissionId: "tz-stored", pushType: "SessionScheduled", sourcePayload: {} },
    ]);
    near(await epochMs(`SELECT "receivedAt" FROM "Delivery" WHERE id = $1`, stored.deliveryIds[0]), Date.now());
    near(await epochMs(`SELECT "nextAttemptAt" FROM "Delivery" WHERE id = $1`, stored.deliveryIds[0]), Date.now());

    await addToCounter(la, "relay_tz_test_total", { a: "b" });
    near(await epochMs(`SELECT "updatedAt" FROM "MetricCounter" WHERE name = 'relay_tz_test_total'`), Date.now());
  });

  it("refused requests are recorded at their instant from a Los Angeles session", async () => {
    const app = await appOver(la);
    const at = ago(3 * MIN);
    app.record.recordRefusal({ endpoint: "aep", profileId: "tz-record", status: 401, code: "unauthorized", message: "no", ip: "10.9.9.9", requestId: "q", at });
    await app.record.flushRefusals();
    expect(await epochMs(`SELECT "lastAt" FROM "InboundRefusal" WHERE "profileId" = 'tz-record'`)).toBe(at.getTime());
    expect(await epochMs(`SELECT minute FROM "InboundRefusal" WHERE "profileId" = 'tz-record'`)).toBe(Math.floor(at.getTime() / MIN) * MIN);
  });

  it("retention prunes by the same cutoff in a Los Angeles session", async () => {
    const { pruneDeliveryPayloads, pruneLoginAttempts, pruneInboundRefusals } = await import("@/lib/queue/retention");
    expect((await pruneDeliveryPayloads(la, { retentionDays: 30, now: NOW })).deliveries).toBe(1);
    const kept = await utc.delivery.findMany({ where: { id: { in: [ids.E!, ids.F!] } }, select: { id: true, sourcePayload: true } });
    expect(Object.fromEntries(kept.map((d) => [d.id === ids.E ? "E" : "F", d.sourcePayload !== null]))).toEqual({ E: false, F: true });
    expect(await pruneLoginAttempts(la, { days: 8, now: NOW })).toBe(1);
    expect(await pruneInboundRefusals(la, { days: 8, now: NOW })).toBe(1);
  });
});
