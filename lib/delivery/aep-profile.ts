import { createHash } from "node:crypto";
import { canonicalJson } from "./inbound-common";

// The profile objects AEP's destination template sends (API-CONTRACTS §6). Pure.

export interface AepProfile {
  identityMap?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
  segmentMembership?: { ups?: Record<string, { status?: string; lastQualificationTime?: string }> };
}

/**
 * AEP sends no message id, so the payload is its own idempotency key: a redelivery of the same
 * profile state (AEP retries, our client retrying a timed-out POST) becomes a duplicate, while
 * any change in identities, attributes or memberships is a new delivery.
 */
export function aepTransmissionId(p: AepProfile): string {
  const key = canonicalJson({ identityMap: p.identityMap ?? null, attributes: p.attributes ?? null, segmentMembership: p.segmentMembership ?? null });
  return "aep-" + createHash("sha256").update(key).digest("hex");
}

/** True when the profile carries memberships and every one of them has exited. */
export function exitedOnly(p: AepProfile): boolean {
  const ups = Object.values(p.segmentMembership?.ups ?? {});
  return ups.length > 0 && ups.every((m) => m?.status === "exited");
}

/** The profiles of a request: `{profiles:[…]}` (aggregated) or `{profile:{…}}` (one per call). */
export function profilesOf(body: unknown): AepProfile[] | string {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "The body must be a JSON object with a `profiles` array.";
  const b = body as { profiles?: unknown; profile?: unknown };
  const list = b.profiles !== undefined ? b.profiles : b.profile !== undefined ? [b.profile] : undefined;
  if (!Array.isArray(list)) return "The body must have a `profiles` array.";
  for (const [i, p] of list.entries()) {
    if (!p || typeof p !== "object" || Array.isArray(p)) return `profiles[${i}] must be an object.`;
    for (const k of ["identityMap", "attributes", "segmentMembership"] as const) {
      const v = (p as Record<string, unknown>)[k];
      if (v !== undefined && (v === null || typeof v !== "object" || Array.isArray(v))) return `profiles[${i}].${k} must be an object.`;
    }
  }
  return list as AepProfile[];
}
