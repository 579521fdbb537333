import { apiRoute, apiError } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { exportStream } from "@/lib/delivery-log/export";
import { seesEmails } from "@/lib/delivery-log/mask";
import { auditEmailReveal } from "@/lib/delivery-log/reveal-audit";
import { cleanFilterInput, DeliveryFilterSchema } from "@/lib/delivery-log/schemas";

/** GET /api/v1/deliveries/export?format=csv|ndjson&<filters>: the filtered log, streamed. */
export const GET = apiRoute(ENDPOINTS.exportDeliveries, async (request, { actor, ip }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format = params.format === "ndjson" ? "ndjson" : params.format === "csv" || !params.format ? "csv" : null;
  if (!format) return apiError(400, "invalid", "format must be csv or ndjson.");
  const parsed = DeliveryFilterSchema.safeParse(cleanFilterInput({ ...params, format: undefined }));
  if (!parsed.success) return apiError(400, "invalid", "Invalid filter.");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const clear = seesEmails(actor.role);
  // An export with emails in clear is a copy of many people's addresses leaving the console: audited.
  if (clear) await auditEmailReveal(actor, ip, "export", parsed.data);
  return new Response(exportStream(parsed.data, format, { maskEmails: !clear }), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson",
      "Content-Disposition": `attachment; filename="deliveries-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
});
