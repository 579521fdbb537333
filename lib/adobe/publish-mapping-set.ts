import type { DataPrepMappingSet } from "./data-prep-mapping-set";
import type { PlatformClient } from "./platform-client";

export type PublishResult = { ok: true; mappingId: string; mappingVersion: number } | { ok: false; message: string };

/**
 * Puts a mapping set on a raw dataflow: create it through Data Prep (`POST /mappingSets`), read the
 * flow's etag, then `PATCH /flows/{id}` replacing `/transformations/0` with the new Mapping, as
 * help/sources/tutorials/api/update-dataflows.md ("Update mapping") shows. AEP applies a changed
 * dataflow after a few minutes (http.md asks to wait about 5).
 */
export async function publishMappingSet(platform: PlatformClient, flowId: string, set: DataPrepMappingSet): Promise<PublishResult> {
  const created = await platform.createMappingSet(set);
  if (!created.ok) return { ok: false, message: `Data Prep refused the mapping set: ${created.message}` };
  const flow = await platform.getFlow(flowId);
  if (!flow.ok) return { ok: false, message: `Reading dataflow ${flowId}: ${flow.message}` };
  if (!flow.data.etag) return { ok: false, message: `Dataflow ${flowId} came without an etag, which the update needs.` };
  const value = { name: "Mapping", params: { mappingId: created.data.id, mappingVersion: created.data.version } };
  const patched = await platform.patchFlow(flowId, flow.data.etag, [{ op: "replace", path: "/transformations/0", value }]);
  if (!patched.ok) return { ok: false, message: `Updating dataflow ${flowId}: ${patched.message}` };
  return { ok: true, mappingId: created.data.id, mappingVersion: created.data.version };
}
