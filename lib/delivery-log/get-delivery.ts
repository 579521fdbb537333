import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { validateXdm } from "@/lib/xdm/validator";
import { buildCurl } from "./curl";
import { maskEmailsDeep } from "@/lib/email-mask";
import { currentMappingVersion, schemaModelFor } from "./mapping-now";

export type Validation = { kind: "xdm"; ok: boolean; errors: { pointer: string; message: string }[] } | { kind: "none"; reason: string };

/**
 * One delivery with everything the detail view shows: payloads, every attempt (oldest first)
 * with a redacted cURL, the XDM validation of what was sent, and the mapping versions.
 */
export async function getDeliveryDetail(id: string, opts: { maskEmails: boolean }) {
  const d = await db.delivery.findUnique({
    where: { id },
    include: {
      profile: { select: { id: true, name: true, direction: true, tenantId: true, status: true, deletedAt: true } },
      attemptLog: { orderBy: [{ number: "asc" }, { startedAt: "asc" }] },
    },
  });
  if (!d) throw new DomainError("This delivery does not exist (or its record was pruned).", "not_found");
  const model = await schemaModelFor(d.profile, d.mappingVersion);
  let validation: Validation;
  if (d.direction === "DESTINATION") validation = { kind: "none", reason: "AEP → RainFocus deliveries map to RainFocus attendee fields, not XDM." };
  else if (!d.mappedPayload) validation = { kind: "none", reason: "Not mapped yet (or the mapping failed before producing output)." };
  else if (!model) validation = { kind: "none", reason: "The profile has no AEP tenant ID, so there is no XDM schema to validate against." };
  else {
    // Tolerate a timestamp slightly ahead of this server's clock: validation ran at send time.
    const errors = validateXdm(model, d.mappedPayload, { futureToleranceMs: 24 * 3600_000 }).map((e) => ({
      pointer: e.pointerToViolation,
      message: e.message,
    }));
    validation = { kind: "xdm", ok: errors.length === 0, errors };
  }
  const attempts = d.attemptLog.map((a) => ({
    id: a.id,
    number: a.number,
    startedAt: a.startedAt,
    requestUrl: a.requestUrl,
    requestHeaders: a.requestHeaders as Record<string, string>,
    requestBody: a.requestBody,
    responseStatus: a.responseStatus,
    responseHeaders: (a.responseHeaders ?? null) as Record<string, string> | null,
    responseBody: a.responseBody,
    durationMs: a.durationMs,
    errorClass: a.errorClass,
    error: a.error,
    curl: a.requestUrl.startsWith("http") ? buildCurl(a) : null,
  }));
  const detail = {
    id: d.id,
    profile: { id: d.profile.id, name: d.profile.name, direction: d.profile.direction, status: d.profile.status, deleted: !!d.profile.deletedAt },
    direction: d.direction,
    pushType: d.pushType,
    /** AEP deliveries: the wire format of the request it came in (http-api, sdk-aggregated, sdk-single). */
    inboundFormat: d.inboundFormat,
    transmissionId: d.transmissionId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === "RETRYING" || d.status === "QUEUED" ? d.nextAttemptAt : null,
    receivedAt: d.receivedAt,
    deliveredAt: d.deliveredAt,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    note: d.note,
    test: d.test,
    mappingVersion: d.mappingVersion,
    currentMappingVersion: await currentMappingVersion(d.profileId),
    sourcePayload: d.sourcePayload,
    mappedPayload: d.mappedPayload,
    validation,
    attemptLog: attempts,
  };
  return opts.maskEmails ? maskEmailsDeep(detail) : detail;
}
export type DeliveryDetail = Awaited<ReturnType<typeof getDeliveryDetail>>;
