import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createPrismaClient } from "@/lib/db-client";
import { signBody } from "@/lib/inbound/signature";
import { generatePushEvent } from "@/lib/push-types/catalog";
import type { RunningEmulators } from "@/emulators/index";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { emulator, messageIds, startTestEmulators } from "../support/delivery";
import { createActiveDemoProfile, ensureStandaloneBuild, exited, freePort, startStandaloneServer, startWorkerProcess, until } from "../support/standalone";

// Scale-out (issue 9): web servers and workers are stateless and share only PostgreSQL. Two
// standalone Next servers and three `scripts/worker.ts` processes on one fresh database deliver
// SCALE_EVENTS (default 10,000) signed events pushed alternately to both servers in arrays of 500,
// while the Adobe emulator fails ~3% of its DCS requests with 503 so that some deliveries retry.
// Proved: every delivery ends DELIVERED; the emulator accepted each event's _id exactly once and
// received it again only as a recorded, failed attempt; no delivery was ever attempted by two
// workers at once (attempt numbers 1..n, one DCS exchange each, in disjoint time intervals both as
// the workers recorded them and as the emulator saw them); all three workers took part.

const N = Number(process.env.SCALE_EVENTS ?? 10_000);
const PER_POST = 500;
const FAULT_RATE = 0.03;

/** One DCS request as the emulator saw it: the _ids it carried, when it arrived and was answered. */
type Receipt = { ids: string[]; token: string; at: number; answeredAt?: number; status?: number };

