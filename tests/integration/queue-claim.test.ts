import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { poolOf } from "@/lib/db-client";
import { claimDue } from "@/lib/queue/claim";

// The claim's rules, row by row: what is due (QUEUED/RETRYING past nextAttemptAt, or DELIVERING
// with an expired lease), whose (ACTIVE profiles; test events also for READY/PAUSED ones; never a
// deleted profile's), in which order (oldest due first across all three) and how many.
describe("claimDue", () => {
  it("takes due rows of claimable profiles, oldest due first across statuses, up to the limit", async () => {
    const pool = poolOf(db);
    // Earlier files' leftovers out of the way first (files run one at a time on one database).
    while ((await claimDue(db, { limit: 500, leaseMs: 3600_000, token: "claim-drain" })).length > 0);
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
});
