// Parsers for the two reads that lead from a dataflow to its dataset and schema. Pure.

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

export interface TargetConnectionInfo {
  id: string;
  datasetId: string;
  schemaId?: string;
}

export interface DatasetInfo {
  id: string;
  name?: string;
  schemaRef?: { id: string; contentType: string };
}

/**
 * Flow Service wraps objects in `{items:[…]}`; a data lake target connection carries
 * `params.dataSetId` and `data.schema.id` (help/sources/tutorials/api/create/streaming/http.md,
 * "Create a target connection").
 */
export function parseTargetConnection(body: unknown): TargetConnectionInfo | undefined {
  const items = obj(body).items;
  const t = obj(Array.isArray(items) ? items[0] : body);
  const id = str(t.id);
  const datasetId = str(obj(t.params).dataSetId);
  if (!id || !datasetId) return undefined;
  const schemaId = str(obj(obj(t.data).schema).id);
  return { id, datasetId, ...(schemaId ? { schemaId } : {}) };
}

/** Catalog answers `{ "<datasetId>": { name, schemaRef:{id, contentType} } }` (help/catalog/api/list-objects.md). */
export function parseDataset(body: unknown, id: string): DatasetInfo | undefined {
  const b = obj(body);
  const d = obj(b[id] ?? Object.values(b)[0]);
  if (!Object.keys(d).length) return undefined;
  const ref = obj(d.schemaRef);
  const refId = str(ref.id);
  return {
    id,
    ...(str(d.name) ? { name: d.name as string } : {}),
    ...(refId ? { schemaRef: { id: refId, contentType: str(ref.contentType) ?? "" } } : {}),
  };
}
