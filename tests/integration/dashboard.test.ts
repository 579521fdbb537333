import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptCounts, outcomeTotals } from "@/lib/dashboard/aggregates";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { DashboardInputSchema } from "@/lib/dashboard/schemas";
import { listDeliveries } from "@/lib/delivery-log/list-deliveries";
import { ListDeliveriesSchema } from "@/lib/delivery-log/schemas";

// The dashboard's SQL aggregates on a real database. Rows sit in a window of their own (a fixed
// "now" in 2031) so other test files' deliveries cannot change the overall numbers. Outcomes are
// counted from attempts (Attempt.outcome, as the worker's settle writes it) in the window.

const NOW = new Date("2031-03-10T12:00:00.000Z");
const min = (m: number) => new Date(NOW.getTime() - m * 60_000);
const input = (x: Record<string, string> = {}) => DashboardInputSchema.parse(x);

let seq = 0;
async function profile(name: string, direction: "SOURCE" | "DESTINATION" = "SOURCE") {
  return db.integrationProfile.create({
    data: {
      name: `dash ${name} ${Date.now().toString(36)}`,
      direction,
      eventCode: "E1",
      adobeTest: { ok: true, message: "Token issued", at: min(5).toISOString() },
    },
  });
}
type Try = { outcome: "DELIVERED" | "RETRYING" | "FAILED" | "DEAD"; atMin: number; status?: number; error?: string };
/** A delivery and its attempts; `status` is its current status, which the dashboard must not trust. */
async function delivery(profileId: string, d: { status: string; receivedMin: number; tries?: Try[]; test?: boolean; replayedMin?: number; email?: string }) {
  const receivedAt = min(d.receivedMin);
  const last = d.tries?.at(-1);
  const row = await db.delivery.create({
    data: {
      profileId,
      direction: "SOURCE",
      pushType: "SessionScheduled",
      transmissionId: `dash-${++seq}-${Math.random().toString(36).slice(2)}`,
      status: d.status as "DELIVERED",
      receivedAt,
      deliveredAt: last?.outcome === "DELIVERED" ? min(last.atMin) : null,
      replayedAt: d.replayedMin !== undefined ? min(d.replayedMin) : null,
      test: d.test ?? false,
      lastError: last?.error ?? null,
      lastStatusCode: last?.status ?? null,
      attempts: d.tries?.length ?? 0,
      sourcePayload: d.email ? { attendee: { email: d.email } } : undefined,
    },
  });
  for (const [i, t] of (d.tries ?? []).entries()) {
    await db.attempt.create({
      data: {
        deliveryId: row.id,
        number: i + 1,
        requestUrl: "http://aep.test/collection/x",
        requestHeaders: {},
        durationMs: 5,
        responseStatus: t.status ?? (t.outcome === "DELIVERED" ? 200 : null),
        errorClass: t.error ? "http_5xx" : null,
        error: t.error ?? null,
        startedAt: min(t.atMin),
        outcome: t.outcome,
      },
    });
  }
  return row;
}
const ok = (atMin: number): Try => ({ outcome: "DELIVERED", atMin });
const err503 = (outcome: Try["outcome"], atMin: number): Try => ({ outcome, atMin, status: 503, error: "AEP answered 503 for ava@example.com" });

