import "server-only";
import { AEP_TOKEN_TTL_SECONDS, clientCredentialsOf, issueAepToken } from "./aep-auth";
import { readRawBody, type InboundAnswer } from "./common";
import { loadInboundProfile } from "./profile";
import { secretsEqual } from "./signature";

const oauthError = (status: number, error: string, error_description: string): InboundAnswer => ({
  status,
  body: { error, error_description },
  ...(status === 401 ? { headers: { "WWW-Authenticate": 'Basic realm="relay"' } } : {}),
});

/**
 * POST /api/v1/inbound/aep/{profileId}/token: the "Access Token URL" of an AEP HTTP API
 * destination using OAuth 2 Client Credentials, either client type AEP offers — "Body Form
 * Encoded" (client_id, client_secret, grant_type in the form) or "Basic Authorization"
 * (help/destinations/catalog/streaming/http-destination.md, "Supported authentication types").
 * Answers as RFC 6749 §5: `{access_token, token_type:"bearer", expires_in}` or `{error}`.
 * Authentication failures are 401/404 answers, so the inbound route's per-address limit on
 * refused authentications applies here too.
 */
export async function issueAepAccessToken(profileId: string, request: Request): Promise<InboundAnswer> {
  const body = await readRawBody(request, 16 * 1024);
  if (!body.ok) return body.answer;
  const form = new URLSearchParams(body.raw.toString("utf8"));
  if (form.get("grant_type") !== "client_credentials") return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials.");
  const { clientId, clientSecret } = clientCredentialsOf(request.headers.get("authorization"), form);
  if (!clientId || !clientSecret) return oauthError(401, "invalid_client", "Client authentication failed.");
  const profile = await loadInboundProfile(profileId);
  // The client id is the profile id: a token of one profile never opens another.
  // The current secret, or the previous one during a rotation's grace period; the token is bound
  // to the secret it was asked with, so it dies when that secret does.
  const secret =
    profile && clientId === profile.id && profile.direction === "DESTINATION"
      ? [profile.inboundSecret, profile.previousInboundSecret].find((s) => s && secretsEqual(clientSecret, s))
      : undefined;
  if (!profile || !secret) return oauthError(401, "invalid_client", "Client authentication failed.");
  return { status: 200, body: { ...issueAepToken(profile.id, secret), expires_in: AEP_TOKEN_TTL_SECONDS } };
}
