import type { PrismaClient } from "../db-client";
import { httpRequest } from "../http/request";
import type { AllowList } from "../outbound/allow-list";
import { readAlerts, type Reading } from "./measure";
import { readAlertRule } from "./rule-read";
import { latestAlertEvents } from "./state";

type Transition = { id: string; reading: Reading; state: "FIRING" | "RECOVERED"; at: Date };

/**
 * Computes each alert's state at `now`, stores a row for every change (FIRING, then RECOVERED when
 * it clears) and POSTs each change to the webhook. The webhook runs after the rows are written and
 * its outcome is recorded on them; it never throws. Two evaluators must not run at once (both would
 * see the same change and store and send it twice): the worker calls this through
 * evaluateAlertsLocked (./evaluate-locked.ts). Returns the transitions it stored.
 */
export async function evaluateAlerts(db: PrismaClient, now: Date, opts: { allowList: AllowList }): Promise<Transition[]> {
  const rule = await readAlertRule(db);
  const readings = await readAlerts(db, rule, now);
  const latest = await latestAlertEvents(db);

  const transitions: Transition[] = [];
  for (const reading of readings) {
    const wasFiring = latest.get(reading.kind)?.state === "FIRING";
    if (reading.firing === wasFiring) continue;
    const state = reading.firing ? "FIRING" : "RECOVERED";
    const row = await db.alertEvent.create({
      data: { kind: reading.kind, state, value: reading.value, threshold: reading.threshold, message: reading.message, at: now },
    });
    transitions.push({ id: row.id, reading, state, at: now });
  }
  if (rule.webhookUrl) {
    for (const t of transitions) await notify(db, rule.webhookUrl, t, opts.allowList);
  }
  return transitions;
}

async function notify(db: PrismaClient, url: string, t: Transition, allowList: AllowList) {
  let webhookStatus: number | null = null;
  let webhookError: string | null = null;
  try {
    const res = await httpRequest({
      method: "POST",
      url,
      allowList,
      timeoutMs: 5_000,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        source: "relay",
        kind: t.reading.kind,
        state: t.state,
        message: t.reading.message,
        value: t.reading.value,
        threshold: t.reading.threshold,
        at: t.at.toISOString(),
      }),
    });
    if (res.kind === "response") {
      webhookStatus = res.status;
      if (!res.ok) webhookError = `The webhook answered ${res.status}.`;
    } else webhookError = res.message;
  } catch (e) {
    webhookError = e instanceof Error ? e.message : String(e);
  }
  await db.alertEvent.update({ where: { id: t.id }, data: { webhookStatus, webhookError } }).catch(() => undefined);
}
