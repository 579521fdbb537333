"use client";
import { CHART_STATUSES, type ChartStatus } from "@/lib/dashboard/schemas";
import type { SeriesPoint } from "@/lib/dashboard/get-dashboard";

export const STATUS_STYLE: Record<ChartStatus, { label: string; fill: string; dot: string }> = {
  DELIVERED: { label: "Delivered", fill: "fill-emerald-500", dot: "bg-emerald-500" },
  REPLAYED: { label: "Delivered on replay", fill: "fill-sky-500", dot: "bg-sky-500" },
  RETRYING: { label: "Failed, retried", fill: "fill-amber-400", dot: "bg-amber-400" },
  FAILED: { label: "Failed", fill: "fill-red-500", dot: "bg-red-500" },
  DEAD: { label: "Dead", fill: "fill-rose-900 dark:fill-rose-300", dot: "bg-rose-900 dark:bg-rose-300" },
};

const W = 900;
const H = 220;
const PAD = { top: 10, right: 8, bottom: 26, left: 40 };

export function bucketLabel(start: Date | string, bucketMs: number): string {
  const d = new Date(start);
  const time = d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return bucketMs >= 6 * 3600_000 ? `${d.toLocaleDateString([], { weekday: "short" })} ${time}` : time;
}

/** A top for the y axis that is four whole, round steps (1, 2, 2.5, 5 × 10^n), so every grid line has a whole number. */
function niceMax(n: number): number {
  if (n <= 4) return 4;
  const q = n / 4;
  const p = 10 ** Math.floor(Math.log10(q));
  const step = [1, 2, ...(p >= 10 ? [2.5] : []), 5, 10].map((m) => m * p).find((m) => m >= q)!;
  return step * 4;
}

/**
 * Stacked bars of outcomes per bucket, hand-drawn in SVG (no chart library). Each bar has a
 * <title> for pointer users; screen readers get the same numbers from the table below it.
 */
export function StatusChart({ series, bucketMs }: { series: SeriesPoint[]; bucketMs: number }) {
  const max = niceMax(Math.max(0, ...series.map((p) => CHART_STATUSES.reduce((s, k) => s + p[k], 0))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(series.length, 1);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(series.length / 8);
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-hidden="true" data-testid="status-chart">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(max * f)}
              y2={y(max * f)}
              className="stroke-zinc-200 dark:stroke-zinc-800"
              strokeDasharray={f ? "3 3" : undefined}
            />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="fill-zinc-500 text-[11px]">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {series.map((p, i) => {
          let acc = 0;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const total = CHART_STATUSES.reduce((s, k) => s + p[k], 0);
          return (
            <g key={String(p.start)}>
              <title>{`${bucketLabel(p.start, bucketMs)}: ${total} — ${CHART_STATUSES.map((k) => `${STATUS_STYLE[k].label.toLowerCase()} ${p[k]}`).join(", ")}`}</title>
              <rect
                x={PAD.left + i * slot}
                y={PAD.top}
                width={slot}
                height={plotH}
                className="fill-transparent hover:fill-zinc-100 dark:hover:fill-zinc-800/60"
              />
              {CHART_STATUSES.map((k) => {
                if (!p[k]) return null;
                const h = (p[k] / max) * plotH;
                acc += h;
                return (
                  <rect key={k} x={x} y={PAD.top + plotH - acc} width={barW} height={h} rx={1.5} className={`${STATUS_STYLE[k].fill} pointer-events-none`} />
                );
              })}
              {i % labelEvery === 0 ? (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="fill-zinc-500 text-[11px]">
                  {bucketLabel(p.start, bucketMs)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {CHART_STATUSES.map((k) => (
          <span key={k} className="inline-flex items-center gap-1.5">
            <span className={`size-2.5 rounded-sm ${STATUS_STYLE[k].dot}`} />
            {STATUS_STYLE[k].label}
          </span>
        ))}
        <span className="text-zinc-400">attempts, by the time they were made</span>
      </figcaption>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">Show as table</summary>
        <table aria-label="Attempts over time" className="mt-2 w-full text-left tabular-nums">
          <thead>
            <tr className="text-zinc-500">
              <th scope="col" className="py-1 font-medium">
                From
              </th>
              {CHART_STATUSES.map((k) => (
                <th key={k} scope="col" className="py-1 text-right font-medium">
                  {STATUS_STYLE[k].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {series.map((p) => (
              <tr key={String(p.start)}>
                <td className="py-1">{bucketLabel(p.start, bucketMs)}</td>
                {CHART_STATUSES.map((k) => (
                  <td key={k} className="py-1 text-right">
                    {p[k]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
