import type { PrismaClient } from "../db-client";

/**
 * A queue depth read at most every `refreshMs`: the inbound endpoints consult it on every request,
 * so it must cost nothing there. A stale value is answered at once while one refresh runs in the
 * background; only the very first read waits for a count. A failed count keeps the last value.
 */
export class QueueDepthGauge {
  private value: number | null = null;
  private readAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly count: () => Promise<number>,
    private readonly refreshMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async depth(): Promise<number> {
    if (this.value === null) {
      await this.refresh();
      return this.value ?? 0;
    }
    if (this.clock() - this.readAt >= this.refreshMs) void this.refresh();
    return this.value;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.count()
      .then((n) => {
        this.value = n;
      })
      .catch(() => {})
      .finally(() => {
        this.readAt = this.clock();
        this.refreshing = null;
      });
    return this.refreshing;
  }
}

/**
 * Deliveries a worker could claim now (due, of profiles that are not paused), counted up to
 * `cap`: beyond the backpressure threshold the exact number does not matter, and a capped count
 * stays cheap however deep the queue gets.
 */
export async function countDueDeliveries(db: PrismaClient, cap: number): Promise<number> {
  const [r] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM "Delivery" d JOIN "IntegrationProfile" p ON p.id = d."profileId"
        WHERE d.status IN ('QUEUED', 'RETRYING') AND d."nextAttemptAt" <= now()
          AND p.status = 'ACTIVE' AND p."deletedAt" IS NULL
        LIMIT $1
     ) due`,
    cap,
  );
  return r?.n ?? 0;
}
