import { z } from "zod";

// The dashboard's one input: a range and, optionally, one profile. Each range has a bucket size
// chosen so the chart has a readable number of bars (13, 25, 29: the range plus the bucket now is in).

export const DASHBOARD_RANGES = {
  "1h": { ms: 3600_000, bucketMs: 5 * 60_000, label: "Last hour" },
  "24h": { ms: 24 * 3600_000, bucketMs: 3600_000, label: "Last 24 hours" },
  "7d": { ms: 7 * 24 * 3600_000, bucketMs: 6 * 3600_000, label: "Last 7 days" },
} as const;
export type DashboardRange = keyof typeof DASHBOARD_RANGES;

export const DashboardInputSchema = z.preprocess(
  (v) => (v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== "" && x != null)) : v),
  z.object({
    range: z.enum(Object.keys(DASHBOARD_RANGES) as [DashboardRange, ...DashboardRange[]]).default("24h"),
    profileId: z.string().max(100).optional(),
  }),
);
export type DashboardInput = z.infer<typeof DashboardInputSchema>;

/** The attempt outcomes the chart stacks, in stacking order (bottom first); REPLAYED = delivered on a replay. */
export const CHART_STATUSES = ["DELIVERED", "REPLAYED", "RETRYING", "FAILED", "DEAD"] as const;
export type ChartStatus = (typeof CHART_STATUSES)[number];
