import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { setSpanAttributes } from "@/lib/telemetry/span";
import { authenticateAep } from "./aep-auth";
import { aepTransmissionId, detectAepProfiles, exitedOnly } from "./aep-profile";
import { readAepBody, streamChunks } from "./aep-stream";
import { discardRest, MAX_DISCARD_BYTES } from "../http/read-body";
import { refuse, type InboundAnswer } from "./common";
import { loadInboundProfile, refuseInactive } from "./profile";
import { storeDeliveries } from "../queue/store";

export const EXITED_ONLY_NOTE = "Recorded, not upserted: every segment membership in this export has exited.";
/** Rows per INSERT: one request of 10,000 profiles is stored in a few statements, not one huge one. */
const STORE_CHUNK = 2000;

/**
 * POST /api/v1/inbound/aep/{profileId}[/{urlKey}]: AEP exporting profiles to this destination.
 * Every format AEP sends is accepted and detected per request (aep-profile.ts); the body is read
 * as a stream (aep-stream.ts), up to AEP_INBOUND_MAX_PROFILES profiles.
 *
 * No load shedding here: AEP barely retries (HTTP API destination: twice; Destination SDK best
 * effort: two retries 15 s and 30 s later, then dropped —
 * help/destinations/destination-sdk/functionality/rate-limiting-retry-policy.md), so a 429 or a
 * 413 loses the export. Whatever arrives while the database takes writes is stored; the queue
 * absorbs it and the workers catch up. (The per-address limit on refused authentications stays.)
 *
 * Each profile becomes a Delivery that upserts one RainFocus attendee; a profile whose memberships
 * have all exited is recorded as settled instead (an exit is no reason to create an attendee).
 */
export async function acceptAepExport(
  profileId: string,
  request: Request,
  ctx: { requestId?: string; traceParent?: string | null; urlKey?: string } = {},
): Promise<InboundAnswer> {
  const answer = await acceptOrRefuse(profileId, request, ctx);
  // A refusal made before the body was read (unknown profile or URL key, bad credentials, an
  // inactive profile) reads the rest of a chunked body (bounded) too, or the sender's next request
  // on that keep-alive connection fails (e2e/security/fuzz-routes.spec.ts: "fetch failed").
  if (answer.status >= 400 && !declaredLength(request) && !request.bodyUsed) await discardBody(request.body);
  return answer;
}

async function acceptOrRefuse(
  profileId: string,
  request: Request,
  ctx: { requestId?: string; traceParent?: string | null; urlKey?: string },
): Promise<InboundAnswer> {
  const profile = await loadInboundProfile(profileId);
  if (!profile) return refuse(404, "not_found", "No integration profile with this ID.");
  // The current secret, and the previous one during a rotation's grace period.
  const secrets = [profile.inboundSecret, profile.previousInboundSecret].filter((x): x is string => !!x);
  const method = authenticateAep({ authorization: request.headers.get("authorization"), urlKey: ctx.urlKey, profileId, secrets });
  if (!method) {
    return ctx.urlKey !== undefined
      ? refuse(404, "not_found", "No integration profile at this URL.")
      : refuse(
          401,
          "unauthorized",
          "Authorization must be `Bearer <the profile's inbound secret>` or `Bearer <an access token from this profile's token URL>`.",
        );
  }
  const inactive = refuseInactive(profile, "DESTINATION");
  if (inactive) return inactive;

  const e = env();
  // A refused body is read to its end (bounded) whatever its headers say: over HTTP the route
  // could not tell a chunked upload from a declared one (the e2e size fuzz's chunked upload failed
  // with "fetch failed" with either header test), and only an authenticated sender gets this far.
  const body = await readAepBody(streamChunks(request.body, MAX_DISCARD_BYTES), {
    maxBytes: e.AEP_INBOUND_MAX_BYTES,
    maxProfiles: e.AEP_INBOUND_MAX_PROFILES,
    maxProfileBytes: 1024 * 1024,
    maxSkeletonBytes: 1024 * 1024,
  });
  // streamChunks has already read the rest of a refused body (bounded), so the keep-alive
  // connection stays usable for the sender's next request.
  if (!body.ok) return refuse(body.status, body.code, body.message);
  const detected = detectAepProfiles(body.skeleton, body.profiles);
  if (!detected.ok) return refuse(400, "invalid_body", detected.message);
  const { format, profiles } = detected;
  setSpanAttributes({ "relay.events": profiles.length, "relay.aep_format": format, "relay.aep_auth": method });

  const items = profiles.map((p) => ({
    transmissionId: aepTransmissionId(p),
    pushType: null,
    sourcePayload: p as Prisma.InputJsonValue,
    ...(exitedOnly(p) ? { settledNote: EXITED_ONLY_NOTE } : {}),
  }));
  const opts = { inboundFormat: format, ...(ctx.requestId ? { requestId: ctx.requestId } : {}), ...(ctx.traceParent ? { traceParent: ctx.traceParent } : {}) };
  let accepted = 0;
  let duplicates = 0;
  const deliveryIds: string[] = [];
  for (let i = 0; i < items.length; i += STORE_CHUNK) {
    const stored = await storeDeliveries(db, { id: profile.id, direction: "DESTINATION" }, items.slice(i, i + STORE_CHUNK), opts);
    accepted += stored.accepted;
    duplicates += stored.duplicates;
    deliveryIds.push(...stored.deliveryIds);
  }
  const recordedOnly = items.filter((it) => it.settledNote).length;
  return {
    status: 202,
    body: {
      accepted,
      deliveryIds,
      duplicates,
      recordedOnly,
      format,
      ...(profile.status === "PAUSED" ? { notes: ["The profile is paused: profiles are queued and upserted once it is resumed."] } : {}),
    },
  };
}

/** Node discards the unread rest of a body sent with a Content-Length; a chunked one is ours to read. */
function declaredLength(request: Request): boolean {
  return request.headers.has("content-length") && !/chunked/i.test(request.headers.get("transfer-encoding") ?? "");
}

async function discardBody(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body || body.locked) return;
  await discardRest(body.getReader(), MAX_DISCARD_BYTES);
}
