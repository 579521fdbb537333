import type { Route } from "../kit/server";
import { apiRoute, rf } from "./api-guard";
import { validate } from "./attendee-store";
import type { RainfocusState, StoredAttendee } from "./state";

// The "one attendee per call" write style: `POST /api/{org}/v2/attendee/update?apiProfile=<key>`
// with one flat object `{event, email, firstname, countryId, stateId, …}` answering
// `{"attendeeId"}`. The only public RainFocus attendee write — third-party legacy code
// (github.com/bwEvents/rainfocus-service, RainFocusServiceImpl.java; API-CONTRACTS.md §7), not an
// official contract — so this route is as unconfirmed as the batch store beside it. Like that
// code, it accepts the apiProfile key alone; a bearer token, when sent, must be valid.

/** The legacy example's spellings of two of the destination's fields. */
const RENAMED: Record<string, string> = { countryId: "countryid", stateId: "state" };

export function attendeeUpdateRoutes(state: RainfocusState): Route[] {
  return [
    apiRoute(state, {
      id: "rf.attendee.update",
      method: "POST",
      pattern: /^\/api\/[^/]+\/v2\/attendee\/update$/,
      needsEvent: true,
      tokenOptional: true,
      eventFromBody: true,
      handle: (ctx) => {
        const org = decodeURIComponent(ctx.path.split("/")[2] ?? "");
        if (org !== ctx.orgId) return rf(400, "104", `Invalid parameter: org ${org}`);
        const body = ctx.json;
        if (!body || typeof body !== "object" || Array.isArray(body)) return rf(400, "103", "Required parameter missing: attendee");
        const { event: _event, ...fields } = body as Record<string, unknown>;
        const attendee = Object.fromEntries(Object.entries(fields).map(([k, v]) => [RENAMED[k] ?? k, v]));
        if (typeof attendee.email !== "string") return rf(400, "103", "Required parameter missing: email");
        const errors = validate(attendee, 0);
        if (errors.length) return rf(400, "105", "Invalid attendee data", { errors });
        const store = state.store(ctx.orgId, ctx.environment, ctx.event!);
        const email = attendee.email.trim().toLowerCase();
        const existing = store.get(email);
        const now = new Date().toISOString();
        const merged = {
          ...existing,
          ...(attendee as Record<string, string>),
          email,
          attendeeId: existing?.attendeeId ?? state.newAttendeeId(),
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        } as StoredAttendee;
        store.set(email, merged);
        return { status: 200, body: { attendeeId: merged.attendeeId } };
      },
    }),
  ];
}
