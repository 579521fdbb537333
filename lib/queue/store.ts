import type pg from "pg";
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

// One statement per flush: the rows of every request in it are inserted together or not at all,
// and a (profileId, transmissionId) already stored — earlier, by a concurrent request, or by an
// earlier row of the same flush — is skipped by the unique index and reported back with its
// existing id. On pg directly: this is the inbound hot path, and Prisma's createManyAndReturn in a
// transaction cost ~10× the CPU. Times are the database clock's (timestamptz columns).
const INSERT_SQL = `
  INSERT INTO "Delivery" (id, "profileId", direction, "pushType", "transmissionId", "sourcePayload", test, note, "requestId", "traceParent", "inboundFormat", status, "deliveredAt", "receivedAt", "nextAttemptAt")
  SELECT v.id, v.pid, v.dir::"Direction", v."pushType", v."transmissionId", v.payload, v.test, v.note, v.rid, v.tp, v.fmt,
         CASE WHEN v.settled THEN 'DELIVERED' ELSE 'QUEUED' END::"DeliveryStatus",
         CASE WHEN v.settled THEN now() END, now(), now()
    FROM json_to_recordset($1::json) AS v(id text, pid text, dir text, "pushType" text, "transmissionId" text, payload jsonb, test boolean, note text, rid text, tp text, fmt text, settled boolean)
  ON CONFLICT ("profileId", "transmissionId") DO NOTHING
  RETURNING id`;

// Both statements are named: each connection parses and plans them once (the inbound hot path).
const EXISTING_SQL = `
  SELECT d.id, d."profileId", d."transmissionId"
    FROM "Delivery" d JOIN unnest($1::text[], $2::text[]) AS k(pid, tid) ON d."profileId" = k.pid AND d."transmissionId" = k.tid`;

type Row = {
  id: string;
  pid: string;
  dir: "SOURCE" | "DESTINATION";
  pushType: string | null;
  transmissionId: string;
  payload: Prisma.InputJsonValue;
  test: boolean;
  note: string | null;
  rid: string | null;
  tp: string | null;
  fmt: string | null;
  settled: boolean;
};

/** A row and its JSON text, made once: it sizes the statement and is spliced into its parameter. */
type Entry = { row: Row; json: string };

/** What a statement tells its requests: the row ids it created, and the existing ids of the keys it skipped. */
type StoreAnswer = { created: Set<string>; existing: Map<string, string> };

/** One request's rows (its own duplicates already removed) and where its answer goes. */
type Pending = { rows: Entry[]; bytes: number; done: (r: StoreAnswer | Error) => void };

/**
 * Group commit for the inbound hot path. At most MAX_IN_FLIGHT store statements run at once per
 * pool; requests that arrive meanwhile wait and then go together, in arrival order, in the next
 * statement: one plan, one commit and one WAL flush for all of them. An idle endpoint sends each
 * request at once, exactly as before; a busy one stops paying a commit per request, which is what
 * made the inbound p99 climb under load (each commit waits for its own WAL flush, and a flush
 * takes milliseconds while the disk is writing anything else). Each request is still all or
 * nothing; if a shared statement fails, its requests are stored one by one, so a request the
 * database refuses fails alone.
 */
const MAX_IN_FLIGHT = 2;
/** Rows and JSON bytes one shared statement may carry (a single request may exceed them alone). */
const MAX_ROWS = 2_000;
const MAX_BYTES = 8 * 1024 * 1024;

class StoreGroup {
  private inFlight = 0;
  private readonly waiting: Pending[] = [];

  constructor(private readonly pool: pg.Pool) {}

  submit(p: Pending): void {
    this.waiting.push(p);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.waiting.length > 0) {
      const batch = [this.waiting.shift()!];
      let rows = batch[0]!.rows.length;
      let bytes = batch[0]!.bytes;
      while (this.waiting.length > 0 && rows + this.waiting[0]!.rows.length <= MAX_ROWS && bytes + this.waiting[0]!.bytes <= MAX_BYTES) {
        const next = this.waiting.shift()!;
        rows += next.rows.length;
        bytes += next.bytes;
        batch.push(next);
      }
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    try {
      const answer = await this.insert(batch.flatMap((p) => p.rows));
      for (const p of batch) p.done(answer);
    } catch (err) {
      if (batch.length === 1) return batch[0]!.done(err instanceof Error ? err : new Error(String(err)));
      // One request's rows may be what the database refused: each is tried on its own.
      await Promise.all(batch.map((p) => this.insert(p.rows).then(p.done, (e: unknown) => p.done(e instanceof Error ? e : new Error(String(e))))));
    }
  }

