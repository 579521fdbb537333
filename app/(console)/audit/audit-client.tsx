"use client";
import { TimeAgo } from "@/components/time-ago";
import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { exportAuditAction, listAuditAction } from "@/lib/audit/actions";
import type { FieldChange } from "@/lib/delivery-log/xdm-diff";
import { unwrap } from "@/lib/actions/unwrap";
import { auditKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Select, TextInput } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { auditActionLabel } from "@/lib/audit/types";

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
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  async function exportCsv() {
    setExporting(true);
    try {
      const r = await unwrap(exportAuditAction(filter));
      const url = URL.createObjectURL(new Blob([r.csv], { type: "text/csv;charset=utf-8" }));
      const a = Object.assign(document.createElement("a"), { href: url, download: `audit-${new Date().toISOString().slice(0, 10)}.csv` });
      a.click();
      URL.revokeObjectURL(url);
      setExported(`${r.rows.toLocaleString("en-US")} events exported${r.truncated ? " (the newest 10,000; narrow the filters for the rest)" : ""}.`);
    } catch (e) {
      setExported(e instanceof Error ? e.message : "The export failed.");
    } finally {
      setExporting(false);
    }
  }
  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-3 p-4">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Action</span>
          <Select aria-label="Action" value={filter.action ?? ""} onChange={(e) => setFilter("action", e.target.value)} className="w-48">
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabel(a)}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Actor</span>
          <TextInput
            aria-label="Actor"
            defaultValue={filter.actor}
            placeholder="email contains…"
            onBlur={(e) => setFilter("actor", e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && setFilter("actor", e.currentTarget.value)}
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">From</span>
          <TextInput aria-label="From" type="date" value={filter.from ?? ""} onChange={(e) => setFilter("from", e.target.value)} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">To</span>
          <TextInput aria-label="To" type="date" value={filter.to ?? ""} onChange={(e) => setFilter("to", e.target.value)} />
        </label>
        <div className="ml-auto flex items-center gap-2">
          {exported ? (
            <span className="text-xs text-zinc-500" role="status">
              {exported}
            </span>
          ) : null}
          <Button variant="secondary" disabled={exporting} onClick={exportCsv}>
            {exporting ? "Exporting…" : "Export CSV"}
          </Button>
        </div>
      </Card>
      {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}
      <Card>
        {query.isSuccess && rows.length === 0 ? (
          <EmptyState title="No audit events match">Change the filters, or make a change somewhere in the console.</EmptyState>
        ) : (
          <Table label="Audit events">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Actor</Th>
                <Th>Action</Th>
                <Th>Target</Th>
                <Th>IP</Th>
                <Th />
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((e) => (
                <Fragment key={e.id}>
                  <tr>
                    <Td>
                      <TimeAgo date={e.createdAt} />
                    </Td>
                    <Td className="max-w-48">
                      <div className="truncate" title={e.actorEmail ?? undefined}>
                        {e.actorEmail ?? (e.action === "auth.login.failed" ? "—" : "system")}
                      </div>
                    </Td>
                    <Td>
                      <div className={e.action.endsWith(".failed") ? "text-red-700 dark:text-red-400" : ""}>{auditActionLabel(e.action)}</div>
                      <code className="font-mono text-[11px] text-zinc-500">{e.action}</code>
                      {e.changes.length ? (
                        <div className="mt-0.5 max-w-64 truncate text-xs text-zinc-500" title={e.changes.map((c) => c.path).join(", ")}>
                          changed: {e.changes.map((c) => c.path).join(", ")}
                        </div>
                      ) : null}
                    </Td>
                    <Td className="max-w-64 text-xs">
                      <div className="truncate" title={e.targetId ?? undefined}>
                        {targetText(e)}
                      </div>
                    </Td>
                    <Td className="text-xs text-zinc-500">{e.ip ?? "—"}</Td>
                    <Td className="text-right">
                      {e.before || e.after ? (
                        <Button size="sm" variant="ghost" aria-expanded={expanded === e.id} onClick={() => setExpanded(expanded === e.id ? null : e.id)}>
                          {expanded === e.id
                            ? "Hide details"
                            : e.changes.length
                              ? `Show ${e.changes.length} change${e.changes.length === 1 ? "" : "s"}`
                              : "Show details"}
                        </Button>
                      ) : null}
                    </Td>
                  </tr>
                  {expanded === e.id ? (
                    <tr>
                      <td colSpan={6} className="bg-zinc-50 px-4 py-3 dark:bg-zinc-950">
                        {e.changes.length ? <ChangeTable changes={e.changes} /> : null}
                        <div className={`grid gap-3 md:grid-cols-2 ${e.changes.length ? "mt-3" : ""}`}>
                          <pre className="overflow-auto rounded bg-white p-2 text-xs dark:bg-zinc-900">
                            <b>Before</b>
                            {"\n"}
                            {JSON.stringify(e.before, null, 2)}
                          </pre>
                          <pre className="overflow-auto rounded bg-white p-2 text-xs dark:bg-zinc-900">
                            <b>After</b>
                            {"\n"}
                            {JSON.stringify(e.after, null, 2)}
                          </pre>
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

/** "Profile “Summit 2026”", "User ana@example.com", or the raw type and id when it names nothing we know any more. */
function targetText(e: { targetType: string; targetId: string | null; targetLabel: string | null; after: unknown }) {
  const kind =
    { IntegrationProfile: "Profile", User: "User", ApiToken: "API token", AlertRule: "Alert settings", Delivery: "Delivery", AuditEvent: "Audit log" }[
      e.targetType
    ] ?? e.targetType;
  if (e.targetLabel)
    return (
      <>
        <span className="text-zinc-500">{kind}</span> <span className="font-medium">{e.targetLabel}</span>
      </>
    );
  const tried = (e.after as { email?: unknown } | null)?.email;
  if (typeof tried === "string")
    return (
      <>
        <span className="text-zinc-500">{kind}</span> <span className="font-medium">{tried}</span>
      </>
    );
  return (
    <>
      <span className="text-zinc-500">{kind}</span>
      {e.targetId ? <span className="font-mono text-zinc-500"> {e.targetId}</span> : null}
    </>
  );
}

const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

/** Only what changed, old value struck red and new value green. */
function ChangeTable({ changes }: { changes: FieldChange[] }) {
  return (
    <table className="w-full text-xs" aria-label="Changes">
      <thead className="text-left text-zinc-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Field</th>
          <th className="py-1 pr-3 font-medium">Before</th>
          <th className="py-1 font-medium">After</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-200 font-mono dark:divide-zinc-800">
        {changes.map((c) => (
          <tr key={c.path + c.kind} data-change={c.kind}>
            <td className="py-1 pr-3 align-top">{c.path || "(value)"}</td>
            <td className="max-w-80 break-all py-1 pr-3 align-top">
              {c.kind !== "added" ? (
                <del className="bg-red-50 text-red-800 no-underline dark:bg-red-950/50 dark:text-red-300">{show(c.before)}</del>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </td>
            <td className="max-w-80 break-all py-1 align-top">
              {c.kind !== "removed" ? (
                <ins className="bg-emerald-50 text-emerald-800 no-underline dark:bg-emerald-950/50 dark:text-emerald-300">{show(c.after)}</ins>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
