import "server-only";
import { db } from "@/lib/db";
import { httpRequest } from "@/lib/http";
import type { AllowList } from "@/lib/outbound";
import { webhookAllowList } from "@/lib/integrations/config";
import { readAlerts, type Reading } from "./measure";
import { getAlertRule } from "./rules";
import { ALERT_KINDS, type AlertStatus } from "./schemas";

/** How long a cleared alert shows its green "recovered" notice. */
export const RECOVERED_NOTICE_MS = 10 * 60_000;

type Transition = { id: string; reading: Reading; state: "FIRING" | "RECOVERED"; at: Date };

/**
 * Computes each alert's state at `now`, stores a row for every change (FIRING, then RECOVERED when
 * it clears) and POSTs each change to the webhook. The webhook runs after the rows are written and
 * its outcome is recorded on them; it never throws. Returns what the banner shows.
 */
export async function evaluateAlerts(now: Date, opts: { allowList?: AllowList } = {}): Promise<AlertStatus[]> {
  const rule = await getAlertRule();
  const readings = await readAlerts(rule, now);
  const latest = await latestEvents();

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
    for (const t of transitions) await notify(rule.webhookUrl, t, opts.allowList ?? webhookAllowList());
  }

  const current = transitions.length ? await latestEvents() : latest;
  const hrefs = new Map(readings.map((r) => [r.kind, r.href]));
  return [...current.values()]
    .filter((e) => e.state === "FIRING" || now.getTime() - e.at.getTime() < RECOVERED_NOTICE_MS)
    .map((e) => ({
      kind: e.kind as AlertStatus["kind"],
      state: e.state as AlertStatus["state"],
      message: e.message,
      since: e.at.toISOString(),
      href: hrefs.get(e.kind as AlertStatus["kind"])!,
    }));
}

async function latestEvents() {
  const rows = await Promise.all(
    ALERT_KINDS.map((kind) => db.alertEvent.findFirst({ where: { kind }, orderBy: [{ at: "desc" }, { id: "desc" }] })),
  );
  return new Map(rows.filter((r) => r !== null).map((r) => [r.kind, r]));
}

async function notify(url: string, t: Transition, allowList: AllowList) {
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
