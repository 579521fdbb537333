// Roles and what each may do (DESIGN.md §2). Pure: used by the server helpers and by the UI to
// hide what a role cannot use (the server still checks every call).
export const ROLES = ["ADMIN", "OPS", "QA", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export type Actor = { id: string; email: string; name: string | null; role: Role; via: "session" | "token" };

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  OPS: "Event ops",
  QA: "QA",
  AUDITOR: "Auditor",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: "Everything, including users, API tokens, audit log and deleting profiles",
  OPS: "Create and edit profiles, credentials, push types and mappings; activate, pause, replay",
  QA: "Send test events; view profiles (secrets redacted) and delivery logs",
  AUDITOR: "Read-only: profiles, mappings, delivery logs and the audit log",
};

/** Named permission sets, so call sites say what they need rather than listing roles. */
export const CAN = {
  manageUsers: ["ADMIN"],
  viewAudit: ["ADMIN", "AUDITOR"],
  // A profile's own change history: its editors and the auditors, not QA (DESIGN.md §2).
  viewProfileActivity: ["ADMIN", "OPS", "AUDITOR"],
  editProfiles: ["ADMIN", "OPS"],
  viewProfiles: ["ADMIN", "OPS", "QA", "AUDITOR"],
  sendTestEvents: ["ADMIN", "OPS", "QA"],
  viewDeliveries: ["ADMIN", "OPS", "QA", "AUDITOR"],
  viewDashboard: ["ADMIN", "OPS", "QA", "AUDITOR"],
  replay: ["ADMIN", "OPS"],
  // Reveal attendee emails in the log's lists ("Show emails"), each time recorded in the audit log.
  unmaskEmails: ["ADMIN", "OPS"],
  // Alert thresholds and history: ops and auditors read them, only admins change them (and the
  // webhook URL). Every signed-in user sees the banner.
  viewAlerts: ["ADMIN", "OPS", "AUDITOR"],
  manageAlerts: ["ADMIN"],
  anySignedIn: ["ADMIN", "OPS", "QA", "AUDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export function hasRole(actor: Pick<Actor, "role"> | null | undefined, allowed: readonly Role[]): boolean {
  return !!actor && allowed.includes(actor.role);
}