describe("dashboard aggregates", () => {
  let a: { id: string };
  let b: { id: string };
  let c: { id: string };
  beforeAll(async () => {
    a = await profile("A");
    b = await profile("B", "DESTINATION");
    c = await profile("C replayed outage");
    // A: ten delivered on the first try, latencies 100..1000 ms, spread over the last 50 minutes.
    for (let i = 1; i <= 10; i++) {
      const at = i * 5 - 1;
      await delivery(a.id, { status: "DELIVERED", receivedMin: at + (i * 100) / 60_000, tries: [ok(at)] });
    }
    await delivery(a.id, { status: "FAILED", receivedMin: 3, tries: [err503("FAILED", 3)] });
    await delivery(a.id, { status: "DEAD", receivedMin: 6, tries: [err503("RETRYING", 6), err503("DEAD", 4)] });
    await delivery(a.id, { status: "RETRYING", receivedMin: 2, tries: [{ outcome: "RETRYING", atMin: 2, error: "timeout after 10000 ms" }] });
    await delivery(a.id, { status: "QUEUED", receivedMin: 30 });
    // Test events never count, however slow or failed.
    await delivery(a.id, { status: "DELIVERED", receivedMin: 20, tries: [ok(20)], test: true });
    await delivery(a.id, { status: "DEAD", receivedMin: 20, tries: [{ outcome: "DEAD", atMin: 20, error: "test-only error" }], test: true });
    // B: two delivered, one 3 hours ago (outside 1 h, inside 24 h).
    await delivery(b.id, { status: "DELIVERED", receivedMin: 10 + 2 / 60, tries: [ok(10)] });
    await delivery(b.id, { status: "DELIVERED", receivedMin: 180 + 4 / 60, tries: [ok(180)] });
    // C: an outage 50 minutes ago (every delivery dead after two tries), replayed 10 minutes ago:
    // every delivery's current status is DELIVERED, but the window saw the outage.
    for (let i = 0; i < 4; i++) {
      await delivery(c.id, { status: "DELIVERED", receivedMin: 52, replayedMin: 10, tries: [err503("RETRYING", 51), err503("DEAD", 50), ok(9)] });
    }
  });

  it("counts outcomes from the attempts in the window, success rate and p50/p95 latency, without test events", async () => {
    const d = await getDashboard(input({ range: "1h" }), { maskEmails: false, now: NOW });
    const pa = d.profiles.find((p) => p.id === a.id)!;
    expect(pa.totals).toMatchObject({ received: 14, attempts: 14, delivered: 10, replayed: 0, failed: 1, dead: 1, retrying: 2 });
    expect(pa.totals.successRate).toBeCloseTo(10 / 14);
    expect(pa.totals.p50Ms).toBe(550);
    expect(pa.totals.p95Ms).toBe(955);
    const pb = d.profiles.find((p) => p.id === b.id)!;
    expect(pb.totals).toMatchObject({ received: 1, delivered: 1, successRate: 1, p50Ms: 2000, p95Ms: 2000 });
    expect(pb.adobe).toMatchObject({ ok: true, message: "Token issued" });

    const day = await getDashboard(input({ range: "24h", profileId: b.id }), { maskEmails: false, now: NOW });
    expect(day.overall.totals).toMatchObject({ delivered: 2, p50Ms: 3000 });
    expect(day.profiles.map((p) => p.id)).toEqual([b.id]);
  });

  it("gives the alert evaluator the dashboard's own attempt counts: test events left out, replays and retries in", async () => {
    for (const from of [min(60), min(30), min(5), min(24 * 60)]) {
      const { attempts, retrying, failed, dead } = (await outcomeTotals(db, { from, to: NOW })).overall;
      expect(await attemptCounts(db, { from, to: NOW })).toEqual({ attempts, retrying, failed, dead });
    }
    // Profile A's 14, B's one and C's 12 in the last hour; A's two test attempts are not among them.
    expect(await attemptCounts(db, { from: min(60), to: NOW })).toEqual({ attempts: 27, retrying: 6, failed: 1, dead: 5 });
  });

  it("does not let a replay rewrite an outage: failed attempts stay, the replay shows as a replay", async () => {
    const d = await getDashboard(input({ range: "1h", profileId: c.id }), { maskEmails: false, now: NOW });
    // Before: computed from current status, this read "4 delivered, 100%, no errors".
    expect(d.overall.totals).toMatchObject({ attempts: 12, delivered: 0, replayed: 4, replayAttempts: 4, retrying: 4, dead: 4 });
    expect(d.overall.totals.successRate).toBeCloseTo(4 / 12);
    expect(d.errors[0]).toMatchObject({ error: "AEP answered 503 for ava@example.com", count: 8, deliveries: 4, replays: 0, lastStatusCode: 503 });
    const sum = (k: "DELIVERED" | "REPLAYED" | "RETRYING" | "DEAD") => d.series.reduce((s, p) => s + p[k], 0);
    expect({ delivered: sum("DELIVERED"), replayed: sum("REPLAYED"), retrying: sum("RETRYING"), dead: sum("DEAD") }).toEqual({
      delivered: 0,
      replayed: 4,
      retrying: 4,
      dead: 4,
    });
    // The top error's link opens exactly the deliveries it counts.
    const list = await listDeliveries(
      ListDeliveriesSchema.parse({
        profileId: c.id,
        attempt: "failed",
        attemptError: d.errors[0]!.key,
        from: d.from.toISOString(),
        to: NOW.toISOString(),
        test: "no",
      }),
      { maskEmails: false },
    );
    expect(list.items).toHaveLength(4);
    const replays = await listDeliveries(
      ListDeliveriesSchema.parse({ profileId: c.id, attempt: "replayed", from: d.from.toISOString(), to: NOW.toISOString() }),
      { maskEmails: false },
    );
    expect(replays.items).toHaveLength(4);
    const firstSends = await listDeliveries(
      ListDeliveriesSchema.parse({ profileId: c.id, attempt: "delivered", from: d.from.toISOString(), to: NOW.toISOString() }),
      { maskEmails: false },
    );
    expect(firstSends.items).toHaveLength(0);
  });

  it("buckets attempt outcomes over the range and fills empty buckets", async () => {
    const d = await getDashboard(input({ range: "1h", profileId: a.id }), { maskEmails: false, now: NOW });
    expect(d.series).toHaveLength(13);
    expect(d.series.every((p, i) => i === 0 || new Date(p.start).getTime() - new Date(d.series[i - 1]!.start).getTime() === 5 * 60_000)).toBe(true);
    const sum = (k: "DELIVERED" | "FAILED" | "DEAD" | "RETRYING") => d.series.reduce((s, p) => s + p[k], 0);
    expect({ delivered: sum("DELIVERED"), failed: sum("FAILED"), dead: sum("DEAD"), retrying: sum("RETRYING") }).toEqual({
      delivered: 10,
      failed: 1,
      dead: 1,
      retrying: 2,
    });
    const week = await getDashboard(input({ range: "7d" }), { maskEmails: false, now: NOW });
    expect(week.series).toHaveLength(29);
  });

  it("reports queue depth with the oldest waiting delivery, and the top errors masked for masked roles", async () => {
    const d = await getDashboard(input({ range: "1h", profileId: a.id }), { maskEmails: true, now: NOW });
    expect(d.overall.queue.depth).toBe(2); // QUEUED + RETRYING; the test rows are not counted
    expect(d.overall.queue.oldest).toEqual(min(30));
    expect(d.errors[0]).toMatchObject({ count: 3, deliveries: 2, lastStatusCode: 503 });
    expect(d.errors[0]!.error).toContain("AEP answered 503 for a•••a@e•••.com");
    expect(d.errors.map((e) => e.error)).not.toContain("test-only error");
    const open = await getDashboard(input({ range: "1h", profileId: a.id }), { maskEmails: false, now: NOW });
    expect(open.errors[0]!.error).toBe("AEP answered 503 for ava@example.com");
  });

  it("shows each profile's live health from its recent attempts, beside the stored connection test", async () => {
    const d = await getDashboard(input({ range: "1h" }), { maskEmails: false, now: NOW });
    // A's last attempt (2 min ago) timed out; within 15 min: 3 delivered (ages 4, 9, 14), 4 failed.
    const pa = d.profiles.find((p) => p.id === a.id)!;
    expect(pa.live).toMatchObject({ attempts: 7, failed: 4, last: { ok: false, error: "timeout after 10000 ms" } });
    expect(pa.adobe).toMatchObject({ ok: true });
    const pc = d.profiles.find((p) => p.id === c.id)!;
    expect(pc.live).toMatchObject({ attempts: 4, failed: 0, last: { ok: true } });
  });
});
