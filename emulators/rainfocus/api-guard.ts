import type { Reply, RequestContext, Route } from "../kit/server";
import type { RainfocusState, RfToken } from "./state";

export const rf = (status: number, responseCode: string, responseMessage: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { responseCode, responseMessage, ...extra },
});

export interface ApiContext extends RequestContext {
  apiProfile: string;
  token: RfToken;
  event?: string;
}

/**
 * Every `/api` route: `apiProfile` is required (400 responseCode 103, as probed on the real API),
 * then a live bearer token of that profile, then, when `needsEvent`, a known event code of the
 * token's org. Each call lands in the API-profile log, like RainFocus's API Profile logging.
 */
export function apiRoute(
  state: RainfocusState,
  def: { id: string; method: string; pattern: RegExp; needsEvent: boolean; handle: (ctx: ApiContext) => Reply },
): Route {
  return {
    id: def.id,
    method: def.method,
    pattern: def.pattern,
    handle: (ctx) => {
      const apiProfile = ctx.query.get("apiProfile") ?? ctx.headers["apiprofile"];
      if (!apiProfile) return rf(400, "103", "Required parameter missing: apiProfile");
      const event = ctx.query.get("event") ?? undefined;
      const reply = ((): Reply => {
        if (!state.credentials.has(apiProfile)) return rf(400, "104", "Invalid parameter: apiProfile");
        const token = state.tokenInfo(ctx.headers.authorization);
        if (!token || token.clientId !== apiProfile) return rf(401, "107", "Invalid or expired access token");
        if (def.needsEvent) {
          if (!event) return rf(400, "103", "Required parameter missing: event");
          if (state.events.get(event) !== token.orgId) return rf(400, "104", `Invalid parameter: event ${event}`);
        }
        return def.handle({ ...ctx, apiProfile, token, ...(event ? { event } : {}) });
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
