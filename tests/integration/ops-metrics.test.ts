import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { GET } from "@/app/api/metrics/route";
import { createSourceProfile, drain, postPush, pushEvents, settleLeftovers, startTestEmulators, testWorker, type TestProfile } from "../support/delivery";

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
});
