import { apiRoute, apiError } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listDeliveries } from "@/lib/delivery-log/list-deliveries";
import { seesEmails } from "@/lib/delivery-log/mask";
import { auditEmailReveal } from "@/lib/delivery-log/reveal-audit";
import { ListDeliveriesSchema } from "@/lib/delivery-log/schemas";

/**
 * The delivery log with the UI's filters as query parameters; `cursor` from `nextCursor` pages on.
 * Admins and event ops get emails in clear, and each page that carries any is audited.
 */
export const GET = apiRoute(ENDPOINTS.listDeliveries, async (request, { actor, ip }) => {
  const parsed = ListDeliveriesSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "invalid", "Invalid filter.", { issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  const { cursor, limit, ...filter } = parsed.data;
  const clear = seesEmails(actor.role);
  const page = await listDeliveries(filter, { cursor, limit, maskEmails: !clear });
  const revealed = page.items.filter((d) => d.email).map((d) => d.id);
  if (clear && revealed.length) await auditEmailReveal(actor, ip, "api", filter, revealed);
  return Response.json(page);
});