  private async insert(unsorted: Entry[]): Promise<StoreAnswer> {
    // In key order: two statements that both hold a key the other is about to insert would wait
    // on each other (a deadlock PostgreSQL breaks by failing one); in one order, one just waits.
    // The sort is stable, so of two requests with the same key the earlier still wins.
    const sorted = unsorted.toSorted(({ row: a }, { row: b }) => (a.pid === b.pid ? cmp(a.transmissionId, b.transmissionId) : cmp(a.pid, b.pid)));
    const rows = sorted.map((e) => e.row);
    const { rows: inserted } = await this.pool.query<{ id: string }>({
      name: "relay-store",
      text: INSERT_SQL,
      values: [`[${sorted.map((e) => e.json).join(",")}]`],
    });
    const created = new Set(inserted.map((r) => r.id));
    // Idle workers listening start on these now rather than at their next poll.
    if (rows.some((r) => !r.settled && created.has(r.id))) announceWork(this.pool);
    const existing = new Map<string, string>();
    const skipped = rows.filter((r) => !created.has(r.id));
    if (skipped.length) {
      // Skipped by the index, so committed before this statement ended: visible now.
      const found = await this.pool.query<{ id: string; profileId: string; transmissionId: string }>({
        name: "relay-store-existing",
        text: EXISTING_SQL,
        values: [skipped.map((r) => r.pid), skipped.map((r) => r.transmissionId)],
      });
      for (const r of found.rows) existing.set(keyOf(r.profileId, r.transmissionId), r.id);
    }
    return { created, existing };
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (profileId: string, transmissionId: string) => `${profileId}\u0000${transmissionId}`;
const groups = new WeakMap<pg.Pool, StoreGroup>();

/**
 * Stores a whole inbound request: all of it or none of it, in one statement (shared with other
 * requests that arrive while the endpoint is busy, see StoreGroup). A transmissionId seen before
 * for this profile (in an earlier request, or twice in this one) is not stored again: the unique
 * (profileId, transmissionId) index decides, so concurrent requests cannot both win.
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
  items.forEach((it, i) => {
    if (!firstIndex.has(it.transmissionId)) firstIndex.set(it.transmissionId, i);
  });
  const rows: Row[] = [...firstIndex.values()].map((i) => {
    const u = items[i]!;
    return {
      id: newRowId(),
      pid: profile.id,
      dir: profile.direction,
      pushType: u.pushType,
      transmissionId: u.transmissionId,
      payload: u.sourcePayload,
      test: opts.test ?? false,
      note: u.settledNote ?? u.note ?? null,
      rid: opts.requestId ?? null,
      tp: opts.traceParent ?? null,
      fmt: opts.inboundFormat ?? null,
      settled: Boolean(u.settledNote),
    };
  });
  const pool = poolOf(db);
  let group = groups.get(pool);
  if (!group) groups.set(pool, (group = new StoreGroup(pool)));
  const entries = rows.map((row) => ({ row, json: JSON.stringify(row) }));
  const bytes = entries.reduce((n, e) => n + e.json.length, 0);
  const answer = await new Promise<StoreAnswer>((resolve, reject) =>
    group.submit({ rows: entries, bytes, done: (r) => (r instanceof Error ? reject(r) : resolve(r)) }),
  );

  const idByTransmission = new Map<string, { id: string; created: boolean }>();
  for (const r of rows) {
    if (answer.created.has(r.id)) idByTransmission.set(r.transmissionId, { id: r.id, created: true });
    else {
      const id = answer.existing.get(keyOf(r.pid, r.transmissionId));
      if (id) idByTransmission.set(r.transmissionId, { id, created: false });
    }
  }

  const deliveryIds: string[] = [];
  const duplicateTransmissionIds: string[] = [];
  let accepted = 0;
  items.forEach((it, i) => {
    const row = idByTransmission.get(it.transmissionId);
    if (!row) throw new Error(`Delivery for transmissionId ${it.transmissionId} was neither stored nor found.`);
    deliveryIds.push(row.id);
    if (row.created && firstIndex.get(it.transmissionId) === i) accepted++;
    else duplicateTransmissionIds.push(it.transmissionId);
  });
  return { accepted, duplicates: duplicateTransmissionIds.length, deliveryIds, duplicateTransmissionIds };
}
