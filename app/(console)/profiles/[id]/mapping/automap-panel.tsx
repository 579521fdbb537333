"use client";
import { useState } from "react";
import type { MappingSuggestion } from "@/lib/mapping-engine";
import { Button } from "@/components/ui/button";

/** The engine's suggestions: accept one by one, or all above a confidence. */
export function AutomapPanel({
  suggestions,
  onAccept,
  onClose,
}: {
  suggestions: MappingSuggestion[];
  onAccept: (s: MappingSuggestion[]) => void;
  onClose: () => void;
}) {
  const [threshold, setThreshold] = useState(0.8);
  const above = suggestions.filter((s) => s.confidence >= threshold);
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">Auto-map: {suggestions.length} suggestions for unmapped targets</span>
        <label className="flex items-center gap-2 text-xs">
          Confidence ≥{" "}
          <input
            aria-label="Minimum confidence"
            type="range"
            min={0.5}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(e) => setThreshold(Number(e.target.value))}
          />{" "}
          {Math.round(threshold * 100)}%
        </label>
        <Button size="sm" disabled={!above.length} onClick={() => onAccept(above)}>
          Accept {above.length}
        </Button>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <ul className="max-h-56 space-y-1 overflow-y-auto text-xs">
        {suggestions.map((s) => (
          <li key={`${s.source}>${s.target}`} className="flex items-center gap-2">
            <span className="w-10 text-right tabular-nums text-zinc-500">{Math.round(s.confidence * 100)}%</span>
            <code className="font-mono">{s.source}</code> → <code className="font-mono">{s.target}</code>
            <span className="truncate text-zinc-500">{s.reason}</span>
            <Button size="sm" variant="ghost" className="ml-auto" onClick={() => onAccept([s])}>
              Accept
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
