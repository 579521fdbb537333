import "server-only";
import { db } from "@/lib/db";
import { knownPushTypeNames } from "@/lib/profiles/push-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseJsonBody, refuse, type InboundAnswer } from "./inbound-common";
import { openInbound, refuseInactive } from "./inbound-profile";
import { verifySignature } from "./signature";
import { setSpanAttributes } from "@/lib/telemetry/span";
import { storeDeliveries, type NewDelivery } from "./store";

export const MAX_EVENTS_PER_PUSH = 500;

/**
 * POST /api/v1/inbound/rainfocus/{profileId}: one push event or an array of them, signed with the
 * profile's inbound secret. Checks run cheapest-first and nothing is stored unless every event is
 * acceptable; the 202 comes only after the one transaction that stores them has committed.
 */
export async function acceptRainfocusPush(profileId: string, request: Request, ctx: { requestId?: string; traceParent?: string | null } = {}): Promise<InboundAnswer> {
  const opened = await openInbound(profileId, request);
  if (!opened.ok) return opened.answer;
  const { raw, profile } = opened;
  if (!profile.inboundSecret || !verifySignature(raw, request.headers.get("x-rf-signature"), profile.inboundSecret)) {
    return refuse(401, "bad_signature", "X-RF-Signature is missing or does not match: expected sha256=<hex HMAC-SHA256 of the raw body with the profile's inbound secret>.");
  }
  const inactive = refuseInactive(profile, "SOURCE");
  if (inactive) return inactive;

  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return parsed.answer;
  const events = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  setSpanAttributes({ "relay.events": events.length });
  if (events.length === 0) return refuse(400, "empty", "The body is an empty array; send at least one event.");
  if (events.length > MAX_EVENTS_PER_PUSH) return refuse(413, "too_many_events", `At most ${MAX_EVENTS_PER_PUSH} events per request; this one has ${events.length}.`);

  const items: NewDelivery[] = [];
  for (const [i, e] of events.entries()) {
    const where = Array.isArray(parsed.value) ? ` (event ${i})` : "";
    if (!e || typeof e !== "object" || Array.isArray(e)) return refuse(400, "invalid_event", `Each event must be a JSON object${where}.`);
    const { transmissionId, eventType } = e as { transmissionId?: unknown; eventType?: unknown };
    if (typeof transmissionId !== "string" || !transmissionId.trim() || transmissionId.length > 200) {
      return refuse(400, "invalid_event", `transmissionId must be a non-empty string of at most 200 characters${where}.`);
    }
    if (typeof eventType !== "string" || !eventType.trim()) return refuse(400, "invalid_event", `eventType (the push type) is missing${where}.`);
    items.push({ transmissionId, pushType: eventType, sourcePayload: e as Prisma.InputJsonValue });
  }

  const enabled = new Set(profile.pushTypes);
  const notEnabled = [...new Set(items.map((it) => it.pushType!).filter((t) => !enabled.has(t)))];
  if (notEnabled.length) {
    const known = await knownPushTypeNames();
    const unknown = notEnabled.filter((t) => !known.has(t));
    const message = unknown.length
      ? `Unknown push type ${unknown.map((t) => `"${t}"`).join(", ")}: it is neither in the catalog nor a custom push type.`
      : `Push type ${notEnabled.map((t) => `"${t}"`).join(", ")} is not enabled on this profile. Enable it under Push types.`;
    return refuse(422, unknown.length ? "unknown_push_type" : "push_type_disabled", message, { pushTypes: notEnabled });
  }

  const stored = await storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, items, { ...(ctx.requestId ? { requestId: ctx.requestId } : {}), ...(ctx.traceParent ? { traceParent: ctx.traceParent } : {}) });
  const notes: string[] = [];
  if (stored.duplicates) notes.push("Duplicate transmissionIds were accepted before and are not stored again.");
  if (profile.status === "PAUSED") notes.push("The profile is paused: events are queued and delivered once it is resumed.");
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
