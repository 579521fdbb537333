import type { Reply, RequestContext, Route } from "../kit/server";
import type { RainfocusState } from "./state";

const oauthError = (status: number, error: string, error_description: string): Reply => ({ status, body: { error, error_description } });

/** client_secret_post, or client_secret_basic (the OIDC issuer advertises both). */
function clientAuth(ctx: RequestContext, form: URLSearchParams): { id?: string; secret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(ctx.headers.authorization ?? "");
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":");
    return { id: decodeURIComponent(id ?? ""), secret: decodeURIComponent(secret ?? "") };
  }
  return { id: form.get("client_id") ?? undefined, secret: form.get("client_secret") ?? undefined };
}

/**
 * UNCONFIRMED contract (RainFocus publishes no client-credentials endpoint): POST /oauth/token,
 * form grant_type=client_credentials, client_id, client_secret (or Basic), and optionally orgid and
 * environment (dev|prod) — Relay can send those here or on each API call (RAINFOCUS_ORG_PLACEMENT).
 */
export function oauthRoutes(state: RainfocusState): Route[] {
  return [
    {
      id: "rf.token",
      method: "POST",
      pattern: /^\/oauth\/token$/,
      handle: (ctx) => {
        state.tokenRequests++;
        const form = new URLSearchParams(ctx.rawBody.toString("utf8"));
        const reply = ((): Reply => {
          if (form.get("grant_type") !== "client_credentials") return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
          const { id, secret } = clientAuth(ctx, form);
          const cred = state.credentials.get(id ?? "");
          if (!cred || cred.clientSecret !== secret) return oauthError(401, "invalid_client", "Client authentication failed");
          const orgId = form.get("orgid");
          if (orgId !== null && orgId !== cred.orgId) return oauthError(400, "invalid_request", "orgid does not match this API profile");
          const env = form.get("environment") ?? "prod";
          if (env !== "dev" && env !== "prod") return oauthError(400, "invalid_request", "environment must be dev or prod");
          const token = state.issueToken(cred, env);
          return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: state.config.tokenTtlSeconds } };
        })();
        const id = clientAuth(ctx, form).id;
        if (id && state.credentials.has(id)) {
          state.log({
            apiProfile: id,
            method: "POST",
            path: ctx.path,
            status: reply.status,
            message: (reply.body as { error?: string }).error ?? "token issued",
          });
        }
        return reply;
      },
    },
  ];
}
