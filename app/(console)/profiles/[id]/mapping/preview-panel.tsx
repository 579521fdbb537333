"use client";
import { useState } from "react";
import type { MappingIssue } from "@/lib/mapping-engine";
import type { XdmCheck } from "./use-xdm-check";

/**
 * Transform errors and XDM findings as one list. The field as the editor names it (dots), then the
 * readable message: no JSON pointer or keyword beside it. The same finding twice is listed once, so
 * "N problems" here and the toolbar's Errors counter are the number of lines listed.
 */
export function previewProblems(preview: { errors: MappingIssue[] } | null, xdm: Pick<XdmCheck, "validation" | "checking">) {
  if (!preview) return [];
  const all = [
    ...preview.errors.map((e) => ({ target: e.target, text: `${e.target}: ${e.message}`, stale: false })),
    // While a check runs these are the previous output's findings: dimmed until it answers.
    ...(xdm.validation ?? []).map((v) => {
      const target = v.pointerToViolation.replace(/^#\/?/, "").split("/").join(".");
      return { target, text: `${target || "The document"}: ${v.message}`, stale: xdm.checking };
    }),
  ];
  return all.filter((p, i) => all.findIndex((q) => q.text === p.text) === i);
}

/**
 * Live XDM output, or the exact request the worker sends (raw body, flow id header). Transform
 * errors come from the mapping run here; XDM problems from the server's check (useXdmCheck), whose
 * previous findings stay listed while a new check runs.
 */
export function PreviewPanel({
  preview,
  xdm,
  endpoint,
  dataflowId,
  onPickViolation,
  destination,
}: {
  preview: { output: Record<string, unknown>; errors: MappingIssue[] } | null;
  xdm: XdmCheck;
  endpoint: string | null;
  dataflowId: string | null;
  onPickViolation: (target: string) => void;
  /** DESTINATION profiles: the output is a RainFocus attendee, and its email is checked against the profile's email_lc_sha256. */
  destination?: { eventCode: string; identityWarning: string | null };
}) {
  const [raw, setRaw] = useState(false);
  if (!preview) return <p className="p-4 text-sm text-zinc-500">Add a sample to see the output.</p>;
  const problems = previewProblems(preview, xdm);
  // Never blank: problems if any are known, else the check's state, else valid.
  const verdict = problems.length
    ? { text: `${problems.length} problem${problems.length > 1 ? "s" : ""}`, tone: "text-red-700 dark:text-red-400" }
    : xdm.applies && xdm.error
      ? { text: "XDM check failed", tone: "text-red-700 dark:text-red-400" }
      : xdm.applies && xdm.validation === null
        ? { text: "Checking against XDM schema…", tone: "text-zinc-500" }
        : { text: destination ? "Valid attendee" : "Valid XDM", tone: "text-emerald-700 dark:text-emerald-400" };
  const body = JSON.stringify(preview.output, null, 2);
  return (
    <div className="space-y-3 p-4">
      <div className="flex items-center justify-between gap-2">
        <div className="flex items-baseline gap-3">
          <div role="status" data-testid="preview-status" className={`text-sm font-medium ${verdict.tone}`}>
            {verdict.text}
          </div>
          <span aria-live="polite" data-testid="xdm-check-state" className="text-xs text-zinc-500">
            {xdm.checking && xdm.validation !== null ? "Checking against XDM schema…" : ""}
          </span>
        </div>
        <label className="flex items-center gap-2 text-xs">
          <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Show the raw request
        </label>
      </div>
      {xdm.error ? (
        <div
          data-testid="xdm-check-error"
          className="flex items-center gap-2 rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
        >
          <span>Could not check against the XDM schema: {xdm.error}</span>
          <button type="button" className="font-medium underline" onClick={xdm.retry}>
            Retry
          </button>
        </div>
      ) : null}
      {destination?.identityWarning ? (
        <p
          data-testid="identity-warning"
          className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {destination.identityWarning}
        </p>
      ) : null}
      {problems.length ? (
        <ul aria-label="Validation problems" className="space-y-1 text-xs">
          {problems.map((p) => (
            <li key={p.text} className={p.stale ? "opacity-60" : undefined}>
              <button type="button" className="text-left text-red-700 hover:underline dark:text-red-400" onClick={() => onPickViolation(p.target)}>
                {p.text}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <pre data-testid="mapping-preview" className="max-h-[28rem] overflow-auto rounded bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">
        {raw && destination
          ? `POST <RainFocus Attendee Store, in the profile's write style> (event ${destination.eventCode})\napiProfile: ••••••\nAuthorization: Bearer ••••••\n\n${body}`
          : raw
            ? `POST ${endpoint ?? "https://dcs.adobedc.net/collection/{inletId}"}\nContent-Type: application/json\nx-adobe-flow-id: ${dataflowId ?? "{dataflowId}"}\nAuthorization: Bearer ••••••\n\n${body}`
            : body}
      </pre>
    </div>
  );
}
