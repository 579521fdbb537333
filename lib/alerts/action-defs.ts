import "server-only";
import { db } from "@/lib/db";
import { CAN } from "@/lib/auth/roles";
import { defineAction } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write-audit";
import { webhookAllowList } from "@/lib/integrations/config";
import { z } from "zod";
import { getAlertBanner } from "./banner";
import { assertWebhookAllowed, getAlertRule, maskWebhookUrl, saveAlertRule } from "./rules";
import { AlertRuleSchema } from "./schemas";

/** Saves the thresholds and webhook URL (allow-listed here and again on every send); audited. */
export const saveAlertRuleDef = defineAction({
  name: "alerts.save",
  roles: CAN.manageAlerts,
  input: AlertRuleSchema,
  async handler(input, { actor, ip }) {
    assertWebhookAllowed(input.webhookUrl, webhookAllowList());
    const { updatedAt: _u, ...before } = await getAlertRule();
    await saveAlertRule(input, actor.id);
    // The audit log is read by auditors: the URL's token stays out of it; whether it changed shows.
    const masked = (r: typeof input) => ({ ...r, webhookUrl: maskWebhookUrl(r.webhookUrl) });
    const after = { ...masked(input), webhookChanged: input.webhookUrl !== before.webhookUrl };
    await writeAudit(db, { actor, action: "alerts.update", targetType: "AlertRule", targetId: "default", before: masked(before), after, ip });
    return input;
  },
});

/** What the console's alert banner shows; every signed-in role sees it, and it polls this. */
export const getAlertBannerDef = defineAction({
  name: "alerts.banner",
  roles: CAN.viewDashboard,
  input: z.undefined().or(z.object({}).strict()),
  async handler() {
    return getAlertBanner();
  },
});
