import "server-only";
import { queueDepth, statusTotals } from "@/lib/dashboard/aggregates";
import type { AlertRule } from "./rules";
import type { AlertKind } from "./schemas";

export type Reading = { kind: AlertKind; firing: boolean; value: number | null; threshold: number; message: string; href: string };

const pct = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;

/**
 * Both readings from the dashboard's own aggregates, so the banner and the dashboard tiles agree:
 * the failure ratio over settled production deliveries (test events never count), and the age of
 * the oldest delivery still waiting.
 */
export async function readAlerts(rule: AlertRule, now: Date): Promise<Reading[]> {
  const from = new Date(now.getTime() - rule.failureWindowMinutes * 60_000);
  const [totals, queue] = await Promise.all([statusTotals({ from, to: now }), queueDepth()]);

  const { delivered, failed, dead } = totals.overall;
  const settled = delivered + failed + dead;
  const ratio = settled ? (failed + dead) / settled : null;
  const limit = rule.failurePercent / 100;
  const failureFiring = rule.failureEnabled && ratio !== null && settled >= rule.failureMinDeliveries && ratio > limit;

  const ageMin = queue.overall.oldest ? (now.getTime() - queue.overall.oldest.getTime()) / 60_000 : null;
  const queueFiring = rule.queueEnabled && ageMin !== null && ageMin > rule.queueAgeMinutes;

  return [
    {
      kind: "failure_ratio",
      firing: failureFiring,
      value: ratio,
      threshold: limit,
      message: `${pct(ratio ?? 0)} of deliveries failed in the last ${rule.failureWindowMinutes} min (${failed + dead} of ${settled}); the threshold is ${pct(limit)}.`,
      href: `/deliveries?${new URLSearchParams({ status: "FAILED,DEAD", test: "no", from: from.toISOString() })}`,
    },
    {
      kind: "queue_age",
      firing: queueFiring,
      value: ageMin,
      threshold: rule.queueAgeMinutes,
      message: `The oldest waiting delivery has waited ${Math.floor(ageMin ?? 0)} min (${queue.overall.depth} waiting); the threshold is ${rule.queueAgeMinutes} min.`,
      href: `/deliveries?${new URLSearchParams({ status: "QUEUED,RETRYING,DELIVERING", test: "no" })}`,
    },
  ];
}
