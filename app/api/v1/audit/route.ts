import { apiRoute, apiError } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { AuditFilterSchema } from "@/lib/audit/schemas";

export const GET = apiRoute(ENDPOINTS.listAudit, async (request) => {
  const parsed = AuditFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "invalid", "Invalid filter.", { issues: parsed.error.issues.map((i) => i.message) });
  return Response.json(await listAuditEvents(parsed.data));
});
