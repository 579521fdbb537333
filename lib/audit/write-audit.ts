import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { redactSecrets } from "./redact";

export type AuditInput = {
  actor: { id: string; email: string } | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

function json(value: unknown) {
  return value === undefined || value === null ? Prisma.JsonNull : (redactSecrets(value) as Prisma.InputJsonValue);
}

/** Every mutation calls this; before/after are redacted here so no caller can forget. */
export async function writeAudit(input: AuditInput): Promise<void> {
  await db.auditEvent.create({
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
