import type { AdobeClients } from "../adobe/create-clients";
import type { SealKey } from "../crypto/seal";
import type { PrismaClient } from "../db-client";
import type { RainfocusClient } from "../rainfocus/api-client";
import type { DeliveryConfig } from "./config";
import { MappingCache, MappingUnavailableError } from "./mapping-for-profile";
import { TokenBuckets } from "../queue/token-bucket";
import { claimDue, newLeaseToken, releaseClaims } from "../queue/claim";
import { loadDeliveryProfiles, type DeliveryProfile } from "./profiles";
import { sendDestination } from "./send-destination";
import { sendSource } from "./send-source";
import { XdmTargetResolver } from "./xdm-target";
import { SharedTokenBuckets } from "./shared-token-bucket";
import { poolOf } from "../db-client";
import { pruneDeliveryPayloads, pruneInboundRefusals, pruneLoginAttempts } from "../queue/retention";
import { settleMany, type SettledStatus } from "../queue/settle";
import { SettleBuffer } from "../queue/settle-buffer";
import { deliverSpan } from "./deliver-span";
import { failure, type ClaimedDelivery, type SendOutcome } from "../queue/types";
import { evaluateAlertsLocked } from "../alerts/evaluate-locked";
import type { AllowList } from "../outbound/allow-list";

export interface WorkerDeps {
  db: PrismaClient;
  keys: SealKey[];
  adobe: AdobeClients;
  rainfocus: RainfocusClient;
  config: DeliveryConfig;
  random?: () => number;
  log?: (line: Record<string, unknown>) => void;
  /** Where alert webhooks may go (the console's webhook allow-list: public https hosts only). */
  alertAllowList: AllowList;
}

export type CycleResult = { claimed: number } & Partial<Record<SettledStatus, number>>;

/**
 * One delivery worker: claim due deliveries, deliver them grouped per profile, settle each. Any
 * number of these may run against one database, in one process or many.
 */
export class DeliveryWorker {
  private readonly mappings = new MappingCache();
  private readonly buckets: TokenBuckets;
  private readonly targets: XdmTargetResolver;
  private readonly inletRate: SharedTokenBuckets;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly wakers = new Set<() => void>();
  private lastRetentionAt = 0;
  private lastAlertsAt = 0;

  constructor(private readonly deps: WorkerDeps) {
    this.buckets = new TokenBuckets(deps.config.inletRatePerSec, deps.config.inletBurst);
    this.targets = new XdmTargetResolver(deps.adobe, deps.db);
    this.inletRate = new SharedTokenBuckets(poolOf(deps.db), deps.config.inletRatePerSec, deps.config.inletBurst);
  }

  /** One claim-deliver-settle cycle; what it settled, by status. */
  async runOnce(): Promise<CycleResult> {
    const token = newLeaseToken();
    const claimed = await claimDue(this.deps.db, { limit: this.deps.config.claimBatch, leaseMs: this.deps.config.leaseMs, token });
    const result: CycleResult = { claimed: claimed.length };
    if (claimed.length === 0) return result;
    const groups = new Map<string, ClaimedDelivery[]>();
    for (const d of claimed) groups.set(d.profileId, [...(groups.get(d.profileId) ?? []), d]);
    const profiles = await loadDeliveryProfiles(this.deps.db, [...groups.keys()], this.deps.keys);
    const settled = new Set<string>();
    const ctx = { policy: this.deps.config.retry, ...(this.deps.random ? { random: this.deps.random } : {}) };
    const buffer = new SettleBuffer((items) => settleMany(this.deps.db, items, ctx));
    await Promise.all(
      [...groups].map(async ([profileId, items]) => {
        // This group's settled statuses, for its relay.deliver span (lib/telemetry; tracing on only).
        const outcomes: Partial<Record<SettledStatus, number>> = {};
        const report = async (d: ClaimedDelivery, outcome: SendOutcome, mappingVersion: number | null = null) => {
          settled.add(d.id);
          const s = await buffer.add({ d, outcome, mappingVersion });
          result[s.status] = (result[s.status] ?? 0) + 1;
          outcomes[s.status] = (outcomes[s.status] ?? 0) + 1;
          // The inbound request's id, so one id follows an event from inbound to worker.
          this.deps.log?.({
            level: s.status === "DELIVERED" || s.status === "RETRYING" ? "info" : "warn",
            msg: "delivery settled",
            deliveryId: d.id,
            requestId: d.requestId ?? undefined,
            profileId,
            status: s.status,
            attempt: d.attempts,
            durationMs: Math.round(outcome.exchanges.reduce((t, x) => t + (x.exchange?.durationMs ?? 0), 0)),
            ...(s.owned ? {} : { leaseLost: true }),
          });
        };
        try {
          await deliverSpan(profileId, items, outcomes, () => this.deliverGroup(profileId, profiles.get(profileId), items, report));
        } catch (err) {
          // A bug or an unreachable database must not strand the group: what was not settled is
          // given back (when the database answers) or left to its lease to expire.
          this.deps.log?.({ level: "error", msg: "delivery group failed", profileId, error: String(err) });
          const left = items.filter((d) => !settled.has(d.id));
          await releaseClaims(
            this.deps.db,
            left.map((d) => d.id),
            token,
          ).catch(() => {});
        }
      }),
    );
    return result;
  }

