import type { Reply, Route } from "../kit/server";
import type { RainfocusState } from "./state";

const bad = (message: string): Reply => ({ status: 400, body: { error: "bad_request", message } });

/** RainFocus-specific `/_emulator/*` routes. */
export function rainfocusControlRoutes(state: RainfocusState): Route[] {
  const route = (id: string, method: string, pattern: RegExp, handle: Route["handle"]): Route => ({ id, method, pattern, control: true, handle });
  return [
    route("control.credentials", "POST", /^\/_emulator\/credentials$/, (ctx) => {
      const c = ctx.json as { clientId?: string; clientSecret?: string; orgId?: string } | undefined;
      if (!c?.clientId || !c.clientSecret || !c.orgId) return bad("clientId, clientSecret and orgId are required");
      state.credentials.set(c.clientId, { clientId: c.clientId, clientSecret: c.clientSecret, orgId: c.orgId });
      return { status: 201, body: { clientId: c.clientId } };
    }),
    route("control.events", "POST", /^\/_emulator\/events$/, (ctx) => {
      const e = ctx.json as { eventCode?: string; orgId?: string } | undefined;
      if (!e?.eventCode || !e.orgId) return bad("eventCode and orgId are required");
      state.events.set(e.eventCode, e.orgId);
      return { status: 201, body: e };
    }),
    route("control.events.list", "GET", /^\/_emulator\/events$/, () => ({
      status: 200,
      body: { events: [...state.events.entries()].map(([eventCode, orgId]) => ({ eventCode, orgId })) },
    })),
    route("control.attendees", "GET", /^\/_emulator\/attendees$/, (ctx) => {
      const event = ctx.query.get("event");
      const out = [...state.attendees.entries()]
        .filter(([k]) => !event || k.endsWith(`|${event}`))
        .map(([k, m]) => {
          const [orgId, environment, eventCode] = k.split("|");
          return { orgId, environment, eventCode, attendees: [...m.values()] };
        });
      return { status: 200, body: { stores: out } };
    }),
    route("control.tokens.expire", "POST", /^\/_emulator\/tokens\/expire$/, () => {
      for (const t of state.tokens.values()) t.expiresAt = 0;
      return { status: 200, body: { expired: state.tokens.size } };
    }),
    route("control.config", "POST", /^\/_emulator\/config$/, (ctx) => {
      const ttl = (ctx.json as { tokenTtlSeconds?: unknown } | undefined)?.tokenTtlSeconds;
      if (typeof ttl !== "number" || ttl <= 0) return bad("tokenTtlSeconds must be a positive number");
      state.config.tokenTtlSeconds = ttl;
      return { status: 200, body: { config: state.config } };
    }),
  ];
}

/** Injected faults answer in RainFocus's `{responseCode, responseMessage}` shape (OAuth shape for the token route). */
export function rainfocusFaultReply(routeId: string, status: number, body: unknown): Reply {
  if (body !== undefined) return { status, body };
  if (routeId === "rf.token")
    return { status, body: { error: status === 429 ? "too_many_requests" : "server_error", error_description: `Injected ${status}` } };
  if (status === 401) return { status, body: { responseCode: "107", responseMessage: "Invalid or expired access token" } };
  return { status, body: { responseCode: String(status), responseMessage: `Injected ${status}` } };
}
