// Prometheus text exposition format 0.0.4: pure helpers, no I/O.

export type Labels = Record<string, string>;
export type Sample = { labels?: Labels; value: number; suffix?: string };
export type Family = { name: string; help: string; type: "gauge" | "counter" | "histogram"; samples: Sample[] };

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function formatValue(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  return String(n);
}

function formatLabels(labels?: Labels): string {
  const entries = Object.entries(labels ?? {});
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
}

export function renderExposition(families: Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) lines.push(`${f.name}${s.suffix ?? ""}${formatLabels(s.labels)} ${formatValue(s.value)}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Histogram samples from per-bucket cumulative counts (`cumulative[i]` = observations ≤ bounds[i]),
 * plus the +Inf bucket, _sum and _count, as Prometheus expects them.
 */
export function histogramSamples(bounds: readonly number[], cumulative: readonly number[], count: number, sum: number, labels: Labels = {}): Sample[] {
  return [
    ...bounds.map((le, i) => ({ suffix: "_bucket", labels: { ...labels, le: String(le) }, value: cumulative[i] ?? 0 })),
    { suffix: "_bucket", labels: { ...labels, le: "+Inf" }, value: count },
    { suffix: "_sum", labels, value: sum },
    { suffix: "_count", labels, value: count },
  ];
}
