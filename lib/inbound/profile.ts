import "server-only";
import { db } from "@/lib/db";
import { poolOf } from "@/lib/db-client";
import { openSecret } from "@/lib/crypto/keys";
import { readRawBody, refuse, type InboundAnswer } from "./common";
import { refuseWhenQueueDeep } from "./backpressure";
import { isStorableText } from "../http/json-text";

export type InboundProfile = {
  id: string;
  direction: "SOURCE" | "DESTINATION";
  status: "DRAFT" | "READY" | "ACTIVE" | "PAUSED";
  deleted: boolean;
  inboundSecret: string | null;
  /** The secret a rotation replaced, while the grace period the user picked lasts; else null. */
  previousInboundSecret: string | null;
  pushTypes: string[];
  dataflowId: string | null;
};

// Every inbound request reads this, so it is one plain statement on the pool rather than a Prisma
// query with a relation (~2 ms of CPU each, which capped the endpoint near 300 requests/s), and a
// named one: each connection parses and plans it once, not on every request (measured on
// PostgreSQL 15 here: 103–107 µs a lookup instead of 168–335 µs).
const PROFILE_SQL = `
  SELECT p.id, p.direction, p.status, p."deletedAt" IS NOT NULL AS deleted, p."inboundSecretSealed" AS sealed,
         CASE WHEN p."previousInboundSecretUntil" > now() THEN p."previousInboundSecretSealed" END AS "previousSealed",
         p."dataflowId",
         COALESCE((SELECT array_agg(t."pushType") FROM "ProfilePushType" t WHERE t."profileId" = p.id), '{}') AS "pushTypes"
    FROM "IntegrationProfile" p`;

type ProfileRow = {
  id: string;
  direction: InboundProfile["direction"];
  status: InboundProfile["status"];
  deleted: boolean;
  sealed: string | null;
  previousSealed: string | null;
  dataflowId: string | null;
  pushTypes: string[];
};

function toInboundProfile(row: ProfileRow): InboundProfile {
  return {
    id: row.id,
    direction: row.direction,
    status: row.status,
    deleted: row.deleted,
    inboundSecret: openSecret(row.sealed),
    previousInboundSecret: openSecret(row.previousSealed),
    pushTypes: row.pushTypes,
    dataflowId: row.dataflowId,
  };
}

/**
 * The SOURCE profile behind an AEP-compatible inlet id: its current one, or the one a rotation
 * replaced while its grace period lasts.
 */
export async function loadProfileByInlet(inletId: string): Promise<InboundProfile | null> {
  if (!/^[0-9a-f]{64}$/.test(inletId)) return null;
  const { rows } = await poolOf(db).query<ProfileRow>({
    name: "relay-inbound-profile-by-inlet",
    text: `${PROFILE_SQL} WHERE p."inletId" = $1 OR (p."previousInletId" = $1 AND p."previousInletUntil" > now())`,
    values: [inletId],
  });
  return rows[0] ? toInboundProfile(rows[0]) : null;
}

// Lookups of one profile already on their way: a request that arrives while its profile is being
// read shares that read instead of sending its own. Nothing is kept once the read answers, so a
// change to the profile (deleted, paused, secret rotated) is seen by every read that starts after
// it committed: a request can be answered from a read at most one round trip older than itself.
// Under load the endpoint sends one lookup per profile per round trip rather than one per request.
const reading = new Map<string, Promise<ProfileRow | undefined>>();

export async function loadInboundProfile(profileId: string): Promise<InboundProfile | null> {
  // No profile has an id with NUL (PostgreSQL refused the query: a 503 that made senders retry).
  if (!isStorableText(profileId)) return null;
  let read = reading.get(profileId);
  if (!read) {
    read = poolOf(db)
      .query<ProfileRow>({ name: "relay-inbound-profile", text: `${PROFILE_SQL} WHERE p.id = $1`, values: [profileId] })
      .then((r) => r.rows[0])
      .finally(() => reading.delete(profileId));
    reading.set(profileId, read);
  }
  const row = await read;
  return row ? toInboundProfile(row) : null;
}

/**
 * After authentication only (so an unauthenticated caller learns nothing about a profile): a
 * deleted, not yet activated or wrong-direction profile refuses; ACTIVE and PAUSED accept (a
 * PAUSED profile queues and the worker holds its deliveries until it is resumed).
 */
export function refuseInactive(p: InboundProfile, expected: "SOURCE" | "DESTINATION"): InboundAnswer | null {
  if (p.deleted) return refuse(403, "profile_deleted", "This integration profile was deleted; it accepts no more events.");
  if (p.direction !== expected) {
    const other = expected === "SOURCE" ? "aep" : "rainfocus";
    return refuse(409, "wrong_direction", `This profile is a ${p.direction} profile; send to /api/v1/inbound/${other}/${p.id} instead.`);
  }
  if (p.status === "DRAFT" || p.status === "READY") {
    return refuse(409, "profile_inactive", `This integration profile is ${p.status}, not active. Activate it in the console before sending events.`);
  }
  return null;
}

/**
 * The steps both inbound endpoints take before authenticating, in this order: a full queue refuses
 * everyone alike (the answer leaks nothing), the body is read under its cap, the profile is found.
 */
export async function openInbound(
  profileId: string,
  request: Request,
): Promise<{ ok: true; raw: Buffer; profile: InboundProfile } | { ok: false; answer: InboundAnswer }> {
  const full = await refuseWhenQueueDeep();
  if (full) return { ok: false, answer: full };
  const body = await readRawBody(request);
  if (!body.ok) return body;
  const profile = await loadInboundProfile(profileId);
  if (!profile) return { ok: false, answer: refuse(404, "not_found", "No integration profile with this ID.") };
  return { ok: true, raw: body.raw, profile };
}
