import { poolOf, type PrismaClient } from "../db-client";
import { newRowId } from "./ids";
import { announceWork } from "./work-signal";
import type { Prisma } from "../generated/prisma/client";

export interface NewDelivery {
  transmissionId: string;
  pushType: string | null;
  sourcePayload: Prisma.InputJsonValue;
  /** Settled on arrival (e.g. AEP exits only): stored DELIVERED with this note, never sent. */
  settledNote?: string;
  /** A note kept with a delivery that is sent as usual (e.g. who sent a test event). */
  note?: string;
}

export interface StoreResult {
  accepted: number;
  duplicates: number;
  /** One per input item, in order; a duplicate points at the delivery stored the first time. */
  deliveryIds: string[];
  duplicateTransmissionIds: string[];
}

// One statement: the rows of the request are inserted together or not at all, and a
// (profileId, transmissionId) already stored — earlier, or by a concurrent request — is skipped by
// the unique index and reported back with its existing id. On pg directly: this is the inbound
// hot path, and Prisma's createManyAndReturn in a transaction cost ~10× the CPU. Times are the database
// clock's (timestamptz columns).
const INSERT_SQL = `
  INSERT INTO "Delivery" (id, "profileId", direction, "pushType", "transmissionId", "sourcePayload", test, note, "requestId", "traceParent", "inboundFormat", status, "deliveredAt", "receivedAt", "nextAttemptAt")
  SELECT v.id, $1, $2::"Direction", v."pushType", v."transmissionId", v.payload, $3, v.note, $5, $6, $7,
         CASE WHEN v.settled THEN 'DELIVERED' ELSE 'QUEUED' END::"DeliveryStatus",
         CASE WHEN v.settled THEN now() END, now(), now()
    FROM json_to_recordset($4::json) AS v(id text, "pushType" text, "transmissionId" text, payload jsonb, note text, settled boolean)
  ON CONFLICT ("profileId", "transmissionId") DO NOTHING
  RETURNING id, "transmissionId"`;

/**
 * Stores a whole inbound request in one statement: all of it or none of it. A transmissionId
 * seen before for this profile (in an earlier request, or twice in this one) is not stored again:
 * the unique (profileId, transmissionId) index decides, so concurrent requests cannot both win.
 */
export async function storeDeliveries(
  db: PrismaClient,
  profile: { id: string; direction: "SOURCE" | "DESTINATION" },
  items: readonly NewDelivery[],
  opts: {
    test?: boolean;
    /** The inbound request's X-Request-Id, kept on each row. */
    requestId?: string;
    /** The W3C traceparent of the inbound request's span (only while tracing is on), kept on each row. */
    traceParent?: string;
    /** The wire format the request came in (AEP: http-api, sdk-aggregated, sdk-single), kept on each row. */
    inboundFormat?: string;
  } = {},
): Promise<StoreResult> {
  const firstIndex = new Map<string, number>();
  items.forEach((it, i) => firstIndex.has(it.transmissionId) || firstIndex.set(it.transmissionId, i));
  const unique = [...firstIndex.values()].map((i) => items[i]!);
  const pool = poolOf(db);

  const created = await pool.query<{ id: string; transmissionId: string }>(INSERT_SQL, [
    profile.id,
    profile.direction,
    opts.test ?? false,
    // One JSON parameter: pg would escape per-column array literals character by character.
    JSON.stringify(unique.map((u) => ({ id: newRowId(), pushType: u.pushType, transmissionId: u.transmissionId, payload: u.sourcePayload, note: u.settledNote ?? u.note ?? null, settled: Boolean(u.settledNote) }))),
    opts.requestId ?? null,
    opts.traceParent ?? null,
    opts.inboundFormat ?? null,
  ]);
  // Idle workers listening start on these now rather than at their next poll.
  if (created.rows.length > 0 && unique.some((u) => !u.settledNote)) announceWork(pool);
  const idByTransmission = new Map(created.rows.map((r) => [r.transmissionId, { id: r.id, created: true }]));
  const missing = unique.map((u) => u.transmissionId).filter((t) => !idByTransmission.has(t));
  if (missing.length) {
    // Skipped by the index, so committed before this statement ended: visible now.
    const existing = await pool.query<{ id: string; transmissionId: string }>(
      `SELECT id, "transmissionId" FROM "Delivery" WHERE "profileId" = $1 AND "transmissionId" = ANY($2::text[])`,
      [profile.id, missing],
    );
    for (const r of existing.rows) idByTransmission.set(r.transmissionId, { id: r.id, created: false });
  }

  const deliveryIds: string[] = [];
  const duplicateTransmissionIds: string[] = [];
  let accepted = 0;
  items.forEach((it, i) => {
    const row = idByTransmission.get(it.transmissionId)!;
    deliveryIds.push(row.id);
    if (row.created && firstIndex.get(it.transmissionId) === i) accepted++;
    else duplicateTransmissionIds.push(it.transmissionId);
  });
  return { accepted, duplicates: duplicateTransmissionIds.length, deliveryIds, duplicateTransmissionIds };
}
