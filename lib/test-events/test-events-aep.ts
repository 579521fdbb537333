import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { DomainError } from "@/lib/errors";
import { detectAepProfiles, exitedOnly } from "@/lib/inbound/aep-profile";
import { SAMPLE_AEP_PROFILE, SAMPLE_HTTP_API_PROFILE } from "@/lib/mappings/default-samples";

// QA test events for DESTINATION profiles: a synthetic AEP profile, in one of the shapes AEP
// exports, sent through the real pipeline (stored flagged `test`, mapped and written to RainFocus
// by the worker) like a source profile's test push.

/** The "push types" a destination offers the test console: the AEP export shapes. */
export const AEP_TEST_FORMATS = { "aep:http-api": "http-api", "aep:sdk": "sdk-single" } as const;
export type AepTestFormat = keyof typeof AEP_TEST_FORMATS;
export const isAepTestFormat = (v: string): v is AepTestFormat => Object.hasOwn(AEP_TEST_FORMATS, v);

const lcSha256 = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/** The format's sample; `synthetic` gives it a fresh test email (and the identity AEP would derive from it). */
export function aepTestSample(format: AepTestFormat, synthetic: boolean): Record<string, unknown> {
  const base = structuredClone(format === "aep:http-api" ? SAMPLE_HTTP_API_PROFILE : SAMPLE_AEP_PROFILE) as Record<string, unknown>;
  return synthetic ? withSyntheticEmail(base) : base;
}

export function withSyntheticEmail(profile: Record<string, unknown>): Record<string, unknown> {
  const email = `qa.${randomBytes(4).toString("hex")}@relay-test.example.com`;
  const p = structuredClone(profile);
  if (p.personalEmail && typeof p.personalEmail === "object") (p.personalEmail as Record<string, unknown>).address = email;
  const attrs = p.attributes as Record<string, unknown> | undefined;
  if (attrs && typeof attrs === "object") attrs.email = { value: email };
  if (!p.personalEmail && !attrs) p.personalEmail = { address: email };
  const identityMap = (p.identityMap && typeof p.identityMap === "object" ? p.identityMap : {}) as Record<string, unknown>;
  p.identityMap = { ...identityMap, email_lc_sha256: [{ id: lcSha256(email) }] };
  return p;
}

/** Checks a QA-edited payload is one AEP profile; returns what to store. */
export function aepTestDelivery(
  format: AepTestFormat,
  payload: Record<string, unknown>,
): { profile: Record<string, unknown>; inboundFormat: string; exitedOnly: boolean } {
  const r = detectAepProfiles(payload, null);
  if (!r.ok) throw new DomainError(`Not an AEP profile: ${r.message}`, "invalid", { payload: [r.message] });
  if (r.profiles.length !== 1)
    throw new DomainError("Send one profile: the worker writes one attendee per delivery.", "invalid", { payload: ["One profile, not a list."] });
  const profile = r.profiles[0] as Record<string, unknown>;
  return { profile, inboundFormat: AEP_TEST_FORMATS[format], exitedOnly: exitedOnly(profile) };
}
