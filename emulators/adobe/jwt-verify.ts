import { createPublicKey, verify } from "node:crypto";
import type { AdobeCredential } from "./state";

export type JwtCheck = { ok: true } | { ok: false; status: number; error: string; description: string };

const fail = (status: number, error: string, description: string): JwtCheck => ({ ok: false, status, error, description });

/**
 * The legacy `/ims/exchange/jwt` checks, with the error names Adobe documents: invalid_token
 * (missing/expired), invalid_signature, invalid_scope (metascope), bad_request (claims),
 * invalid_client (aud ≠ client_id). `aud` and metascope keys are matched by suffix so the same
 * JWT shape works against ims-na1.adobelogin.com and this emulator's own origin.
 */
export function verifyAdobeJwt(jwt: string | null, clientId: string, cred: AdobeCredential, now = Date.now()): JwtCheck {
  if (!jwt) return fail(400, "invalid_token", "JWT token is missing");
  const parts = jwt.split(".");
  if (parts.length !== 3) return fail(400, "invalid_token", "JWT token is malformed");
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as { alg?: string };
    claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return fail(400, "bad_request", "JWT token could not be decoded");
  }
  if (header.alg !== "RS256") return fail(400, "invalid_signature", "JWT must be signed with RS256");
  if (!cred.publicKeyPem) return fail(400, "invalid_signature", "No certificate is attached to this integration");
  let valid = false;
  try {
    valid = verify("RSA-SHA256", Buffer.from(`${h}.${p}`), createPublicKey(cred.publicKeyPem), Buffer.from(s, "base64url"));
  } catch {
    valid = false;
  }
  if (!valid) return fail(400, "invalid_signature", "JWT signature does not match any certificate of this integration");

  const exp = claims.exp;
  const nowSec = Math.floor(now / 1000);
  if (typeof exp !== "number") return fail(400, "bad_request", "exp claim is missing");
  if (exp <= nowSec) return fail(400, "invalid_token", "JWT token is expired");
  if (exp > nowSec + 86_400 + 60) return fail(400, "bad_request", "exp is more than 24 hours ahead");
  if (typeof claims.aud !== "string" || !claims.aud.endsWith(`/c/${clientId}`)) {
    return fail(400, "invalid_client", "aud does not match client_id");
  }
  if (claims.iss !== cred.orgId) return fail(400, "bad_request", "iss does not match the integration's organization");
  if (cred.technicalAccountId && claims.sub !== cred.technicalAccountId) {
    return fail(400, "bad_request", "sub does not match the technical account");
  }
  const hasMetascope = Object.entries(claims).some(([k, v]) => k.endsWith("/s/ent_dataservices_sdk") && v === true);
  if (!hasMetascope) return fail(400, "invalid_scope", "Metascope ent_dataservices_sdk is missing");
  return { ok: true };
}
