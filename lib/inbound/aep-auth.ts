import { createHmac, timingSafeEqual } from "node:crypto";
import { secretsEqual } from "./signature";

// How AEP authenticates to Relay's AEP endpoint. The HTTP API destination offers "None", "Bearer
// token", "OAuth 2 Password" and "OAuth 2 Client Credentials" (body-form or Basic)
// (help/destinations/catalog/streaming/http-destination.md, "Supported authentication types").
// Relay accepts, per request:
// - `Authorization: Bearer <inbound secret>` (Bearer token);
// - `Authorization: Bearer <access token>` issued by Relay's token URL for this profile
//   (OAuth 2 Client Credentials: client id = profile id, client secret = inbound secret);
// - no Authorization on the profile's unguessable URL `/api/v1/inbound/aep/{id}/{key}` (None).
// Tokens and URL keys are HMACs of the inbound secret, so rotating the secret revokes both. Pure.

export type AepAuthMethod = "bearer" | "oauth2" | "url-key";

/** AEP caches the token; an hour keeps a leaked token short-lived without many token calls. */
export const AEP_TOKEN_TTL_SECONDS = 3600;
const TOKEN_PREFIX = "rat_";

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");
const mac = (secret: string, label: string, data: string) => createHmac("sha256", secret).update(`${label}\n${data}`).digest();

/** The 128-bit key of the profile's unauthenticated ("None") URL. */
export function aepUrlKey(profileId: string, secret: string): string {
  return mac(secret, "relay-aep-url", profileId).subarray(0, 16).toString("hex");
}

export function issueAepToken(
  profileId: string,
  secret: string,
  nowMs = Date.now(),
  ttlSeconds = AEP_TOKEN_TTL_SECONDS,
): { access_token: string; token_type: "bearer"; expires_in: number } {
  const payload = b64url(JSON.stringify({ p: profileId, e: Math.floor(nowMs / 1000) + ttlSeconds }));
  const token = `${TOKEN_PREFIX}${payload}.${b64url(mac(secret, "relay-aep-token", payload))}`;
  return { access_token: token, token_type: "bearer", expires_in: ttlSeconds };
}

/** True when `token` was issued for this profile with this secret and has not expired. */
export function verifyAepToken(token: string, profileId: string, secret: string, nowMs = Date.now()): boolean {
  if (!token.startsWith(TOKEN_PREFIX)) return false;
  const [payload, sig] = token.slice(TOKEN_PREFIX.length).split(".");
  if (!payload || !sig) return false;
  const given = Buffer.from(sig, "base64url");
  const expected = mac(secret, "relay-aep-token", payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { p?: unknown; e?: unknown };
    return claims.p === profileId && typeof claims.e === "number" && claims.e * 1000 > nowMs;
  } catch {
    return false;
  }
}

/**
 * Which method authenticated the request, or null. `secrets` are the profile's accepted inbound
 * secrets (the current one, plus a previous one during a rotation's grace period).
 */
export function authenticateAep(input: {
  authorization: string | null;
  urlKey?: string | undefined;
  profileId: string;
  secrets: string[];
  nowMs?: number;
}): AepAuthMethod | null {
  const { profileId, secrets } = input;
  if (input.urlKey !== undefined) {
    return secrets.some((s) => secretsEqual(input.urlKey!, aepUrlKey(profileId, s))) ? "url-key" : null;
  }
  const m = /^Bearer\s+(.+)$/i.exec(input.authorization ?? "");
  if (!m) return null;
  const given = m[1]!.trim();
  if (given.startsWith(TOKEN_PREFIX)) return secrets.some((s) => verifyAepToken(given, profileId, s, input.nowMs)) ? "oauth2" : null;
  return secrets.some((s) => secretsEqual(given, s)) ? "bearer" : null;
}

/** The client credentials of a token request: form body (Body Form Encoded) or Basic header. */
export function clientCredentialsOf(authorization: string | null, form: URLSearchParams): { clientId?: string; clientSecret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "");
  if (basic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const at = decoded.indexOf(":");
    if (at < 0) return {};
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, " "));
      } catch {
        return s;
      }
    };
    return { clientId: dec(decoded.slice(0, at)), clientSecret: dec(decoded.slice(at + 1)) };
  }
  return { clientId: form.get("client_id") ?? undefined, clientSecret: form.get("client_secret") ?? undefined };
}
