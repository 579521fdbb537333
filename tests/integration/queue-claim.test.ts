import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { poolOf } from "@/lib/db-client";
import { CLAIM_BEGIN, CLAIM_SQL, claimDue } from "@/lib/queue/claim";

// The claim's rules, row by row: what is due (QUEUED/RETRYING past nextAttemptAt, or DELIVERING
// with an expired lease), whose (ACTIVE profiles; test events also for READY/PAUSED ones; never a
// deleted profile's), in which order (oldest due first across all three) and how many.
const profile = (name: string, status: string, deleted = false) =>
  db.integrationProfile.create({
    data: {
      name,
      direction: "SOURCE",
      status: status as never,
      eventCode: "claim",
      tenantId: "_t",
      adobeOrgId: "o@AdobeOrg",
      adobeClientId: "c",
      ...(deleted ? { deletedAt: new Date() } : {}),
    },
  });

/** Earlier files' leftovers out of the way first (files run one at a time on one database). */
async function drainQueue() {
  while ((await claimDue(db, { limit: 500, leaseMs: 3600_000, token: "claim-drain" })).length > 0);
}

describe("claimDue", () => {
  it("takes due rows of claimable profiles, oldest due first across statuses, up to the limit", async () => {
    const pool = poolOf(db);
    await drainQueue();
    const [active, paused, ready, gone] = await Promise.all([
      profile("claim active", "ACTIVE"),
      profile("claim paused", "PAUSED"),
      profile("claim ready", "READY"),
      profile("claim deleted", "ACTIVE", true),
    ]);
    const row = (id: string, profileId: string, status: string, dueMinutesAgo: number, extra: { leaseMinutes?: number; test?: boolean } = {}) =>
      pool.query(
        `INSERT INTO "Delivery" (id, "profileId", direction, "transmissionId", "sourcePayload", status, test, "receivedAt", "nextAttemptAt", "leaseUntil")
         VALUES ($1, $2, 'SOURCE', $1, '{}'::jsonb, $3::"DeliveryStatus", $4, now(),
                 now() - make_interval(mins => $5), CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(mins => $6::int) END)`,
        [id, profileId, status, extra.test ?? false, dueMinutesAgo, extra.leaseMinutes ?? null],
      );
    await row("claim-queued-3", active.id, "QUEUED", 3);
    await row("claim-retrying-9", active.id, "RETRYING", 9);
    await row("claim-expired-6", active.id, "DELIVERING", 6, { leaseMinutes: -1 });
    await row("claim-queued-1", active.id, "QUEUED", 1);
    await row("claim-leased", active.id, "DELIVERING", 8, { leaseMinutes: 5 });
    await row("claim-not-due", active.id, "QUEUED", -5);
    await row("claim-delivered", active.id, "DELIVERED", 10);
    await row("claim-paused", paused.id, "QUEUED", 20);
    await row("claim-paused-test", paused.id, "QUEUED", 2, { test: true });
    await row("claim-ready-test", ready.id, "RETRYING", 4, { test: true });
    await row("claim-ready", ready.id, "QUEUED", 20);
    await row("claim-gone", gone.id, "QUEUED", 20);

    const mine = (ids: string[]) => ids.filter((id) => id.startsWith("claim-"));
    const first = await claimDue(db, { limit: 3, leaseMs: 60_000, token: "claim-a" });
    expect(mine(first.map((d) => d.id))).toEqual(["claim-retrying-9", "claim-expired-6", "claim-ready-test"]);
    const rest = await claimDue(db, { limit: 500, leaseMs: 60_000, token: "claim-b" });
    expect(mine(rest.map((d) => d.id))).toEqual(["claim-queued-3", "claim-paused-test", "claim-queued-1"]);
    expect(mine((await claimDue(db, { limit: 500, leaseMs: 60_000, token: "claim-c" })).map((d) => d.id))).toEqual([]);

    const after = await pool.query<{ id: string; status: string; attempts: number; leaseToken: string | null }>(
      `SELECT id, status::text, attempts, "leaseToken" FROM "Delivery" WHERE id LIKE 'claim-%' ORDER BY id`,
    );
    const by = Object.fromEntries(after.rows.map((r) => [r.id, r]));
    expect(by["claim-expired-6"]).toMatchObject({ status: "DELIVERING", attempts: 1, leaseToken: "claim-a" });
    expect(by["claim-leased"]).toMatchObject({ status: "DELIVERING", attempts: 0, leaseToken: null });
    for (const id of ["claim-not-due", "claim-paused", "claim-ready", "claim-gone"]) expect(by[id]).toMatchObject({ status: "QUEUED", attempts: 0 });
  });

  it("walks the due index in due order and stops at the limit, even when the statistics say nothing is waiting", async () => {
    const pool = poolOf(db);
    await drainQueue();
    const p = await profile("claim plan", "ACTIVE");
    // Statistics taken while nothing waits, then a backlog: what a queue's planner sees between ANALYZEs.
    await pool.query(`ANALYZE "Delivery"`);
    await pool.query(
      `INSERT INTO "Delivery" (id, "profileId", direction, "transmissionId", "sourcePayload", status, "receivedAt", "nextAttemptAt")
       SELECT 'claim-plan-' || i, $1, 'SOURCE', 'claim-plan-' || i, '{"a":1}'::jsonb, 'QUEUED', now(), now() - make_interval(secs => 3000 - i)
         FROM generate_series(1, 3000) i`,
      [p.id],
    );
    type PlanNode = {
      "Node Type": string;
      "Subplan Name"?: string;
      "Relation Name"?: string;
      "Index Name"?: string;
      "Actual Rows": number;
      Plans?: PlanNode[];
    };
    const client = await pool.connect();
    let plan: PlanNode;
    try {
      await client.query(CLAIM_BEGIN);
      const r = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${CLAIM_SQL}`, [500, 60_000, "claim-plan"]);
      plan = r.rows[0]!["QUERY PLAN"][0].Plan;
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    const all = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(all)];
    const queued = all(plan).find((n) => n["Subplan Name"] === "CTE queued")!;
    const scans = all(queued).filter((n) => n["Relation Name"] === "Delivery");
    // The oldest 500 read from Delivery_due_idx, not 3,000 read and sorted.
    expect(scans.map((n) => n["Index Name"])).toEqual(["Delivery_due_idx"]);
    expect(scans[0]!["Actual Rows"]).toBe(500);
    expect(all(queued).some((n) => n["Node Type"] === "Sort")).toBe(false);
    await pool.query(`DELETE FROM "Delivery" WHERE "profileId" = $1`, [p.id]);
  });
});
