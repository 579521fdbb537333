"use client";
import Link from "next/link";
import type { ProfileHealth } from "@/lib/dashboard/get-dashboard";
import type { LiveHealth } from "@/lib/dashboard/live-health";
import type { ConnectionTest } from "@/lib/profiles/view";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, Th } from "@/components/ui/table";
import { timeAgo } from "@/components/format";
import { formatMs, logHref } from "./format";

function Td({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return <td className={`px-3 py-2 align-middle ${className}`}>{children}</td>;
}

/**
 * Live: what the remote did with our attempts of the last 15 minutes (only for the side this
 * profile sends to). Beside it, the last stored "Test connection" result, which only says a token
 * could be had back then.
 */
function Health({ test, live, label, sendsHere }: { test: ConnectionTest | null; live: LiveHealth | null; label: string; sendsHere: boolean }) {
  return (
    <div className="space-y-0.5 text-xs" data-testid={`health-${label.toLowerCase()}`}>
      {sendsHere ? <Live live={live} label={label} /> : null}
      {!test ? (
        <div className="text-zinc-400" title={`${label}: never tested`}>
          test: never
        </div>
      ) : (
        <div className="flex items-center gap-1.5" title={`${label}, last connection test: ${test.message}`}>
          {!sendsHere ? <span className={`size-2 rounded-full ${test.ok ? "bg-emerald-500" : "bg-red-500"}`} aria-hidden /> : null}
          <span className={sendsHere ? "text-zinc-500" : test.ok ? "" : "text-red-700 dark:text-red-400"}>
            {sendsHere ? "test" : "Test"}: {test.ok ? "OK" : "failing"}
          </span>
          <span className="text-zinc-400">{timeAgo(test.at)}</span>
        </div>
      )}
    </div>
  );
}

function Live({ live, label }: { live: LiveHealth | null; label: string }) {
  if (!live)
    return (
      <div className="text-zinc-400" title={`No attempts to ${label} in the last 15 minutes`}>
        live: no sends in 15 min
      </div>
    );
  const ok = live.last.ok;
  const what = ok ? "OK" : live.last.status ? `answering ${live.last.status}` : "not answering";
  return (
    <div className="flex items-center gap-1.5" title={`${label}, last attempt ${timeAgo(live.last.at)}${live.last.error ? `: ${live.last.error}` : ""}`}>
      <span className={`size-2 rounded-full ${ok ? (live.failed ? "bg-amber-400" : "bg-emerald-500") : "bg-red-500"}`} aria-hidden />
      <span className={ok ? "" : "font-medium text-red-700 dark:text-red-400"}>{what}</span>
      <span className="text-zinc-400">{live.failed ? `${live.failed} of ${live.attempts} failed` : `${live.attempts} sent`} · 15 min</span>
    </div>
  );
}

export function ProfileHealthTable({ profiles, range }: { profiles: ProfileHealth[] | undefined; range: string }) {
  return (
    <Card>
      <h2 className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold dark:border-zinc-800">Profiles</h2>
      {!profiles ? (
        <div className="m-4 h-24 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      ) : profiles.length === 0 ? (
        <EmptyState title="No profiles yet">Create an integration profile to start delivering.</EmptyState>
      ) : (
        <Table label="Profile health">
          <thead>
            <tr>
              <Th>Profile</Th>
              <Th className="text-right">Delivered</Th>
              <Th className="text-right">Success</Th>
              <Th className="text-right">p95</Th>
              <Th className="text-right">Queue</Th>
              <Th>Adobe</Th>
              <Th>RainFocus</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {profiles.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link
                    href={`/dashboard?profileId=${p.id}${range === "24h" ? "" : `&range=${range}`}`}
                    className="block max-w-72 truncate font-medium hover:underline"
                    title={p.name}
                  >
                    {p.name}
                  </Link>
                  <div className="flex items-center gap-1.5 text-xs text-zinc-500">
                    {p.direction === "SOURCE" ? "RainFocus → AEP" : "AEP → RainFocus"}
                    {p.status !== "ACTIVE" ? <Badge tone={p.status === "PAUSED" ? "amber" : "gray"}>{p.status.toLowerCase()}</Badge> : null}
                  </div>
                </Td>
                <Td className="text-right tabular-nums">
                  <Link className="hover:underline" href={logHref({ profileId: p.id, range, test: "no", attempt: "delivered" })}>
                    {p.totals.delivered.toLocaleString()}
                  </Link>
                </Td>
                <Td
                  className={`text-right tabular-nums ${p.totals.successRate != null && p.totals.successRate < 0.95 ? "text-red-600 dark:text-red-400" : ""}`}
                >
                  {p.totals.successRate == null ? "—" : `${(p.totals.successRate * 100).toFixed(1)}%`}
                </Td>
                <Td className="whitespace-nowrap text-right font-mono text-xs">{formatMs(p.totals.p95Ms)}</Td>
                <Td className="text-right tabular-nums">
                  <span title={p.queue.oldest ? `oldest waiting since ${timeAgo(p.queue.oldest)}` : "nothing waiting"}>{p.queue.depth.toLocaleString()}</span>
                </Td>
                <Td className="whitespace-nowrap">
                  <Health test={p.adobe} live={p.live} label="Adobe" sendsHere={p.direction === "SOURCE"} />
                </Td>
                <Td className="whitespace-nowrap">
                  <Health test={p.rainfocus} live={p.live} label="RainFocus" sendsHere={p.direction === "DESTINATION"} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
