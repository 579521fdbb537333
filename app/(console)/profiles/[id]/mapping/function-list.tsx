"use client";
import { useState } from "react";
import { FUNCTION_CATALOG } from "@/lib/mapping-engine";
import { TextInput } from "@/components/ui/field";

/** Adobe's Data Prep functions, grouped as the reference groups them, with signature and description. */
export function FunctionList({ onInsert }: { onInsert: (text: string) => void }) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const shown = FUNCTION_CATALOG.filter((f) => !q || f.name.toLowerCase().includes(q) || f.description.toLowerCase().includes(q));
  const groups = [...new Set(shown.map((f) => f.group))];
  return (
    <details className="text-xs" data-testid="function-list">
      <summary className="cursor-pointer font-medium">Functions ({FUNCTION_CATALOG.length})</summary>
      <TextInput
        aria-label="Search functions"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Filter by name or description…"
        className="my-2 text-xs"
      />
      <div className="max-h-72 space-y-3 overflow-y-auto pr-1">
        {groups.map((g) => (
          <section key={g} data-group={g}>
            <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{g}</h4>
            <ul className="space-y-1.5">
              {shown
                .filter((f) => f.group === g)
                .map((f) => (
                  <li key={f.name}>
                    <button
                      type="button"
                      className="w-full rounded px-1 py-0.5 text-left hover:bg-brand-50 dark:hover:bg-brand-700/20"
                      onClick={() => onInsert(`${f.name}(`)}
                    >
                      <code className="font-mono text-brand-700 dark:text-brand-300">{f.signature}</code>
                      <span className="block text-zinc-600 dark:text-zinc-400">{f.description}</span>
                      {f.note ? <span className="block italic text-zinc-500">Relay: {f.note}</span> : null}
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        ))}
        {shown.length === 0 ? <p className="text-zinc-500">No function matches “{query}”.</p> : null}
      </div>
    </details>
  );
}
