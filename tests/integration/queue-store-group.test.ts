import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { poolOf } from "@/lib/db-client";
import { storeDeliveries, type NewDelivery } from "@/lib/queue/store";

// Group commit on the inbound hot path (lib/queue/store.ts): requests that arrive while two store
// statements are running share the next one, and each still gets its own all-or-nothing answer.
const activeProfile = (name: string) =>
  db.integrationProfile.create({
    data: { name, direction: "SOURCE", status: "ACTIVE", eventCode: "group", tenantId: "_t", adobeOrgId: "o@AdobeOrg", adobeClientId: "c" },
  });

describe("storeDeliveries under concurrency", () => {
  it("shares statements between concurrent requests, keeps each request's answer, and fails only the request the database refuses", async () => {
    const profile = await activeProfile("store group");
    const pool = poolOf(db);
    let inserts = 0;
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    (pool as { query: unknown }).query = (...args: unknown[]) => {
      // The store's statements are named ({ name, text, values }); count them by their text.
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      if (text?.includes('INSERT INTO "Delivery"')) inserts++;
      return query(...args);
    };
    try {
      const requests: NewDelivery[][] = Array.from({ length: 30 }, (_, i) => [
        { transmissionId: `group-${i}-a`, pushType: "SessionScheduled", sourcePayload: { i } },
        { transmissionId: `group-${i}-b`, pushType: "SessionScheduled", sourcePayload: { i } },
      ]);
      // Two requests with the same transmissionId, in the same burst: one stores it, the other is
      // told it is a duplicate of that very row.
      requests.push([{ transmissionId: "group-same", pushType: "SessionScheduled", sourcePayload: { first: true } }]);
      requests.push([{ transmissionId: "group-same", pushType: "SessionScheduled", sourcePayload: { first: false } }]);
      const results = await Promise.allSettled(requests.map((items) => storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, items)));
      // Two statements start at once; the 30 requests that arrived meanwhile share the next.
      expect(inserts).toBeGreaterThanOrEqual(1);
      expect(inserts).toBeLessThanOrEqual(4);
      for (const r of results.slice(0, 30)) {
        expect(r.status).toBe("fulfilled");
        if (r.status === "fulfilled") expect(r.value).toMatchObject({ accepted: 2, duplicates: 0 });
      }
      const [same1, same2] = results.slice(30, 32).map((r) => (r.status === "fulfilled" ? r.value : null));
      expect([same1!.accepted, same2!.accepted].sort()).toEqual([0, 1]);
      expect(same1!.deliveryIds[0]).toBe(same2!.deliveryIds[0]);

      // PostgreSQL refuses \u0000 inside jsonb: that request fails, and fails alone, in a burst.
      const burst: NewDelivery[][] = Array.from({ length: 10 }, (_, i) => [
        { transmissionId: `group-burst-${i}`, pushType: "SessionScheduled", sourcePayload: {} },
      ]);
      burst.splice(5, 0, [
        { transmissionId: "group-poison-ok", pushType: "SessionScheduled", sourcePayload: {} },
        { transmissionId: "group-poison", pushType: "SessionScheduled", sourcePayload: { bad: "a\u0000b" } },
      ]);
      const after = await Promise.allSettled(burst.map((items) => storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, items)));
      expect(after.map((r) => r.status)).toEqual(after.map((_, i) => (i === 5 ? "rejected" : "fulfilled")));

      const { rows } = await pool.query<{ transmissionId: string; id: string }>(`SELECT "transmissionId", id FROM "Delivery" WHERE "profileId" = $1`, [
        profile.id,
      ]);
      const stored = new Map(rows.map((r) => [r.transmissionId, r.id]));
      expect(stored.size).toBe(71);
      expect(stored.has("group-poison-ok")).toBe(false);
      for (const [i, r] of results.slice(0, 30).entries()) {
        if (r.status === "fulfilled") expect(r.value.deliveryIds).toEqual([stored.get(`group-${i}-a`), stored.get(`group-${i}-b`)]);
      }
    } finally {
      (pool as { query: unknown }).query = query;
    }
  });

  it("two requests with the same events in opposite orders do not deadlock", async () => {
    const profile = await activeProfile("store group order");
    const items: NewDelivery[] = Array.from({ length: 400 }, (_, i) => ({
      transmissionId: `order-${String(i).padStart(3, "0")}`,
      pushType: "SessionScheduled",
      sourcePayload: { i },
    }));
    for (let round = 0; round < 5; round++) {
      const mine = items.map((it) => ({ ...it, transmissionId: `${it.transmissionId}-${round}` }));
      const [a, b] = await Promise.all([
        storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, mine),
        storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, mine.toReversed()),
      ]);
      expect(a.accepted + b.accepted).toBe(400);
      expect(a.duplicates + b.duplicates).toBe(400);
    }
  });

  it("answers a request sent again with the rows stored the first time", async () => {
    const profile = await activeProfile("store group again");
    const items = [
      { transmissionId: "again-1", pushType: "SessionScheduled", sourcePayload: {} },
      { transmissionId: "again-1", pushType: "SessionScheduled", sourcePayload: {} },
      { transmissionId: "again-2", pushType: "SessionScheduled", sourcePayload: {} },
    ];
    const first = await storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, items);
    expect(first).toMatchObject({ accepted: 2, duplicates: 1, duplicateTransmissionIds: ["again-1"] });
    expect(first.deliveryIds[0]).toBe(first.deliveryIds[1]);
    const again = await Promise.all([
      storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, items),
      storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, items),
    ]);
    for (const a of again) expect(a).toMatchObject({ accepted: 0, duplicates: 3, deliveryIds: first.deliveryIds });
  });
});
