import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db-client";
import { signBody } from "@/lib/inbound/signature";
import type { RunningEmulators } from "@/emulators/index";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { dcsRequests, messageIds, pushEvents, startTestEmulators } from "../support/delivery";
import { createActiveDemoProfile, ensureStandaloneBuild, exited, freePort, startStandaloneServer, startWorkerProcess, until } from "../support/standalone";

// The Docker start sequence without Docker (Dockerfile, docker-compose.yml): a fresh database
// migrated as `npm run migrate` does, `next build` with standalone output, `node server.js` from
// that output, and two separate `scripts/worker.ts` processes sharing the database. Events pushed
// to the standalone server's inbound route must reach the Adobe emulator.

const METRICS_TOKEN = "standalone-metrics-token-0123456789";

describe("standalone server + two worker processes on a fresh database", () => {
  let database: TestDatabase;
  let client: PrismaClient;
  let emu: RunningEmulators;
  let base: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    [database] = await Promise.all([createTestDatabase("relay_ops"), ensureStandaloneBuild()]);
    client = createPrismaClient(database.url, 2);
    emu = await startTestEmulators();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    children.push(startStandaloneServer(database.url, port, { METRICS_TOKEN }));
    for (let i = 0; i < 2; i++) children.push(startWorkerProcess(database.url, emu));
  }, 300_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await Promise.all(children.map(exited));
    await client?.$disconnect();
    await emu?.close();
    await database?.drop();
  });

  it("is ready, accepts signed pushes and delivers them, and workers stop cleanly", async () => {
    await until(async () => (await fetch(`${base}/api/ready`)).status === 200, 60_000, "/api/ready");

    const { secret, ...profile } = await createActiveDemoProfile(client, "standalone", emu.adobeUrl);

    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const body = JSON.stringify(pushEvents("SessionScheduled", 1000 + i * 10, 10));
      const res = await fetch(`${base}/api/v1/inbound/rainfocus/${profile.id}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-RF-Signature": signBody(body, secret) },
        body,
      });
      expect(res.status).toBe(202);
      ids.push(...((await res.json()) as { deliveryIds: string[] }).deliveryIds);
    }
    const forged = await fetch(`${base}/api/v1/inbound/rainfocus/${profile.id}`, { method: "POST", headers: { "X-RF-Signature": "sha256=00" }, body: "[]" });
    expect(forged.status).toBe(401);

    await until(async () => (await client.delivery.count({ where: { id: { in: ids }, status: "DELIVERED" } })) === ids.length, 60_000, "every event DELIVERED");
    const rows = await client.delivery.findMany({ where: { id: { in: ids } }, select: { mappedPayload: true } });
    const sent = new Set((await dcsRequests(emu)).flatMap(messageIds));
    for (const r of rows) expect(sent.has((r.mappedPayload as { _id: string })._id)).toBe(true);

    const metrics = await fetch(`${base}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain(`relay_deliveries{profile_id="${profile.id}",status="DELIVERED"} ${ids.length}`);

    for (const w of children.slice(1)) w.kill("SIGTERM");
    expect(await Promise.all(children.slice(1).map(exited))).toEqual([0, 0]);
  }, 120_000);
});
