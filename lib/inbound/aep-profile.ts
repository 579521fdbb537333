import { createHash } from "node:crypto";
import { canonicalJson } from "./common";

// The profiles AEP exports to a destination, in the formats AEP sends. Pure.
//
// - `http-api`: the HTTP API destination posts ONE profile per request, at the root, with XDM
//   paths: `{"person":{…},"personalEmail":{…},"segmentMembership":{"ups":{…}},"identityMap":{…}}`
//   (help/destinations/catalog/streaming/http-destination.md, "Exported data").
// - `sdk-aggregated`: a Destination SDK template rendering `input.profiles` as `{"profiles":[…]}`,
//   each with `identityMap`, `segmentMembership` and `attributes.<name>.value`
//   (help/destinations/destination-sdk/functionality/destination-server/message-format.md).
// - `sdk-single`: the same template over `input.profile`, rendered as `{"profile":{…}}`.

export const AEP_FORMATS = ["http-api", "sdk-aggregated", "sdk-single"] as const;
export type AepFormat = (typeof AEP_FORMATS)[number];

export const AEP_FORMAT_LABELS: Record<AepFormat, string> = {
  "http-api": "HTTP API destination (one XDM profile per request)",
  "sdk-aggregated": "Destination SDK, aggregated (profiles[])",
  "sdk-single": "Destination SDK, one profile (profile)",
};

export interface AepProfile {
  identityMap?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
  /** Keyed by audience namespace: `ups` for Segmentation Service audiences, others for uploads. */
  segmentMembership?: Record<string, Record<string, { status?: string; lastQualificationTime?: string } | undefined> | undefined>;
  [xdmField: string]: unknown;
}

/**
 * AEP sends no message id, so the profile is its own idempotency key: a redelivery of the same
 * profile state (AEP's retries, our client retrying a timed-out POST) becomes a duplicate, while
 * any change in identities, attributes or memberships is a new delivery.
 */
export function aepTransmissionId(p: AepProfile): string {
  return "aep-" + createHash("sha256").update(canonicalJson(p)).digest("hex");
}

/** True when the profile carries memberships and every one of them (in any namespace) has exited. */
export function exitedOnly(p: AepProfile): boolean {
  const all = Object.values(p.segmentMembership ?? {}).flatMap((ns) => (ns && typeof ns === "object" ? Object.values(ns) : []));
  return all.length > 0 && all.every((m) => m?.status === "exited");
}

const OBJECT_FIELDS = ["identityMap", "attributes", "segmentMembership"] as const;

function profileProblem(p: unknown, where: string): string | null {
  if (!p || typeof p !== "object" || Array.isArray(p)) return `${where} must be an object.`;
  for (const k of OBJECT_FIELDS) {
    const v = (p as Record<string, unknown>)[k];
    if (v !== undefined && (v === null || typeof v !== "object" || Array.isArray(v))) return `${where}.${k} must be an object.`;
  }
  if (Object.keys(p).length === 0) return `${where} is empty.`;
  return null;
}

export type DetectedProfiles = { ok: true; format: AepFormat; profiles: AepProfile[] } | { ok: false; message: string };

/**
 * Which format a body is in, and its profiles. `streamedProfiles` are the elements of a top-level
 * `profiles` array when the body was read by readAepBody (null when there is none); `skeleton` is
 * the rest of the body (the whole body for the other formats).
 */
export function detectAepProfiles(skeleton: unknown, streamedProfiles: unknown[] | null): DetectedProfiles {
  if (!skeleton || typeof skeleton !== "object" || Array.isArray(skeleton)) {
    return { ok: false, message: 'The body must be a JSON object: one XDM profile (HTTP API destination), or `{"profiles":[…]}` (Destination SDK).' };
  }
  const b = skeleton as Record<string, unknown>;
  if (streamedProfiles !== null || "profiles" in b) {
    const list = streamedProfiles ?? b.profiles;
    if (!Array.isArray(list)) return { ok: false, message: "`profiles` must be an array of profiles." };
    if (list.length === 0) return { ok: false, message: "`profiles` is empty; send at least one profile." };
    for (const [i, p] of list.entries()) {
      const problem = profileProblem(p, `profiles[${i}]`);
      if (problem) return { ok: false, message: problem };
    }
    return { ok: true, format: "sdk-aggregated", profiles: list as AepProfile[] };
  }
  if ("profile" in b && Object.keys(b).length === 1) {
    const problem = profileProblem(b.profile, "profile");
    return problem ? { ok: false, message: problem } : { ok: true, format: "sdk-single", profiles: [b.profile as AepProfile] };
  }
  const problem = profileProblem(b, "The profile");
  return problem ? { ok: false, message: problem } : { ok: true, format: "http-api", profiles: [b as AepProfile] };
}

/** The profiles of an already parsed body (tests, QA test events): see detectAepProfiles. */
export function profilesOf(body: unknown): AepProfile[] | string {
  const r = detectAepProfiles(body, null);
  return r.ok ? r.profiles : r.message;
}
