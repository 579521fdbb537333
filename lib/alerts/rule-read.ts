import type { PrismaClient } from "../db-client";
import type { AlertRuleInput } from "./schemas";

export type AlertRule = AlertRuleInput & { updatedAt: Date | null };

const DEFAULTS: AlertRuleInput = {
  failureEnabled: true,
  failurePercent: 5,
  failureWindowMinutes: 15,
  failureMinDeliveries: 20,
  queueEnabled: true,
  queueAgeMinutes: 10,
  authFailuresEnabled: true,
  authFailuresPerWindow: 20,
  authFailuresWindowMinutes: 5,
  webhookUrl: null,
};

/**
 * The single rule row, or the defaults before an admin first saves. No server-only imports: the
 * delivery worker's evaluator reads it as the console does.
 */
export async function readAlertRule(db: PrismaClient): Promise<AlertRule> {
  const row = await db.alertRule.findUnique({ where: { id: "default" } });
  if (!row) return { ...DEFAULTS, updatedAt: null };
  const { id: _id, updatedById: _u, ...rule } = row;
  return rule;
}
