import { apiRoute, apiError } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { seesEmails } from "@/lib/deliveries/mask";
import { ListDeliveriesSchema } from "@/lib/deliveries/schemas";

/** The delivery log with the UI's filters as query parameters; `cursor` from `nextCursor` pages on. */
export const GET = apiRoute(CAN.viewDeliveries, async (request, { actor }) => {
  const parsed = ListDeliveriesSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "invalid", "Invalid filter.", { issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  const { cursor, limit, ...filter } = parsed.data;
  return Response.json(await listDeliveries(filter, { cursor, limit, maskEmails: !seesEmails(actor.role) }));
});
