import type { PlatformClient } from "./platform-client";
import type { AdobeFailure } from "./types";
import { XDM_FULL_CONTENT_TYPE, type SchemaRef } from "./xdm-envelope";

export interface DiscoveredTarget {
  flowId: string;
  datasetId: string;
  schemaRef: SchemaRef;
  /** Names for the console; absent when Adobe did not send them. */
  flowName?: string;
  datasetName?: string;
}

export type DiscoverResult = { ok: true; target: DiscoveredTarget } | { ok: false; message: string; failure?: AdobeFailure };

/**
 * The dataset and schema an XDM envelope must name, read from the dataflow the user pasted:
 * `GET /flows/{id}` → its first target connection → `params.dataSetId` → Catalog dataset →
 * `schemaRef`. Three reads with the profile's own credentials; nothing is guessed.
 */
export async function discoverFlowTarget(platform: PlatformClient, flowId: string): Promise<DiscoverResult> {
  const flow = await platform.getFlow(flowId);
  if (!flow.ok) return { ok: false, message: `Reading dataflow ${flowId}: ${flow.message}`, failure: flow };
  const targetId = flow.data.targetConnectionIds[0];
  if (!targetId) return { ok: false, message: `Dataflow ${flowId} has no target connection (no dataset to write to).` };
  const target = await platform.getTargetConnection(targetId);
  if (!target.ok) return { ok: false, message: `Reading target connection ${targetId}: ${target.message}`, failure: target };
  const dataset = await platform.getDataset(target.data.datasetId);
  if (!dataset.ok) return { ok: false, message: `Reading dataset ${target.data.datasetId}: ${dataset.message}`, failure: dataset };
  const schemaId = dataset.data.schemaRef?.id ?? target.data.schemaId;
  if (!schemaId) return { ok: false, message: `Dataset ${target.data.datasetId} names no XDM schema.` };
  return {
    ok: true,
    target: {
      flowId,
      datasetId: target.data.datasetId,
      // The envelope uses the full content type whatever form the Catalog stores (the docs' envelopes all do).
      schemaRef: { id: schemaId, contentType: XDM_FULL_CONTENT_TYPE },
      ...(flow.data.name ? { flowName: flow.data.name } : {}),
      ...(dataset.data.name ? { datasetName: dataset.data.name } : {}),
    },
  };
}
