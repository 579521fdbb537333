"use client";
import { useState } from "react";
import type { DeliveryDetail } from "@/lib/delivery-log/get-delivery";
import { Button } from "@/components/ui/button";
import { HttpStatus, JsonBlock } from "@/components/ui/delivery-status";
import { useHydrated } from "@/components/use-hydrated";
import { LocalTime } from "@/components/time-ago";

type Attempt = DeliveryDetail["attemptLog"][number];

function Headers({ headers }: { headers: Record<string, string> | null }) {
  if (!headers || Object.keys(headers).length === 0) return <p className="text-xs text-zinc-400">(none)</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
      {Object.entries(headers).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-500">{k}</dt>
          <dd className="break-all">{String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function parsedBody(body: string | null): unknown {
  if (body === null) return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="secondary"
      onClick={async () => {
        await navigator.clipboard.writeText(text).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? "Copied" : label}
    </Button>
  );
}

function AttemptCard({ a, last }: { a: Attempt; last: boolean }) {
  const [open, setOpen] = useState(last);
  const hydrated = useHydrated();
  const failed = !!a.errorClass || (a.responseStatus ?? 0) >= 400;
  // Refused before the wire (the mapping failed, a local check): no request went out, so there is
  // no exchange to show, only where it would have gone.
  const sent = a.responseStatus !== null || Object.keys(a.requestHeaders ?? {}).length > 0;
  return (
    <li className="relative pl-8" data-testid="attempt">
      <span
        className={`absolute left-0 top-1.5 flex size-5 items-center justify-center rounded-full text-[10px] font-bold text-white ${failed ? "bg-red-500" : "bg-emerald-500"}`}
      >
        {a.number}
      </span>
      <button
        type="button"
        className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 text-left text-sm"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        disabled={!hydrated}
      >
        <span className="font-medium">Attempt {a.number}</span>
        <HttpStatus code={a.responseStatus} />
        <span className="font-mono text-xs text-zinc-500">{a.durationMs} ms</span>
        {a.errorClass ? <code className="rounded bg-red-50 px-1.5 text-xs text-red-700 dark:bg-red-950 dark:text-red-300">{a.errorClass}</code> : null}
        <LocalTime date={a.startedAt} className="text-xs text-zinc-500" />
        <span className="ml-auto text-xs text-brand-600">{open ? "Hide" : "Show"} exchange</span>
      </button>
      {a.error ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{a.error}</p> : null}
      {open && !sent ? (
        <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400" data-testid="not-sent">
          Nothing was sent: this attempt stopped before the request
          {a.requestUrl ? (
            <>
              {" "}
              to <span className="break-all font-mono">{a.requestUrl}</span>
            </>
          ) : null}
          .
        </p>
      ) : null}
      {open && sent ? (
        <div className="mt-3 grid gap-4 @3xl:grid-cols-2">
          <section aria-label={`Request ${a.number}`} className="min-w-0 space-y-2">
            <div className="flex items-center justify-between gap-2">
              <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Request</h4>
              {a.curl ? <CopyButton text={a.curl} label="Copy as cURL" /> : null}
            </div>
            <p className="break-all font-mono text-xs">POST {a.requestUrl || "(not sent)"}</p>
            <Headers headers={a.requestHeaders} />
            <JsonBlock value={a.requestBody} label={`Request body ${a.number}`} />
          </section>
          <section aria-label={`Response ${a.number}`} className="min-w-0 space-y-2">
            <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
              Response {a.responseStatus ? <HttpStatus code={a.responseStatus} /> : null}
            </h4>
            {a.responseStatus === null ? (
              <p className="text-xs text-zinc-500">No HTTP answer{a.error ? `: ${a.error}` : "."}</p>
            ) : (
              <Headers headers={a.responseHeaders} />
            )}
            <JsonBlock value={parsedBody(a.responseBody)} label={`Response body ${a.number}`} />
          </section>
        </div>
      ) : null}
    </li>
  );
}

/** Every attempt, oldest first, as a vertical timeline; the latest is open. */
export function AttemptTimeline({ attempts, nextAttemptAt }: { attempts: Attempt[]; nextAttemptAt: Date | string | null }) {
  if (attempts.length === 0) return <p className="text-sm text-zinc-500">No attempt yet: the delivery is waiting for a worker.</p>;
  return (
    <ol className="@container space-y-5 border-l border-zinc-200 pl-0 dark:border-zinc-800" aria-label="Attempts">
      {attempts.map((a, i) => (
        <AttemptCard key={a.id} a={a} last={i === attempts.length - 1} />
      ))}
      {nextAttemptAt ? (
        <li className="relative pl-8 text-sm text-amber-800 dark:text-amber-300">
          <span className="absolute left-0 top-0.5 size-5 rounded-full border-2 border-dashed border-amber-500 bg-white dark:bg-zinc-900" />
          Next attempt at <LocalTime date={nextAttemptAt} />
        </li>
      ) : null}
    </ol>
  );
}
