import type { Reply, RequestContext } from "../kit/server";
import type { AdobeState, IssuedToken } from "./state";

const gw = (status: number, error_code: string, message: string): Reply => ({ status, body: { error_code, message } });

/**
 * platform.adobe.io's gateway checks, with the documented error_code bodies. Returns the caller's
 * token or the refusal. A missing token answers 401 (the public docs leave 401 vs 403 open).
 */
export function checkGateway(ctx: RequestContext, state: AdobeState): { ok: true; token: IssuedToken; sandbox: string } | { ok: false; reply: Reply } {
  const auth = ctx.headers.authorization;
  if (!auth || !/^Bearer\s+\S+/i.test(auth)) return { ok: false, reply: gw(401, "403010", "Oauth token is missing.") };
  const apiKey = ctx.headers["x-api-key"];
  if (!apiKey) return { ok: false, reply: gw(403, "403000", "Api Key is required") };
  if (!state.credentials.has(apiKey)) return { ok: false, reply: gw(403, "403003", "Api Key is invalid") };
  const token = state.tokenInfo(auth);
  if (!token) return { ok: false, reply: gw(401, "401013", "Oauth token is not valid") };
  if (token.clientId !== apiKey) return { ok: false, reply: gw(403, "403003", "Api Key is invalid") };
  const org = ctx.headers["x-gw-ims-org-id"];
  if (!org) return { ok: false, reply: gw(400, "400003", "Missing header") };
  if (org !== token.orgId) return { ok: false, reply: gw(403, "403025", "Profile is not valid") };
  if (["POST", "PUT", "PATCH"].includes(ctx.method) && !(ctx.headers["content-type"] ?? "").includes("application/json")) {
    return {
      ok: false,
      reply: {
        status: 400,
        body: { type: "/placeholder/type/uri", status: 400, title: "BadRequestError", detail: "A valid content-type must be specified" },
      },
    };
  }
  return { ok: true, token, sandbox: ctx.headers["x-sandbox-name"] || "prod" };
}
