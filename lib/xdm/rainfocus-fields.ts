// The RainFocus push payload fields published in the RainFocus source documentation (seed 000),
// with where each lands in XDM. Single source of truth for the default schema, the default SOURCE
// mapping and the push-type catalog's samples.

export type RainFocusFieldGroup = "attendee" | "exhibitor" | "lead" | "session" | "sessiontime" | "transmission";

export interface RainFocusField {
  /** Path in the RainFocus payload. */
  source: string;
  /** XDM path; `{tenant}` stands for `_{tenantId}`. */
  xdm: string;
  /** XDM type of the target. */
  type: "string" | "integer" | "date-time";
  group: RainFocusFieldGroup;
  example: string | number;
  description: string;
  /** Java date pattern of the source value when it is not RFC 3339. */
  sourceDateFormat?: string;
}

export const RAINFOCUS_FIELDS: readonly RainFocusField[] = [
  {
    source: "attendee.registered",
    xdm: "{tenant}.attendee.registered",
    type: "string",
    group: "attendee",
    example: "Yes",
    description: "Whether the attendee counts as registered.",
  },
  {
    source: "attendee.attendeeId",
    xdm: "{tenant}.attendee.attendeeId",
    type: "string",
    group: "attendee",
    example: "1619119968857001fvLB",
    description: "Attendee id in RainFocus.",
  },
  {
    source: "attendee.externalId",
    xdm: "{tenant}.attendee.externalId",
    type: "string",
    group: "attendee",
    example: "1666809456617001wyPj",
    description: "External id set by the organisation.",
  },
  {
    source: "attendee.clientId",
    xdm: "{tenant}.attendee.clientId",
    type: "string",
    group: "attendee",
    example: "8EFC1F57631CAFE70A495ECB@8f3f1f5c631caf3e495fd8.e",
    description: "Attendee's SSO client id.",
  },
  {
    source: "attendee.email",
    xdm: "{tenant}.attendee.email",
    type: "string",
    group: "attendee",
    example: "user@company.com",
    description: "Attendee's email address.",
  },
  {
    source: "transmissionId",
    xdm: "{tenant}.transmissionId",
    type: "string",
    group: "transmission",
    example: "1680309557133001Yhz",
    description: "Unique id of this data transmission.",
  },
  {
    source: "eventType",
    xdm: "{tenant}.eventType",
    type: "string",
    group: "transmission",
    example: "SessionScheduled",
    description: "Name of the attendee experience event (push type).",
  },
  {
    source: "timestamp",
    xdm: "timestamp",
    type: "date-time",
    group: "transmission",
    example: "2023-04-01T00:41:57.000Z",
    description: "Time of the data transmission.",
  },
  {
    source: "event.name",
    xdm: "{tenant}.event.name",
    type: "string",
    group: "transmission",
    example: "Adobe Summit 2023",
    description: "Name of the event the transmission belongs to.",
  },
  {
    source: "exhibitor.exhibitorId",
    xdm: "{tenant}.exhibitor.exhibitorId",
    type: "string",
    group: "exhibitor",
    example: "1680309557133001Yhz",
    description: "Exhibitor id in RainFocus.",
  },
  {
    source: "exhibitor.externalId",
    xdm: "{tenant}.exhibitor.externalId",
    type: "string",
    group: "exhibitor",
    example: "1666809514105001lSJN",
    description: "Exhibitor id in the customer's system.",
  },
  { source: "exhibitor.name", xdm: "{tenant}.exhibitor.name", type: "string", group: "exhibitor", example: "IBM", description: "Exhibitor name." },
  { source: "lead.leadId", xdm: "{tenant}.lead.leadId", type: "string", group: "lead", example: "1666809456617001wyPj", description: "Lead id in RainFocus." },
  { source: "lead.note", xdm: "{tenant}.lead.note", type: "string", group: "lead", example: "Interested in a demo", description: "Note taken with the lead." },
  {
    source: "session.sessionId",
    xdm: "{tenant}.session.sessionId",
    type: "string",
    group: "session",
    example: "1666809373585001t4aV",
    description: "Session id in RainFocus.",
  },
  {
    source: "session.externalId",
    xdm: "{tenant}.session.externalId",
    type: "string",
    group: "session",
    example: "1666809456617001wyPj",
    description: "Session id in the customer's system.",
  },
  { source: "session.code", xdm: "{tenant}.session.code", type: "string", group: "session", example: "GS3", description: "Session code." },
  { source: "session.title", xdm: "{tenant}.session.title", type: "string", group: "session", example: "Inspiration Keynote", description: "Session title." },
  { source: "session.length", xdm: "{tenant}.session.length", type: "integer", group: "session", example: 90, description: "Session length in minutes." },
  {
    source: "sessiontime.sessiontimeId",
    xdm: "{tenant}.sessiontime.sessiontimeId",
    type: "string",
    group: "sessiontime",
    example: "1673033149739001OJLZ",
    description: "Session time id in RainFocus.",
  },
  {
    source: "sessiontime.startTime",
    xdm: "{tenant}.sessiontime.startTime",
    type: "date-time",
    group: "sessiontime",
    example: "2023-03-22 10:00:00",
    description: "Session start time.",
    sourceDateFormat: "yyyy-MM-dd HH:mm:ss",
  },
  {
    source: "sessiontime.endTime",
    xdm: "{tenant}.sessiontime.endTime",
    type: "date-time",
    group: "sessiontime",
    example: "2023-03-22 11:30:00",
    description: "Session end time.",
    sourceDateFormat: "yyyy-MM-dd HH:mm:ss",
  },
  {
    source: "sessiontime.room",
    xdm: "{tenant}.sessiontime.room",
    type: "string",
    group: "sessiontime",
    example: "B32",
    description: "Room used for the session.",
  },
];

/** AEP tenant ids are lowercase alphanumerics/underscores; a leading `_` is tolerated and stripped. */
export function normalizeTenantId(tenantId: string): string {
  const t = tenantId.startsWith("_") ? tenantId.slice(1) : tenantId;
  if (!/^[a-z0-9][a-z0-9_]{0,63}$/i.test(t)) throw new Error(`invalid AEP tenant id '${tenantId}'`);
  return t;
}

export const tenantPath = (xdm: string, tenantId: string) => xdm.replace("{tenant}", "_" + normalizeTenantId(tenantId));
