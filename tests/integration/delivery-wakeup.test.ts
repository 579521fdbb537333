import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { listenForWork } from "@/lib/queue/work-signal";
import { createSourceProfile, postPush, pushEvents, settleLeftovers, startTestEmulators, testWorker, type TestProfile } from "../support/delivery";

// LISTEN/NOTIFY wake-ups: an idle worker whose next poll is a minute away delivers a push within
// seconds, because storing it announced the work; without the listener it would wait the minute.

async function deliveredWithin(ids: string[], ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if ((await db.delivery.count({ where: { id: { in: ids }, status: "DELIVERED" } })) === ids.length) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe("worker wake-ups", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
    await settleLeftovers();
  });
  afterAll(() => emu.close());

  it("an idle worker starts on a stored push at once when it listens, and only at its poll when not", async () => {
    const worker = testWorker(emu, { pollMs: 60_000, lanes: 2 });
    worker.start();
    // Both lanes find nothing and go idle for a minute.
    await new Promise((r) => setTimeout(r, 300));
    const unheard = (await postPush(p.id, pushEvents("SessionScheduled", 61_000, 3), p.secret)).body.deliveryIds as string[];
    expect(await deliveredWithin(unheard, 1500)).toBe(false);

    const listener = listenForWork(process.env.DATABASE_URL!, () => worker.wake());
    try {
      // Connecting wakes it once (work may have been announced while it was not listening).
      expect(await deliveredWithin(unheard, 10_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      const heard = (await postPush(p.id, pushEvents("SessionScheduled", 61_100, 3), p.secret)).body.deliveryIds as string[];
      expect(await deliveredWithin(heard, 10_000)).toBe(true);
    } finally {
      await listener.close();
      await worker.stop();
    }
  });
});
