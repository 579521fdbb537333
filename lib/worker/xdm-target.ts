import type { AdobeClients } from "../adobe/create-clients";
import { discoverFlowTarget } from "../adobe/flow-target";
import { XDM_FULL_CONTENT_TYPE, type SchemaRef } from "../adobe/xdm-envelope";
import type { PrismaClient } from "../db-client";
import type { DeliveryProfile } from "./profiles";

export type ResolvedTarget =
  | { ok: true; target: { schemaRef: SchemaRef; datasetId: string; flowId: string } }
  | { ok: false; retryable: boolean; message: string };

const TTL_MS = 10 * 60_000;

/**
 * The dataset and schema an XDM envelope names. The profile stores what the console discovered
 * (on save and on Test connection); a profile without them is discovered here once, through Flow
 * Service with the profile's credentials, and the result is written back so the console shows it.
 */
export class XdmTargetResolver {
  private readonly cache = new Map<string, { at: number; result: ResolvedTarget }>();

  constructor(
    private readonly adobe: AdobeClients,
    private readonly db: PrismaClient,
    private readonly now: () => number = Date.now,
  ) {}

  async resolve(profile: DeliveryProfile, flowId: string): Promise<ResolvedTarget> {
    const stored = profile.xdmTarget;
    if (stored && stored.flowId === flowId) return { ok: true, target: stored };
    const key = `${profile.id}:${flowId}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.result;
    if (!profile.adobe) {
      return {
        ok: false,
        retryable: false,
        message:
          "XDM mode needs the dataflow's dataset and schema, read through Flow Service with the profile's Adobe credentials: add the credentials, or switch the profile to raw mode.",
      };
    }
    const found = await discoverFlowTarget(this.adobe.platform(profile.adobe), flowId);
    if (!found.ok) {
      // A transient failure is not cached: the next cycle asks again.
      const retryable = found.failure?.retryable ?? false;
      const result: ResolvedTarget = { ok: false, retryable, message: `Could not discover the dataflow's dataset and schema: ${found.message}` };
      if (!retryable) this.cache.set(key, { at: this.now(), result });
      return result;
    }
    const t = found.target;
    const result: ResolvedTarget = {
      ok: true,
      target: { schemaRef: { id: t.schemaRef.id, contentType: t.schemaRef.contentType || XDM_FULL_CONTENT_TYPE }, datasetId: t.datasetId, flowId },
    };
    this.cache.set(key, { at: this.now(), result });
    await this.db.integrationProfile
      .updateMany({
        where: { id: profile.id, dataflowId: flowId },
        data: { aepDatasetId: t.datasetId, aepSchemaId: t.schemaRef.id, aepSchemaContentType: t.schemaRef.contentType, aepDiscoveredAt: new Date(this.now()) },
      })
      .catch(() => undefined); // showing it in the console is a convenience; delivery does not depend on it
    return result;
  }
}
