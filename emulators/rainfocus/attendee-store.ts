import type { Route } from "../kit/server";
import { apiRoute, rf } from "./api-guard";
import type { RainfocusState, StoredAttendee } from "./state";

// The 12 fields the AEP "RainFocus Attendee Profiles" destination can map to.
export const ATTENDEE_FIELDS = [
  "address1",
  "address2",
  "city",
  "companyname",
  "countryid",
  "email",
  "firstname",
  "lastname",
  "jobtitle",
  "phone",
  "state",
  "zip",
];
const MAX_PER_CALL = 1000;

interface FieldError {
  index: number;
  field: string;
  message: string;
}

export function validate(a: unknown, index: number): FieldError[] {
  if (!a || typeof a !== "object" || Array.isArray(a)) return [{ index, field: "", message: "must be an object" }];
  const errors: FieldError[] = [];
  for (const [field, v] of Object.entries(a)) {
    if (!ATTENDEE_FIELDS.includes(field)) errors.push({ index, field, message: "unknown field" });
    else if (typeof v !== "string") errors.push({ index, field, message: "must be a string" });
    else if (v.length > 255) errors.push({ index, field, message: "longer than 255 characters" });
  }
  const r = a as Record<string, unknown>;
  if (typeof r.email !== "string" || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email)) errors.push({ index, field: "email", message: "a valid email is required" });
  if (typeof r.countryid === "string" && !/^[A-Z]{2}$/.test(r.countryid))
    errors.push({ index, field: "countryid", message: "must be an ISO 3166-1 alpha-2 code" });
  if (typeof r.state === "string" && !/^([A-Z]{2}|\d{2})$/.test(r.state)) errors.push({ index, field: "state", message: "must be a FIPS state code" });
  return errors;
}

export function attendeeRoutes(state: RainfocusState): Route[] {
  return [
    apiRoute(state, {
      id: "rf.attendee.store",
      method: "POST",
      pattern: /^\/api\/attendee\/store$/,
      needsEvent: true,
      handle: (ctx) => {
        const list = (ctx.json as { attendees?: unknown } | undefined)?.attendees;
        if (!Array.isArray(list) || list.length === 0) return rf(400, "103", "Required parameter missing: attendees");
        if (list.length > MAX_PER_CALL) return rf(400, "105", `At most ${MAX_PER_CALL} attendees per call`);
        const errors = list.flatMap(validate);
        // All or nothing, so a retried request never half-applies.
        if (errors.length) return rf(400, "105", "Invalid attendee data", { errors });
        const store = state.store(ctx.orgId, ctx.environment, ctx.event!);
        const now = new Date().toISOString();
        const results = (list as Record<string, string>[]).map((a) => {
          const email = a.email!.trim().toLowerCase();
          const existing = store.get(email);
          const merged = {
            ...existing,
            ...a,
            email,
            attendeeId: existing?.attendeeId ?? state.newAttendeeId(),
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
          } as StoredAttendee;
          store.set(email, merged);
          return { attendeeId: merged.attendeeId, email, created: !existing };
        });
        return rf(200, "0", "Success", { attendees: results });
      },
    }),
    apiRoute(state, {
      id: "rf.attendee.get",
      method: "GET",
      pattern: /^\/api\/attendee$/,
      needsEvent: true,
      handle: (ctx) => {
        const email = ctx.query.get("email");
        if (!email) return rf(400, "103", "Required parameter missing: email");
        const a = state.store(ctx.orgId, ctx.environment, ctx.event!).get(email.trim().toLowerCase());
        return a ? rf(200, "0", "Success", { attendee: a }) : rf(404, "108", "Attendee not found");
      },
    }),
    apiRoute(state, {
      id: "rf.logs",
      method: "GET",
      pattern: /^\/api\/apiprofile\/logs$/,
      needsEvent: false,
      handle: (ctx) => {
        const since = Date.parse(ctx.query.get("since") ?? "");
        const limit = Math.min(Number(ctx.query.get("limit") ?? 50) || 50, 1000);
        const logs = state.logs
          .filter((l) => l.apiProfile === ctx.apiProfile && (Number.isNaN(since) || Date.parse(l.at) >= since))
          .slice(-limit)
          .reverse()
          .map(({ apiProfile: _p, ...l }) => l);
        return rf(200, "0", "Success", { logs });
      },
    }),
  ];
}
