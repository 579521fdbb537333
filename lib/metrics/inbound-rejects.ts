// Inbound requests refused, counted in this process (nothing about a refusal is stored, by design:
// a refused request leaves no row). Each web server counts its own; Prometheus scrapes each one.
// Kept on globalThis under a registry symbol because Next can load this module more than once
// (see lib/db-client.ts), and every copy must add to the same counts.

const KEY = Symbol.for("relay.metrics.inbound-rejects");
type Counts = Map<string, { endpoint: string; status: string; code: string; n: number }>;
const store = globalThis as unknown as { [KEY]?: Counts };

export function countInboundReject(endpoint: string, status: number, code: string): void {
  const counts = (store[KEY] ??= new Map());
  const key = `${endpoint}\u0000${status}\u0000${code}`;
  const entry = counts.get(key);
  if (entry) entry.n++;
  else counts.set(key, { endpoint, status: String(status), code, n: 1 });
}

export function inboundRejectCounts(): { endpoint: string; status: string; code: string; n: number }[] {
  return [...(store[KEY]?.values() ?? [])].map((e) => ({ ...e }));
}