describe("scale-out: two web servers + three workers on one database", () => {
  let database: TestDatabase;
  let sql: pg.Client;
  let emu: RunningEmulators;
  const bases: string[] = [];
  const children: ChildProcess[] = [];
  const receipts: Receipt[] = [];

  beforeAll(async () => {
    [database] = await Promise.all([createTestDatabase("relay_scale"), ensureStandaloneBuild()]);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    emu = await startTestEmulators();

    // The emulator's own request log keeps the last 5,000 requests with bodies cut at 64 KB; this
    // keeps every DCS request whole, with the time it was answered (`status` is set on reply).
    const recorder = emu.adobe.recorder;
    const record = recorder.record.bind(recorder);
    recorder.record = (r, body) => {
      const entry = record(r, body);
      if (!r.route.startsWith("dcs")) return entry;
      const receipt: Receipt = {
        ids: messageIds({ route: r.route, body: body.toString("utf8") }),
        token: r.headers.authorization ?? "",
        at: performance.now(),
      };
      receipts.push(receipt);
      Object.defineProperty(entry, "status", {
        enumerable: true,
        get: () => receipt.status,
        set: (s: number) => ((receipt.status = s), (receipt.answeredAt = performance.now())),
      });
      return entry;
    };
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs", status: 503, probability: FAULT_RATE });

    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      bases.push(`http://127.0.0.1:${port}`);
      children.push(startStandaloneServer(database.url, port));
    }
    for (let i = 0; i < 3; i++) {
      children.push(
        startWorkerProcess(database.url, emu, {
          // Claims of 100 so that the three workers share a backlog instead of one taking 500 at a time.
          DELIVERY_CLAIM_BATCH: "100",
          DELIVERY_RETRY_BASE_MS: "5",
          DELIVERY_RETRY_CAP_MS: "50",
        }),
      );
    }
  }, 300_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await Promise.all(children.map(exited));
    await sql?.end();
    await emu?.close();
    await database?.drop();
  });

  it(`delivers ${N.toLocaleString("en-US")} events exactly once, never attempted concurrently`, async () => {
    for (const base of bases) await until(async () => (await fetch(`${base}/api/ready`)).status === 200, 60_000, `${base}/api/ready`);

    const client = createPrismaClient(database.url, 1);
    const { secret, ...profile } = await createActiveDemoProfile(client, "scale-out", emu.adobeUrl);
    await client.$disconnect();

    const bodies = Array.from({ length: Math.ceil(N / PER_POST) }, (_, b) =>
      JSON.stringify(Array.from({ length: Math.min(PER_POST, N - b * PER_POST) }, (_, i) => generatePushEvent("SessionScheduled", 100_000 + b * PER_POST + i))),
    );

    // One lane per web server, taking every other batch: both servers write the queue at once.
    const t0 = performance.now();
    const ids: string[] = [];
    const requestIds = new Map<string, string>();
    await Promise.all(
      bases.map(async (base, lane) => {
        for (let b = lane; b < bodies.length; b += bases.length) {
          const res = await fetch(`${base}/api/v1/inbound/rainfocus/${profile.id}`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-RF-Signature": signBody(bodies[b]!, secret) },
            body: bodies[b],
          });
          expect(res.status, await res.clone().text()).toBe(202);
          const created = ((await res.json()) as { deliveryIds: string[] }).deliveryIds;
          ids.push(...created);
          for (const id of created) requestIds.set(id, res.headers.get("x-request-id")!);
        }
      }),
    );
    const acceptedS = (performance.now() - t0) / 1000;
    expect(new Set(ids).size).toBe(N);

    const count = async (status: string) =>
      Number(
        (await sql.query(`SELECT count(*)::int AS n FROM "Delivery" WHERE "profileId" = $1 AND status = $2::"DeliveryStatus"`, [profile.id, status])).rows[0].n,
      );
    await until(async () => (await count("DELIVERED")) === N, 110_000, `${N} deliveries DELIVERED`, 250);
    const deliveredS = (performance.now() - t0) / 1000;
    console.log(
      `[scale-out] ${N} events: accepted by 2 web servers in ${acceptedS.toFixed(1)} s, all DELIVERED by 3 workers after ${deliveredS.toFixed(1)} s (${Math.round(N / deliveredS)} events/s); ${receipts.length} DCS requests, ${receipts.filter((r) => r.status === 503).length} failed with 503`,
    );

    // Every delivery, and nothing else, with its attempts.
    const { rows: deliveries } = await sql.query<{ id: string; status: string; attempts: number; mid: string; rid: string | null }>(
      `SELECT id, status, attempts, "mappedPayload"->>'_id' AS mid, "requestId" AS rid FROM "Delivery" WHERE "profileId" = $1`,
      [profile.id],
    );
    expect(deliveries.length).toBe(N);
    expect(deliveries.every((d) => d.status === "DELIVERED")).toBe(true);
    // Each delivery carries the X-Request-Id its web server answered with (what the worker logs).
    expect(new Set(requestIds.values()).size).toBe(bodies.length);
    expect(deliveries.filter((d) => d.rid !== requestIds.get(d.id)).length).toBe(0);
    const { rows: attempts } = await sql.query<{ did: string; number: number; settled: number; ms: number; dcs: boolean; st: number | null }>(
      `SELECT a."deliveryId" AS did, a.number, extract(epoch FROM a."startedAt") * 1000 AS settled, a."durationMs" AS ms, a."requestUrl" LIKE '%/collection/%' AS dcs, a."responseStatus" AS st
         FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId" WHERE d."profileId" = $1`,
      [profile.id],
    );
    const byDelivery = new Map<string, typeof attempts>();
    for (const a of attempts) (byDelivery.get(a.did) ?? byDelivery.set(a.did, []).get(a.did)!).push(a);

    // The emulator: each _id accepted (2xx) exactly once; every other receipt a failed attempt.
    const received = new Map<string, Receipt[]>();
    for (const r of receipts) for (const id of r.ids) (received.get(id) ?? received.set(id, []).get(id)!).push(r);
    expect(received.size).toBe(N);

    const problems: string[] = [];
    let retried = 0;
    for (const d of deliveries) {
      const dcs = (byDelivery.get(d.id) ?? []).filter((a) => a.dcs).sort((x, y) => x.number - y.number);
      // Attempt numbers 1..n, one DCS exchange each (a token refresh may add an IMS exchange).
      const numbers = dcs.map((a) => a.number);
      if (numbers.join() !== Array.from({ length: d.attempts }, (_, i) => i + 1).join())
        problems.push(`${d.id}: attempts ${d.attempts}, DCS attempt numbers [${numbers}]`);
      // Recorded at settle time: attempt k ran in [settled − durationMs, settled]; k + 1 starts after k settled.
      for (let k = 1; k < dcs.length; k++)
        if (dcs[k]!.settled - dcs[k]!.ms + 1 < dcs[k - 1]!.settled) problems.push(`${d.id}: attempt ${dcs[k]!.number} overlaps attempt ${dcs[k - 1]!.number}`);
      if (dcs.at(-1)?.st === null || dcs.slice(0, -1).some((a) => a.st !== null && a.st < 300)) problems.push(`${d.id}: a 2xx attempt before the last`);
      if (d.attempts > 1) retried++;

      const seen = (received.get(d.mid) ?? []).slice().sort((x, y) => x.at - y.at);
      const accepted = seen.filter((r) => r.status !== undefined && r.status >= 200 && r.status < 300).length;
      if (accepted !== 1) problems.push(`${d.id}: _id ${d.mid} accepted ${accepted} times`);
      if (seen.length !== dcs.length) problems.push(`${d.id}: _id ${d.mid} received ${seen.length} times for ${dcs.length} recorded attempts`);
      // As the emulator saw it: each request carrying this _id was answered before the next arrived.
      for (let k = 1; k < seen.length; k++)
        if (seen[k - 1]!.answeredAt === undefined || seen[k]!.at < seen[k - 1]!.answeredAt!) problems.push(`${d.id}: _id ${d.mid} in flight twice at once`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // The injected faults did make deliveries retry, and all three workers sent (one IMS token each).
    if (N >= 2000) expect(retried).toBeGreaterThan(0);
    expect(new Set(receipts.map((r) => r.token)).size).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
