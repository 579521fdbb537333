import { parseJson, toExchange } from "../http/exchange";
import { httpRequest } from "../http/request";
import type { HttpResult } from "../http/types";
import { adobeErrorCode, responseFailure, transportFailure } from "./failure";
import type { ImsClient } from "./ims-client";
import { parseFlow, parseMetricResponses, parseRuns, type FlowInfo, type FlowRun, type MetricPoint } from "./platform-parse";
import { parseDataset, parseTargetConnection, type DatasetInfo, type TargetConnectionInfo } from "./flow-target-parse";
import { parseFetchedSchema, SCHEMA_REGISTRY_ACCEPT, schemaLookupPath, type FetchedSchema } from "./schema-registry";
import type { AdobeClientConfig, AdobeCredentials, AdobeFailure } from "./types";
import { withTokenRefresh } from "./with-token-refresh";

export type PlatformResult<T> = { ok: true; data: T; refreshed: boolean } | ({ ok: false } & AdobeFailure);

export const INLET_METRICS = [
  "timeseries.data.collection.inlet.total.messages.received",
  "timeseries.data.collection.inlet.success",
  "timeseries.data.collection.inlet.failure",
  "timeseries.ingestion.dataset.recordsuccess.count",
] as const;

/**
 * Read-only calls to platform.adobe.io: Flow Service (the dataflow and its runs) and Observability
 * Insights. Every call carries the four gateway headers; a 401 `401013` refreshes the token once.
 */
export class PlatformClient {
  constructor(
    private readonly config: Pick<AdobeClientConfig, "platformUrl" | "allowList" | "timeoutMs">,
    private readonly ims: ImsClient,
    private readonly credentials: AdobeCredentials,
  ) {}

  async getFlow(flowId: string): Promise<PlatformResult<FlowInfo>> {
    return this.get(`/data/foundation/flowservice/flows/${encodeURIComponent(flowId)}`, "Reading the dataflow", parseFlow);
  }

  /** `GET /targetConnections/{id}`: the dataset and schema a dataflow writes to. */
  async getTargetConnection(id: string): Promise<PlatformResult<TargetConnectionInfo>> {
    return this.get(
      `/data/foundation/flowservice/targetConnections/${encodeURIComponent(id)}`,
      "Reading the dataflow's target connection",
      parseTargetConnection,
    );
  }

  /** Catalog `GET /dataSets/{id}`: the dataset's `schemaRef`. */
  async getDataset(id: string): Promise<PlatformResult<DatasetInfo>> {
    return this.get(`/data/foundation/catalog/dataSets/${encodeURIComponent(id)}`, "Reading the target dataset", (b) => parseDataset(b, id));
  }

  /** Schema Registry lookup of a tenant schema by `$id`, `$ref`s resolved (see schema-registry.ts). */
  async getSchema(schemaId: string): Promise<PlatformResult<FetchedSchema>> {
    const r = await this.send(
      "GET",
      schemaLookupPath(schemaId),
      undefined,
      { Accept: SCHEMA_REGISTRY_ACCEPT },
      "Reading the XDM schema",
      (b) => b ?? undefined,
    );
    if (!r.ok) return r;
    const parsed = parseFetchedSchema(r.data, schemaId);
    if (typeof parsed === "string") return { ok: false, code: "unexpected", message: `Reading the XDM schema: ${parsed}.`, retryable: false };
    return { ok: true, data: parsed, refreshed: r.refreshed };
  }

  /** Runs of a dataflow, newest first, with `recordSummary` and `statusSummary`. */
  async listRuns(flowId: string, limit = 20): Promise<PlatformResult<FlowRun[]>> {
    const q = new URLSearchParams({ property: `flowId==${flowId}`, limit: String(limit), orderby: "-createdAt" });
    return this.get(`/data/foundation/flowservice/runs?${q}`, "Listing dataflow runs", parseRuns);
  }

