"use client";
import Link from "next/link";
import type { ProfileHealth } from "@/lib/dashboard/get-dashboard";
import type { ConnectionTest } from "@/lib/profiles/view";
import { Card, EmptyState } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, Th } from "@/components/ui/table";
import { timeAgo } from "@/components/format";
import { formatMs, logHref } from "./format";

function Td({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return <td className={`px-3 py-2 align-middle ${className}`}>{children}</td>;
}

/** The last stored "Test connection" result: a token was (or was not) obtained, and when. */
function Health({ test, label }: { test: ConnectionTest | null; label: string }) {
  if (!test) return <span className="text-xs text-zinc-400" title={`${label}: never tested`}>not tested</span>;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs" title={`${label}: ${test.message}`}>
      <span className={`size-2 rounded-full ${test.ok ? "bg-emerald-500" : "bg-red-500"}`} aria-hidden />
      <span className={test.ok ? "" : "text-red-700 dark:text-red-400"}>{test.ok ? "OK" : "Failing"}</span>
      <span className="text-zinc-400">{timeAgo(test.at)}</span>
    </span>
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
            <tr><Th>Profile</Th><Th className="text-right">Delivered</Th><Th className="text-right">Success</Th><Th className="text-right">p95</Th><Th className="text-right">Queue</Th><Th>Adobe</Th><Th>RainFocus</Th></tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {profiles.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`/dashboard?profileId=${p.id}${range === "24h" ? "" : `&range=${range}`}`} className="block max-w-72 truncate font-medium hover:underline" title={p.name}>{p.name}</Link>
                  <div className="flex items-center gap-1.5 text-xs text-zinc-500">
                    {p.direction === "SOURCE" ? "RainFocus → AEP" : "AEP → RainFocus"}
                    {p.status !== "ACTIVE" ? <Badge tone={p.status === "PAUSED" ? "amber" : "gray"}>{p.status.toLowerCase()}</Badge> : null}
                  </div>
                </Td>
                <Td className="text-right tabular-nums"><Link className="hover:underline" href={logHref({ profileId: p.id, range, test: "no" })}>{p.totals.delivered.toLocaleString()}</Link></Td>
                <Td className={`text-right tabular-nums ${p.totals.successRate != null && p.totals.successRate < 0.95 ? "text-red-600 dark:text-red-400" : ""}`}>
                  {p.totals.successRate == null ? "—" : `${(p.totals.successRate * 100).toFixed(1)}%`}
                </Td>
                <Td className="whitespace-nowrap text-right font-mono text-xs">{formatMs(p.totals.p95Ms)}</Td>
                <Td className="text-right tabular-nums" >
                  <span title={p.queue.oldest ? `oldest waiting since ${timeAgo(p.queue.oldest)}` : "nothing waiting"}>{p.queue.depth.toLocaleString()}</span>
                </Td>
                <Td className="whitespace-nowrap"><Health test={p.adobe} label="Adobe" /></Td>
                <Td className="whitespace-nowrap"><Health test={p.rainfocus} label="RainFocus" /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
