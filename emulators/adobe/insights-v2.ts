import type { Reply, Route } from "../kit/server";
import { checkGateway } from "./gateway";
import { metricValue } from "./insights";
import type { AdobeState, IngestRecord } from "./state";

// Observability Insights V2, help/observability/api/metrics.md: POST /metrics with
// {start, end, granularity, metrics:[{name, filters:[{name, value:"a|b", groupBy}], aggregator, downsample}]}
// → {metricResponses:[{metric, filters, datapoints:[{groupBy:{dataSetId?}, dps:{iso: value}}], granularity}]}.

const KNOWN = new Set([
  "timeseries.ingestion.dataset.recordsuccess.count",
  "timeseries.ingestion.dataset.dailysize",
  "timeseries.ingestion.dataset.size",
  "timeseries.data.collection.inlet.total.messages.received",
  "timeseries.data.collection.inlet.success",
  "timeseries.data.collection.inlet.failure",
  "timeseries.data.collection.validation.category.presence.count",
]);
const BUCKET: Record<string, number> = { HOUR: 3_600_000, DAY: 86_400_000 };

/** The documented error shape: {type: …/INSGHT-1000-400, title, status, report, error-chain}. */
function badRequest(title: string, sandbox: string, org: string): Reply {
  return {
    status: 400,
    body: {
      type: "http://ns.adobe.com/aep/errors/INSGHT-1000-400",
      title: `Bad Request - ${title}`,
      status: 400,
      report: { tenantInfo: { sandboxName: sandbox, imsOrgId: org }, additionalContext: null },
      "error-chain": [{ serviceId: "INSGHT", errorCode: "INSGHT-1000-400", invokingServiceId: "INSGHT", unixTimeStampMs: Date.now() }],
    },
  };
}

type MetricQuery = { name?: unknown; filters?: { name?: unknown; value?: unknown; groupBy?: unknown }[]; aggregator?: unknown; downsample?: unknown };

export function insightsV2Routes(state: AdobeState): Route[] {
  const datasetOf = (r: IngestRecord) => state.inlets.get(r.inletId)?.datasetId;
  return [
    {
      id: "insights.metrics.v2",
      method: "POST",
      pattern: /^\/data\/infrastructure\/observability\/insights\/metrics$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        const no = (t: string) => badRequest(t, g.sandbox, g.token.orgId);
        const b = (ctx.json ?? {}) as { start?: unknown; end?: unknown; granularity?: unknown; metrics?: unknown };
        const start = Date.parse(String(b.start ?? ""));
        const end = Date.parse(String(b.end ?? ""));
        if (Number.isNaN(start) || Number.isNaN(end)) return no("start and end must be ISO date-times.");
        if (start > end) return no("Start date cannot be after end date.");
        const granularity = b.granularity === undefined ? undefined : String(b.granularity).toUpperCase();
        if (granularity !== undefined && !BUCKET[granularity]) return no(`Unsupported granularity ${String(b.granularity)}.`);
        if (!Array.isArray(b.metrics) || b.metrics.length === 0) return no("metrics is required.");
        const bucket = BUCKET[granularity ?? "DAY"]!;
        const inRange = state.ingested.filter((r) => r.at >= start && r.at <= end);
        const metricResponses = [];
        for (const m of b.metrics as MetricQuery[]) {
          const name = m.name;
          if (typeof name !== "string" || !KNOWN.has(name)) return no(`Invalid metric ${String(name)}.`);
          if (typeof m.aggregator !== "string") return no("Missing required field aggregator.");
          if (granularity && typeof m.downsample !== "string") return no("downsample is required with granularity.");
          // "Currently, only dataSets is supported" as a filter; the example names it dataSetId: both are accepted.
          const filter = (m.filters ?? []).find((f) => f.name === "dataSetId" || f.name === "dataSets");
          const ids = typeof filter?.value === "string" ? filter.value.split("|").filter(Boolean) : undefined;
          const groups: { groupBy: Record<string, string>; recs: IngestRecord[] }[] =
            ids && filter?.groupBy === true
              ? ids.map((id) => ({ groupBy: { dataSetId: id }, recs: inRange.filter((r) => datasetOf(r) === id) }))
              : [{ groupBy: {}, recs: ids ? inRange.filter((r) => ids.includes(datasetOf(r) ?? "")) : inRange }];
          const datapoints = groups.map(({ groupBy, recs }) => {
            const buckets = new Map<number, IngestRecord[]>();
            for (const r of recs) {
              const k = Math.floor(r.at / bucket) * bucket;
              buckets.set(k, [...(buckets.get(k) ?? []), r]);
            }
            const dps: Record<string, number> = {};
            for (const [k, rs] of [...buckets.entries()].sort(([x], [y]) => x - y))
              dps[new Date(k).toISOString().replace(".000Z", "Z")] = metricValue(name, rs);
            return { groupBy, dps };
          });
          metricResponses.push({ metric: name, filters: m.filters ?? [], datapoints, granularity: granularity ?? "DAY" });
        }
        return { status: 200, body: { metricResponses } };
      },
    },
  ];
}
