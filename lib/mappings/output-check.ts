import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { MappingPreviewInputSchema, MAX_PAYLOAD_BYTES, PayloadRejectedError, type PreviewValidationIssue } from "@/lib/mapping-engine";
import { PreviewUnavailableError, runOffThread } from "@/lib/mappings/preview-pool";
import { assertPayloadDepth } from "@/lib/mapping-engine/payload-guard";
import { formatBytes } from "@/lib/format-bytes";

// The mapping editor's live XDM check. The browser maps every edit itself (mapPreview: the rules
// compile to closures) but cannot validate: ajv compiles schemas with new Function, which the pages'
// CSP forbids. So it sends the mapped output here and shows what comes back, checked by the same
// validateMappedOutput the worker runs (mapAndValidate) against the same schema resolution.
//
// The schema comes with the request when the editor has one uploaded, rather than read from the
// profile's draft: the draft autosaves 800 ms after the last edit (and never for read-only roles),
// so right after an upload the stored schema is not yet the one on screen. Without an upload only
// the tenant id travels and the server builds the default RainFocus schema (memoised per tenant).

export const ValidateMappingOutputSchema = MappingPreviewInputSchema.pick({ schema: true, tenantId: true }).extend({
  /** The mapped output the editor shows (mapPreview's output). At most 1 MB as JSON, checked below. */
  output: z.record(z.string(), z.unknown()),
});
export type ValidateMappingOutput = z.infer<typeof ValidateMappingOutputSchema>;

export type MappingOutputCheck = { validation: PreviewValidationIssue[] };

/** Size of the output as the worker would send it (UTF-8 JSON), or the refusal. */
function admitOutput(output: Record<string, unknown>): void {
  try {
    assertPayloadDepth(output);
  } catch (e) {
    if (e instanceof PayloadRejectedError) throw new DomainError(`The mapped output cannot be checked: it is ${e.message.replace(/^payload is /, "")}.`);
    throw e;
  }
  const bytes = Buffer.byteLength(JSON.stringify(output), "utf8");
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new DomainError(
      `The mapped output is larger than ${formatBytes(MAX_PAYLOAD_BYTES)}, the most AEP takes per record (it is ${formatBytes(bytes)} rounded), so it is neither checked nor sendable.`,
    );
  }
}

/** Validates a mapped output as XDM, as the worker does before sending it, on the preview thread. */
export async function validateMappingOutput(input: ValidateMappingOutput): Promise<MappingOutputCheck> {
  if (input.schema === undefined && input.tenantId === undefined) throw new DomainError("Give the uploaded XDM schema or the tenant id to check against.");
  admitOutput(input.output);
  let reply;
  try {
    reply = await runOffThread({ kind: "validate", input: { schema: input.schema, tenantId: input.tenantId, output: input.output } });
  } catch (e) {
    if (e instanceof PreviewUnavailableError) throw new DomainError(e.message);
    throw e;
  }
  if (!reply.ok) throw new DomainError(reply.schemaError ? `The XDM schema is not usable: ${reply.error}` : "The XDM check failed.");
  return reply.result as MappingOutputCheck;
}
