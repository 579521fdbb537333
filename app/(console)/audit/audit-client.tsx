"use client";
import { TimeAgo } from "@/components/time-ago";
import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { listAuditAction } from "@/lib/audit/actions";
import { unwrap } from "@/lib/actions/unwrap";
import { auditKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card, EmptyState } from "@/components/ui/page-header";
import { Select, TextInput } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";

const FILTER_KEYS = ["action", "actor", "from", "to"] as const;

export function AuditClient({ actions }: { actions: string[] }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // Filters live in the URL so a view can be shared.
  const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined]));
  const [expanded, setExpanded] = useState<string | null>(null);
  const query = useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) => unwrap(listAuditAction({ ...filter, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  function setFilter(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next}`);
  }

  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-3 p-4">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Action</span>
          <Select aria-label="Action" value={filter.action ?? ""} onChange={(e) => setFilter("action", e.target.value)} className="w-48">
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Actor</span>
          <TextInput aria-label="Actor" defaultValue={filter.actor} placeholder="email contains…" onBlur={(e) => setFilter("actor", e.target.value)} onKeyDown={(e) => e.key === "Enter" && setFilter("actor", e.currentTarget.value)} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">From</span>
          <TextInput aria-label="From" type="date" value={filter.from ?? ""} onChange={(e) => setFilter("from", e.target.value)} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">To</span>
          <TextInput aria-label="To" type="date" value={filter.to ?? ""} onChange={(e) => setFilter("to", e.target.value)} />
        </label>
      </Card>
      {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}
      <Card>
        {query.isSuccess && rows.length === 0 ? (
          <EmptyState title="No audit events match">Change the filters, or make a change somewhere in the console.</EmptyState>
        ) : (
          <Table label="Audit events">
            <thead>
              <tr><Th>Time</Th><Th>Actor</Th><Th>Action</Th><Th>Target</Th><Th>IP</Th><Th /></tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((e) => (
                <Fragment key={e.id}>
                  <tr>
                    <Td><TimeAgo date={e.createdAt} /></Td>
                    <Td>{e.actorEmail ?? "system"}</Td>
                    <Td><code className="font-mono text-xs">{e.action}</code></Td>
                    <Td className="text-xs">{e.targetType}{e.targetId ? <span className="text-zinc-500"> · {e.targetId}</span> : null}</Td>
                    <Td className="text-xs text-zinc-500">{e.ip ?? "—"}</Td>
                    <Td className="text-right">
                      {e.before || e.after ? (
                        <Button size="sm" variant="ghost" aria-expanded={expanded === e.id} onClick={() => setExpanded(expanded === e.id ? null : e.id)}>
                          {expanded === e.id ? "Hide diff" : "Show diff"}
                        </Button>
                      ) : null}
                    </Td>
                  </tr>
                  {expanded === e.id ? (
                    <tr>
                      <td colSpan={6} className="bg-zinc-50 px-4 py-3 dark:bg-zinc-950">
                        <div className="grid gap-3 md:grid-cols-2">
                          <pre className="overflow-auto rounded bg-white p-2 text-xs dark:bg-zinc-900"><b>Before</b>{"\n"}{JSON.stringify(e.before, null, 2)}</pre>
                          <pre className="overflow-auto rounded bg-white p-2 text-xs dark:bg-zinc-900"><b>After</b>{"\n"}{JSON.stringify(e.after, null, 2)}</pre>
                        </div>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </Table>
        )}
        <LoadMore query={query} label="Load more" />
      </Card>
    </div>
  );
}
