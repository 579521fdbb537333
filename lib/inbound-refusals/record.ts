import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { toStorableText } from "@/lib/http/json-text";

// Refused inbound requests, counted per minute × endpoint × profile id × code × client address and
// written in the background (one upsert a second), so a flood of bad signatures costs the database
// one statement a second, not one row per request. Nothing of the request is kept but its URL's
// profile id, the client address and our own answer: most refused senders are not authenticated.
// Bounded: at most MAX_KEYS_PER_MINUTE distinct rows per minute per process; further senders that
// minute are folded into one "(others)" row, so the counts still add up.

export const MAX_KEYS_PER_MINUTE = 300;
const FLUSH_MS = 1000;
const OTHERS = "(others)";

export type Refusal = { endpoint: string; profileId: string; status: number; code: string; message: string; ip: string; requestId: string; at?: Date };
type Row = {
  minute: string;
  endpoint: string;
  profileId: string;
  status: number;
  code: string;
  message: string;
  ip: string;
  requestId: string;
  count: number;
  firstAt: string;
  lastAt: string;
};

let pending = new Map<string, Row>();
let keysThisMinute = { minute: "", n: 0 };
// biome-ignore lint/correctness/noUnusedVariables: read by `timer ??=` in recordRefusal, which Biome does not count as a read
let timer: NodeJS.Timeout | undefined;
let flushing: Promise<void> = Promise.resolve();

export function recordRefusal(refusal: Refusal): void {
  // What a sender put in the URL may hold NUL or half a surrogate pair, which PostgreSQL refuses
  // as text: one such row made the whole second's batch fail (fuzzed requests lost every refusal
  // recorded beside them). Stored with U+FFFD in their place instead.
  const r = {
    ...refusal,
    profileId: toStorableText(refusal.profileId),
    message: toStorableText(refusal.message),
    ip: toStorableText(refusal.ip),
    requestId: toStorableText(refusal.requestId),
  };
  const at = r.at ?? new Date();
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString();
  let profileId = r.profileId.slice(0, 100);
  let ip = r.ip.slice(0, 64);
  let key = [minute, r.endpoint, profileId, r.code, ip].join("\u0000");
  if (!pending.has(key)) {
    if (keysThisMinute.minute !== minute) keysThisMinute = { minute, n: 0 };
    if (++keysThisMinute.n > MAX_KEYS_PER_MINUTE) {
      profileId = OTHERS;
      ip = OTHERS;
      key = [minute, r.endpoint, profileId, r.code, ip].join("\u0000");
    }
  }
  const iso = at.toISOString();
  const row = pending.get(key);
  if (row) {
    row.count++;
    row.lastAt = iso;
    row.requestId = r.requestId;
  } else {
    pending.set(key, {
      minute,
      endpoint: r.endpoint,
      profileId,
      status: r.status,
      code: r.code,
      message: r.message.slice(0, 300),
      ip,
      requestId: r.requestId.slice(0, 128),
      count: 1,
      firstAt: iso,
      lastAt: iso,
    });
  }
  timer ??= setTimeout(() => void flushRefusals(), FLUSH_MS).unref();
}

/** Writes what is pending now (tests and shutdown call it; otherwise a timer does). */
export function flushRefusals(): Promise<void> {
  timer = undefined;
  const rows = [...pending.values()];
  pending = new Map();
  if (rows.length === 0) return flushing;
  flushing = flushing.then(() => writeOrSplit(rows));
  return flushing;
}

/** One statement for the batch; if the database refuses it, row by row, so one bad row loses only itself. */
async function writeOrSplit(rows: Row[]): Promise<void> {
  try {
    await write(rows);
  } catch (e) {
    if (rows.length === 1) return void log.warn("inbound refusal not recorded", { endpoint: rows[0]!.endpoint, code: rows[0]!.code, error: String(e) });
    for (const row of rows) await writeOrSplit([row]);
  }
}

async function write(rows: Row[]) {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "InboundRefusal" (id, minute, endpoint, "profileId", status, code, message, ip, "requestId", count, "firstAt", "lastAt")
    SELECT gen_random_uuid()::text, r.minute, r.endpoint, r."profileId", r.status, r.code, r.message, r.ip, r."requestId", r.count, r."firstAt", r."lastAt"
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS r(minute timestamptz, endpoint text, "profileId" text, status int, code text, message text, ip text, "requestId" text, count int, "firstAt" timestamptz, "lastAt" timestamptz)
    ON CONFLICT (minute, endpoint, "profileId", code, ip) DO UPDATE SET
      count = "InboundRefusal".count + EXCLUDED.count,
      "lastAt" = GREATEST("InboundRefusal"."lastAt", EXCLUDED."lastAt"),
      "requestId" = EXCLUDED."requestId", status = EXCLUDED.status, message = EXCLUDED.message`);
}
