import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import { listDeliveriesDef, unmaskDeliveriesDef } from "@/lib/deliveries/action-defs";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// Audited unmask: the log's lists are masked for admins too, until "Show emails", which writes
// exactly which deliveries were revealed to the audit log. Event ops see emails; QA and auditors never.

const tag = Date.now().toString(36);
const EMAIL = `ada.unmask.${tag}@example.com`;

describe("audited email unmask", () => {
  let actors: Record<Role, Actor>;
  let id: string;
  beforeAll(async () => {
    actors = await createActors(`unmask-${tag}`);
    const p = await db.integrationProfile.create({ data: { name: `unmask ${tag}`, direction: "SOURCE", eventCode: "E1" } });
    id = (await db.delivery.create({ data: { profileId: p.id, direction: "SOURCE", transmissionId: `um-${tag}`, status: "DELIVERED", sourcePayload: { attendee: { email: EMAIL } } } })).id;
  });

  const list = async (role: Role) => {
    const r = await executeAction(listDeliveriesDef, actors[role], { attendee: EMAIL });
    if (!r.ok) throw new Error(r.error);
    return r.data;
  };

  it("masks the list for ADMIN, QA and AUDITOR and shows it to OPS", async () => {
    for (const role of ["ADMIN", "QA", "AUDITOR"] as const) {
      const page = await list(role);
      expect(page.emailsMasked).toBe(true);
      expect(page.items[0]!.email).toContain("•••");
    }
    expect((await list("OPS")).items[0]!.email).toBe(EMAIL);
  });

  it("reveals for an admin and records who saw which deliveries, without the emails", async () => {
    const r = await executeAction(unmaskDeliveriesDef, actors.ADMIN, { attendee: EMAIL }, "10.0.0.9");
    expect(r.ok && r.data.items[0]!.email).toBe(EMAIL);
    const audit = await db.auditEvent.findFirst({ where: { action: "deliveries.unmask", actorId: actors.ADMIN.id }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorEmail: actors.ADMIN.email, targetType: "Delivery", ip: "10.0.0.9", after: { filter: { attendee: EMAIL }, deliveryIds: [id] } });
    expect(JSON.stringify(audit!.after).match(/@/g)).toHaveLength(1); // the filter's own text, no revealed row
  });

  it("refuses every other role", async () => {
    for (const role of ["OPS", "QA", "AUDITOR"] as const) {
      expect(await executeAction(unmaskDeliveriesDef, actors[role], { attendee: EMAIL })).toMatchObject({ ok: false, code: "forbidden" });
    }
  });
});
