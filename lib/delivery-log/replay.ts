import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/roles";
import { decodeCursor, encodeCursor, filterConditions } from "./filter-sql";
import { countDeliveries } from "./list-deliveries";
import { currentMappingVersion, remapWithCurrent } from "./mapping-now";
import { diffJson } from "./xdm-diff";
import type { DeliveryFilter, ReplayMode } from "./schemas";

// Replay puts a delivery back in the queue: status QUEUED, due now, lease cleared. Its attempt
// history stays (new attempts continue the numbering), and so does its attempt count, so a replayed
// delivery gets its next try at once and then only what is left of the retry budget.
//
// The worker always maps with the profile's latest published mapping (lib/worker). "current"
// is therefore what any replay sends; "original" is honoured when the delivery's version is still
// the current one and refused otherwise, rather than silently sending a different mapping.

type Ctx = { actor: Pick<Actor, "id" | "email">; ip: string | null };

const REPLAYABLE = ["FAILED", "DEAD", "DELIVERED", "RETRYING", "QUEUED"] as const;

/**
 * Back in the queue, due now, conditional on a replayable status (a worker that claimed one
 * meanwhile wins). The first replay's time is kept: attempts from then on are replays, and the
 * dashboard shows them as such instead of letting a replayed outage rewrite the window's outcomes.
 */
async function requeue(ids: string[]): Promise<number> {
  const now = Prisma.sql`${new Date().toISOString()}::timestamptz`;
  return db.$executeRaw(Prisma.sql`
    UPDATE "Delivery" SET status = 'QUEUED', "nextAttemptAt" = ${now}, "leaseUntil" = NULL, "leaseToken" = NULL, "deliveredAt" = NULL,
           "replayedAt" = COALESCE("replayedAt", ${now})
     WHERE id IN (${Prisma.join(ids)}) AND status IN (${Prisma.join(REPLAYABLE.map((s) => Prisma.sql`${s}::"DeliveryStatus"`))})`);
}

function sameVersion(a: number | null, b: number | null) {
  return (a ?? null) === (b ?? null);
}

function vLabel(v: number | null) {
  return v === null ? "the default mapping" : `v${v}`;
}

export function deletedProfileMessage(name: string) {
  return `The profile "${name}" was deleted, so nothing is sent for it any more: its deliveries cannot be replayed. Their history stays as it is.`;
}

/** "Replay with current mapping": the XDM it was sent with beside what the current mapping makes now. */
export async function replayPreview(deliveryId: string) {
  const d = await db.delivery.findUnique({
    where: { id: deliveryId },
    include: { profile: { select: { id: true, direction: true, tenantId: true, name: true, deletedAt: true } } },
  });
  if (!d) throw new DomainError("This delivery does not exist.", "not_found");
  if (d.profile.deletedAt) throw new DomainError(deletedProfileMessage(d.profile.name), "conflict");
  const now = await remapWithCurrent(d.profile, d.sourcePayload);
  return {
    deliveryId: d.id,
    originalVersion: d.mappingVersion,
    currentVersion: now.version,
    before: d.mappedPayload,
    after: now.output ?? null,
    afterOk: now.ok,
    afterError: now.error ?? null,
    changes: diffJson(d.mappedPayload ?? undefined, now.output),
  };
}

export async function replayDelivery(deliveryId: string, useMapping: ReplayMode, ctx: Ctx) {
  const d = await db.delivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      status: true,
      profileId: true,
      mappingVersion: true,
      attempts: true,
      sourcePayload: true,
      profile: { select: { name: true, deletedAt: true } },
    },
  });
  if (!d) throw new DomainError("This delivery does not exist.", "not_found");
  // Workers send nothing for a deleted profile: a replay would sit in the queue forever, and its
  // outcome on record (delivered, dead) would be overwritten by a QUEUED that never settles.
  if (d.profile.deletedAt) throw new DomainError(deletedProfileMessage(d.profile.name), "conflict");
  if (d.status === "DELIVERING") throw new DomainError("A worker is delivering this right now; wait for it to settle, then replay.", "conflict");
  if (d.sourcePayload === null) throw new DomainError("The payload of this delivery was pruned by retention; it cannot be replayed.", "conflict");
  const current = await currentMappingVersion(d.profileId);
  if (useMapping === "original" && d.mappingVersion !== null && !sameVersion(d.mappingVersion, current)) {
    throw new DomainError(
      `This delivery was mapped with ${vLabel(d.mappingVersion)}; the worker now maps with ${vLabel(current)}. Use "Replay with current mapping" after reviewing the diff.`,
      "conflict",
    );
  }
  // Conditional on the status read above: a worker that claimed it meanwhile wins.
  if ((await requeue([d.id])) === 0) throw new DomainError("A worker picked this delivery up meanwhile; it is being delivered.", "conflict");
  await writeAudit(db, {
    actor: ctx.actor,
    action: "delivery.replay",
    targetType: "Delivery",
    targetId: d.id,
    before: { status: d.status, attempts: d.attempts, mappingVersion: d.mappingVersion },
    after: { status: "QUEUED", useMapping, mappingVersion: current },
    ip: ctx.ip,
  });
  return { deliveryId: d.id, status: "QUEUED" as const, previousStatus: d.status, mappingVersion: current };
}

