"use client";
import Link from "next/link";
import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { listDeliveriesAction, unmaskDeliveriesAction } from "@/lib/delivery-log/actions";
import { unwrap } from "@/lib/actions/unwrap";
import { deliveryKeys } from "@/lib/query-keys";
import { LoadMore } from "@/components/ui/load-more";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Table, Th } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DeliveryStatusBadge, HttpStatus } from "@/components/ui/delivery-status";
import { isoTime, timeAgo } from "@/components/format";
import { FiltersBar, type FilterOptions } from "./filters-bar";
import { RemoteStatusPanel } from "./remote-status-panel";
import { ExportMenu } from "./export-menu";
import { BulkReplayDialog } from "./bulk-replay-dialog";
import { useDeliveryFilter } from "./use-delivery-filter";
import { UnmaskToggle } from "./unmask-toggle";

const LIVE_MS = 3000;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Denser cells than components/ui Td: a log is scanned, not read.
function Td({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return <td className={`px-3 py-2 align-middle ${className}`}>{children}</td>;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function DeliveriesClient({
  options,
  canReplay,
  emailsMasked,
  canUnmask,
}: {
  options: FilterOptions;
  canReplay: boolean;
  emailsMasked: boolean;
  canUnmask: boolean;
}) {
  const { filter, update, clear, live, setLive } = useDeliveryFilter();
  // Per view: the reveal holds for the filter it was made for; any other filter is masked again.
  const [unmaskedFor, setUnmaskedFor] = useState<string | null>(null);
  const unmasked = unmaskedFor === JSON.stringify(filter);
  const setUnmasked = (on: boolean) => setUnmaskedFor(on ? JSON.stringify(filter) : null);
  const query = useInfiniteQuery({
    queryKey: [...deliveryKeys.list(filter), unmasked ? "unmasked" : "masked"],
    queryFn: ({ pageParam }) => unwrap((unmasked ? unmaskDeliveriesAction : listDeliveriesAction)({ ...filter, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Live tail would re-reveal (and re-audit) every few seconds; it pauses while emails are shown.
    refetchInterval: live && !unmasked ? LIVE_MS : false,
    placeholderData: (prev) => prev,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const remote = query.data?.pages[0]?.remote;

  return (
    <div className="space-y-4">
      <FiltersBar filter={filter} options={options} update={update} clear={clear} />
      {filter.q && EMAIL_LIKE.test(filter.q) ? (
        <Link
          href={`/deliveries/attendee?${new URLSearchParams({ q: filter.q })}`}
          className="inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline dark:text-brand-100"
        >
          Timeline for this attendee →
        </Link>
      ) : null}
      {filter.profileId ? <RemoteStatusPanel remote={remote} loading={query.isLoading} /> : null}
      {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
          <div className="flex items-center gap-3 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} aria-label="Live tail" />
              <span>Live tail</span>
            </label>
            {live ? (
              <span className="flex items-center gap-1.5 text-xs text-emerald-700 dark:text-emerald-400">
                <span className="size-2 animate-pulse rounded-full bg-emerald-500" />
                refreshing every {LIVE_MS / 1000} s
              </span>
            ) : null}
            {query.isFetching && !query.isFetchingNextPage ? <span className="text-xs text-zinc-500">Loading…</span> : null}
            {emailsMasked && !unmasked ? <span className="text-xs text-zinc-500">Attendee emails are masked{canUnmask ? "" : " for your role"}.</span> : null}
            {canUnmask && emailsMasked ? <UnmaskToggle unmasked={unmasked} onChange={setUnmasked} /> : null}
          </div>
          <div className="flex items-center gap-2">
            {canReplay ? <BulkReplayDialog filter={filter} /> : null}
            <ExportMenu filter={filter} />
          </div>
        </div>
        {query.isSuccess && rows.length === 0 ? (
          <EmptyState title="No deliveries match">
            {Object.keys(filter).length
              ? "Change or clear the filters."
              : "Deliveries appear here as soon as RainFocus or AEP sends events to an active profile, or when QA sends a test event."}
          </EmptyState>
        ) : (
          <Table label="Deliveries">
            <thead>
              <tr>
                <Th>Received</Th>
                <Th>Profile</Th>
                <Th>Push type</Th>
                <Th>Status</Th>
                <Th>HTTP</Th>
                <Th className="text-right">Duration</Th>
                <Th>Attendee · transmission</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((d) => (
                <tr
                  key={d.id}
                  className="group relative hover:bg-zinc-50 dark:hover:bg-zinc-800/50 [content-visibility:auto] [contain-intrinsic-size:auto_45px]"
                >
                  <Td className="whitespace-nowrap">
                    <Link href={`/deliveries/${d.id}`} className="after:absolute after:inset-0 focus-visible:outline-2" title={isoTime(d.receivedAt)}>
                      {timeAgo(d.receivedAt)}
                    </Link>
                  </Td>
                  <Td>
                    <div className="max-w-32 truncate font-medium" title={d.profileName}>
                      {d.profileName}
                    </div>
                    <div className="text-xs text-zinc-500">{d.direction === "SOURCE" ? "RainFocus → AEP" : "AEP → RainFocus"}</div>
                  </Td>
                  <Td className="text-xs">
                    {d.pushType ?? "profile"}
                    {d.test ? (
                      <span className="ml-1.5">
                        <Badge tone="blue">test</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <DeliveryStatusBadge status={d.status} />
                    <div className="mt-0.5 text-[11px] text-zinc-500" title={d.status === "RETRYING" ? `next attempt ${isoTime(d.nextAttemptAt)}` : undefined}>
                      {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                      {d.status === "RETRYING" ? " · retry pending" : ""}
                    </div>
                  </Td>
                  <Td>
                    <span title={d.lastError ?? undefined}>
                      <HttpStatus code={d.lastStatusCode} />
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap text-right font-mono text-xs">{formatMs(d.durationMs)}</Td>
                  {/* Two lines in one column, like Profile: the log fits a 1280-pixel screen without scrolling sideways. */}
                  <Td className="text-xs">
                    <div className="max-w-44 truncate">{d.email ?? <span className="text-zinc-400">—</span>}</div>
                    <div className="max-w-44 truncate font-mono text-[11px] text-zinc-500" title={d.transmissionId}>
                      {d.transmissionId}
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <LoadMore query={query} />
      </Card>
    </div>
  );
}
