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
