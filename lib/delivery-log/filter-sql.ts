import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDbDate } from "@/lib/db-date-range";
import { TIME_RANGES, type DeliveryFilter } from "./schemas";

// The delivery log's WHERE clause, shared by the page, the API, the export and bulk replay.
// Timestamps are timestamptz; bounds are passed as ISO strings (with their Z) cast to ::timestamptz,
// so a comparison means the same instant whatever the session's TimeZone.

/** Where the attendee's email lives: RainFocus pushes (attendee.email) or AEP profiles (attributes). */
export const EMAIL_SQL = Prisma.sql`COALESCE(d."sourcePayload" #>> '{attendee,email}', d."sourcePayload" #>> '{attributes,email,value}', d."sourcePayload" #>> '{attributes,email}', d."mappedPayload" ->> 'email')`;

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;

export type Cursor = { receivedAt: Date; id: string };

export function encodeCursor(c: { receivedAt: Date; id: string }): string {
  return `${c.receivedAt.toISOString()}_${c.id}`;
}

export function decodeCursor(s: string | undefined): Cursor | undefined {
  if (!s) return undefined;
  const i = s.indexOf("_");
  const receivedAt = new Date(s.slice(0, i));
  if (i < 0 || !isDbDate(receivedAt)) return undefined;
  return { receivedAt, id: s.slice(i + 1) };
}

export function timeBounds(f: DeliveryFilter, now = Date.now()): { from?: Date; to?: Date } {
  const from = f.range ? new Date(now - TIME_RANGES[f.range]) : f.from;
  return { ...(from ? { from } : {}), ...(!f.range && f.to ? { to: f.to } : {}) };
}

/** Conditions for a filter (AND-ed), plus an optional keyset position (rows strictly older). */
export function filterConditions(f: DeliveryFilter, opts: { cursor?: Cursor; until?: Date; emailsMasked?: boolean } = {}): Prisma.Sql {
  const c: Prisma.Sql[] = [];
  if (f.profileId) c.push(Prisma.sql`d."profileId" = ${f.profileId}`);
  if (f.direction) c.push(Prisma.sql`d.direction = ${f.direction}::"Direction"`);
  if (f.status?.length) c.push(Prisma.sql`d.status IN (${Prisma.join(f.status.map((s) => Prisma.sql`${s}::"DeliveryStatus"`))})`);
  if (f.pushType) c.push(Prisma.sql`d."pushType" = ${f.pushType}`);
  if (f.http === "none") c.push(Prisma.sql`d."lastStatusCode" IS NULL`);
  else if (f.http) {
    const lo = Number(f.http[0]) * 100;
    c.push(Prisma.sql`d."lastStatusCode" >= ${lo} AND d."lastStatusCode" < ${lo + 100}`);
  }
  const { from, to } = timeBounds(f);
  if (f.attempt) c.push(attemptCondition(f, from, to));
  else {
    if (from) c.push(Prisma.sql`d."receivedAt" >= ${ts(from)}`);
    if (to) c.push(Prisma.sql`d."receivedAt" <= ${ts(to)}`);
  }
  if (opts.until) c.push(Prisma.sql`d."receivedAt" <= ${ts(opts.until)}`);
  if (f.test) c.push(Prisma.sql`d.test = ${f.test === "yes"}`);
  if (f.mappingVersion === "default") c.push(Prisma.sql`d."mappingVersion" IS NULL`);
  else if (f.mappingVersion !== undefined) c.push(Prisma.sql`d."mappingVersion" = ${f.mappingVersion}`);
  if (f.failedAttempts)
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM "Attempt" a WHERE a."deliveryId" = d.id AND (a."errorClass" IS NOT NULL OR a."responseStatus" >= 400))`);
  if (f.q) c.push(searchCondition(f.q, !!opts.emailsMasked));
  if (f.attendee) c.push(attendeeCondition(f.attendee));
  if (opts.cursor) c.push(Prisma.sql`(d."receivedAt", d.id) < (${ts(opts.cursor.receivedAt)}, ${opts.cursor.id})`);
  return c.length ? Prisma.sql`WHERE ${Prisma.join(c, " AND ")}` : Prisma.empty;
}

// An email address as the masking finds one (lib/email-mask.ts), in PostgreSQL's regex syntax.
const EMAIL_RE = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

/**
 * The search box: an id, a transmission or attendee id, an email, or words of the error. Where the
 * reader sees emails masked, a search must not reveal them either: a substring search answered
 * "does any address contain 'ad'?", and about 460 such questions recovered a masked address. There
 * an email matches only whole (trimmed, any case, or its sha256 identity), and the error text is
 * searched with its addresses taken out.
 */
function searchCondition(q: string, emailsMasked: boolean): Prisma.Sql {
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const ids = Prisma.sql`d."transmissionId" = ${q} OR d.id = ${q} OR d."sourcePayload" #>> '{attendee,attendeeId}' = ${q}`;
  if (!emailsMasked) return Prisma.sql`(${ids} OR ${EMAIL_SQL} ILIKE ${like} OR d."lastError" ILIKE ${like})`;
  const whole = q.trim().toLowerCase();
  return Prisma.sql`(${ids} OR lower(trim(${EMAIL_SQL})) = ${whole} OR ${attendeeCondition(whole)} OR regexp_replace(d."lastError", ${EMAIL_RE}, '', 'g') ILIKE ${like})`;
}

/** An attempt of the chosen outcome in the time bounds (the dashboard's counting, see lib/dashboard/aggregates.ts). */
function attemptCondition(f: DeliveryFilter, from?: Date, to?: Date): Prisma.Sql {
  const replay = Prisma.sql`(d."replayedAt" IS NOT NULL AND a."startedAt" >= d."replayedAt")`;
  const a: Prisma.Sql[] = [Prisma.sql`a."deliveryId" = d.id`];
  if (f.attempt === "delivered") a.push(Prisma.sql`a.outcome = 'DELIVERED' AND NOT ${replay}`);
  else if (f.attempt === "replayed") a.push(Prisma.sql`a.outcome = 'DELIVERED' AND ${replay}`);
  else a.push(Prisma.sql`a.outcome <> 'DELIVERED'`);
  if (from) a.push(Prisma.sql`a."startedAt" >= ${ts(from)}`);
  if (to) a.push(Prisma.sql`a."startedAt" <= ${ts(to)}`);
  if (f.attemptError) a.push(Prisma.sql`md5(left(a.error, 160)) = ${f.attemptError}`);
  return Prisma.sql`EXISTS (SELECT 1 FROM "Attempt" a WHERE ${Prisma.join(a, " AND ")})`;
}

/** AEP's identity for an email: sha256(lower(trim(email))), as the destination mapping computes it. */
export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

function attendeeCondition(who: string): Prisma.Sql {
  const sourceId = Prisma.sql`d."sourcePayload" #>> '{attendee,attendeeId}' = ${who}`;
  if (/^[0-9a-f]{64}$/i.test(who)) return Prisma.sql`d."sourcePayload" #>> '{identityMap,email_lc_sha256,0,id}' = ${who.toLowerCase()}`;
  if (!who.includes("@")) return sourceId;
  const email = who.toLowerCase();
  return Prisma.sql`(lower(trim(d."sourcePayload" #>> '{attendee,email}')) = ${email}
      OR lower(trim(COALESCE(d."sourcePayload" #>> '{attributes,email,value}', d."sourcePayload" #>> '{attributes,email}'))) = ${email}
      OR d."sourcePayload" #>> '{identityMap,email_lc_sha256,0,id}' = ${emailHash(who)})`;
}
