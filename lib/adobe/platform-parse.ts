export interface RecordSummary {
  inputRecordCount: number;
  outputRecordCount: number;
  failedRecordCount: number;
}

export interface FlowRun {
  id: string;
  flowId: string;
  createdAt?: number;
  updatedAt?: number;
  startedAt?: string;
  completedAt?: string;
  recordSummary: RecordSummary;
  statusSummary: { status: string; errors: { code: string; message: string }[] };
}

export interface FlowInfo {
  id: string;
  name?: string;
  state?: string;
  flowSpecId?: string;
  sourceConnectionIds: string[];
  targetConnectionIds: string[];
  /** Needed in If-Match to PATCH the flow. */
  etag?: string;
}

export interface MetricPoint {
  timestamp: string;
  metrics: Record<string, number>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const num = (v: unknown): number => (typeof v === "number" ? v : Number(v ?? 0) || 0);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Flow Service answers GET /flows/{id} with `{items:[flow]}`. */
export function parseFlow(body: unknown): FlowInfo | undefined {
  const items = obj(body).items;
  const f = obj(Array.isArray(items) ? items[0] : body);
  if (typeof f.id !== "string") return undefined;
  return {
    id: f.id,
    ...(typeof f.name === "string" ? { name: f.name } : {}),
    ...(typeof f.state === "string" ? { state: f.state } : {}),
    ...(typeof obj(f.flowSpec).id === "string" ? { flowSpecId: obj(f.flowSpec).id as string } : {}),
    sourceConnectionIds: strs(f.sourceConnectionIds),
    targetConnectionIds: strs(f.targetConnectionIds),
    ...(typeof f.etag === "string" ? { etag: f.etag } : {}),
  };
}

/** `durationSummary` times are epoch ms (help/sources/tutorials/api/monitor.md); ISO strings are accepted too. */
function utc(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return new Date(v).toISOString();
  return typeof v === "string" && v ? v : undefined;
}

export function parseRuns(body: unknown): FlowRun[] | undefined {
  const items = obj(body).items;
  if (!Array.isArray(items)) return undefined;
  return items.map((raw) => {
    const r = obj(raw);
    const m = obj(r.metrics);
    const rec = obj(m.recordSummary);
    const st = obj(m.statusSummary);
    const dur = obj(m.durationSummary);
    const errors = Array.isArray(st.errors) ? st.errors.map((e) => ({ code: String(obj(e).code ?? ""), message: String(obj(e).message ?? "") })) : [];
    return {
      id: String(r.id ?? ""),
      flowId: String(r.flowId ?? ""),
      ...(r.createdAt !== undefined ? { createdAt: num(r.createdAt) } : {}),
      ...(r.updatedAt !== undefined ? { updatedAt: num(r.updatedAt) } : {}),
      ...(utc(dur.startedAtUTC) ? { startedAt: utc(dur.startedAtUTC)! } : {}),
      ...(utc(dur.completedAtUTC) ? { completedAt: utc(dur.completedAtUTC)! } : {}),
      recordSummary: {
        inputRecordCount: num(rec.inputRecordCount),
        outputRecordCount: num(rec.outputRecordCount),
        failedRecordCount: num(rec.failedRecordCount),
      },
      statusSummary: { status: String(st.status ?? "unknown"), errors },
    };
  });
}

/** Accepts `{timeseries:{items}}` or a bare `{items}`. */
export function parseMetricPoints(body: unknown): MetricPoint[] | undefined {
  const b = obj(body);
  const items = obj(b.timeseries).items ?? b.items;
  if (!Array.isArray(items)) return undefined;
  return items.map((raw) => {
    const i = obj(raw);
    const metrics: Record<string, number> = {};
    for (const [k, v] of Object.entries(obj(i.metrics))) metrics[k] = num(v);
    return { timestamp: String(i.timestamp ?? ""), metrics };
  });
}

/**
 * V2 `{metricResponses:[{metric, datapoints:[{groupBy, dps:{iso: value}}]}]}` as one point per
 * timestamp holding every metric (summed over the datapoints' groups).
 */
export function parseMetricResponses(body: unknown): MetricPoint[] | undefined {
  const responses = obj(body).metricResponses;
  if (!Array.isArray(responses)) return undefined;
  const byTime = new Map<string, Record<string, number>>();
  for (const r of responses) {
    const metric = String(obj(r).metric ?? "");
    const datapoints = Array.isArray(obj(r).datapoints) ? (obj(r).datapoints as unknown[]) : [];
    for (const d of datapoints) {
      for (const [t, v] of Object.entries(obj(obj(d).dps))) {
        const point = byTime.get(t) ?? {};
        point[metric] = (point[metric] ?? 0) + num(v);
        byTime.set(t, point);
      }
    }
  }
  return [...byTime.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([timestamp, metrics]) => ({ timestamp, metrics }));
}
