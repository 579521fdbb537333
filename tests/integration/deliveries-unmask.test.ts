import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import { getDeliveryDef, listDeliveriesDef, unmaskDeliveriesDef } from "@/lib/delivery-log/action-defs";
import { generateApiToken, hashApiToken } from "@/lib/api-tokens/token";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

vi.mock("@/lib/auth/session", () => import("../support/token-session"));

// Audited unmask: the log's lists are masked for every role until "Show emails" (admins and event
// ops), which writes exactly which deliveries were revealed to the audit log; QA and auditors never.
// While masked, search matches whole emails only: a substring search was an oracle that recovered a
// masked address in about 460 requests. Many emails in clear outside the console are audited too.

const tag = Date.now().toString(36);
const EMAIL = `ada.unmask.${tag}@example.com`;

describe("audited email unmask", () => {
  let actors: Record<Role, Actor>;
  let id: string;
  beforeAll(async () => {
    actors = await createActors(`unmask-${tag}`);
    const p = await db.integrationProfile.create({ data: { name: `unmask ${tag}`, direction: "SOURCE", eventCode: "E1" } });
    id = (
      await db.delivery.create({
        data: {
          profileId: p.id,
          direction: "SOURCE",
          transmissionId: `um-${tag}`,
          status: "FAILED",
          lastError: `AEP refused ${EMAIL}: bad identity ${tag}`,
          sourcePayload: { attendee: { email: EMAIL }, answers: { [EMAIL]: "yes" } },
        },
      })
    ).id;
  });

  const list = async (role: Role, filter: Record<string, string> = { attendee: EMAIL }) => {
    const r = await executeAction(listDeliveriesDef, actors[role], filter);
    if (!r.ok) throw new Error(r.error);
    return r.data;
  };

  it("masks the list for every role, event ops included", async () => {
    for (const role of ["ADMIN", "OPS", "QA", "AUDITOR"] as const) {
      const page = await list(role);
      expect(page.emailsMasked).toBe(true);
      expect(page.items[0]!.email).toContain("•••");
    }
  });

  it("while masked, finds an email only whole (any case, spaces around), never by a part of it", async () => {
    for (const q of [EMAIL, `  ${EMAIL.toUpperCase()} `]) expect((await list("QA", { q })).items.map((d) => d.id)).toEqual([id]);
    for (const q of ["ada.unmask", `unmask.${tag}@`, "@example.com", EMAIL.slice(0, -1)]) expect((await list("QA", { q })).items, q).toEqual([]);
    // The error text is searchable without the addresses in it.
    expect((await list("AUDITOR", { q: `bad identity ${tag}` })).items.map((d) => d.id)).toEqual([id]);
    expect((await list("AUDITOR", { q: `refused ada.unmask.${tag}` })).items).toEqual([]);
  });

  it("reveals for an admin and event ops and records who saw which deliveries, without the emails", async () => {
    for (const role of ["ADMIN", "OPS"] as const) {
      const r = await executeAction(unmaskDeliveriesDef, actors[role], { attendee: EMAIL }, "10.0.0.9");
      expect(r.ok && r.data.items[0]!.email).toBe(EMAIL);
      const audit = await db.auditEvent.findFirst({ where: { action: "deliveries.unmask", actorId: actors[role].id }, orderBy: { createdAt: "desc" } });
      expect(audit).toMatchObject({
        actorEmail: actors[role].email,
        targetType: "Delivery",
        ip: "10.0.0.9",
        after: { filter: { attendee: EMAIL }, deliveryIds: [id] },
      });
      expect(JSON.stringify(audit!.after).match(/@/g)).toHaveLength(1); // the filter's own text, no revealed row
    }
  });

  it("refuses QA and auditors", async () => {
    for (const role of ["QA", "AUDITOR"] as const) {
      expect(await executeAction(unmaskDeliveriesDef, actors[role], { attendee: EMAIL })).toMatchObject({ ok: false, code: "forbidden" });
    }
  });

  it("masks emails used as JSON keys in the detail of masked roles", async () => {
    const r = await executeAction(getDeliveryDef, actors.QA, { deliveryId: id });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r.ok && r.data)).not.toContain(EMAIL);
  });

  it("audits the REST list and the export when they answer emails in clear", async () => {
    const token = generateApiToken();
    await db.apiToken.create({ data: { userId: actors.ADMIN.id, name: "unmask", tokenHash: hashApiToken(token), prefix: token.slice(0, 10) } });
    const headers = { Authorization: `Bearer ${token}` };
    const count = () => db.auditEvent.count({ where: { action: "deliveries.unmask", actorId: actors.ADMIN.id } });
    const before = await count();
    const { GET: list } = await import("@/app/api/v1/deliveries/route");
    const res = await list(new Request(`http://relay.test/api/v1/deliveries?attendee=${encodeURIComponent(EMAIL)}`, { headers }), {
      params: Promise.resolve({}),
    });
    expect((await res.json()).items[0].email).toBe(EMAIL);
    const { GET: exportGet } = await import("@/app/api/v1/deliveries/export/route");
    const csv = await exportGet(new Request(`http://relay.test/api/v1/deliveries/export?attendee=${encodeURIComponent(EMAIL)}`, { headers }), {
      params: Promise.resolve({}),
    });
    expect(await csv.text()).toContain(EMAIL);
    expect(await count()).toBe(before + 2);
    const last = await db.auditEvent.findMany({ where: { action: "deliveries.unmask", actorId: actors.ADMIN.id }, orderBy: { createdAt: "desc" }, take: 2 });
    expect(last.map((a) => (a.after as { via: string }).via).sort()).toEqual(["api", "export"]);
  });
});
