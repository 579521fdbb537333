import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { GET } from "@/app/api/metrics/route";
import {
  createSourceProfile,
  drain,
  emulator,
  postPush,
  pushEvents,
  settleLeftovers,
  startTestEmulators,
  testWorker,
  type TestProfile,
} from "../support/delivery";

const TOKEN = "metrics-test-token-0123456789";
const scrape = (auth?: string) => GET(new Request("http://relay.test/api/metrics", { headers: auth ? { Authorization: auth } : {} }));

/** Parses the exposition into `name{labels}` → value (labels as written). */
function parse(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

describe("GET /api/metrics", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  beforeAll(async () => {
    emu = await startTestEmulators();
    await settleLeftovers();
    p = await createSourceProfile(emu);
  });
  afterAll(() => emu.close());
  afterEach(() => {
    delete process.env.METRICS_TOKEN;
  });

  it("does not exist without METRICS_TOKEN and refuses a missing or wrong token", async () => {
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong")).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
  });

  it("reports deliveries by status, queue depth, oldest due age, attempt latency and inbound rejects", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const accepted = await postPush(p.id, pushEvents("SessionScheduled", 70_000, 5), p.secret);
    expect(accepted.status).toBe(202);
    expect((await postPush(p.id, pushEvents("SessionScheduled", 70_100, 1), "rfin_wrong")).status).toBe(401);
    // Make them look due for a while, so the oldest-due age is measurable.
    await db.delivery.updateMany({ where: { profileId: p.id }, data: { nextAttemptAt: new Date(Date.now() - 60_000) } });

    const before = await scrape(`Bearer ${TOKEN}`);
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const m1 = parse(await before.text());
    expect(m1.get(`relay_deliveries{profile_id="${p.id}",status="QUEUED"}`)).toBe(5);
    expect(m1.get("relay_queue_depth")).toBe(5);
    expect(m1.get("relay_queue_oldest_due_age_seconds")).toBeGreaterThanOrEqual(59);
    expect(m1.get('relay_inbound_rejects_total{endpoint="rainfocus",status="401",code="bad_signature"}')).toBeGreaterThanOrEqual(1);

    const worker = testWorker(emu);
    await drain(worker);
    await worker.stop();
    const m2 = parse(await (await scrape(`Bearer ${TOKEN}`)).text());
    expect(m2.get(`relay_deliveries{profile_id="${p.id}",status="DELIVERED"}`)).toBe(5);
    expect(m2.get("relay_queue_depth")).toBe(0);
    expect(m2.get("relay_queue_oldest_due_age_seconds")).toBe(0);
    const count = m2.get("relay_attempt_duration_seconds_count")!;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(m2.get('relay_attempt_duration_seconds_bucket{le="+Inf"}')).toBe(count);
    expect(m2.get('relay_attempt_duration_seconds_bucket{le="30"}')).toBe(count);
    expect(m2.get("relay_attempt_duration_seconds_sum")).toBeGreaterThanOrEqual(0);
  });

  it("counts token requests to IMS across processes: the first token, a refresh after expiry, and a refusal", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const tokens = async () => {
      const m = parse(await (await scrape(`Bearer ${TOKEN}`)).text());
      return {
        ok: m.get('relay_token_requests_total{issuer="adobe_ims",outcome="ok"}') ?? 0,
        refused: [...m]
          .filter(([k]) => k.startsWith('relay_token_requests_total{issuer="adobe_ims",outcome="') && !k.includes('outcome="ok"'))
          .reduce((t, [, v]) => t + v, 0),
      };
    };
    const start = await tokens();
    let n = 71_000;
    const deliverOne = async () => {
      expect((await postPush(p.id, pushEvents("SessionScheduled", n++, 1), p.secret)).status).toBe(202);
      const worker = testWorker(emu);
      await drain(worker, 150);
      await worker.stop();
    };
    // A fresh worker has no token yet: one request. The count is written in the background.
    await deliverOne();
    await expect.poll(async () => (await tokens()).ok).toBe(start.ok + 1);
    // Every token expires at the emulator: the worker's 401013 makes it refresh once.
    const worker = testWorker(emu);
    await drain(worker, 150);
    await emulator(emu.adobeUrl, "POST", "tokens/expire");
    expect((await postPush(p.id, pushEvents("SessionScheduled", n++, 1), p.secret)).status).toBe(202);
    await drain(worker, 150);
    await worker.stop();
    await expect.poll(async () => (await tokens()).ok).toBeGreaterThanOrEqual(start.ok + 2);
    // IMS refuses: counted under its failure code, not as ok.
    await emulator(emu.adobeUrl, "POST", "faults", { route: "ims.token", status: 400, times: 1 });
    await deliverOne();
    await expect.poll(async () => (await tokens()).refused).toBeGreaterThanOrEqual(start.refused + 1);
    await emulator(emu.adobeUrl, "DELETE", "faults");
  });
});
