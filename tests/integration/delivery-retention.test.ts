import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { pruneDeliveryPayloads, pruneLoginAttempts } from "@/lib/queue/retention";
import { createSourceProfile, drain, postPush, pushEvents, settleLeftovers, startTestEmulators, testWorker, type TestProfile } from "../support/delivery";

const DAY = 86_400_000;

describe("delivery retention", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  let n = 30_000;
  const age = (ids: string[], days: number) => db.delivery.updateMany({ where: { id: { in: ids } }, data: { receivedAt: new Date(Date.now() - days * DAY) } });
  const deliveredBatch = async (count: number) => {
    const ids = (await postPush(p.id, pushEvents("SessionScheduled", n, count), p.secret)).body.deliveryIds as string[];
    n += count;
    await drain(testWorker(emu), 100);
    return ids;
  };
  const load = (ids: string[]) => db.delivery.findMany({ where: { id: { in: ids } }, include: { attemptLog: true } });

  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
    await settleLeftovers();
  });
  afterAll(() => emu.close());

  it("nulls the payloads of settled deliveries past the retention period and keeps every row", async () => {
    const [oldA, oldB, recent] = await deliveredBatch(3);
    // An old delivery of a long-paused profile is still waiting: its payload must stay.
    const paused = await createSourceProfile(emu, { status: "PAUSED" });
    const [waiting] = (await postPush(paused.id, pushEvents("SessionScheduled", n++, 1), paused.secret)).body.deliveryIds as string[];
    await age([oldA!, oldB!, waiting!], 31);
    await age([recent!], 29);
    const attemptsBefore = await db.attempt.count({ where: { deliveryId: { in: [oldA!, oldB!] } } });
    expect(attemptsBefore).toBeGreaterThanOrEqual(2);

    const r = await pruneDeliveryPayloads(db, { retentionDays: 30, batchSize: 1 });
    expect(r.deliveries).toBeGreaterThanOrEqual(2);
    const [a, b, c, w] = await Promise.all([oldA!, oldB!, recent!, waiting!].map(async (id) => (await load([id]))[0]!));
    for (const d of [a, b]) {
      expect(d).toMatchObject({ status: "DELIVERED", sourcePayload: null, mappedPayload: null, attempts: 1, lastStatusCode: expect.any(Number) });
      expect(d.attemptLog).toHaveLength(1);
      expect(d.attemptLog[0]).toMatchObject({ requestBody: null, responseBody: null, responseStatus: expect.any(Number) });
      expect(d.attemptLog[0]!.requestUrl).toContain("/collection/");
    }
    expect(c.sourcePayload).not.toBeNull();
    expect(c.mappedPayload).not.toBeNull();
    expect(c.attemptLog[0]!.requestBody).not.toBeNull();
    expect(w).toMatchObject({ status: "QUEUED" });
    expect(w.sourcePayload).not.toBeNull();
    expect(await db.attempt.count({ where: { deliveryId: { in: [oldA!, oldB!] } } })).toBe(attemptsBefore);
    // Nothing left to do a second time.
    expect((await pruneDeliveryPayloads(db, { retentionDays: 30 })).deliveries).toBe(0);
  });

  it("runs in the worker loop at most once per interval", async () => {
    const [first] = await deliveredBatch(1);
    await age([first!], 40);
    const w = testWorker(emu, { retentionDays: 30, retentionIntervalMs: 3600_000, pollMs: 20 });
    w.start();
    const pruned = async (id: string) => (await db.delivery.findUniqueOrThrow({ where: { id } })).sourcePayload === null;
    for (let i = 0; i < 50 && !(await pruned(first!)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await pruned(first!)).toBe(true);

    const [second] = await deliveredBatch(1);
    await age([second!], 40);
    await new Promise((r) => setTimeout(r, 300)); // several loop turns, all within the hour
    expect(await pruned(second!)).toBe(false);
    await w.stop();
    await w.pruneIfDue(Date.now() + 3600_000);
    expect(await pruned(second!)).toBe(true);
  });

  it("`npm run retention -- --days N` prunes now and prints what it did", async () => {
    const [id] = await deliveredBatch(1);
    await age([id!], 8);
    const out = spawnSync(process.execPath, ["--import", "tsx", "scripts/retention.ts", "--days", "7"], {
      env: { ...process.env },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(out.status, out.stderr).toBe(0);
    const line = JSON.parse(out.stdout.trim().split("\n").at(-1)!) as { retentionDays: number; deliveries: number; attempts: number };
    // At least this one (the first test's 29-day-old delivery is past 7 days too).
    expect(line).toMatchObject({ retentionDays: 7, deliveries: expect.any(Number), attempts: expect.any(Number) });
    expect(line.deliveries).toBeGreaterThanOrEqual(1);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: id! } })).sourcePayload).toBeNull();
  });

  it("deletes sign-in attempts past LOGIN_ATTEMPT_RETENTION_DAYS and keeps recent ones", async () => {
    const email = `retention-${Date.now()}@example.test`;
    const mk = (days: number) => ({ email, ip: "198.51.100.9", success: false, createdAt: new Date(Date.now() - days * DAY) });
    await db.loginAttempt.createMany({ data: [mk(45), mk(31), mk(29), mk(0)] });
    expect(await pruneLoginAttempts(db, { days: 30, batchSize: 1 })).toBeGreaterThanOrEqual(2);
    const left = await db.loginAttempt.findMany({ where: { email }, orderBy: { createdAt: "asc" } });
    expect(left.map((a) => Math.round((Date.now() - a.createdAt.getTime()) / DAY))).toEqual([29, 0]);
    // The worker's hourly pass does the same.
    await db.loginAttempt.create({ data: mk(60) });
    await testWorker(emu, { loginAttemptRetentionDays: 30 }).pruneIfDue(Date.now() + 2 * 3600_000);
    expect(await db.loginAttempt.count({ where: { email } })).toBe(2);
  });
});