  /**
   * Observability Insights V2 (`POST /metrics`, help/observability/api/metrics.md; V1 is
   * deprecated): the metrics summed per hour, for one dataset (the only filter V2 supports) or,
   * without one, for the whole organization.
   */
  async getMetrics(opts: { datasetId?: string; from: Date; to: Date; metrics?: readonly string[] }): Promise<PlatformResult<MetricPoint[]>> {
    const filters = opts.datasetId ? [{ name: "dataSetId", value: opts.datasetId, groupBy: false }] : [];
    const body = {
      start: opts.from.toISOString(),
      end: opts.to.toISOString(),
      granularity: "hour",
      metrics: (opts.metrics ?? INLET_METRICS).map((name) => ({ name, filters, aggregator: "sum", downsample: "sum" })),
    };
    return this.send("POST", "/data/infrastructure/observability/insights/metrics", body, {}, "Reading Observability metrics", parseMetricResponses);
  }

  /** Data Prep `POST /mappingSets` (help/data-prep/api/mapping-set.md): `{id, version}` of the new set. */
  async createMappingSet(set: unknown): Promise<PlatformResult<{ id: string; version: number }>> {
    return this.send("POST", "/data/foundation/conversion/mappingSets", set, {}, "Creating the Data Prep mapping set", (b) => {
      const o = (b ?? {}) as { id?: unknown; version?: unknown };
      return typeof o.id === "string" ? { id: o.id, version: Number(o.version ?? 0) || 0 } : undefined;
    });
  }

  /** Flow Service `PATCH /flows/{id}` with the etag in If-Match (help/sources/tutorials/api/update-dataflows.md). */
  async patchFlow(flowId: string, etag: string, ops: unknown[]): Promise<PlatformResult<{ id: string; etag?: string }>> {
    return this.send("PATCH", `/data/foundation/flowservice/flows/${encodeURIComponent(flowId)}`, ops, { "If-Match": etag }, "Updating the dataflow", (b) => {
      const o = (b ?? {}) as { id?: unknown; etag?: unknown };
      return typeof o.id === "string" ? { id: o.id, ...(typeof o.etag === "string" ? { etag: o.etag } : {}) } : undefined;
    });
  }

  private get<T>(path: string, what: string, parse: (body: unknown) => T | undefined): Promise<PlatformResult<T>> {
    return this.send("GET", path, undefined, {}, what, parse);
  }

  private async send<T>(
    method: "GET" | "POST" | "PATCH",
    path: string,
    body: unknown,
    extra: Record<string, string>,
    what: string,
    parse: (body: unknown) => T | undefined,
  ): Promise<PlatformResult<T>> {
    const call = (token: string) =>
      httpRequest({
        method,
        url: new URL(path, this.config.platformUrl).toString(),
        headers: { ...this.headers(token), ...extra, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        allowList: this.config.allowList,
        timeoutMs: this.config.timeoutMs,
      });
    const run = await withTokenRefresh(this.ims, this.credentials, call, isTokenInvalid);
    if (!run.ok) return { ok: false, ...run.tokenError };
    const r = run.result;
    if (r.kind === "error") return { ok: false, ...transportFailure(r) };
    if (!r.ok) return { ok: false, ...responseFailure(r, what) };
    const data = parse(parseJson(r.body));
    if (data === undefined) return { ok: false, ...unexpected(`${what}: the answer had an unexpected shape.`, r) };
    return { ok: true, data, refreshed: run.refreshed };
  }

  private headers(token: string): Record<string, string> {
    return {
      Authorization: `Bearer ${token}`,
      "x-api-key": this.credentials.clientId,
      "x-gw-ims-org-id": this.credentials.orgId,
      "x-sandbox-name": this.credentials.sandboxName || "prod",
      Accept: "application/json",
    };
  }
}

/** Only the gateway's "token not valid" code justifies a new token; other 401s are not token age. */
export function isTokenInvalid(r: HttpResult): boolean {
  return r.kind === "response" && r.status === 401 && adobeErrorCode(parseJson(r.body)).code === "401013";
}

function unexpected(message: string, r: HttpResult): AdobeFailure {
  return { code: "unexpected", message, retryable: false, exchange: toExchange(r) };
}
