import type { SettledStatus, SettleItem } from "./settle";

type Settled = { status: SettledStatus; owned: boolean };

/**
 * Coalesces the settles reported in the same turn of the event loop (a 207's messages, the
 * mapping failures of a group) into one settleMany call: one transaction per batch instead of
 * one per delivery. Each report still resolves with its own outcome, or rejects with the flush.
 */
export class SettleBuffer {
  private pending: { item: SettleItem; resolve: (s: Settled) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly flushMany: (items: SettleItem[]) => Promise<Settled[]>,
    private readonly maxItems = 1000,
  ) {}

  add(item: SettleItem): Promise<Settled> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxItems) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    this.flushMany(batch.map((b) => b.item)).then(
      (results) => {
        for (const [i, b] of batch.entries()) b.resolve(results[i]!);
      },
      (err: unknown) => {
        for (const b of batch) b.reject(err);
      },
    );
  }
}
