import type { Reply, RequestContext, Route } from "../kit/server";
import type { RainfocusState, RfToken } from "./state";

export const rf = (status: number, responseCode: string, responseMessage: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { responseCode, responseMessage, ...extra },
});

export interface ApiContext extends RequestContext {
  apiProfile: string;
  /** Absent only on routes that accept the apiProfile key alone (tokenOptional). */
  token?: RfToken;
  /** The caller's org and environment: from the token, or from `orgid`/`environment` query parameters or headers. */
  orgId: string;
  environment: "dev" | "prod";
  event?: string;
}

/**
 * Every `/api` route: `apiProfile` is required, in the query or an `apiProfile` header (400
 * responseCode 103, as probed on the real API), then a live bearer token of that profile (unless
 * `tokenOptional`: the legacy attendee/update example sends the apiProfile key alone), then, when
 * `needsEvent`, a known event code of the caller's org. Org id and environment may also travel as
 * `orgid`/`environment` query parameters or headers (how RainFocus wants them is unpublished; the
 * emulator accepts each placement Relay can be configured with and checks they agree). Each call
 * lands in the API-profile log, like RainFocus's API Profile logging.
 */
export function apiRoute(
  state: RainfocusState,
  def: {
    id: string;
    method: string;
    pattern: RegExp;
    needsEvent: boolean;
    tokenOptional?: boolean;
    eventFromBody?: boolean;
    handle: (ctx: ApiContext) => Reply;
  },
): Route {
  return {
    id: def.id,
    method: def.method,
    pattern: def.pattern,
    handle: (ctx) => {
      const apiProfile = ctx.query.get("apiProfile") ?? ctx.headers.apiprofile;
      if (!apiProfile) return rf(400, "103", "Required parameter missing: apiProfile");
      const bodyEvent = def.eventFromBody ? (ctx.json as { event?: unknown } | undefined)?.event : undefined;
      const event = ctx.query.get("event") ?? (typeof bodyEvent === "string" ? bodyEvent : undefined);
      const reply = ((): Reply => {
        const cred = state.credentials.get(apiProfile);
        if (!cred) return rf(400, "104", "Invalid parameter: apiProfile");
        const token = state.tokenInfo(ctx.headers.authorization);
        const tokenOk = token && token.clientId === apiProfile;
        if (!tokenOk && !(def.tokenOptional && !ctx.headers.authorization)) return rf(401, "107", "Invalid or expired access token");
        const givenOrg = ctx.query.get("orgid") ?? ctx.headers.orgid;
        if (givenOrg !== undefined && givenOrg !== cred.orgId) return rf(400, "104", "Invalid parameter: orgid");
        const givenEnv = ctx.query.get("environment") ?? ctx.headers.environment;
        if (givenEnv !== undefined && givenEnv !== "dev" && givenEnv !== "prod") return rf(400, "104", "Invalid parameter: environment");
        const environment = (givenEnv as "dev" | "prod" | undefined) ?? token?.environment ?? "prod";
        if (def.needsEvent) {
          if (!event) return rf(400, "103", "Required parameter missing: event");
          if (state.events.get(event) !== cred.orgId) return rf(400, "104", `Invalid parameter: event ${event}`);
        }
        return def.handle({ ...ctx, apiProfile, ...(tokenOk ? { token } : {}), orgId: cred.orgId, environment, ...(event ? { event } : {}) });
      })();
      const body = reply.body as { responseCode?: string; responseMessage?: string } | undefined;
      state.log({
        apiProfile,
        method: ctx.method,
        path: ctx.path,
        status: reply.status,
        ...(body?.responseCode ? { responseCode: body.responseCode } : {}),
        ...(event ? { event } : {}),
        ...(body?.responseMessage ? { message: body.responseMessage } : {}),
      });
      return reply;
    },
  };
}
