"use client";
import Link from "next/link";
import type { TopError } from "@/lib/dashboard/get-dashboard";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { HttpStatus } from "@/components/ui/delivery-status";
import { timeAgo } from "@/components/format";
import { logHref } from "./format";

/** Errors of the attempts that failed in the range; the link opens exactly the deliveries counted here. */
export function TopErrors({ errors, scope }: { errors: TopError[] | undefined; scope: Record<string, string | undefined> }) {
  return (
    <Card>
      <h2 className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold dark:border-zinc-800">Top errors</h2>
      {!errors ? (
        <div className="m-4 h-24 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      ) : errors.length === 0 ? (
        <EmptyState title="No failed attempts in this range">
          Every attempt that failed in the range (retried, failed or dead, replays included) is counted here by its error.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Top errors">
          {errors.map((e) => (
            <li key={e.error}>
              <Link
                href={logHref({ ...scope, attempt: "failed", attemptError: e.key })}
                className="flex items-start gap-3 px-4 py-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
              >
                {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: names the count inside the link's accessible name; a screen-reader-only text instead is a separate change */}
                <span
                  className="mt-0.5 min-w-10 rounded bg-red-50 px-1.5 text-center text-xs font-semibold tabular-nums text-red-700 dark:bg-red-950 dark:text-red-300"
                  aria-label={`${e.count} failed attempts`}
                >
                  {e.count}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="line-clamp-2 break-words font-mono text-xs text-zinc-800 dark:text-zinc-200">{e.error}</span>
                  <span className="mt-0.5 flex items-center gap-2 text-[11px] text-zinc-500">
                    <HttpStatus code={e.lastStatusCode} /> last {timeAgo(e.lastAt)}
                    <span>
                      · {e.deliveries.toLocaleString()} {e.deliveries === 1 ? "delivery" : "deliveries"}
                    </span>
                    {e.replays ? (
                      <span className="rounded bg-sky-50 px-1 text-sky-700 dark:bg-sky-950 dark:text-sky-300">{e.replays.toLocaleString()} on replay</span>
                    ) : null}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
