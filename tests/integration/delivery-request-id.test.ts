import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { createLogger, formatLogLine } from "@/lib/log";
import { createSourceProfile, drain, postPush, pushEvents, settleLeftovers, startTestEmulators, testWorker, type TestProfile } from "../support/delivery";

// Structured logs (issue 9): the inbound route answers with an X-Request-Id, stores it on each
// delivery it creates and logs it; the worker that settles a delivery logs the same id, so one
// id follows an event from inbound to worker.

/** Captures the JSON lines written to stdout and stderr while `fn` runs. */
async function captureLines(fn: () => Promise<void>): Promise<Record<string, any>[]> {
  const lines: string[] = [];
  const grab = (chunk: unknown) => (lines.push(String(chunk)), true);
  const out = vi.spyOn(process.stdout, "write").mockImplementation(grab);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(grab);
  try {
    await fn();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines
    .join("")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, any>);
}

describe("request ids from inbound to worker", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  const level = process.env.LOG_LEVEL;
  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
    await settleLeftovers();
  });
  afterEach(() => void (process.env.LOG_LEVEL = level));
  afterAll(() => emu.close());

  it("logs one JSON object per line with level, time, msg, requestId and fields, secrets redacted", () => {
    const line = JSON.parse(
      formatLogLine("info", "hello", {
        requestId: "req-12345678",
        deliveryId: "d1",
        clientSecret: "s3cret",
        nested: { authorization: "Bearer x" },
        error: new Error("boom"),
      }),
    );
    expect(line).toMatchObject({
      level: "info",
      msg: "hello",
      requestId: "req-12345678",
      deliveryId: "d1",
      clientSecret: "[redacted]",
      nested: { authorization: "[redacted]" },
      error: { message: "boom" },
    });
    expect(new Date(line.time).toISOString()).toBe(line.time);
    const written: string[] = [];
    const logger = createLogger({ level: "warn", write: (l) => written.push(l) }).child({ requestId: "r-abcdefgh" });
    logger.info("dropped");
    logger.warn("kept", { n: 1 });
    expect(written.map((l) => JSON.parse(l))).toMatchObject([{ level: "warn", msg: "kept", requestId: "r-abcdefgh", n: 1 }]);
  });

  it("answers with X-Request-Id, stores it on each delivery, and the worker logs it when it settles them", async () => {
    process.env.LOG_LEVEL = "info";
    let res!: Awaited<ReturnType<typeof postPush>>;
    const inbound = await captureLines(async () => void (res = await postPush(p.id, pushEvents("SessionScheduled", 70_000, 3), p.secret)));
    expect(res.status).toBe(202);
    const requestId = res.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const ids = res.body.deliveryIds as string[];
    expect(inbound).toContainEqual(expect.objectContaining({ level: "info", msg: "inbound", requestId, profileId: p.id, status: 202, accepted: 3 }));
    const rows = await db.delivery.findMany({ where: { id: { in: ids } }, select: { requestId: true } });
    expect(rows.map((r) => r.requestId)).toEqual([requestId, requestId, requestId]);

    const worker = testWorker(emu, {}, { LOG_LEVEL: "info" });
    const settled = await captureLines(() => drain(worker));
    for (const id of ids) {
      expect(settled).toContainEqual(
        expect.objectContaining({
          level: "info",
          msg: "delivery settled",
          deliveryId: id,
          requestId,
          status: "DELIVERED",
          attempt: 1,
          durationMs: expect.any(Number),
        }),
      );
    }
  });

  it("keeps a caller's X-Request-Id and answers refusals with one too", async () => {
    const given = "rf-trace-0123456789";
    const res = await postPush(p.id, pushEvents("SessionScheduled", 71_000, 1), p.secret, undefined, { "X-Request-Id": given });
    expect(res.headers.get("x-request-id")).toBe(given);
    const row = await db.delivery.findUnique({ where: { id: res.body.deliveryIds[0] }, select: { requestId: true } });
    expect(row?.requestId).toBe(given);
    const forged = await postPush(p.id, pushEvents("SessionScheduled", 71_001, 1), null, undefined, { "X-Request-Id": "bad id with spaces" });
    expect(forged.status).toBe(401);
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
