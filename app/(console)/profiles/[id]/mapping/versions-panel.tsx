"use client";
import { LocalTime } from "@/components/time-ago";
import { useState } from "react";
import type { MappingRule } from "@/lib/mapping-engine";
import { describeRule, diffRules } from "@/lib/mappings/diff";
import { Button } from "@/components/ui/button";

export type VersionRow = { version: number; publishedAt: Date | string; publishedByEmail: string | null; rules: unknown };

const TONE = { added: "bg-emerald-50 dark:bg-emerald-950", removed: "bg-red-50 dark:bg-red-950", changed: "bg-amber-50 dark:bg-amber-950", same: "" } as const;

/** Published versions (immutable), a side-by-side diff of any two, and restore-as-draft. */
export function VersionsPanel({
  versions,
  draftRules,
  canEdit,
  onRestore,
}: {
  versions: VersionRow[];
  draftRules: MappingRule[];
  canEdit: boolean;
  onRestore: (v: number) => void;
}) {
  const [pair, setPair] = useState<[number | "draft", number] | null>(null);
  if (versions.length === 0)
    return <p className="p-4 text-sm text-zinc-500">Nothing published yet. Deliveries use the default mapping until the first publish.</p>;
  const rulesOf = (v: number | "draft") => (v === "draft" ? draftRules : ((versions.find((x) => x.version === v)?.rules ?? []) as MappingRule[]));
  const changes = pair ? diffRules(rulesOf(pair[1]), rulesOf(pair[0])) : [];
  return (
    <div className="space-y-3 p-4">
      <ul aria-label="Published versions" className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {versions.map((v, i) => (
          <li key={v.version} className="flex flex-wrap items-center gap-2 py-2">
            <span className="font-semibold">Version {v.version}</span>
            {i === 0 ? <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">live</span> : null}
            <span className="text-xs text-zinc-500">
              <LocalTime date={v.publishedAt} /> by {v.publishedByEmail ?? "unknown"}
            </span>
            <span className="ml-auto flex gap-1">
              {versions[i + 1] ? (
                <Button size="sm" variant="ghost" onClick={() => setPair([v.version, versions[i + 1].version])}>
                  Diff with v{versions[i + 1].version}
                </Button>
              ) : null}
              <Button size="sm" variant="ghost" onClick={() => setPair(["draft", v.version])}>
                Diff with draft
              </Button>
              {canEdit ? (
                <Button size="sm" variant="secondary" onClick={() => onRestore(v.version)}>
                  Restore as draft
                </Button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {pair ? (
        <div>
          <h3 className="mb-2 text-sm font-semibold">{`v${pair[1]} → ${pair[0] === "draft" ? "draft" : `v${pair[0]}`}`}</h3>
          <table aria-label="Mapping diff" className="w-full table-fixed text-xs">
            <thead>
              <tr>
                <th className="w-1/3 px-2 py-1 text-left">Target</th>
                <th className="px-2 py-1 text-left">{`v${pair[1]}`}</th>
                <th className="px-2 py-1 text-left">{pair[0] === "draft" ? "Draft" : `v${pair[0]}`}</th>
              </tr>
            </thead>
            <tbody>
              {changes
                .filter((c) => c.kind !== "same")
                .map((c) => (
                  <tr key={c.target} className={TONE[c.kind]} data-change={c.kind}>
                    <td className="break-all px-2 py-1 font-mono">{c.target}</td>
                    <td className="break-all px-2 py-1 font-mono">{describeRule(c.before)}</td>
                    <td className="break-all px-2 py-1 font-mono">{describeRule(c.after)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {changes.every((c) => c.kind === "same") ? <p className="text-xs text-zinc-500">No differences.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
