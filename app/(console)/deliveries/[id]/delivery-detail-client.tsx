"use client";
import { LocalTime, TimeAgo } from "@/components/time-ago";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { getDeliveryAction } from "@/lib/delivery-log/actions";
import { unwrap } from "@/lib/actions/unwrap";
import { deliveryKeys } from "@/lib/query-keys";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DeliveryStatusBadge, HttpStatus, JsonBlock } from "@/components/ui/delivery-status";
import { AttemptTimeline } from "./attempt-timeline";
import { ReplayActions } from "./replay-actions";

const SETTLED = ["DELIVERED", "FAILED", "DEAD"];

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 truncate text-sm">{children}</dd>
    </div>
  );
}

export function DeliveryDetailClient({ id, canReplay }: { id: string; canReplay: boolean }) {
  const q = useQuery({
    queryKey: deliveryKeys.detail(id),
    queryFn: () => unwrap(getDeliveryAction({ deliveryId: id })),
    // Follow it live until it settles.
    refetchInterval: (query) => (query.state.data && SETTLED.includes(query.state.data.status) ? false : 1500),
  });
  if (q.error) return <Alert tone="error">{q.error.message}</Alert>;
  const d = q.data;
  if (!d) return <p className="text-sm text-zinc-500">Loading delivery…</p>;
  const e2e = d.deliveredAt ? new Date(d.deliveredAt).getTime() - new Date(d.receivedAt).getTime() : null;
  return (
    <div className="space-y-5">
      <div className="text-sm">
        <Link href="/deliveries" className="text-brand-600 hover:underline">
          ← Deliveries
        </Link>
      </div>
      <PageHeader
        title={`${d.pushType ?? "AEP profile"} → ${d.direction === "SOURCE" ? "AEP" : "RainFocus"}`}
        description={<span className="font-mono text-xs">{d.transmissionId}</span>}
        actions={
          <div className="flex items-center gap-2">
            {d.test ? <Badge tone="blue">test event</Badge> : null}
            <span data-testid="delivery-status">
              <DeliveryStatusBadge status={d.status} />
            </span>
          </div>
        }
      />
      <Card className="p-4">
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Meta label="Profile">
            <Link className="text-brand-600 hover:underline" href={`/profiles/${d.profile.id}`}>
              {d.profile.name}
            </Link>
          </Meta>
          <Meta label="Received">
            <TimeAgo date={d.receivedAt} />
          </Meta>
          <Meta label="Delivered">
            {d.deliveredAt ? (
              <span>
                <TimeAgo date={d.deliveredAt} /> · {e2e} ms end to end
              </span>
            ) : (
              "—"
            )}
          </Meta>
          <Meta label="Attempts / last HTTP">
            {d.attempts} · <HttpStatus code={d.lastStatusCode} />
          </Meta>
          <Meta label="Mapping">
            <Link className="text-brand-600 hover:underline" href={`/profiles/${d.profile.id}/mapping`}>
              {d.mappingVersion === null ? "default" : `v${d.mappingVersion}`}
            </Link>
            {d.mappingVersion !== d.currentMappingVersion ? (
              <span className="text-xs text-amber-700"> (current: {d.currentMappingVersion === null ? "default" : `v${d.currentMappingVersion}`})</span>
            ) : null}
          </Meta>
          <Meta label="Delivery id">
            <span className="font-mono text-xs">{d.id}</span>
          </Meta>
          <Meta label="Next attempt">{d.nextAttemptAt ? <LocalTime date={d.nextAttemptAt} /> : "—"}</Meta>
          <Meta label="Direction">{d.direction === "SOURCE" ? "RainFocus → AEP" : "AEP → RainFocus"}</Meta>
        </dl>
        {d.lastError ? (
          <div className="mt-4">
            <Alert tone={d.status === "DELIVERED" ? "info" : "error"}>{d.lastError}</Alert>
          </div>
        ) : null}
        {d.note ? (
          <div className="mt-4">
            <Alert tone="info">{d.note}</Alert>
          </div>
        ) : null}
        {canReplay ? (
          <div className="mt-4 border-t border-zinc-100 pt-4 dark:border-zinc-800">
            {d.profile.deleted ? (
              <Alert tone="info">
                The profile “{d.profile.name}” was deleted, so nothing is sent for it any more: this delivery cannot be replayed. Its history stays as it is.
              </Alert>
            ) : (
              <ReplayActions id={d.id} status={d.status} mappingVersion={d.mappingVersion} currentVersion={d.currentMappingVersion} />
            )}
          </div>
        ) : null}
      </Card>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card className="min-w-0 space-y-2 p-4">
          <h2 className="text-sm font-semibold">Received payload</h2>
          <JsonBlock value={d.sourcePayload} label="Source payload" />
        </Card>
        <Card className="min-w-0 space-y-2 p-4">
          <div className="flex items-center justify-between">
            <h2 className="text-sm font-semibold">{d.direction === "SOURCE" ? "Mapped XDM" : "Mapped attendee"}</h2>
            {d.validation.kind === "xdm" ? (
              d.validation.ok ? (
                <Badge tone="green">valid XDM</Badge>
              ) : (
                <Badge tone="red">
                  {d.validation.errors.length} XDM error{d.validation.errors.length === 1 ? "" : "s"}
                </Badge>
              )
            ) : null}
          </div>
          <JsonBlock value={d.mappedPayload} label="Mapped payload" />
          {d.validation.kind === "xdm" && !d.validation.ok ? (
            <ul className="space-y-1 text-xs text-red-700 dark:text-red-400">
              {d.validation.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a delivery's validation errors are a fixed list, never reordered, and may repeat
                <li key={i}>
                  <span className="font-medium">
                    {e.pointer
                      .replace(/^#?\/?/, "")
                      .split("/")
                      .join(".") || "The document"}
                  </span>
                  : {e.message}
                </li>
              ))}
            </ul>
          ) : null}
          {d.validation.kind === "none" ? <p className="text-xs text-zinc-500">{d.validation.reason}</p> : null}
        </Card>
      </div>
      <Card className="p-4">
        <h2 className="mb-4 text-sm font-semibold">Attempts</h2>
        <AttemptTimeline attempts={d.attemptLog} nextAttemptAt={d.nextAttemptAt} />
      </Card>
    </div>
  );
}
