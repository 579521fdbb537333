import type { AdobeCredentials } from "../adobe/types";
import { openProfileCredentials } from "../integrations/profile-credentials";
import { XDM_FULL_CONTENT_TYPE } from "../adobe/xdm-envelope";
import type { SealKey } from "../crypto/seal";
import type { PrismaClient } from "../db-client";
import type { RainfocusCredentials } from "../rainfocus/types";
import type { MappingRule } from "../mapping-engine";
import type { PublishedMapping } from "./mapping-for-profile";

/** What the worker needs to deliver for one profile; secrets opened in memory only. */
export interface DeliveryProfile {
  id: string;
  direction: "SOURCE" | "DESTINATION";
  tenantId: string | null;
  eventCode: string;
  streamingEndpointUrl: string | null;
  dataflowId: string | null;
  /** SOURCE: XDM = Relay maps and sends envelopes; RAW = forwarded unchanged for AEP's Data Prep. */
  deliveryMode: "XDM" | "RAW";
  /** XDM: the dataset and schema discovered from the dataflow, when already stored. */
  xdmTarget?: { schemaRef: { id: string; contentType: string }; datasetId: string; flowId: string };
  /** Absent when the profile has no Adobe credentials: the inlet is then called without a token. */
  adobe?: AdobeCredentials;
  rainfocus?: RainfocusCredentials;
  /** Why the secrets could not be opened (wrong APP_ENCRYPTION_KEY), if so. */
  secretError?: string;
  /** The latest published mapping; absent = the direction's default mapping. */
  published?: PublishedMapping;
}

export async function loadDeliveryProfiles(db: PrismaClient, ids: string[], keys: SealKey[]): Promise<Map<string, DeliveryProfile>> {
  const [rows, versions] = await Promise.all([
    db.integrationProfile.findMany({ where: { id: { in: ids } } }),
    db.mappingVersion.findMany({ where: { profileId: { in: ids } }, orderBy: [{ profileId: "asc" }, { version: "desc" }], distinct: ["profileId"] }),
  ]);
  const out = new Map<string, DeliveryProfile>();
  for (const r of rows) {
    const p: DeliveryProfile = {
      id: r.id,
      direction: r.direction,
      tenantId: r.tenantId,
      eventCode: r.eventCode,
      streamingEndpointUrl: r.streamingEndpointUrl,
      dataflowId: r.dataflowId,
      deliveryMode: r.deliveryMode,
    };
    if (r.aepSchemaId && r.aepDatasetId && r.dataflowId) {
      p.xdmTarget = {
        schemaRef: { id: r.aepSchemaId, contentType: r.aepSchemaContentType || XDM_FULL_CONTENT_TYPE },
        datasetId: r.aepDatasetId,
        flowId: r.dataflowId,
      };
    }
    const v = versions.find((x) => x.profileId === r.id);
    if (v) p.published = { version: v.version, rules: v.rules as unknown as MappingRule[], schema: v.schema ?? null };
    try {
      Object.assign(p, openProfileCredentials(r, keys));
    } catch {
      p.secretError = "The profile's credentials could not be opened with this worker's APP_ENCRYPTION_KEY.";
    }
    out.set(r.id, p);
  }
  return out;
}
