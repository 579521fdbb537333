import type { Route } from "../kit/server";
import { checkGateway } from "./gateway";
import type { AdobeState, IngestRecord } from "./state";
import { insightsV2Routes } from "./insights-v2";

const P = "timeseries.data.collection";

// ajv/Everit keywords → the Insights validation categories.
const CATEGORY: Record<string, string> = {
  type: "type",
  minimum: "range",
  maximum: "range",
  exclusiveMinimum: "range",
  exclusiveMaximum: "range",
  minLength: "range",
  maxLength: "range",
  format: "format",
  pattern: "pattern",
  required: "presence",
  minProperties: "presence",
  enum: "enum",
};

export function metricValue(name: string, recs: IngestRecord[]): number {
  const ok = recs.filter((r) => r.outcome === "success").length;
  const bad = recs.filter((r) => r.outcome === "failed" || r.outcome === "rejected");
  if (name === `${P}.inlet.total.messages.received`) return recs.length;
  if (name === `${P}.inlet.success`) return ok;
  if (name === `${P}.inlet.failure`) return bad.length;
  if (name === `${P}.validation.valid.messages.rate`) return recs.length ? ok / recs.length : 0;
  if (name === `${P}.validation.invalid.messages.rate`) return recs.length ? bad.length / recs.length : 0;
  if (name === "timeseries.ingestion.dataset.recordsuccess.count") return ok;
  if (name === "timeseries.ingestion.dataset.dailysize" || name === "timeseries.ingestion.dataset.size")
    return recs.filter((r) => r.outcome === "success").reduce((n, r) => n + r.bytes, 0);
  const cat = /^timeseries\.data\.collection\.validation\.category\.(\w+)\.count$/.exec(name)?.[1];
  if (cat) return bad.flatMap((r) => r.keywords ?? []).filter((k) => (CATEGORY[k] ?? "type") === cat).length;
  return 0;
}

/** Observability Insights: V1 (deprecated, `GET ?metric=&id=&dateRange=`, hourly buckets) and V2 (`POST /metrics`). */
export function insightsRoutes(state: AdobeState): Route[] {
  return [
    ...insightsV2Routes(state),
    {
      id: "insights.metrics",
      method: "GET",
      pattern: /^\/data\/infrastructure\/observability\/insights\/metrics$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        const metrics = ctx.query.getAll("metric");
        const id = ctx.query.get("id");
        const [fromS, toS] = (ctx.query.get("dateRange") ?? "").split("/");
        const from = Date.parse(fromS ?? "");
        const to = Date.parse(toS ?? "");
        if (!metrics.length || !id || Number.isNaN(from) || Number.isNaN(to)) {
          return { status: 400, body: { error_code: "400", message: "metric, id and dateRange={iso}/{iso} are required" } };
        }
        const hour = 3_600_000;
        const recs = state.ingested.filter((r) => (r.inletId === id || r.flowId === id) && r.at >= from && r.at <= to);
        const buckets = new Map<number, IngestRecord[]>();
        for (const r of recs) {
          const b = Math.floor(r.at / hour) * hour;
          buckets.set(b, [...(buckets.get(b) ?? []), r]);
        }
        const items = [...buckets.entries()]
          .sort(([a], [b]) => a - b)
          .map(([t, rs]) => ({ timestamp: new Date(t).toISOString(), metrics: Object.fromEntries(metrics.map((m) => [m, metricValue(m, rs)])) }));
        return { status: 200, body: { id, timeseries: { granularity: "HOUR", items } } };
      },
    },
  ];
}
