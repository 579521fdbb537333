import { describe, expect, it } from "vitest";
import { CAN, hasRole } from "./roles";

describe("role permissions (DESIGN.md §2)", () => {
  it("only ADMIN manages users; ADMIN and AUDITOR read the audit log", () => {
    expect(CAN.manageUsers).toEqual(["ADMIN"]);
    expect([...CAN.viewAudit].sort()).toEqual(["ADMIN", "AUDITOR"]);
  });
  it("AUDITOR is read-only: cannot edit profiles, replay or send test events", () => {
    for (const set of [CAN.editProfiles, CAN.replay, CAN.sendTestEvents]) expect(hasRole({ role: "AUDITOR" }, set)).toBe(false);
  });
  it("QA sends test events but cannot edit profiles", () => {
    expect(hasRole({ role: "QA" }, CAN.sendTestEvents)).toBe(true);
    expect(hasRole({ role: "QA" }, CAN.editProfiles)).toBe(false);
  });
  it("nobody without a session has any role", () => {
    expect(hasRole(null, CAN.anySignedIn)).toBe(false);
  });
});
