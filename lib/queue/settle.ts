import { poolOf, type PrismaClient } from "../db-client";
import { parseJson } from "../http/exchange";
import { newRowId } from "./ids";
import { decideRetry, type RetryPolicy } from "./retry-policy";
import type { AttemptExchange, ClaimedDelivery, SendOutcome } from "./types";

const MAX_RESPONSE_CHARS = 64 * 1024;

type AttemptRow = {
  id: string;
  did: string;
  num: number;
  url: string;
  reqh: unknown;
  reqb: unknown;
  st: number | null;
  resh: unknown;
  resb: string | null;
  ms: number;
  ec: string | null;
  err: string | null;
  /** The delivery's new status, on the attempt's last exchange only. */
  oc: string | null;
};

/** An Attempt as one element of the statement's JSON parameter; absent values are null. */
function attemptRow(d: ClaimedDelivery, x: AttemptExchange, outcome: string | null): AttemptRow {
  const ex = x.exchange;
  const requestBody =
    x.requestBody !== undefined ? x.requestBody : ex?.request.body !== undefined ? (parseJson(ex.request.body) ?? ex.request.body) : undefined;
  const responseBody = x.responseBody ?? ex?.response?.body;
  const error = x.error ?? ex?.error;
  return {
    id: newRowId(),
    did: d.id,
    // A token refresh makes two exchanges for one attempt; both carry the attempt's number.
    num: d.attempts,
    url: ex?.request.url ?? x.url ?? "",
    reqh: ex?.request.headers ?? {},
    reqb: requestBody ?? null,
    st: ex?.response ? ex.response.status : null,
    resh: ex?.response ? ex.response.headers : null,
    resb: responseBody !== undefined ? responseBody.slice(0, MAX_RESPONSE_CHARS) : null,
    ms: Math.round(ex?.durationMs ?? 0),
    ec: x.errorClass ?? null,
    err: error ? error.slice(0, 4000) : null,
    oc: outcome,
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
  mapped: unknown;
  mv: number | null;
  next: string | null;
  delivered: string | null;
  code: number | null;
  err: string | null;
};

function decide(item: SettleItem, ctx: SettleContext, now: Date): Row {
  const { d, outcome } = item;
  const row: Row = {
    id: d.id,
    token: d.leaseToken,
    status: "DELIVERED",
    mapped: outcome.mapped ?? null,
    mv: item.mappingVersion,
    next: null,
    delivered: null,
    code: outcome.statusCode ?? null,
    err: null,
  };
  if (outcome.kind === "delivered") return { ...row, delivered: now.toISOString() };
  const decision = decideRetry(
    {
      attempts: d.attempts,
      retryable: outcome.retryable,
      ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
      receivedAt: d.receivedAt,
      now,
    },
    ctx.policy,
    ctx.random,
  );
  const lastError = decision.kind === "dead" ? `${outcome.error} (${decision.reason})` : outcome.error;
  return {
    ...row,
    status: decision.kind === "retry" ? "RETRYING" : decision.kind === "dead" ? "DEAD" : "FAILED",
    err: lastError.slice(0, 4000),
    next: decision.kind === "retry" ? decision.at.toISOString() : null,
  };
}

// One statement for the whole set, attempts and deliveries together (atomic on its own): settling
// row by row through Prisma cost a transaction and ~1–2 ms of CPU per delivery, which capped a
// worker at a few hundred deliveries a second. Times are timestamptz: ISO strings with their zone,
// and the database clock. The rows travel as two JSON parameters (json_to_recordset)
// rather than one array per column: pg escapes array literals character by character, which cost
// more than the rest of the settle. The ids also travel as an array, so PostgreSQL finds the rows
// by primary key: joined on the JSON alone (it guesses 100 rows for any JSON), it hash-joined them
// against a scan of the whole Delivery table while the table was small enough to look cheap.
const SETTLE_SQL = `
  WITH attempts AS (
    INSERT INTO "Attempt" (id, "deliveryId", number, "requestUrl", "requestHeaders", "requestBody", "responseStatus", "responseHeaders", "responseBody", "durationMs", "errorClass", error, "startedAt", outcome)
    SELECT a.id, a.did, a.num, a.url, a.reqh, a.reqb, a.st, a.resh, a.resb, a.ms, a.ec, a.err, now(), a.oc
      FROM json_to_recordset($2::json) AS a(id text, did text, num int, url text, reqh jsonb, reqb jsonb, st int, resh jsonb, resb text, ms int, ec text, err text, oc text)
    RETURNING 1
  )
  UPDATE "Delivery" d SET
    status = v.status::"DeliveryStatus",
    "leaseUntil" = NULL,
    "leaseToken" = NULL,
    "mappingVersion" = v.mv,
    "mappedPayload" = COALESCE(v.mapped, d."mappedPayload"),
    "lastStatusCode" = v.code,
    "lastError" = v.err,
    "deliveredAt" = COALESCE(v.delivered, d."deliveredAt"),
    "nextAttemptAt" = COALESCE(v.next, d."nextAttemptAt")
  FROM json_to_recordset($1::json) AS v(id text, token text, status text, mapped jsonb, mv int, code int, err text, delivered timestamptz, next timestamptz)
  WHERE d.id = ANY($3::text[]) AND d.id = v.id AND d."leaseToken" = v.token
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
  const attempts = items.flatMap((it, i) => it.outcome.exchanges.map((x, j, all) => attemptRow(it.d, x, j === all.length - 1 ? rows[i]!.status : null)));
  const updated = await poolOf(db).query<{ id: string }>({
    // Named: each connection plans it once (a plan of primary-key lookups, the same for any batch).
    name: "relay-settle",
    text: SETTLE_SQL,
    values: [JSON.stringify(rows), JSON.stringify(attempts), rows.map((r) => r.id)],
  });
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
