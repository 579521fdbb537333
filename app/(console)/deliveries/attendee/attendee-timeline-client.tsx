"use client";
import Link from "next/link";
import { useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useInfiniteQuery } from "@tanstack/react-query";
import { listDeliveriesAction, unmaskDeliveriesAction } from "@/lib/delivery-log/actions";
import { unwrap } from "@/lib/actions/unwrap";
import { deliveryKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DeliveryStatusBadge, HttpStatus } from "@/components/ui/delivery-status";
import { isoTime } from "@/components/format";
import { UnmaskToggle } from "../unmask-toggle";
import { formatMs } from "../deliveries-client";

const dayOf = (d: Date | string) => new Date(d).toLocaleDateString([], { weekday: "short", year: "numeric", month: "short", day: "numeric" });

export function AttendeeTimelineClient({ emailsMasked, canUnmask }: { emailsMasked: boolean; canUnmask: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get("q")?.trim() ?? "";
  const [draft, setDraft] = useState(q);
  // The reveal holds for the person it was made for only.
  const [unmaskedFor, setUnmaskedFor] = useState<string | null>(null);
  const unmasked = !!q && unmaskedFor === q;
  const setUnmasked = (on: boolean) => setUnmaskedFor(on ? q : null);
  const query = useInfiniteQuery({
    queryKey: [...deliveryKeys.list({ attendee: q }), unmasked ? "unmasked" : "masked"],
    queryFn: ({ pageParam }) => unwrap((unmasked ? unmaskDeliveriesAction : listDeliveriesAction)({ attendee: q, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q.length > 0,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <form
        role="search"
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          router.replace(`${pathname}?${new URLSearchParams({ q: draft.trim() })}`);
        }}
      >
        <input
          aria-label="Attendee email or id"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="ava.martin@example.com, an attendee id, or an email_lc_sha256"
          className="h-9 w-full max-w-md rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit">Show timeline</Button>
        {emailsMasked && !unmasked ? <span className="text-xs text-zinc-500">Attendee emails are masked{canUnmask ? "" : " for your role"}.</span> : null}
        {canUnmask && emailsMasked && q ? <UnmaskToggle unmasked={unmasked} onChange={setUnmasked} /> : null}
      </form>
      {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}
      {!q ? (
        <Card>
          <EmptyState title="Whose timeline?">
            Search an email or a RainFocus attendee id. Emails match RainFocus pushes and AEP profiles (by their email or its sha256 identity).
          </EmptyState>
        </Card>
      ) : query.isSuccess && rows.length === 0 ? (
        <Card>
          <EmptyState title="Nothing for this attendee">
            No delivery in either direction mentions them (payloads older than the retention period are pruned).
          </EmptyState>
        </Card>
      ) : (
        <Card>
          <ol aria-label="Attendee timeline" className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.map((d, i) => {
              const newDay = i === 0 || dayOf(d.receivedAt) !== dayOf(rows[i - 1]!.receivedAt);
              const source = d.direction === "SOURCE";
              return (
                <li key={d.id}>
                  {newDay ? <div className="bg-zinc-50 px-4 py-1.5 text-xs font-semibold text-zinc-500 dark:bg-zinc-950/50">{dayOf(d.receivedAt)}</div> : null}
                  <Link href={`/deliveries/${d.id}`} className="flex items-center gap-4 px-4 py-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                    <time dateTime={isoTime(d.receivedAt)} className="w-24 shrink-0 whitespace-nowrap font-mono text-xs text-zinc-500">
                      {new Date(d.receivedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}
                    </time>
                    <span
                      className={`flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-bold ${source ? "bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100" : "bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300"}`}
                      role="img"
                      aria-label={source ? "RainFocus to AEP" : "AEP to RainFocus"}
                    >
                      {source ? "→" : "←"}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="flex items-center gap-2 text-sm font-medium">
                        {d.pushType ?? "Profile update"}
                        {d.test ? <Badge tone="blue">test</Badge> : null}
                      </span>
                      <span className="block truncate text-xs text-zinc-500">
                        {source ? "RainFocus → AEP" : "AEP → RainFocus"} · {d.profileName}
                        {d.email ? ` · ${d.email}` : ""}
                      </span>
                    </span>
                    <HttpStatus code={d.lastStatusCode} />
                    <span className="hidden w-16 text-right font-mono text-xs text-zinc-500 sm:block">{formatMs(d.durationMs)}</span>
                    <span className="w-24 text-right">
                      <DeliveryStatusBadge status={d.status} />
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
          <LoadMore query={query} />
        </Card>
      )}
    </div>
  );
}
