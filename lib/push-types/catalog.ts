// Push types RainFocus sends to an "Adobe Experience Platform" integration profile. RainFocus's
// "Push Type Dictionary" is not published: only SessionScheduled is confirmed (seed 000); the rest
// are assumptions built from the documented payload fields, flagged `confirmed: false`, so admins
// can add or rename types. Pure data + a deterministic generator (emulator push simulator, benchmarks).

import { createPrng } from "../prng";

export type PushTypeName =
  | "AttendeeRegistered"
  | "AttendeeUpdated"
  | "AttendeeCancelled"
  | "SessionScheduled"
  | "SessionUnscheduled"
  | "SessionWaitlisted"
  | "SessionAttended"
  | "LeadCaptured"
  | "ExhibitorMeeting";

type Part = "attendee" | "session" | "sessiontime" | "exhibitor" | "lead";

export interface PushTypeDefinition {
  name: PushTypeName;
  label: string;
  description: string;
  /** true only when the name appears in RainFocus/Adobe public docs. */
  confirmed: boolean;
  /** Payload paths this push type carries. */
  fields: readonly string[];
  samplePayload: RainFocusPushPayload;
}

export interface RainFocusPushPayload {
  transmissionId: string;
  eventType: string;
  timestamp: string;
  event: { name: string };
  attendee: { registered: string; attendeeId: string; externalId: string; clientId: string; email: string };
  session?: { sessionId: string; externalId: string; code: string; title: string; length: number };
  sessiontime?: { sessiontimeId: string; startTime: string; endTime: string; room: string };
  exhibitor?: { exhibitorId: string; externalId: string; name: string };
  lead?: { leadId: string; note: string };
}

const PART_FIELDS: Record<Part, string[]> = {
  attendee: ["attendee.registered", "attendee.attendeeId", "attendee.externalId", "attendee.clientId", "attendee.email"],
  session: ["session.sessionId", "session.externalId", "session.code", "session.title", "session.length"],
  sessiontime: ["sessiontime.sessiontimeId", "sessiontime.startTime", "sessiontime.endTime", "sessiontime.room"],
  exhibitor: ["exhibitor.exhibitorId", "exhibitor.externalId", "exhibitor.name"],
  lead: ["lead.leadId", "lead.note"],
};
const COMMON_FIELDS = ["transmissionId", "eventType", "timestamp", "event.name"];

interface Spec {
  name: PushTypeName;
  label: string;
  description: string;
  confirmed: boolean;
  parts: Part[];
  registered: string;
}

const SPECS: Spec[] = [
  {
    name: "AttendeeRegistered",
    label: "Attendee registered",
    description: "An attendee completed registration for the event.",
    confirmed: false,
    parts: ["attendee"],
    registered: "Yes",
  },
  {
    name: "AttendeeUpdated",
    label: "Attendee updated",
    description: "An attendee's registration details changed.",
    confirmed: false,
    parts: ["attendee"],
    registered: "Yes",
  },
  {
    name: "AttendeeCancelled",
    label: "Attendee cancelled",
    description: "An attendee cancelled their registration.",
    confirmed: false,
    parts: ["attendee"],
    registered: "No",
  },
  {
    name: "SessionScheduled",
    label: "Session scheduled",
    description: "An attendee added a session time to their schedule (documented example push type).",
    confirmed: true,
    parts: ["attendee", "session", "sessiontime"],
    registered: "Yes",
  },
  {
    name: "SessionUnscheduled",
    label: "Session unscheduled",
    description: "An attendee removed a session time from their schedule.",
    confirmed: false,
    parts: ["attendee", "session", "sessiontime"],
    registered: "Yes",
  },
  {
    name: "SessionWaitlisted",
    label: "Session waitlisted",
    description: "An attendee joined the waitlist of a full session time.",
    confirmed: false,
    parts: ["attendee", "session", "sessiontime"],
    registered: "Yes",
  },
  {
    name: "SessionAttended",
    label: "Session attended",
    description: "An attendee was scanned into a session time.",
    confirmed: false,
    parts: ["attendee", "session", "sessiontime"],
    registered: "Yes",
  },
  {
    name: "LeadCaptured",
    label: "Lead captured",
    description: "An exhibitor scanned an attendee's badge and recorded a lead.",
    confirmed: false,
    parts: ["attendee", "exhibitor", "lead"],
    registered: "Yes",
  },
  {
    name: "ExhibitorMeeting",
    label: "Exhibitor meeting",
    description: "An attendee booked a meeting with an exhibitor at a set time and room.",
    confirmed: false,
    parts: ["attendee", "exhibitor", "sessiontime"],
    registered: "Yes",
  },
];

