"use client";
import { useState } from "react";
import type { MappingPreviewResult } from "@/lib/mapping-engine";

/** Live XDM output, or the exact request the worker sends (raw body, flow id header). */
export function PreviewPanel({
  preview,
  endpoint,
  dataflowId,
  onPickViolation,
}: {
  preview: MappingPreviewResult | null;
  endpoint: string | null;
  dataflowId: string | null;
  onPickViolation: (target: string) => void;
}) {
  const [raw, setRaw] = useState(false);
  if (!preview) return <p className="p-4 text-sm text-zinc-500">Add a sample to see the output.</p>;
  const problems = [
    ...preview.errors.map((e) => ({ target: e.target, text: `${e.target}: ${e.message}` })),
    ...preview.validation.map((v) => ({ target: v.pointerToViolation.replace(/^#\/?/, "").split("/").join("."), text: `${v.pointerToViolation} ${v.keyword}: ${v.message}` })),
  ];
  const body = JSON.stringify(preview.output, null, 2);
  return (
    <div className="space-y-3 p-4">
      <div className="flex items-center justify-between gap-2">
        <div role="status" data-testid="preview-status" className={`text-sm font-medium ${problems.length ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}>
          {problems.length ? `${problems.length} problem${problems.length > 1 ? "s" : ""}` : "Valid XDM"}
        </div>
        <label className="flex items-center gap-2 text-xs">
          <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Show the raw request
        </label>
      </div>
      {problems.length ? (
        <ul aria-label="Validation problems" className="space-y-1 text-xs">
          {problems.map((p) => (
            <li key={p.text}>
              <button type="button" className="text-left text-red-700 hover:underline dark:text-red-400" onClick={() => onPickViolation(p.target)}>{p.text}</button>
            </li>
          ))}
        </ul>
      ) : null}
      <pre data-testid="mapping-preview" className="max-h-[28rem] overflow-auto rounded bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">
        {raw
          ? `POST ${endpoint ?? "https://dcs.adobedc.net/collection/{inletId}"}\nContent-Type: application/json\nx-adobe-flow-id: ${dataflowId ?? "{dataflowId}"}\nAuthorization: Bearer ••••••\n\n${body}`
          : body}
      </pre>
    </div>
  );
}
