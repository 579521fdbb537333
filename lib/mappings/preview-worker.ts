import { parentPort } from "node:worker_threads";
import { resolveSchemaModel } from "@/lib/mapping-engine/map-preview";
import { previewMapping, validateMappedOutput, type MappingPreviewInput } from "@/lib/mapping-engine/preview";

// Worker-thread entry of the preview pool (preview-pool.ts): runs the mapping preview and the XDM
// check — schema model build, ajv compile, compile + apply — off the web server's event loop, so
// one heavy preview cannot stall /api/health or inbound webhooks. Pure computation, no I/O.

export type PreviewJob =
  | { id: number; kind: "preview"; input: MappingPreviewInput }
  | { id: number; kind: "validate"; input: { schema?: unknown; tenantId?: string; output: Record<string, unknown> } };

export type PreviewReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string; schemaError?: boolean };

export function runJob(job: PreviewJob): PreviewReply {
  if (job.kind === "preview") return { id: job.id, ok: true, result: previewMapping(job.input) };
  let model;
  try {
    model = resolveSchemaModel(job.input.schema, job.input.tenantId);
  } catch (e) {
    return { id: job.id, ok: false, error: (e as Error).message, schemaError: true };
  }
  return { id: job.id, ok: true, result: { validation: model ? validateMappedOutput(model, job.input.output) : [] } };
}

parentPort?.on("message", (job: PreviewJob) => {
  let reply: PreviewReply;
  try {
    reply = runJob(job);
  } catch (e) {
    reply = { id: job.id, ok: false, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
