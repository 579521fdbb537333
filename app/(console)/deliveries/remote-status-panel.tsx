"use client";
import type { RemoteStatus } from "@/lib/delivery-log/remote-status";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { timeAgo } from "@/components/format";

type Part<T> = { ok: true; data: T } | { ok: false; error: string };

function Failure({ what, error }: { what: string; error: string }) {
  return (
    <p
      role="status"
      data-remote-error
      className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <b>{what} unavailable.</b> {error} The local log below is unaffected.
    </p>
  );
}

function Section<T>({ title, part, children }: { title: string; part: Part<T>; children: (data: T) => React.ReactNode }) {
  return (
    <div className="min-w-0 flex-1 space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
      {part.ok ? children(part.data) : <Failure what={title} error={part.error} />}
    </div>
  );
}

const num = (n: number | undefined) => (n === undefined ? "—" : n.toLocaleString("en-US"));

/** What the other side says, beside our own log: AEP dataflow runs + inlet metrics, or RainFocus logs. */
export function RemoteStatusPanel({ remote, loading }: { remote: RemoteStatus | null | undefined; loading: boolean }) {
  if (loading && !remote) return <Card className="p-4 text-sm text-zinc-500">Asking the remote side for its status…</Card>;
  if (!remote) {
    return (
      <Card className="p-4 text-sm text-zinc-500">
        Pick a profile to see, beside this log, what AEP (dataflow runs, dataset metrics) or RainFocus (API-profile logs) report.
      </Card>
    );
  }
  return (
    <Card className="p-4">
      <div role="region" aria-label="Remote status" className="flex flex-col gap-4 md:flex-row">
        {remote.kind === "unavailable" ? <Failure what="Remote status" error={remote.error} /> : null}
        {remote.kind === "aep" ? (
          <>
            <Section title="AEP dataflow runs" part={remote.runs}>
              {(runs) =>
                runs.length === 0 ? (
                  <p className="text-sm text-zinc-500">
                    No runs yet for dataflow <code className="text-xs">{remote.dataflowId}</code>.
                  </p>
                ) : (
                  <table className="w-full text-xs">
                    <thead className="text-left text-zinc-500">
                      <tr>
                        <th className="py-1 font-medium">Run</th>
                        <th className="font-medium">Status</th>
                        <th className="text-right font-medium">In</th>
                        <th className="text-right font-medium">Ingested</th>
                        <th className="text-right font-medium">Failed</th>
                      </tr>
                    </thead>
                    <tbody>
                      {runs.slice(0, 4).map((r) => (
                        <tr
                          key={r.id}
                          className="border-t border-zinc-100 dark:border-zinc-800"
                          title={r.statusSummary.errors.map((e) => `${e.code} ${e.message}`).join("\n")}
                        >
                          <td className="py-1">{timeAgo(r.startedAt ?? (r.createdAt ? new Date(r.createdAt) : null))}</td>
                          <td>
                            <Badge tone={r.statusSummary.status === "success" ? "green" : r.statusSummary.status === "failed" ? "red" : "gray"}>
                              {r.statusSummary.status}
                            </Badge>
                          </td>
                          <td className="text-right font-mono">{num(r.recordSummary.inputRecordCount)}</td>
                          <td className="text-right font-mono">{num(r.recordSummary.outputRecordCount)}</td>
                          <td className="text-right font-mono">{num(r.recordSummary.failedRecordCount)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )
              }
            </Section>
            <Section title="Dataset metrics, last 24 h (Observability Insights)" part={remote.metrics}>
              {(points) => {
                const sum = (m: string) => points.reduce((a, p) => a + (p.metrics[m] ?? 0), 0);
                return (
                  <dl className="grid grid-cols-2 gap-2 text-center sm:grid-cols-4">
                    {[
                      ["Received", "timeseries.data.collection.inlet.total.messages.received"],
                      ["Succeeded", "timeseries.data.collection.inlet.success"],
                      ["Failed", "timeseries.data.collection.inlet.failure"],
                      ["Ingested records", "timeseries.ingestion.dataset.recordsuccess.count"],
                    ].map(([l, m]) => (
                      <div key={l} className="rounded-md bg-zinc-50 p-2 dark:bg-zinc-950">
                        <dt className="text-xs text-zinc-500">{l}</dt>
                        <dd className="font-mono text-lg font-semibold">{num(sum(m!))}</dd>
                      </div>
                    ))}
                  </dl>
                );
              }}
            </Section>
          </>
        ) : null}
        {remote.kind === "rainfocus" ? (
          <Section title="RainFocus API-profile log" part={remote.logs}>
            {(logs) =>
              logs.length === 0 ? (
                <p className="text-sm text-zinc-500">RainFocus has logged no calls for this API profile yet.</p>
              ) : (
                <ul className="divide-y divide-zinc-100 text-xs dark:divide-zinc-800">
                  {logs.slice(0, 6).map((l) => (
                    <li key={l.id} className="flex gap-3 py-1">
                      <span className="w-16 shrink-0 text-zinc-500">{timeAgo(l.at)}</span>
                      <span className={`w-10 font-mono ${l.status < 300 ? "text-emerald-700" : "text-red-700"}`}>{l.status}</span>
                      <span className="truncate font-mono">
                        {l.method} {l.path}
                      </span>
                      {l.message ? <span className="truncate text-zinc-500">{l.message}</span> : null}
                    </li>
                  ))}
                </ul>
              )
            }
          </Section>
        ) : null}
      </div>
    </Card>
  );
}
