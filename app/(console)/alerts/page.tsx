import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN, hasRole } from "@/lib/auth/roles";
import { getAlertRule, maskWebhookUrl } from "@/lib/alerts/rules";
import { listAlertEvents } from "@/lib/alerts/history";
import { PageHeader } from "@/components/ui/page-header";
import { AlertsClient } from "./alerts-client";
import { AlertHistory } from "./alert-history";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const actor = await requirePageRole(CAN.viewAlerts);
  const [{ updatedAt: _u, ...stored }, events] = await Promise.all([getAlertRule(), listAlertEvents()]);
  const canEdit = hasRole(actor, CAN.manageAlerts);
  // The URL may carry the receiver's token: only those who may change it see it whole.
  const rule = canEdit ? stored : { ...stored, webhookUrl: maskWebhookUrl(stored.webhookUrl) };
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Thresholds that raise a banner for everyone signed in and, optionally, POST to a webhook when an alert fires and when it recovers. The delivery workers check them every 30 seconds (ALERTS_EVAL_INTERVAL_MS), with or without the console open; test events are not counted."
      />
      <div className="space-y-6">
        <AlertsClient rule={rule} canEdit={canEdit} />
        <AlertHistory events={events} />
      </div>
    </>
  );
}
