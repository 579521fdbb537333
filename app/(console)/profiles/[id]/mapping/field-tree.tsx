"use client";
import { useMemo, useState } from "react";
import { TextInput } from "@/components/ui/field";

export type TreeRow = {
  path: string;
  name: string;
  depth: number;
  type: string;
  leaf: boolean;
  parent: string | null;
  example?: string;
  required?: boolean;
  identity?: boolean;
  mapped?: boolean;
};

/**
 * A searchable, collapsible field tree (source sample or XDM target). Rows are buttons: Tab moves,
 * Enter or click picks. Search matches anywhere in the path and keeps the matches' ancestors visible.
 */
export function FieldTree({
  label,
  rows,
  selected,
  onPick,
  filters,
  emptyText,
}: {
  label: string;
  rows: TreeRow[];
  selected: string | null;
  onPick: (row: TreeRow) => void;
  filters?: React.ReactNode;
  emptyText: string;
}) {
  const [query, setQuery] = useState("");
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const byPath = useMemo(() => new Map(rows.map((r) => [r.path, r])), [rows]);
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q) {
      const keep = new Set<string>();
      for (const r of rows) {
        if (!r.path.toLowerCase().includes(q)) continue;
        for (let p: string | null = r.path; p; p = byPath.get(p)?.parent ?? null) keep.add(p);
      }
      return rows.filter((r) => keep.has(r.path));
    }
    const hidden = (r: TreeRow): boolean => {
      for (let p = r.parent; p; p = byPath.get(p)?.parent ?? null) if (collapsed.has(p)) return true;
      return false;
    };
    return collapsed.size ? rows.filter((r) => !hidden(r)) : rows;
  }, [rows, byPath, query, collapsed]);

  function toggle(path: string) {
    const next = new Set(collapsed);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    setCollapsed(next);
  }

  return (
    <div className="flex min-h-0 flex-col">
      <div className="space-y-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
        <TextInput aria-label={`Search ${label}`} placeholder={`Search ${label.toLowerCase()}…`} value={query} onChange={(e) => setQuery(e.target.value)} />
        {filters}
      </div>
      <ul aria-label={label} className="max-h-[30rem] min-h-0 flex-1 overflow-y-auto py-1 text-sm">
        {visible.length === 0 ? <li className="px-3 py-6 text-center text-xs text-zinc-500">{emptyText}</li> : null}
        {visible.map((r) => (
          <li key={r.path} className="flex items-center" style={{ paddingLeft: `${Math.max(0, r.depth) * 0.9 + 0.25}rem` }}>
            {!r.leaf ? (
              <button
                type="button"
                aria-label={`${collapsed.has(r.path) ? "Expand" : "Collapse"} ${r.path}`}
                onClick={() => toggle(r.path)}
                className="w-5 shrink-0 text-xs text-zinc-500"
              >
                {collapsed.has(r.path) ? "▸" : "▾"}
              </button>
            ) : (
              <span className="w-5 shrink-0" />
            )}
            <button
              type="button"
              data-path={r.path}
              aria-pressed={selected === r.path}
              aria-label={`${r.path}, ${r.type}${r.required ? ", required" : ""}${r.identity ? ", identity" : ""}${r.mapped ? ", mapped" : ""}`}
              onClick={() => onPick(r)}
              className={`flex min-w-0 flex-1 items-center gap-2 rounded px-1.5 py-1 text-left ${selected === r.path ? "bg-brand-600 text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
            >
              <span title={r.path} className={`min-w-0 shrink-0 truncate font-mono text-xs ${r.leaf ? "max-w-[65%]" : "font-semibold"}`}>
                {r.name}
              </span>
              {r.required ? (
                <span className="text-red-500" title="required">
                  *
                </span>
              ) : null}
              {r.identity ? <span className="rounded bg-violet-100 px-1 text-[10px] text-violet-800 dark:bg-violet-900 dark:text-violet-200">ID</span> : null}
              {r.mapped ? <span title="mapped" className="h-1.5 w-1.5 shrink-0 rounded-full bg-emerald-500" /> : null}
              <span className={`ml-auto shrink-0 text-[10px] ${selected === r.path ? "text-white/80" : "text-zinc-500"}`}>{r.type}</span>
              {r.example !== undefined ? (
                <span title={r.example} className={`min-w-0 max-w-[6rem] truncate text-[10px] ${selected === r.path ? "text-white/80" : "text-zinc-400"}`}>
                  {r.example}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
