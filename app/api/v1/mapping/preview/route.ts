import { apiRoute, apiError, readJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { MappingPreviewInputSchema, type MappingPreviewResult } from "@/lib/mapping-engine/preview";
import { PreviewUnavailableError, runOffThread } from "@/lib/mappings/preview-pool";

// The same compile → apply → validate path the worker uses (lib/mapping-engine/preview.ts), run on
// the preview worker thread (preview-pool.ts) so a heavy preview cannot stall the server.
export const POST = apiRoute(ENDPOINTS.previewMapping, async (request) => {
  const parsed = MappingPreviewInputSchema.safeParse(await readJson(request, 2_100_000));
  if (!parsed.success) {
    return apiError(400, "invalid", "Invalid preview request.", { issues: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`) });
  }
  try {
    const reply = await runOffThread({ kind: "preview", input: parsed.data });
    if (!reply.ok) return apiError(500, "internal", "The preview failed.");
    return Response.json(reply.result as MappingPreviewResult);
  } catch (e) {
    if (!(e instanceof PreviewUnavailableError)) throw e;
    return e.code === "busy" ? apiError(503, "busy", e.message) : apiError(422, "too_costly", e.message);
  }
});
