import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { createSourceProfile, dcsRequests, emulator, messageIds, postPush, pushEvents, startTestEmulators, type TestProfile } from "../support/delivery";

// `npm run worker` as a real process: killed with SIGKILL mid-backlog, nothing is lost; stopped
// with SIGTERM, it settles what it claimed and exits cleanly.

function startWorker(emu: RunningEmulators): ChildProcess {
  // One process (no tsx CLI wrapper in between), so the signal reaches the worker itself.
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      EMULATORS: "on",
      ADOBE_IMS_URL: emu.adobeUrl,
      ADOBE_PLATFORM_URL: emu.adobeUrl,
      RAINFOCUS_API_URL: emu.rainfocusUrl,
      DELIVERY_LEASE_MS: "1500",
      DELIVERY_POLL_MS: "50",
      DELIVERY_CLAIM_BATCH: "20",
      DELIVERY_BATCH_MAX_MESSAGES: "5",
      DELIVERY_RETRY_BASE_MS: "5",
      DELIVERY_RETRY_CAP_MS: "20",
    },
  });
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once("exit", (code) => r(code))));

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out");
}

describe("worker process", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
    await db.delivery.updateMany({ where: { status: { in: ["QUEUED", "RETRYING", "DELIVERING"] } }, data: { status: "FAILED", lastError: "test cleanup" } });
  });
  afterAll(() => emu.close());

  it("loses nothing when a worker is killed with SIGKILL mid-backlog", async () => {
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs", latencyMs: 40 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(...(await postPush(p.id, pushEvents("SessionScheduled", 5000 + i * 50, 50), p.secret)).body.deliveryIds);
    const delivered = () => db.delivery.count({ where: { id: { in: ids }, status: "DELIVERED" } });

    const first = startWorker(emu);
    await until(async () => (await delivered()) > 0, 30_000);
    first.kill("SIGKILL");
    await exited(first);
    expect(await delivered()).toBeLessThan(ids.length);

    const second = startWorker(emu);
    try {
      await until(async () => (await delivered()) === ids.length, 60_000);
    } finally {
      second.kill("SIGTERM");
      expect(await exited(second)).toBe(0);
    }
    const sent = new Set((await dcsRequests(emu)).flatMap(messageIds));
    const rows = await db.delivery.findMany({ where: { id: { in: ids } }, select: { mappedPayload: true } });
    for (const r of rows) expect(sent.has((r.mappedPayload as { _id: string })._id)).toBe(true);
  });

  it("on SIGTERM settles what it claimed and leaves nothing leased", async () => {
    await emulator(emu.adobeUrl, "POST", "reset", { seed: 7 });
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs", latencyMs: 100 });
    const ids = (await postPush(p.id, pushEvents("SessionScheduled", 9000, 60), p.secret)).body.deliveryIds as string[];
    const w = startWorker(emu);
    await until(async () => (await db.delivery.count({ where: { id: { in: ids }, status: { not: "QUEUED" } } })) > 0, 30_000);
    w.kill("SIGTERM");
    expect(await exited(w)).toBe(0);
    expect(await db.delivery.count({ where: { id: { in: ids }, status: "DELIVERING" } })).toBe(0);
  });
});
