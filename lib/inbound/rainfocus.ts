import "server-only";
import { parseJsonBody, refuse, type InboundAnswer } from "./common";
import { acceptSourceEvents } from "./events";
import { openInbound, refuseInactive } from "./profile";
import { verifySignature } from "./signature";

export { MAX_EVENTS_PER_PUSH } from "./events";

/**
 * POST /api/v1/inbound/rainfocus/{profileId}: one push event or an array of them, signed with the
 * profile's inbound secret — or, during the grace period the user picked when rotating it, with
 * the previous one. Checks run cheapest-first and nothing is stored unless every event is
 * acceptable; the 202 comes only after the one transaction that stores them has committed.
 */
export async function acceptRainfocusPush(
  profileId: string,
  request: Request,
  ctx: { requestId?: string; traceParent?: string | null } = {},
): Promise<InboundAnswer> {
  const opened = await openInbound(profileId, request);
  if (!opened.ok) return opened.answer;
  const { raw, profile } = opened;
  const signature = request.headers.get("x-rf-signature");
  const signed = [profile.inboundSecret, profile.previousInboundSecret].some((s) => s && verifySignature(raw, signature, s));
  if (!signed) {
    return refuse(
      401,
      "bad_signature",
      "X-RF-Signature is missing or does not match: expected sha256=<hex HMAC-SHA256 of the raw body with the profile's inbound secret>.",
    );
  }
  const inactive = refuseInactive(profile, "SOURCE");
  if (inactive) return inactive;

  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return parsed.answer;
  const r = await acceptSourceEvents(profile, parsed.value, ctx);
  if (!r.ok) return refuse(r.status, r.code, r.message, r.extra);
  const { stored, notes } = r;
  return {
    status: 202,
    body: {
      accepted: stored.accepted,
      deliveryIds: stored.deliveryIds,
      duplicates: stored.duplicates,
      ...(stored.duplicates ? { duplicateTransmissionIds: stored.duplicateTransmissionIds } : {}),
      ...(notes.length ? { notes } : {}),
    },
  };
}
