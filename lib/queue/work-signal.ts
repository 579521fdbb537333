import pg from "pg";

// LISTEN/NOTIFY wake-ups: an idle worker starts on new work as soon as it is committed, instead of
// at its next poll (DELIVERY_POLL_MS, 250 ms by default). Polling stays as the fallback: a lost
// notification (the listening connection dropped) only delays work until the next poll.

export const WORK_CHANNEL = "relay_delivery_work";

const WINDOW_MS = 50;
const pending = new WeakMap<pg.Pool, { timer: NodeJS.Timeout | null; again: boolean }>();

/**
 * Announces newly queued deliveries, after their transaction committed. At most one NOTIFY per
 * 50 ms per pool (plus one at the end of a window that had more): NOTIFY serialises the commits
 * of notifying transactions, so one per stored request would throttle the inbound endpoint.
 */
export function announceWork(pool: pg.Pool): void {
  const state = pending.get(pool);
  if (state) {
    state.again = true;
    return;
  }
  const s = { timer: null as NodeJS.Timeout | null, again: false };
  pending.set(pool, s);
  const send = () => void pool.query(`SELECT pg_notify('${WORK_CHANNEL}', '')`).catch(() => {});
  send();
  const tick = () => {
    if (s.again) {
      s.again = false;
      send();
      s.timer = setTimeout(tick, WINDOW_MS);
      s.timer.unref();
    } else pending.delete(pool);
  };
  s.timer = setTimeout(tick, WINDOW_MS);
  s.timer.unref();
}

/**
 * Calls `onWork` when work is announced, over a connection of its own (a pooled one would be handed
 * to other queries), at most once per `minGapMs` (the last announcement of a gap is not lost): at
 * 500 single-event requests/s, waking on each would turn one cycle of many deliveries into many
 * cycles of one, each with its own claim and settle commits. Reconnects after a failure.
 */
export function listenForWork(
  connectionString: string,
  wake: () => void,
  onError: (err: unknown) => void = () => {},
  minGapMs = 100,
): { close(): Promise<void> } {
  let last = 0;
  let trailing: NodeJS.Timeout | null = null;
  const onWork = () => {
    const wait = last + minGapMs - Date.now();
    if (wait <= 0) {
      last = Date.now();
      wake();
    } else if (!trailing) {
      trailing = setTimeout(() => {
        trailing = null;
        last = Date.now();
        wake();
      }, wait);
      trailing.unref();
    }
  };
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString });
    client = c;
    c.on("notification", () => onWork());
    c.on("error", (err) => {
      onError(err);
      reconnect();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${WORK_CHANNEL}`);
      // Whatever was announced while not listening is picked up now.
      onWork();
    } catch (err) {
      onError(err);
      reconnect();
    }
  };
  const reconnect = () => {
    const c = client;
    client = null;
    void c?.end().catch(() => {});
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      if (!closed) void connect();
    }, 2000);
    retry.unref();
  };
  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (trailing) clearTimeout(trailing);
      await client?.end().catch(() => {});
    },
  };
}
