import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { redactSecrets } from "@/lib/redact";
import type { AuditAction, AuditTargetType } from "./types";

export type { AuditAction, AuditTargetType } from "./types";

export type AuditInput = {
  actor: { id: string; email: string } | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** The database client or a transaction client: whoever writes the change writes its audit event. */
export type AuditClient = Pick<Prisma.TransactionClient, "auditEvent">;

function json(value: unknown) {
  return value === undefined || value === null ? Prisma.JsonNull : (redactSecrets(value) as Prisma.InputJsonValue);
}

/**
 * Every mutation calls this; before/after are redacted here so no caller can forget. The client is
 * explicit: a transaction client when the change and its audit event must be saved together or not
 * at all, `db` when the event stands alone (a sign-in, an export, a reveal).
 */
export async function writeAudit(client: AuditClient, input: AuditInput): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      before: json(input.before),
      after: json(input.after),
      ip: input.ip ?? null,
    },
  });
}
