import type { AdobeClients } from "../adobe/create-clients";
import { buildEnvelope, type XdmTarget } from "../adobe/xdm-envelope";
import { planBatches } from "./batching";
import type { PreparedMapping } from "./mapping-for-profile";
import type { RateLimiter } from "./shared-token-bucket";
import type { DeliveryProfile } from "./profiles";
import { batchOutcomes, singleOutcome, type Prepared } from "./send-source-outcomes";
import { failure, type ClaimedDelivery, type SendOutcome } from "../queue/types";
import type { XdmTargetResolver } from "./xdm-target";

export interface SourceDeps {
  adobe: AdobeClients;
  /** Per inlet, shared by all workers (PostgreSQL). */
  buckets: RateLimiter;
  batchMaxMessages: number;
  /** Concurrent batch requests per inlet. */
  concurrency: number;
  /** Dataset and schema of an XDM dataflow (stored on the profile, else discovered). */
  targets: XdmTargetResolver;
}

type Report = (d: ClaimedDelivery, o: SendOutcome) => Promise<void>;

/**
 * RainFocus → AEP for one profile, in the profile's delivery mode:
 * - XDM: map and validate each event, wrap it in the documented envelope (schemaRef and dataset
 *   of the dataflow) and stream — one /collection request for a single event, /collection/batch
 *   requests (count and 1 MB limits, 207 read per message) for several;
 * - RAW: forward each RainFocus payload unchanged with the flow id, one /collection request each
 *   (the batch endpoint is documented with XDM envelopes only), and AEP's Data Prep maps it.
 */
export async function sendSource(
  deps: SourceDeps,
  profile: DeliveryProfile,
  mapping: PreparedMapping,
  items: ClaimedDelivery[],
  report: Report,
): Promise<void> {
  const endpointUrl = profile.streamingEndpointUrl;
  const flowId = profile.dataflowId;
  if (!endpointUrl || !flowId) {
    await Promise.all(
      items.map((d) =>
        report(
          d,
          failure({ retryable: false, errorClass: "configuration", error: "The profile has no streaming endpoint or dataflow ID." }, [
            { url: endpointUrl ?? "" },
          ]),
        ),
      ),
    );
    return;
  }
  const prepared = profile.deliveryMode === "RAW" ? prepareRaw(items) : await prepareXdm(deps, profile, mapping, items, report, endpointUrl, flowId);
  if (prepared.length === 0) return;

  const plan = planBatches(
    prepared.map((m) => Buffer.byteLength(m.json)),
    { maxMessages: profile.deliveryMode === "RAW" ? 1 : deps.batchMaxMessages },
  );
  await Promise.all(
    plan.tooLarge.map((i) =>
      report(
        prepared[i]!.d,
        failure(
          {
            retryable: false,
            errorClass: "payload_too_large",
            error: "The event is larger than 1 MB; AEP would refuse it (413).",
            mapped: prepared[i]!.output,
          },
          [{ url: endpointUrl }],
        ),
      ),
    ),
  );
  const target = { endpointUrl, flowId };
  const queue = plan.batches.map((b) => b.map((i) => prepared[i]!));
  const run = async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      await deps.buckets.acquire(endpointUrl);
      if (batch.length === 1) {
        const m = batch[0]!;
        const r = profile.adobe
          ? await deps.adobe.sendAuthenticated(profile.adobe, { ...target, body: m.json })
          : { ok: true as const, refreshed: false, result: await deps.adobe.streaming.sendSingle({ ...target, body: m.json }) };
        await report(m.d, singleOutcome(r, m.output));
      } else {
        const messages = batch.map((m) => m.message);
        const messagesJson = batch.map((m) => m.json);
        const r = profile.adobe
          ? await deps.adobe.sendBatchAuthenticated(profile.adobe, { ...target, messages, messagesJson })
          : { ok: true as const, refreshed: false, result: await deps.adobe.streaming.sendBatch({ ...target, messages, messagesJson }) };
        await Promise.all(batchOutcomes(r, batch).map(([d, o]) => report(d, o)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency, queue.length) }, run));
}

function prepareRaw(items: ClaimedDelivery[]): Prepared[] {
  return items.map((d) => ({ d, output: undefined, message: d.sourcePayload, json: JSON.stringify(d.sourcePayload) }));
}

async function prepareXdm(
  deps: SourceDeps,
  profile: DeliveryProfile,
  mapping: PreparedMapping,
  items: ClaimedDelivery[],
  report: Report,
  endpointUrl: string,
  flowId: string,
): Promise<Prepared[]> {
  const resolved = await deps.targets.resolve(profile, flowId);
  if (!resolved.ok) {
    await Promise.all(
      items.map((d) => report(d, failure({ retryable: resolved.retryable, errorClass: "xdm_target", error: resolved.message }, [{ url: endpointUrl }]))),
    );
    return [];
  }
  const xdm: XdmTarget = { ...resolved.target, ...(profile.adobe?.orgId ? { imsOrgId: profile.adobe.orgId } : {}) };
  const out: Prepared[] = [];
  const refused: Promise<void>[] = [];
  for (const d of items) {
    const r = mapping.map(d.sourcePayload);
    if (!r.ok) {
      refused.push(report(d, failure({ retryable: false, errorClass: "mapping", error: r.error, mapped: r.output }, [{ url: endpointUrl }])));
      continue;
    }
    const message = buildEnvelope(r.output, xdm);
    out.push({ d, output: r.output, message, json: JSON.stringify(message) });
  }
  await Promise.all(refused);
  return out;
}
