export interface ReceivedRequest {
  seq: number;
  at: string;
  route: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** UTF-8 body, truncated at 64 KB (bodySize has the real size). */
  body: string;
  bodySize: number;
  status?: number;
  fault?: string;
}

const MAX_KEPT = 5000;
const MAX_BODY = 64 * 1024;

/** What an emulator received, newest last; bounded so a long benchmark cannot exhaust memory. */
export class Recorder {
  private items: ReceivedRequest[] = [];
  private seq = 0;

  record(r: Omit<ReceivedRequest, "seq" | "at" | "body" | "bodySize">, body: Buffer): ReceivedRequest {
    const item: ReceivedRequest = {
      ...r,
      seq: ++this.seq,
      at: new Date().toISOString(),
      body: body.subarray(0, MAX_BODY).toString("utf8"),
      bodySize: body.length,
    };
    this.items.push(item);
    if (this.items.length > MAX_KEPT) this.items.splice(0, this.items.length - MAX_KEPT);
    return item;
  }

  list(filter: { route?: string; since?: number; limit?: number } = {}): ReceivedRequest[] {
    let out = this.items;
    if (filter.route) out = out.filter((i) => i.route === filter.route || i.route.startsWith(`${filter.route}.`));
    if (filter.since !== undefined) out = out.filter((i) => i.seq > filter.since!);
    return filter.limit ? out.slice(-filter.limit) : out.slice();
  }

  count(route?: string): number {
    return this.list({ route }).length;
  }

  clear(): void {
    this.items = [];
  }
}
