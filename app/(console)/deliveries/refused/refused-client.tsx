"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { listRefusalsAction } from "@/lib/inbound-refusals/actions";
import { unwrap } from "@/lib/actions/unwrap";
import { refusalKeys } from "@/lib/query-keys";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { isoTime, timeAgo } from "@/components/format";

const RANGES = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days" } as const;
/** Plain words for the codes the inbound endpoints answer with. */
const CODE_LABELS: Record<string, string> = {
  bad_signature: "Bad signature",
  unauthorized: "Bad or missing token",
  not_found: "Unknown profile",
  profile_inactive: "Profile not active",
  profile_deleted: "Profile deleted",
  wrong_direction: "Wrong endpoint for this profile",
  push_type_disabled: "Push type not enabled",
  unknown_push_type: "Unknown push type",
  payload_too_large: "Too large",
  too_many_events: "Too many events",
  too_many_profiles: "Too many profiles",
  rate_limited: "Rate limited",
  invalid_json: "Not JSON",
  invalid_body: "Invalid body",
  invalid_event: "Invalid event",
  empty: "Empty",
};

export function RefusedClient({ profiles }: { profiles: { id: string; name: string }[] }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = { range: params.get("range") || "24h", code: params.get("code") || undefined, profileId: params.get("profileId") || undefined };
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    router.replace(`${pathname}?${next}`, { scroll: false });
  };
  const query = useQuery({
    queryKey: refusalKeys.list(filter),
    queryFn: () => unwrap(listRefusalsAction(filter)),
    refetchInterval: 15_000,
    placeholderData: (prev) => prev,
  });
  const d = query.data;
  const select = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <select aria-label="Time range" value={filter.range} onChange={(e) => set("range", e.target.value === "24h" ? "" : e.target.value)} className={select}>
          {Object.entries(RANGES).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <select aria-label="Reason" value={filter.code ?? ""} onChange={(e) => set("code", e.target.value)} className={select}>
          <option value="">Any reason</option>
          {Object.entries(CODE_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <select aria-label="Profile" value={filter.profileId ?? ""} onChange={(e) => set("profileId", e.target.value)} className={`${select} max-w-64`}>
          <option value="">All profiles</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {d ? (
          <span className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="refused-total">
            {d.requests.toLocaleString()} {d.requests === 1 ? "request" : "requests"} refused
          </span>
        ) : null}
      </div>
      {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}
      <Card>
        {!d ? (
          <div className="m-4 h-24 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
        ) : d.rows.length === 0 ? (
          <EmptyState title="Nothing refused">No inbound request was refused in this range.</EmptyState>
        ) : (
          <Table label="Refused requests">
            <thead>
              <tr>
                <Th>Last</Th>
                <Th>Reason</Th>
                <Th className="text-right">Requests</Th>
                <Th>Profile</Th>
                <Th>From</Th>
                <Th>Our answer</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap text-xs text-zinc-600 dark:text-zinc-400">
                    <span title={isoTime(r.lastAt)}>{timeAgo(r.lastAt)}</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Badge tone={r.status === 401 ? "red" : "gray"}>{r.status}</Badge> <span className="ml-1">{CODE_LABELS[r.code] ?? r.code}</span>
                  </Td>
                  <Td className="text-right tabular-nums">{r.count.toLocaleString()}</Td>
                  <Td className="max-w-56">
                    {r.profileName ? (
                      <Link href={`/profiles/${r.profileId}`} className="block truncate font-medium hover:underline" title={r.profileName}>
                        {r.profileName}
                      </Link>
                    ) : (
                      <span className="block truncate font-mono text-xs text-zinc-500" title={r.profileId}>
                        {r.profileId === "(others)" ? "(other senders)" : `no profile “${r.profileId}”`}
                      </span>
                    )}
                    <span className="text-xs text-zinc-500">
                      {r.endpoint === "rainfocus" ? "RainFocus push" : r.endpoint === "aep" ? "AEP destination" : r.endpoint}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{r.ip}</Td>
                  <Td className="max-w-md">
                    <span className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400" title={`Request id ${r.requestId}`}>
                      {r.message}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {d && d.groups > d.rows.length ? (
        <p className="text-xs text-zinc-500">
          Showing the newest {d.rows.length} of {d.groups} rows; narrow the range or reason to see the rest.
        </p>
      ) : null}
    </div>
  );
}
