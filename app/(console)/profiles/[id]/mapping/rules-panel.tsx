"use client";
import type { MappingRule } from "@/lib/mapping-engine";
import { describeRule } from "@/lib/mappings/diff";

export type RuleStatus = { value?: unknown; error?: string };

function show(v: unknown): string {
  if (v === undefined) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** The mapping rows: source → target, the live value for the current sample, and any error. */
export function RulesPanel({
  rules,
  status,
  highlighted,
  canEdit,
  onRemove,
  onEdit,
  onToggleRequired,
}: {
  rules: MappingRule[];
  status: Map<string, RuleStatus>;
  highlighted: string | null;
  canEdit: boolean;
  onRemove: (target: string) => void;
  onEdit: (rule: MappingRule) => void;
  onToggleRequired: (target: string) => void;
}) {
  if (rules.length === 0) {
    return <p className="px-4 py-10 text-center text-sm text-zinc-500">No rules yet. Pick a source field, then a target field, or use Auto-map.</p>;
  }
  return (
    <ul aria-label="Mapping rules" className="max-h-[30rem] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
      {rules.map((r) => {
        const st = status.get(r.target);
        return (
          <li
            key={r.target}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a rule is focused to delete it with Delete or Backspace (onKeyDown below)
            tabIndex={0}
            data-target={r.target}
            aria-label={`${describeRule(r)} to ${r.target}`}
            onKeyDown={(e) => {
              if (canEdit && (e.key === "Delete" || e.key === "Backspace")) onRemove(r.target);
            }}
            className={`px-3 py-2 text-xs outline-none focus:bg-brand-50 dark:focus:bg-brand-700/20 ${highlighted === r.target ? "bg-red-50 dark:bg-red-950" : ""}`}
          >
            <div className="flex items-start gap-2">
              <div className="min-w-0 flex-1 font-mono">
                <div className="break-all text-zinc-700 dark:text-zinc-300">{describeRule(r)}</div>
                <div className="break-all font-semibold">→ {r.target}</div>
              </div>
              {canEdit ? (
                <div className="flex shrink-0 gap-1">
                  <button
                    type="button"
                    onClick={() => onToggleRequired(r.target)}
                    className="rounded px-1.5 py-0.5 text-[11px] ring-1 ring-zinc-300 dark:ring-zinc-700"
                    aria-label={`${r.required ? "Unmark" : "Mark"} ${r.target} as required`}
                  >
                    {r.required ? "required" : "optional"}
                  </button>
                  {r.expression !== undefined ? (
                    <button
                      type="button"
                      onClick={() => onEdit(r)}
                      className="rounded px-1.5 py-0.5 text-[11px] ring-1 ring-zinc-300 dark:ring-zinc-700"
                      aria-label={`Edit ${r.target}`}
                    >
                      Edit
                    </button>
                  ) : null}
                  <button
                    type="button"
                    onClick={() => onRemove(r.target)}
                    className="rounded px-1.5 py-0.5 text-[11px] text-red-700 ring-1 ring-red-200 dark:text-red-300 dark:ring-red-900"
                    aria-label={`Remove ${r.target}`}
                  >
                    ✕
                  </button>
                </div>
              ) : null}
            </div>
            <div className="mt-1 flex gap-2">
              <span className="text-zinc-500">value:</span>
              <span className="break-all font-mono text-emerald-700 dark:text-emerald-400" data-testid={`value-${r.target}`}>
                {show(st?.value)}
              </span>
            </div>
            {st?.error ? (
              <div role="note" className="mt-1 text-red-600 dark:text-red-400">
                {st.error}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
