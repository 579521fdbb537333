import type { Reply, Route } from "../kit/server";
import { checkGateway } from "./gateway";
import type { AdobeState, IngestRecord, Inlet } from "./state";

// Real spec IDs from the HTTP API source tutorial.
const HTTP_API_CONNECTION_SPEC = "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb";
const DATA_LAKE_CONNECTION_SPEC = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
const FLOW_SPEC_WITH_MAPPING = "c1a19761-d2c7-4702-b9fa-fe91f0613e81";

const notFound = (what: string): Reply => ({ status: 404, body: { error_code: "404", message: `${what} not found` } });

function flowObject(inlet: Inlet) {
  return {
    id: inlet.flowId,
    name: `HTTP API dataflow for ${inlet.inletId.slice(0, 12)}`,
    state: "enabled",
    flowSpec: { id: FLOW_SPEC_WITH_MAPPING, version: "1.0" },
    sourceConnectionIds: [`src-${inlet.inletId.slice(0, 24)}`],
    targetConnectionIds: [`tgt-${inlet.datasetId}`],
    inheritedAttributes: {
      sourceConnections: [{ id: `src-${inlet.inletId.slice(0, 24)}`, connectionSpec: { id: HTTP_API_CONNECTION_SPEC, version: "1.0" } }],
      targetConnections: [{ id: `tgt-${inlet.datasetId}`, connectionSpec: { id: DATA_LAKE_CONNECTION_SPEC, version: "1.0" } }],
    },
    runs: `/runs?property=flowId==${inlet.flowId}`,
    etag: inlet.etag,
    transformations: inlet.mapping ? [{ name: "Mapping", params: { mappingId: inlet.mapping.id, mappingVersion: inlet.mapping.version } }] : [],
    createdAt: inlet.createdAt,
    updatedAt: inlet.createdAt,
  };
}

/**
 * Streaming dataflows have no discrete runs; Flow Service reports them in time windows. Each
 * window becomes one run whose recordSummary counts what the inlet really accepted: success →
 * output, failed validation → failed. Sync-rejected and warm-up-dropped messages never reach
 * the dataset and are not counted.
 */
export function buildRuns(state: AdobeState, flowId: string, sandbox: string) {
  const w = state.config.runWindowMs;
  const windows = new Map<number, IngestRecord[]>();
  for (const r of state.ingested) {
    if (r.flowId !== flowId || r.outcome === "rejected" || r.outcome === "dropped") continue;
    const start = Math.floor(r.at / w) * w;
    windows.set(start, [...(windows.get(start) ?? []), r]);
  }
  const now = Date.now();
  return [...windows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([start, recs]) => {
      const output = recs.filter((r) => r.outcome === "success").length;
      const failed = recs.length - output;
      const last = Math.max(...recs.map((r) => r.at));
      const inProgress = start + w > now;
      return {
        id: `run-${flowId.slice(0, 8)}-${start}`,
        flowId,
        sandboxName: sandbox,
        createdAt: start,
        updatedAt: last,
        etag: `"${last.toString(16)}"`,
        state: inProgress ? "inProgress" : "completed",
        metrics: {
          // Epoch milliseconds, as in help/sources/tutorials/api/monitor.md ("startedAtUTC": 1596656058198).
          durationSummary: { startedAtUTC: start, completedAtUTC: inProgress ? last : start + w },
          sizeSummary: {
            inputBytes: recs.reduce((n, r) => n + r.bytes, 0),
            outputBytes: recs.filter((r) => r.outcome === "success").reduce((n, r) => n + r.bytes, 0),
          },
          recordSummary: { inputRecordCount: recs.length, outputRecordCount: output, failedRecordCount: failed },
          fileSummary: { inputFileCount: 0, outputFileCount: 0, failedFileCount: 0 },
          statusSummary: {
            status: failed > 0 ? "failed" : "success",
            errors: failed
              ? [
                  {
                    code: "INGEST-1212-400",
                    message: `Encountered ${failed} errors in the data. Successfully ingested ${output} rows. Review the associated diagnostic files for more details.`,
                  },
                ]
              : [],
          },
        },
        activities: [],
      };
    });
}

export function flowServiceRoutes(state: AdobeState): Route[] {
  const inletOfFlow = (flowId: string) => [...state.inlets.values()].find((i) => i.flowId === flowId);
  return [
    {
      // A data lake target connection: `params.dataSetId` and `data.schema` as created in
      // help/sources/tutorials/api/create/streaming/http.md ("Create a target connection"), wrapped in
      // `{items:[…]}` like every Flow Service GET.
      id: "flow.targetConnections",
      method: "GET",
      pattern: /^\/data\/foundation\/flowservice\/targetConnections\/(?<id>[^/]+)$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        const id = ctx.params.id!;
        const dataset = id.startsWith("tgt-") ? state.datasets.get(id.slice(4)) : undefined;
        if (!dataset) return notFound("Target connection");
        return {
          status: 200,
          body: {
            items: [
              {
                id,
                name: `Data lake target for ${dataset.name}`,
                connectionSpec: { id: DATA_LAKE_CONNECTION_SPEC, version: "1.0" },
                data: { format: "parquet_xdm", schema: { id: dataset.schemaId, version: "application/vnd.adobe.xed-full+json;version=1" } },
                params: { dataSetId: dataset.id },
                state: "enabled",
              },
            ],
          },
        };
      },
    },
    {
      // Catalog answers a dataset lookup keyed by its id (help/catalog/api/list-objects.md).
      id: "catalog.dataSets",
      method: "GET",
      pattern: /^\/data\/foundation\/catalog\/dataSets\/(?<id>[^/]+)$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        const d = state.datasets.get(ctx.params.id!);
        if (!d) return notFound("Dataset");
        return { status: 200, body: { [d.id]: { name: d.name, schemaRef: { id: d.schemaId, contentType: "application/vnd.adobe.xed+json;version=1" } } } };
      },
    },
    {
      id: "flow.flows",
      method: "GET",
      pattern: /^\/data\/foundation\/flowservice\/flows\/(?<flowId>[^/]+)$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        const inlet = inletOfFlow(ctx.params.flowId!);
        return inlet ? { status: 200, body: { items: [flowObject(inlet)] } } : notFound("Flow");
      },
    },
    {
      id: "flow.runs",
      method: "GET",
      pattern: /^\/data\/foundation\/flowservice\/runs$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        // property=flowId==X, property=id==a,b, property=state==inProgress (repeatable).
        const props = ctx.query.getAll("property").map((p) => p.split("=="));
        const flowIds = props.filter(([k]) => k === "flowId").map(([, v]) => v ?? "");
        const flows = flowIds.length ? flowIds : [...new Set([...state.inlets.values()].map((i) => i.flowId))];
        let runs = flows.flatMap((f) => buildRuns(state, f, g.sandbox));
        for (const [k, v] of props) {
          if (k === "id") runs = runs.filter((r) => (v ?? "").split(",").includes(r.id));
          if (k === "state") runs = runs.filter((r) => r.state === v);
        }
        const limit = Number(ctx.query.get("limit") ?? 100) || 100;
        return { status: 200, body: { items: runs.slice(0, limit) } };
      },
    },
  ];
}
