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

/**
 * Every mutation calls this; before/after are redacted here so no caller can forget. Pass the
 * transaction client when the change and its audit event must be saved together or not at all.
 */
export async function writeAudit(input: AuditInput, client: Pick<Prisma.TransactionClient, "auditEvent"> = db): Promise<void> {
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