export type BulkReplayResult = {
  dryRun: boolean;
  /** Deliveries matching the filter when the run started (the preview's number). */
  matched: number;
  replayed: number;
  /** In flight, pruned, mapped with another version while useMapping is "original", or of a deleted profile. */
  skipped: number;
  /** Of those skipped, how many belong to deleted profiles (never replayed: nothing is sent for them). */
  skippedDeleted: number;
  until: string;
  nextCursor: string | null;
  done: boolean;
};

/**
 * Bulk replay by filter. A dry run only counts. A real run walks the set newest first in keyset
 * batches (each one short UPDATE), so it can be called batch by batch with `cursor` to show
 * progress, or looped to the end by the REST API. `until` freezes the set at the preview.
 */
export async function bulkReplay(
  input: { filter: DeliveryFilter; useMapping: ReplayMode; dryRun: boolean; until?: Date; cursor?: string; batchSize?: number; loop?: boolean },
  ctx: Ctx,
): Promise<BulkReplayResult> {
  const until = input.until ?? new Date();
  const matched = input.cursor ? -1 : await countDeliveries(input.filter, { until });
  if (input.dryRun) return { dryRun: true, matched, replayed: 0, skipped: 0, skippedDeleted: 0, until: until.toISOString(), nextCursor: null, done: true };
  const batchSize = input.batchSize ?? 1000;
  let cursor = decodeCursor(input.cursor);
  let replayed = 0;
  let skipped = 0;
  let skippedDeleted = 0;
  const versions = new Map<string, number | null>();
  do {
    const rows = await db.$queryRaw<
      { id: string; receivedAt: Date; profileId: string; status: string; mappingVersion: number | null; hasPayload: boolean; profileDeleted: boolean }[]
    >(Prisma.sql`
      SELECT d.id, d."receivedAt", d."profileId", d.status::text AS status, d."mappingVersion", d."sourcePayload" IS NOT NULL AS "hasPayload",
             EXISTS (SELECT 1 FROM "IntegrationProfile" p WHERE p.id = d."profileId" AND p."deletedAt" IS NOT NULL) AS "profileDeleted"
        FROM "Delivery" d ${filterConditions(input.filter, { cursor, until })}
       ORDER BY d."receivedAt" DESC, d.id DESC LIMIT ${batchSize}`);
    const ids: string[] = [];
    for (const r of rows) {
      if (r.profileDeleted) {
        skipped++;
        skippedDeleted++;
        continue;
      }
      if (!versions.has(r.profileId)) versions.set(r.profileId, await currentMappingVersion(r.profileId));
      const stale = input.useMapping === "original" && r.mappingVersion !== null && !sameVersion(r.mappingVersion, versions.get(r.profileId)!);
      if (r.status === "DELIVERING" || !r.hasPayload || stale) skipped++;
      else ids.push(r.id);
    }
    if (ids.length) {
      const n = await requeue(ids);
      replayed += n;
      skipped += ids.length - n;
    }
    const last = rows[rows.length - 1];
    cursor = rows.length === batchSize && last ? { receivedAt: last.receivedAt, id: last.id } : undefined;
  } while (input.loop && cursor);
  await writeAudit(db, {
    actor: ctx.actor,
    action: "delivery.replay.bulk",
    targetType: "Delivery",
    after: { filter: input.filter, useMapping: input.useMapping, until: until.toISOString(), replayed, skipped, skippedDeleted },
    ip: ctx.ip,
  });
  return {
    dryRun: false,
    matched,
    replayed,
    skipped,
    skippedDeleted,
    until: until.toISOString(),
    nextCursor: cursor ? encodeCursor(cursor) : null,
    done: !cursor,
  };
}
