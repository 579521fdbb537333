import type { Reply, RequestContext, Route } from "../kit/server";
import { verifyAdobeJwt } from "./jwt-verify";
import type { AdobeState } from "./state";

const imsError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description },
});

/** IMS accepts its fields in the form body or the query; the body wins. */
function fields(ctx: RequestContext): URLSearchParams {
  const merged = new URLSearchParams(ctx.query);
  for (const [k, v] of new URLSearchParams(ctx.rawBody.toString("utf8"))) merged.set(k, v);
  return merged;
}

export function imsRoutes(state: AdobeState): Route[] {
  return [
    {
      id: "ims.token",
      method: "POST",
      pattern: /^\/ims\/token\/v3$/,
      handle: (ctx) => {
        state.tokenRequests.oauth++;
        const f = fields(ctx);
        if (f.get("grant_type") !== "client_credentials") {
          return imsError(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        const cred = state.credentials.get(f.get("client_id") ?? "");
        if (!cred) return imsError(400, "invalid_client", "invalid client_id parameter");
        if (f.get("client_secret") !== cred.clientSecret) return imsError(400, "invalid_client", "invalid client_secret parameter");
        if (!f.get("scope")) return imsError(400, "invalid_scope", "scope parameter is missing");
        const ttl = state.config.tokenTtlSeconds;
        const token = state.issueToken(cred, "oauth", ttl * 1000);
        return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: ttl } };
      },
    },
    {
      id: "ims.jwt",
      method: "POST",
      pattern: /^\/ims\/exchange\/jwt\/?$/,
      handle: (ctx) => {
        state.tokenRequests.jwt++;
        const f = fields(ctx);
        const clientId = f.get("client_id") ?? "";
        const cred = state.credentials.get(clientId);
        if (!cred) return imsError(400, "invalid_client", "invalid client_id parameter");
        if (f.get("client_secret") !== cred.clientSecret) return imsError(401, "invalid_client", "invalid client_secret parameter");
        const check = verifyAdobeJwt(f.get("jwt_token"), clientId, cred);
        if (!check.ok) return imsError(check.status, check.error, check.description);
        const ttlMs = state.config.jwtTtlMs;
        const token = state.issueToken(cred, "jwt", ttlMs);
        // The legacy exchange reports expires_in in milliseconds.
        return { status: 200, body: { token_type: "bearer", access_token: token, expires_in: ttlMs } };
      },
    },
  ];
}
