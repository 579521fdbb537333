import type { PrismaClient } from "../db-client";
import { attemptCounts, queueDepth } from "../dashboard/aggregates";
import { refusalSummary } from "../inbound-refusals/summary";
import type { AlertRule } from "./rule-read";
import type { AlertKind } from "./schemas";

export type Reading = { kind: AlertKind; firing: boolean; value: number | null; threshold: number; message: string };

const pct = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;

/**
 * Every reading from the dashboard's own aggregates, so the banner and the dashboard tiles agree:
 * the share of production delivery attempts that failed in the window (retries and replays count
 * as the attempts they are; test events never count), the age of the oldest delivery still
 * waiting, and inbound requests refused for a bad signature or token.
 */
export async function readAlerts(db: PrismaClient, rule: AlertRule, now: Date): Promise<Reading[]> {
  const from = new Date(now.getTime() - rule.failureWindowMinutes * 60_000);
  const authFrom = new Date(now.getTime() - rule.authFailuresWindowMinutes * 60_000);
  const [counts, queue, refused] = await Promise.all([attemptCounts(db, { from, to: now }), queueDepth(db), refusalSummary(db, { from: authFrom, to: now })]);

  const { attempts, retrying, failed, dead } = counts;
  const failedAttempts = retrying + failed + dead;
  const ratio = attempts ? failedAttempts / attempts : null;
  const limit = rule.failurePercent / 100;
  const failureFiring = rule.failureEnabled && ratio !== null && attempts >= rule.failureMinDeliveries && ratio > limit;

  const ageMin = queue.overall.oldest ? (now.getTime() - queue.overall.oldest.getTime()) / 60_000 : null;
  const queueFiring = rule.queueEnabled && ageMin !== null && ageMin > rule.queueAgeMinutes;

  const authFiring = rule.authFailuresEnabled && refused.authFailures > rule.authFailuresPerWindow;

  return [
    {
      kind: "failure_ratio",
      firing: failureFiring,
      value: ratio,
      threshold: limit,
      message: `${pct(ratio ?? 0)} of delivery attempts failed in the last ${rule.failureWindowMinutes} min (${failedAttempts} of ${attempts}); the threshold is ${pct(limit)}.`,
    },
    {
      kind: "queue_age",
      firing: queueFiring,
      value: ageMin,
      threshold: rule.queueAgeMinutes,
      message: `The oldest waiting delivery has waited ${Math.floor(ageMin ?? 0)} min (${queue.overall.depth} waiting); the threshold is ${rule.queueAgeMinutes} min.`,
    },
    {
      kind: "auth_failures",
      firing: authFiring,
      value: refused.authFailures,
      threshold: rule.authFailuresPerWindow,
      message: `${refused.authFailures} inbound requests were refused for a bad signature or token in the last ${rule.authFailuresWindowMinutes} min; the threshold is ${rule.authFailuresPerWindow}.`,
    },
  ];
}