const FIRST = ["Ava", "Liam", "Noor", "Mateo", "Yuki", "Chloé", "Kwame", "Ingrid", "Ravi", "Sofia", "Oliver", "Mei", "Lucas", "Amara", "Jonas", "Priya"];
const LAST = [
  "Martin",
  "Okafor",
  "Larsson",
  "García",
  "Tanaka",
  "Dubois",
  "Mensah",
  "Nilsson",
  "Sharma",
  "Rossi",
  "Smith",
  "Chen",
  "Silva",
  "Haddad",
  "Weber",
  "Kowalski",
];
const COMPANIES = ["acme.com", "globex.io", "initech.com", "umbrella.co", "hooli.com", "stark.example", "wayne.example", "tyrell.io"];
const SESSIONS: [string, string, number][] = [
  ["GS3", "Inspiration Keynote", 90],
  ["S101", "Real-Time CDP in Practice", 45],
  ["S214", "Journey Optimizer Deep Dive", 60],
  ["L330", "Hands-on: Data Prep Mapping", 120],
  ["S402", "Privacy by Design for Events", 30],
  ["GS1", "Opening General Session", 75],
];
const EXHIBITORS = ["IBM", "Accenture", "Deloitte", "Microsoft", "Publicis Sapient", "Cognizant"];
const ROOMS = ["B32", "Hall A", "Lando 4301", "Marcello 4505", "Palazzo K", "Expo Booth 1142"];
const NOTES = ["Interested in a demo", "Follow up after the event", "Wants pricing for 500 seats", "Met at booth; evaluating Q3", ""];
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Deterministic, so the same (type, index) always yields the same payload. */
const rng = createPrng;
function hashName(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pad2 = (n: number) => (n < 10 ? "0" : "") + n;
/** RainFocus session times are "yyyy-MM-dd HH:mm:ss" (no zone), not ISO. */
function rfTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** Default base time: the documented sample's timestamp (2023-04-01T00:41:57Z), safely in the past. */
export const DEFAULT_BASE_TIME = Date.UTC(2023, 3, 1, 0, 41, 57);

export interface GenerateOptions {
  /** Epoch ms of index 0; events advance 31 s per index (wrapping after ~1 year) so they stay in the past. */
  baseTime?: number;
  eventName?: string;
}

function specOf(type: string): Spec {
  const s = SPECS.find((x) => x.name === type);
  if (!s) throw new Error(`unknown push type '${type}'`);
  return s;
}

/** A realistic payload for `type`; deterministic in (type, index, options). */
export function generatePushEvent(type: PushTypeName | string, index: number, options: GenerateOptions = {}): RainFocusPushPayload {
  const spec = specOf(type);
  const r = rng(hashName(spec.name) ^ Math.imul(index + 1, 0x9e3779b1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const rfId = (ms: number, n: number) => {
    let s = String(ms) + "001";
    for (let i = 0; i < n; i++) s += ALNUM[Math.floor(r() * ALNUM.length)];
    return s;
  };
  const when = (options.baseTime ?? DEFAULT_BASE_TIME) + (index % 1_000_000) * 31_000;
  const first = pick(FIRST),
    last = pick(LAST),
    domain = pick(COMPANIES);
  const email = `${first}.${last}${index % 100 === 0 ? "" : index % 1000}@${domain}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const payload: RainFocusPushPayload = {
    transmissionId: rfId(when + 12, 3),
    eventType: spec.name,
    timestamp: new Date(when).toISOString(),
    event: { name: options.eventName ?? "Adobe Summit 2023" },
    attendee: {
      registered: spec.registered,
      attendeeId: rfId(when - 86_400_000 * 40 - Math.floor(r() * 1e9), 4),
      externalId: rfId(when - 86_400_000 * 120 - Math.floor(r() * 1e9), 4),
      clientId: `${Math.floor(r() * 0xffffffff)
        .toString(16)
        .toUpperCase()
        .padStart(8, "0")}631CAFE70A495ECB@8f3f1f5c631caf3e495fd8.e`,
      email,
    },
  };
  if (spec.parts.includes("session")) {
    const [code, title, length] = pick(SESSIONS);
    payload.session = { sessionId: rfId(when - 9e9, 4), externalId: rfId(when - 8e9, 4), code, title, length };
  }
  if (spec.parts.includes("sessiontime")) {
    const start = Date.UTC(2023, 2, 20 + Math.floor(r() * 4), 8 + Math.floor(r() * 9), r() < 0.5 ? 0 : 30);
    const minutes = payload.session?.length ?? 30;
    payload.sessiontime = { sessiontimeId: rfId(when - 7e9, 4), startTime: rfTime(start), endTime: rfTime(start + minutes * 60_000), room: pick(ROOMS) };
  }
  if (spec.parts.includes("exhibitor")) {
    payload.exhibitor = { exhibitorId: rfId(when - 6e9, 3), externalId: rfId(when - 5e9, 4), name: pick(EXHIBITORS) };
  }
  if (spec.parts.includes("lead")) {
    const note = pick(NOTES);
    payload.lead = note ? { leadId: rfId(when - 1000, 4), note } : ({ leadId: rfId(when - 1000, 4) } as RainFocusPushPayload["lead"]);
  }
  return payload;
}

export const PUSH_TYPES: readonly PushTypeDefinition[] = SPECS.map((s) => ({
  name: s.name,
  label: s.label,
  description: s.description,
  confirmed: s.confirmed,
  fields: [...COMMON_FIELDS, ...s.parts.flatMap((p) => PART_FIELDS[p])],
  samplePayload: generatePushEvent(s.name, 0),
}));

export const PUSH_TYPE_NAMES: readonly PushTypeName[] = SPECS.map((s) => s.name);

export function getPushType(name: string): PushTypeDefinition | undefined {
  return PUSH_TYPES.find((p) => p.name === name);
}
