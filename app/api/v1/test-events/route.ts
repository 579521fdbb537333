import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ActionError, executeAction } from "@/lib/actions/define-action";
import { sendTestEventDef } from "@/lib/delivery-log/action-defs";
import { getDeliveryDetail } from "@/lib/delivery-log/get-delivery";
import { seesEmails } from "@/lib/delivery-log/mask";
import { waitForSettled } from "@/lib/test-events/test-events";

const DEFAULT_WAIT_MS = 30_000;

/**
 * Sends a test event through the real pipeline and answers once it settles (200 with the delivery
 * and its attempts), or after `?timeoutMs=` (default 30 s, max 120 s) with 202 and the id to poll.
 */
export const POST = apiRoute(ENDPOINTS.sendTestEvent, async (request, { actor, ip }) => {
  // ?timeoutMs=0 answers at once (it used to mean the default 30 s); junk means the default.
  const given = new URL(request.url).searchParams.get("timeoutMs");
  const asked = given ? Number(given) : NaN;
  const wait = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), 120_000) : DEFAULT_WAIT_MS;
  const sent = await executeAction(sendTestEventDef, actor, await readJson(request, 1_000_000), ip);
  if (!sent.ok) throw new ActionError(sent.error, sent.code, sent.fieldErrors);
  const settled = await waitForSettled(sent.data.deliveryId, wait);
  const delivery = await getDeliveryDetail(sent.data.deliveryId, { maskEmails: !seesEmails(actor.role) });
  if (!settled)
    return NextResponse.json(
      {
        settled: false,
        deliveryId: sent.data.deliveryId,
        status: delivery.status,
        message: `Not settled within ${wait} ms; poll GET /api/v1/deliveries/${sent.data.deliveryId}.`,
      },
      { status: 202 },
    );
  return NextResponse.json({ settled: true, deliveryId: sent.data.deliveryId, delivery });
});
