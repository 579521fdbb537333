import "server-only";
import { listDeliveries, type DeliveryRow } from "./list-deliveries";
import type { DeliveryFilter } from "./schemas";

// The filtered log as CSV or NDJSON, streamed: rows are read in keyset batches only as fast as
// the client reads them (pull-based ReadableStream), so memory stays flat for any number of rows.

export const EXPORT_COLUMNS = [
  "id",
  "receivedAt",
  "deliveredAt",
  "profileId",
  "profileName",
  "direction",
  "pushType",
  "status",
  "attempts",
  "lastStatusCode",
  "durationMs",
  "transmissionId",
  "email",
  "test",
  "mappingVersion",
  "lastError",
] as const satisfies readonly (keyof DeliveryRow)[];

const BATCH = 2000;

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = v instanceof Date ? v.toISOString() : String(v);
  // Quote when needed; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
  // Only a plain number may keep a leading "-" ("-1+HYPERLINK(…)" must not).
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(row: DeliveryRow): string {
  return EXPORT_COLUMNS.map((c) => cell(row[c])).join(",") + "\n";
}

export function exportStream(filter: DeliveryFilter, format: "csv" | "ndjson", opts: { maskEmails: boolean }): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (finished) return controller.close();
        let out = "";
        if (!started && format === "csv") out += EXPORT_COLUMNS.join(",") + "\n";
        started = true;
        const page = await listDeliveries(filter, { cursor, limit: BATCH, maskEmails: opts.maskEmails });
        for (const r of page.items) out += format === "csv" ? csvLine(r) : JSON.stringify(r) + "\n";
        cursor = page.nextCursor ?? undefined;
        if (!cursor) finished = true;
        if (out) controller.enqueue(enc.encode(out));
        if (finished) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
