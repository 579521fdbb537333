import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { aepTransmissionId, exitedOnly, profilesOf } from "./aep-profile";
import { parseJsonBody, refuse, type InboundAnswer } from "./inbound-common";
import { openInbound, refuseInactive } from "./inbound-profile";
import { secretsEqual } from "./signature";
import { setSpanAttributes } from "@/lib/telemetry/span";
import { storeDeliveries } from "./store";

export const MAX_PROFILES_PER_REQUEST = 1000;
export const EXITED_ONLY_NOTE = "Recorded, not upserted: every segment membership in this export has exited.";

/**
 * POST /api/v1/inbound/aep/{profileId}: AEP's streaming destination, authenticated with
 * `Authorization: Bearer <inbound secret>`. Each profile becomes a Delivery that upserts one
 * RainFocus attendee; a profile whose memberships have all exited is recorded as settled instead
 * (an exit is not a reason to create or change an attendee).
 */
export async function acceptAepExport(profileId: string, request: Request, ctx: { requestId?: string; traceParent?: string | null } = {}): Promise<InboundAnswer> {
  const opened = await openInbound(profileId, request);
  if (!opened.ok) return opened.answer;
  const { raw, profile } = opened;
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!profile.inboundSecret || !m || !secretsEqual(m[1]!.trim(), profile.inboundSecret)) {
    return refuse(401, "unauthorized", "Authorization must be `Bearer <the profile's inbound secret>`.");
  }
  const inactive = refuseInactive(profile, "DESTINATION");
  if (inactive) return inactive;

  const parsed = parseJsonBody(raw);
  if (!parsed.ok) return parsed.answer;
  const profiles = profilesOf(parsed.value);
  if (typeof profiles === "string") return refuse(400, "invalid_body", profiles);
  setSpanAttributes({ "relay.events": profiles.length });
  if (profiles.length === 0) return refuse(400, "empty", "`profiles` is empty; send at least one profile.");
  if (profiles.length > MAX_PROFILES_PER_REQUEST) return refuse(413, "too_many_profiles", `At most ${MAX_PROFILES_PER_REQUEST} profiles per request; this one has ${profiles.length}.`);

  const items = profiles.map((p) => ({
    transmissionId: aepTransmissionId(p),
    pushType: null,
    sourcePayload: p as Prisma.InputJsonValue,
    ...(exitedOnly(p) ? { settledNote: EXITED_ONLY_NOTE } : {}),
  }));
  const stored = await storeDeliveries(db, { id: profile.id, direction: "DESTINATION" }, items, { ...(ctx.requestId ? { requestId: ctx.requestId } : {}), ...(ctx.traceParent ? { traceParent: ctx.traceParent } : {}) });
  const recordedOnly = items.filter((it) => it.settledNote).length;
  return {
    status: 202,
    body: {
      accepted: stored.accepted,
      deliveryIds: stored.deliveryIds,
      duplicates: stored.duplicates,
      recordedOnly,
      ...(profile.status === "PAUSED" ? { notes: ["The profile is paused: profiles are queued and upserted once it is resumed."] } : {}),
    },
  };
}
