import type { AlertEventRow } from "@/lib/alerts/history";
import { ALERT_LABELS } from "@/lib/alerts/schemas";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/time-ago";

const KIND_LABELS: Record<string, string> = ALERT_LABELS;

export function AlertHistory({ events }: { events: AlertEventRow[] }) {
  if (!events.length) return <EmptyState title="No alerts yet">Alerts appear here when they fire and when they recover.</EmptyState>;
  return (
    <Card>
      <Table label="Alert history">
        <thead>
          <tr>
            <Th>Time</Th>
            <Th>Alert</Th>
            <Th>State</Th>
            <Th>Details</Th>
            <Th>Webhook</Th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="alert-event">
              <Td className="whitespace-nowrap">
                <LocalTime date={e.at} />
              </Td>
              <Td>{KIND_LABELS[e.kind] ?? e.kind}</Td>
              <Td>
                <Badge tone={e.state === "FIRING" ? "red" : "green"}>{e.state === "FIRING" ? "Firing" : "Recovered"}</Badge>
              </Td>
              <Td>{e.message}</Td>
              <Td>{e.webhookError ?? (e.webhookStatus ? `HTTP ${e.webhookStatus}` : "—")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
