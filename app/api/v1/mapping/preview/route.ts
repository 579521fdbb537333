import { apiRoute, apiError, readJson } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { MappingPreviewInputSchema, previewMapping } from "@/lib/mapping-engine/preview";

// The same compile → apply → validate path the worker uses (lib/mapping-engine/preview.ts).
export const POST = apiRoute(CAN.anySignedIn, async (request) => {
  const parsed = MappingPreviewInputSchema.safeParse(await readJson(request, 2_100_000));
  if (!parsed.success) {
    return apiError(400, "invalid", "Invalid preview request.", { issues: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`) });
  }
  return Response.json(previewMapping(parsed.data));
});
