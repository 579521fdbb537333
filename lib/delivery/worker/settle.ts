import { poolOf, type PrismaClient } from "../../db-client";
import { parseJson } from "../../http/exchange";
import { newRowId } from "../ids";
import { decideRetry, type RetryPolicy } from "../retry-policy";
import type { AttemptExchange, ClaimedDelivery, SendOutcome } from "./types";

const MAX_RESPONSE_CHARS = 64 * 1024;

type AttemptRow = {
  id: string;
  deliveryId: string;
  number: number;
  requestUrl: string;
  requestHeaders: string;
  requestBody: string | null;
  responseStatus: number | null;
  responseHeaders: string | null;
  responseBody: string | null;
  durationMs: number;
  errorClass: string | null;
  error: string | null;
};

/** An Attempt as SQL parameters: JSON columns as JSON text, absent values as NULL. */
function attemptRow(d: ClaimedDelivery, x: AttemptExchange): AttemptRow {
  const ex = x.exchange;
  const requestBody = x.requestBody !== undefined ? x.requestBody : ex?.request.body !== undefined ? (parseJson(ex.request.body) ?? ex.request.body) : undefined;
  const responseBody = x.responseBody ?? ex?.response?.body;
  const error = x.error ?? ex?.error;
  return {
    id: newRowId(),
    deliveryId: d.id,
    // A token refresh makes two exchanges for one attempt; both carry the attempt's number.
    number: d.attempts,
    requestUrl: ex?.request.url ?? x.url ?? "",
    requestHeaders: JSON.stringify(ex?.request.headers ?? {}),
    requestBody: requestBody !== undefined ? JSON.stringify(requestBody) : null,
    responseStatus: ex?.response ? ex.response.status : null,
    responseHeaders: ex?.response ? JSON.stringify(ex.response.headers) : null,
    responseBody: responseBody !== undefined ? responseBody.slice(0, MAX_RESPONSE_CHARS) : null,
    durationMs: Math.round(ex?.durationMs ?? 0),
    errorClass: x.errorClass ?? null,
    error: error ? error.slice(0, 4000) : null,
  };
}

export type SettledStatus = "DELIVERED" | "RETRYING" | "FAILED" | "DEAD";

export interface SettleContext {
  policy: RetryPolicy;
  now?: Date;
  random?: () => number;
}

export interface SettleItem {
  d: ClaimedDelivery;
  outcome: SendOutcome;
  mappingVersion: number | null;
}

type Row = {
  id: string;
  token: string;
  status: SettledStatus;
  mapped: string | null;
  mappingVersion: number | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
};

function decide(item: SettleItem, ctx: SettleContext, now: Date): Row {
  const { d, outcome } = item;
  const row: Row = {
    id: d.id,
    token: d.leaseToken,
    status: "DELIVERED",
    mapped: outcome.mapped !== undefined ? JSON.stringify(outcome.mapped) : null,
    mappingVersion: item.mappingVersion,
    nextAttemptAt: null,
    deliveredAt: null,
    lastStatusCode: outcome.statusCode ?? null,
    lastError: null,
  };
  if (outcome.kind === "delivered") return { ...row, deliveredAt: now.toISOString() };
  const decision = decideRetry(
    { attempts: d.attempts, retryable: outcome.retryable, ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}), receivedAt: d.receivedAt, now },
    ctx.policy,
    ctx.random,
  );
  const lastError = decision.kind === "dead" ? `${outcome.error} (${decision.reason})` : outcome.error;
  return {
    ...row,
    status: decision.kind === "retry" ? "RETRYING" : decision.kind === "dead" ? "DEAD" : "FAILED",
    lastError: lastError.slice(0, 4000),
    nextAttemptAt: decision.kind === "retry" ? decision.at.toISOString() : null,
  };
}

// One statement for the whole set, attempts and deliveries together (atomic on its own): settling
// row by row through Prisma cost a transaction and ~1–2 ms of CPU per delivery, which capped a
// worker at a few hundred deliveries a second. Times are written as UTC, as Prisma writes these
// timestamp-without-time-zone columns.
const SETTLE_SQL = `
  WITH attempts AS (
    INSERT INTO "Attempt" (id, "deliveryId", number, "requestUrl", "requestHeaders", "requestBody", "responseStatus", "responseHeaders", "responseBody", "durationMs", "errorClass", error, "startedAt")
    SELECT a.id, a.did, a.num, a.url, a.reqh::jsonb, a.reqb::jsonb, a.st, a.resh::jsonb, a.resb, a.ms, a.ec, a.err, now() AT TIME ZONE 'UTC'
      FROM unnest($10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::text[], $16::int[], $17::text[], $18::text[], $19::int[], $20::text[], $21::text[])
           AS a(id, did, num, url, reqh, reqb, st, resh, resb, ms, ec, err)
    RETURNING 1
  )
  UPDATE "Delivery" d SET
    status = v.status::"DeliveryStatus",
    "leaseUntil" = NULL,
    "leaseToken" = NULL,
    "mappingVersion" = v.mv,
    "mappedPayload" = COALESCE(v.mapped::jsonb, d."mappedPayload"),
    "lastStatusCode" = v.code,
    "lastError" = v.err,
    "deliveredAt" = COALESCE(v.delivered::timestamptz AT TIME ZONE 'UTC', d."deliveredAt"),
    "nextAttemptAt" = COALESCE(v.next::timestamptz AT TIME ZONE 'UTC', d."nextAttemptAt")
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])
       AS v(id, token, status, mapped, mv, code, err, delivered, next)
  WHERE d.id = v.id AND d."leaseToken" = v.token
  RETURNING d.id`;

/**
 * Records the attempts and the deliveries' new states in one short transaction. An update only
 * applies while the worker still holds that delivery's lease: if the lease expired and another
 * worker took the delivery over, the attempt is still logged but the newer owner's outcome stands.
 */
export async function settleMany(db: PrismaClient, items: readonly SettleItem[], ctx: SettleContext): Promise<{ status: SettledStatus; owned: boolean }[]> {
  if (items.length === 0) return [];
  const now = ctx.now ?? new Date();
  const rows = items.map((it) => decide(it, ctx, now));
  const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
  const attempts = items.flatMap((it) => it.outcome.exchanges.map((x) => attemptRow(it.d, x)));
  const acol = <K extends keyof AttemptRow>(k: K) => attempts.map((a) => a[k]);
  const updated = await poolOf(db).query<{ id: string }>(SETTLE_SQL, [
    col("id"), col("token"), col("status"), col("mapped"), col("mappingVersion"), col("lastStatusCode"), col("lastError"), col("deliveredAt"), col("nextAttemptAt"),
    acol("id"), acol("deliveryId"), acol("number"), acol("requestUrl"), acol("requestHeaders"), acol("requestBody"), acol("responseStatus"),
    acol("responseHeaders"), acol("responseBody"), acol("durationMs"), acol("errorClass"), acol("error"),
  ]);
  const owned = new Set(updated.rows.map((r) => r.id));
  return rows.map((r) => ({ status: r.status, owned: owned.has(r.id) }));
}

/** One delivery: see settleMany. */
export async function settle(
  db: PrismaClient,
  d: ClaimedDelivery,
  outcome: SendOutcome,
  ctx: SettleContext & { mappingVersion: number | null },
): Promise<{ status: SettledStatus; owned: boolean }> {
  const [r] = await settleMany(db, [{ d, outcome, mappingVersion: ctx.mappingVersion }], ctx);
  return r!;
}
