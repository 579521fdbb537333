import { createPrng } from "../../lib/prng";

/**
 * A fault injected on one route (or "*" for all). Each matching request rolls the seeded PRNG
 * against `probability`; `times` limits how often it fires (then the rule is spent).
 */
export interface FaultRule {
  route: string;
  /** Answer with this status instead of the real handler. */
  status?: number;
  /** JSON body for that status; a route-appropriate default otherwise. */
  body?: unknown;
  /** Extra response headers (e.g. Location for a redirect). */
  headers?: Record<string, string>;
  /** Seconds (number) or any string (e.g. an HTTP date), sent as Retry-After. */
  retryAfter?: number | string;
  /** Added before answering (or before the real handler when no status is set). */
  latencyMs?: number;
  /** Never answer: the client must time out. */
  hang?: boolean;
  /** 0..1, default 1. */
  probability?: number;
  /** Fire at most this many times. */
  times?: number;
}

export interface StoredFault extends FaultRule {
  id: string;
  fired: number;
}

export class FaultBook {
  private rules: StoredFault[] = [];
  private random: () => number;
  private nextId = 1;

  constructor(seed = 1) {
    this.random = createPrng(seed);
  }

  add(rule: FaultRule): StoredFault {
    if (typeof rule.route !== "string" || !rule.route) throw new Error("fault.route is required");
    if (rule.probability !== undefined && (rule.probability < 0 || rule.probability > 1)) {
      throw new Error("fault.probability must be between 0 and 1");
    }
    const stored: StoredFault = { ...rule, id: `f${this.nextId++}`, fired: 0 };
    this.rules.push(stored);
    return stored;
  }

  list(): StoredFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  reset(seed = 1): void {
    this.rules = [];
    this.nextId = 1;
    this.random = createPrng(seed);
  }

  /** The first live rule for this route that fires now, or undefined. */
  pick(routeId: string): StoredFault | undefined {
    for (const rule of this.rules) {
      if (rule.route !== "*" && rule.route !== routeId && !routeId.startsWith(`${rule.route}.`)) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      // Always draw, so the sequence of outcomes depends only on the seed and the request order.
      const roll = this.random();
      if (roll >= (rule.probability ?? 1)) continue;
      rule.fired++;
      return rule;
    }
    return undefined;
  }
}
