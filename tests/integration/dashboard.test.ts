import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { DashboardInputSchema } from "@/lib/dashboard/schemas";

// The dashboard's SQL aggregates on a real database. Rows sit in a window of their own (a fixed
// "now" in 2031) so other test files' deliveries cannot change the overall numbers.

const NOW = new Date("2031-03-10T12:00:00.000Z");
const min = (m: number) => new Date(NOW.getTime() - m * 60_000);
const input = (x: Record<string, string> = {}) => DashboardInputSchema.parse(x);

let seq = 0;
async function profile(name: string, direction: "SOURCE" | "DESTINATION" = "SOURCE") {
  return db.integrationProfile.create({
    data: { name: `dash ${name} ${Date.now().toString(36)}`, direction, eventCode: "E1", adobeTest: { ok: true, message: "Token issued", at: min(5).toISOString() } },
  });
}
async function delivery(profileId: string, d: { status: string; receivedMin: number; latencyMs?: number; test?: boolean; error?: string; email?: string }) {
  const receivedAt = min(d.receivedMin);
  return db.delivery.create({
    data: {
      profileId,
      direction: "SOURCE",
      pushType: "SessionScheduled",
      transmissionId: `dash-${++seq}-${Math.random().toString(36).slice(2)}`,
      status: d.status as "DELIVERED",
      receivedAt,
      deliveredAt: d.latencyMs !== undefined ? new Date(receivedAt.getTime() + d.latencyMs) : null,
      test: d.test ?? false,
      lastError: d.error ?? null,
      lastStatusCode: d.error ? 503 : d.status === "DELIVERED" ? 200 : null,
      sourcePayload: d.email ? { attendee: { email: d.email } } : undefined,
    },
  });
}

describe("dashboard aggregates", () => {
  let a: { id: string };
  let b: { id: string };
  beforeAll(async () => {
    a = await profile("A");
    b = await profile("B", "DESTINATION");
    // A: ten delivered with latencies 100..1000 ms, spread over the last 50 minutes.
    for (let i = 1; i <= 10; i++) await delivery(a.id, { status: "DELIVERED", receivedMin: i * 5 - 1, latencyMs: i * 100 });
    await delivery(a.id, { status: "FAILED", receivedMin: 3, error: "AEP answered 503 for ava@example.com" });
    await delivery(a.id, { status: "DEAD", receivedMin: 4, error: "AEP answered 503 for ava@example.com" });
    await delivery(a.id, { status: "RETRYING", receivedMin: 2, error: "timeout after 10000 ms" });
    await delivery(a.id, { status: "QUEUED", receivedMin: 30 });
    // Test events never count, however slow or failed.
    await delivery(a.id, { status: "DELIVERED", receivedMin: 1, latencyMs: 999_999, test: true });
    await delivery(a.id, { status: "DEAD", receivedMin: 1, error: "test-only error", test: true });
    // B: two delivered, one 3 hours ago (outside 1 h, inside 24 h).
    await delivery(b.id, { status: "DELIVERED", receivedMin: 10, latencyMs: 2000 });
    await delivery(b.id, { status: "DELIVERED", receivedMin: 180, latencyMs: 4000 });
  });

  it("counts outcomes, success rate and p50/p95 latency per profile and overall, without test events", async () => {
    const d = await getDashboard(input({ range: "1h" }), { maskEmails: false, now: NOW });
    const pa = d.profiles.find((p) => p.id === a.id)!;
    expect(pa.totals).toMatchObject({ total: 14, delivered: 10, failed: 1, dead: 1, retrying: 1 });
    expect(pa.totals.successRate).toBeCloseTo(10 / 12);
    // percentile_cont over 100..1000: p50 = 550, p95 = 955.
    expect(pa.totals.p50Ms).toBe(550);
    expect(pa.totals.p95Ms).toBe(955);
    const pb = d.profiles.find((p) => p.id === b.id)!;
    expect(pb.totals).toMatchObject({ total: 1, delivered: 1, successRate: 1, p50Ms: 2000, p95Ms: 2000 });
    expect(pb.adobe).toMatchObject({ ok: true, message: "Token issued" });
    expect(d.overall.totals).toMatchObject({ total: 15, delivered: 11, failed: 1, dead: 1, retrying: 1 });

    const day = await getDashboard(input({ range: "24h", profileId: b.id }), { maskEmails: false, now: NOW });
    expect(day.overall.totals).toMatchObject({ delivered: 2, p50Ms: 3000 });
    expect(day.profiles.map((p) => p.id)).toEqual([b.id]);
  });

  it("buckets outcomes over the range and fills empty buckets", async () => {
    const d = await getDashboard(input({ range: "1h", profileId: a.id }), { maskEmails: false, now: NOW });
    expect(d.series).toHaveLength(13);
    expect(d.series.every((p, i) => i === 0 || new Date(p.start).getTime() - new Date(d.series[i - 1]!.start).getTime() === 5 * 60_000)).toBe(true);
    const sum = (k: "DELIVERED" | "FAILED" | "DEAD" | "RETRYING") => d.series.reduce((s, p) => s + p[k], 0);
    expect({ delivered: sum("DELIVERED"), failed: sum("FAILED"), dead: sum("DEAD"), retrying: sum("RETRYING") }).toEqual({ delivered: 10, failed: 1, dead: 1, retrying: 1 });
    const week = await getDashboard(input({ range: "7d" }), { maskEmails: false, now: NOW });
    expect(week.series).toHaveLength(29);
  });

  it("reports queue depth with the oldest waiting delivery, and the top errors masked for masked roles", async () => {
    const d = await getDashboard(input({ range: "1h", profileId: a.id }), { maskEmails: true, now: NOW });
    expect(d.overall.queue.depth).toBe(2); // QUEUED + RETRYING; the test rows are not counted
    expect(d.overall.queue.oldest).toEqual(min(30));
    expect(d.errors[0]).toMatchObject({ count: 2, lastStatusCode: 503 });
    expect(d.errors[0]!.error).toContain("AEP answered 503 for a•••a@e•••.com");
    expect(d.errors.map((e) => e.error)).not.toContain("test-only error");
    const open = await getDashboard(input({ range: "1h", profileId: a.id }), { maskEmails: false, now: NOW });
    expect(open.errors[0]!.error).toBe("AEP answered 503 for ava@example.com");
  });
});
