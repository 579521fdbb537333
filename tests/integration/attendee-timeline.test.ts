import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listDeliveries } from "@/lib/delivery-log/list-deliveries";
import { emailHash } from "@/lib/delivery-log/filter-sql";
import { DeliveryFilterSchema } from "@/lib/delivery-log/schemas";

// The per-attendee timeline: one person found in both directions, newest first, masked on request.

const tag = Date.now().toString(36);
const EMAIL = `Grace.Hopper.${tag}@Example.com`;
const ATTENDEE_ID = `att-${tag}`;
let n = 0;

async function delivery(profileId: string, direction: "SOURCE" | "DESTINATION", minutesAgo: number, sourcePayload: object) {
  return db.delivery.create({
    data: {
      profileId,
      direction,
      transmissionId: `tl-${tag}-${++n}`,
      status: "DELIVERED",
      receivedAt: new Date(Date.now() - minutesAgo * 60_000),
      sourcePayload,
    },
  });
}
const timeline = async (who: string, maskEmails = false) =>
  (await listDeliveries(DeliveryFilterSchema.parse({ attendee: who }), { maskEmails, limit: 50 })).items;

describe("attendee timeline", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const src = await db.integrationProfile.create({ data: { name: `tl source ${tag}`, direction: "SOURCE", eventCode: "E1" } });
    const dst = await db.integrationProfile.create({ data: { name: `tl dest ${tag}`, direction: "DESTINATION", eventCode: "E1" } });
    ids.push = (await delivery(src.id, "SOURCE", 30, { eventType: "SessionScheduled", attendee: { email: EMAIL, attendeeId: ATTENDEE_ID } })).id;
    ids.attr = (await delivery(dst.id, "DESTINATION", 20, { attributes: { email: { value: ` ${EMAIL.toLowerCase()} ` } }, identityMap: {} })).id;
    ids.hash = (await delivery(dst.id, "DESTINATION", 10, { identityMap: { email_lc_sha256: [{ id: emailHash(EMAIL) }] }, segmentMembership: {} })).id;
    ids.other = (await delivery(src.id, "SOURCE", 5, { attendee: { email: `someone.else.${tag}@example.com`, attendeeId: `x-${tag}` } })).id;
  });

  it("finds an email in both directions (push attendee, AEP attribute, AEP email_lc_sha256), newest first", async () => {
    const rows = await timeline(EMAIL.toUpperCase());
    expect(rows.map((r) => r.id)).toEqual([ids.hash, ids.attr, ids.push]);
    expect(rows.map((r) => r.direction)).toEqual(["DESTINATION", "DESTINATION", "SOURCE"]);
  });

  it("finds by RainFocus attendee id and by the hash itself", async () => {
    expect((await timeline(ATTENDEE_ID)).map((r) => r.id)).toEqual([ids.push]);
    expect((await timeline(emailHash(EMAIL))).map((r) => r.id)).toEqual([ids.hash]);
  });

  it("masks emails like the log does", async () => {
    const rows = await timeline(EMAIL, true);
    expect(rows.find((r) => r.id === ids.push)!.email).toContain("•••");
    expect(JSON.stringify(rows)).not.toContain(EMAIL);
  });
});
