// Pure: what an audit event can say. The console's filter and labels read these; writeAudit accepts nothing else.

/** What an event is about, spelled as the Prisma model it names (rows once said "delivery": migrated). */
export const AUDIT_TARGET_TYPES = ["IntegrationProfile", "User", "ApiToken", "Delivery", "CustomPushType", "AlertRule", "AuditEvent"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

type GraceHours = number;

export type AuditAction =
  | "auth.login"
  | "auth.login.failed"
  | "account.changePassword"
  | "apiToken.create"
  | "apiToken.revoke"
  | "user.create"
  | "user.role"
  | "user.disable"
  | "user.enable"
  | "user.resetPassword"
  | "profile.create"
  | "profile.update"
  | "profile.credentials.adobe"
  | "profile.credentials.rainfocus"
  | "profile.settings.rainfocus"
  | "profile.endpoint"
  | "profile.pushTypes"
  | "profile.deliveryMode"
  | "profile.activate"
  | "profile.pause"
  | "profile.delete"
  | `profile.test.${"adobe" | "rainfocus"}`
  | `profile.${"inlet" | "inboundSecret"}.rotate.grace${GraceHours}h`
  | "profile.dataflow.refresh"
  | "profile.inlet.reveal"
  | "profile.dataPrep.publish"
  | "pushType.create"
  | "mapping.publish"
  | "mapping.restore"
  | "delivery.replay"
  | "delivery.replay.bulk"
  | "delivery.test.send"
  | "deliveries.unmask"
  | "alerts.update"
  | "audit.export";

/** A filter's target type in its stored spelling, whatever its case ("delivery" finds the Delivery rows). */
export function canonicalTargetType(value: string): string {
  return AUDIT_TARGET_TYPES.find((t) => t.toLowerCase() === value.toLowerCase()) ?? value;
}

// Every fixed action needs its words (the type says so); the rotations are worded by pattern below.
const ACTION_LABELS: Record<Exclude<AuditAction, `profile.${"inlet" | "inboundSecret"}.rotate.grace${GraceHours}h`>, string> = {
  "auth.login": "Signed in",
  "auth.login.failed": "Sign-in refused",
  "account.changePassword": "Changed their password",
  "apiToken.create": "Created an API token",
  "apiToken.revoke": "Revoked an API token",
  "user.create": "Added a user",
  "user.role": "Changed a user's role",
  "user.disable": "Disabled a user",
  "user.enable": "Enabled a user",
  "user.resetPassword": "Reset a user's password",
  "profile.create": "Created a profile",
  "profile.update": "Edited a profile",
  "profile.credentials.adobe": "Saved the Adobe credentials",
  "profile.credentials.rainfocus": "Saved the RainFocus credentials",
  "profile.settings.rainfocus": "Saved the RainFocus settings",
  "profile.endpoint": "Saved the streaming endpoint",
  "profile.pushTypes": "Changed the push types",
  "profile.deliveryMode": "Changed the delivery mode",
  "profile.activate": "Activated a profile",
  "profile.pause": "Paused a profile",
  "profile.delete": "Deleted a profile",
  "profile.test.adobe": "Tested the Adobe connection",
  "profile.test.rainfocus": "Tested the RainFocus connection",
  "profile.dataflow.refresh": "Re-read the dataflow's dataset and schema",
  "profile.inlet.reveal": "Revealed the inlet URL",
  "profile.dataPrep.publish": "Published the mapping to AEP Data Prep",
  "pushType.create": "Added a custom push type",
  "mapping.publish": "Published the mapping",
  "mapping.restore": "Restored a mapping version",
  "delivery.replay": "Replayed a delivery",
  "delivery.replay.bulk": "Replayed deliveries in bulk",
  "delivery.test.send": "Sent a test event",
  "deliveries.unmask": "Showed attendee emails",
  "alerts.update": "Changed the alert settings",
  "audit.export": "Exported the audit log",
};

/** An audit action in words, for people ("Rotated the inbound secret, the old one kept 24 h"); the code itself for one this does not know. */
export function auditActionLabel(action: string): string {
  const known = (ACTION_LABELS as Record<string, string>)[action];
  if (known) return known;
  const rotate = /^profile\.(inlet|inboundSecret)\.rotate\.grace(\d+)h$/.exec(action);
  if (rotate) {
    const what = rotate[1] === "inlet" ? "inlet URL" : "inbound secret";
    const hours = Number(rotate[2]);
    const kept = hours === 0 ? "the old one stopped at once" : hours % 24 === 0 ? `the old one kept ${hours / 24} d` : `the old one kept ${hours} h`;
    return `Rotated the ${what}, ${kept}`;
  }
  return action;
}