  private async deliverGroup(
    profileId: string,
    profile: DeliveryProfile | undefined,
    items: ClaimedDelivery[],
    report: (d: ClaimedDelivery, o: SendOutcome, v?: number | null) => Promise<void>,
  ): Promise<void> {
    const refuseAll = (errorClass: string, error: string) =>
      Promise.all(items.map((d) => report(d, failure({ retryable: false, errorClass, error }, [{ url: "" }]))));
    if (!profile) return void (await refuseAll("configuration", `Profile ${profileId} no longer exists.`));
    if (profile.secretError) return void (await refuseAll("configuration", profile.secretError));
    let mapping;
    try {
      mapping = this.mappings.forProfile(profile);
    } catch (e) {
      if (e instanceof MappingUnavailableError) return void (await refuseAll("mapping", e.message));
      throw e;
    }
    const withVersion = (d: ClaimedDelivery, o: SendOutcome) => report(d, o, mapping.version);
    if (profile.direction === "SOURCE") {
      await sendSource(
        { adobe: this.deps.adobe, buckets: this.inletRate, batchMaxMessages: this.deps.config.batchMaxMessages, concurrency: 4, targets: this.targets },
        profile,
        mapping,
        items,
        withVersion,
      );
    } else {
      await sendDestination({ rainfocus: this.deps.rainfocus, buckets: this.buckets, chunkSize: 100 }, profile, mapping, items, withVersion);
    }
  }

  /**
   * Prunes payload bodies past the retention period, at most once per retentionIntervalMs per
   * worker. Several workers may prune at once: the batches skip each other's locked rows.
   */
  async pruneIfDue(now = Date.now()): Promise<void> {
    if (now - this.lastRetentionAt < this.deps.config.retentionIntervalMs) return;
    this.lastRetentionAt = now;
    try {
      const r = await pruneDeliveryPayloads(this.deps.db, { retentionDays: this.deps.config.retentionDays, shouldContinue: () => this.running });
      if (r.deliveries > 0) this.deps.log?.({ level: "info", msg: "pruned delivery payloads", ...r });
      const logins = await pruneLoginAttempts(this.deps.db, { days: this.deps.config.loginAttemptRetentionDays });
      if (logins > 0) this.deps.log?.({ level: "info", msg: "pruned sign-in attempts", loginAttempts: logins });
      const refusals = await pruneInboundRefusals(this.deps.db, { days: this.deps.config.loginAttemptRetentionDays });
      if (refusals > 0) this.deps.log?.({ level: "info", msg: "pruned refused inbound requests", inboundRefusals: refusals });
    } catch (err) {
      this.deps.log?.({ level: "error", msg: "retention failed", error: String(err) });
    }
  }

  /**
   * Evaluates the alert rules at most once per alertsIntervalMs per worker, under the evaluator's
   * advisory lock: with several workers one evaluates and the others skip. Never throws.
   */
  async evaluateAlertsIfDue(now = new Date()): Promise<void> {
    const every = this.deps.config.alertsIntervalMs;
    if (every <= 0 || now.getTime() - this.lastAlertsAt < every) return;
    this.lastAlertsAt = now.getTime();
    try {
      const r = await evaluateAlertsLocked(this.deps.db, now, { allowList: this.deps.alertAllowList });
      if (r.transitions > 0) this.deps.log?.({ level: "info", msg: "alert transitions stored", transitions: r.transitions });
    } catch (err) {
      this.deps.log?.({ level: "error", msg: "alert evaluation failed", error: String(err) });
    }
  }

  /**
   * Runs cycles until stop(): straight on while there is a backlog, polling when idle. `lanes`
   * cycles run at once (DELIVERY_WORKER_LANES): a cycle spends most of its time waiting (the claim,
   * the batch requests, the settles' commits), so while one lane waits the other can claim and send.
   * Each lane claims its own rows (SKIP LOCKED), as separate workers would.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    const lanes = Array.from({ length: Math.max(1, this.deps.config.lanes) }, (_, i) => this.lane(i === 0));
    this.loop = Promise.all([...lanes, this.alertsLoop()]).then(() => {});
  }

  private async lane(prunes: boolean): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = (await this.runOnce()).claimed;
      } catch (err) {
        this.deps.log?.({ level: "error", msg: "delivery cycle failed", error: String(err) });
      }
      if (this.running && prunes) await this.pruneIfDue();
      if (this.running && claimed < this.deps.config.claimBatch) await this.idle(this.deps.config.pollMs);
    }
  }

  /** Alert evaluation on its own timer, so a long delivery backlog or a slow webhook delays neither. */
  private async alertsLoop(): Promise<void> {
    while (this.running && this.deps.config.alertsIntervalMs > 0) {
      await this.evaluateAlertsIfDue();
      const wait = this.lastAlertsAt + this.deps.config.alertsIntervalMs - Date.now();
      if (this.running && wait > 0) await this.idle(wait);
    }
  }

  /** Waits `ms`, or less if wake() is called (stop, or new work announced). */
  private idle(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.wakers.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  /** Ends every idle wait now. */
  wake(): void {
    for (const w of [...this.wakers]) w();
  }

  /** Graceful stop: the cycles in flight finish and settle everything they claimed. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
  }
}
