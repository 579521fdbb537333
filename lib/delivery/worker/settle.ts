import type { PrismaClient } from "../../db-client";
import type { Prisma } from "../../generated/prisma/client";
import { parseJson } from "../../http/exchange";
import { decideRetry, type RetryPolicy } from "../retry-policy";
import type { AttemptExchange, ClaimedDelivery, SendOutcome } from "./types";

const MAX_RESPONSE_CHARS = 64 * 1024;

function attemptRow(d: ClaimedDelivery, x: AttemptExchange): Prisma.AttemptCreateManyInput {
  const ex = x.exchange;
  const requestBody = x.requestBody !== undefined ? x.requestBody : ex?.request.body !== undefined ? (parseJson(ex.request.body) ?? ex.request.body) : undefined;
  const responseBody = x.responseBody ?? ex?.response?.body;
  const error = x.error ?? ex?.error;
  return {
    deliveryId: d.id,
    // A token refresh makes two exchanges for one attempt; both carry the attempt's number.
    number: d.attempts,
    requestUrl: ex?.request.url ?? x.url ?? "",
    requestHeaders: (ex?.request.headers ?? {}) as Prisma.InputJsonValue,
    ...(requestBody !== undefined ? { requestBody: requestBody as Prisma.InputJsonValue } : {}),
    ...(ex?.response ? { responseStatus: ex.response.status, responseHeaders: ex.response.headers as Prisma.InputJsonValue } : {}),
    ...(responseBody !== undefined ? { responseBody: responseBody.slice(0, MAX_RESPONSE_CHARS) } : {}),
    durationMs: Math.round(ex?.durationMs ?? 0),
    ...(x.errorClass ? { errorClass: x.errorClass } : {}),
    ...(error ? { error: error.slice(0, 4000) } : {}),
  };
}

export type SettledStatus = "DELIVERED" | "RETRYING" | "FAILED" | "DEAD";

/**
 * Records the attempt and the delivery's new state in one short transaction. The update only
 * applies while this worker still holds the lease: if the lease expired and another worker took
 * the delivery over, the attempt is still logged but the newer owner's outcome stands.
 */
export async function settle(
  db: PrismaClient,
  d: ClaimedDelivery,
  outcome: SendOutcome,
  ctx: { policy: RetryPolicy; mappingVersion: number | null; now?: Date; random?: () => number },
): Promise<{ status: SettledStatus; owned: boolean }> {
  const now = ctx.now ?? new Date();
  const base = { leaseUntil: null, leaseToken: null, mappingVersion: ctx.mappingVersion, ...(outcome.mapped !== undefined ? { mappedPayload: outcome.mapped as Prisma.InputJsonValue } : {}) };
  let status: SettledStatus;
  let data: Prisma.DeliveryUpdateManyMutationInput;
  if (outcome.kind === "delivered") {
    status = "DELIVERED";
    data = { ...base, status, deliveredAt: now, lastStatusCode: outcome.statusCode ?? null, lastError: null };
  } else {
    const decision = decideRetry(
      { attempts: d.attempts, retryable: outcome.retryable, ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}), receivedAt: d.receivedAt, now },
      ctx.policy,
      ctx.random,
    );
    status = decision.kind === "retry" ? "RETRYING" : decision.kind === "dead" ? "DEAD" : "FAILED";
    const lastError = decision.kind === "dead" ? `${outcome.error} (${decision.reason})` : outcome.error;
    data = { ...base, status, lastStatusCode: outcome.statusCode ?? null, lastError: lastError.slice(0, 4000), ...(decision.kind === "retry" ? { nextAttemptAt: decision.at } : {}) };
  }
  const [, updated] = await db.$transaction([
    db.attempt.createMany({ data: outcome.exchanges.map((x) => attemptRow(d, x)) }),
    db.delivery.updateMany({ where: { id: d.id, leaseToken: d.leaseToken }, data }),
  ]);
  return { status, owned: updated.count === 1 };
}
