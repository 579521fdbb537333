import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { isOutboundNotAllowed, type AllowList } from "@/lib/outbound";
import type { AlertRuleInput } from "./schemas";
import { readAlertRule } from "./rule-read";

export type { AlertRule } from "./rule-read";

/** The single rule row, or the defaults before an admin first saves. */
export function getAlertRule() {
  return readAlertRule(db);
}

/**
 * Refuses a webhook URL outside the webhook allow-list (webhookAllowList: no loopback, no private
 * address, https only); it is checked again, with its DNS answers, when sent.
 */
export function assertWebhookAllowed(url: string | null, allowList: AllowList) {
  if (!url) return;
  try {
    allowList.assertAllowed(url);
  } catch (e) {
    if (isOutboundNotAllowed(e)) throw new DomainError(e.message, "invalid", { webhookUrl: [e.message] });
    throw e;
  }
}

export async function saveAlertRule(input: AlertRuleInput, actorId: string) {
  const data = { ...input, updatedById: actorId };
  return db.alertRule.upsert({ where: { id: "default" }, create: { id: "default", ...data }, update: data });
}

/**
 * A webhook URL as shown to those who may not edit it and as written to the audit log: its path
 * and query often carry the receiver's token (Slack, Teams), so only the scheme and host remain.
 */
export function maskWebhookUrl(url: string | null): string | null {
  if (!url) return url;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/•••`;
  } catch {
    return "•••";
  }
}
