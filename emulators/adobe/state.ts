import type { XdmSchemaModel } from "@/lib/xdm";
import type { MappingRule } from "@/lib/mapping-engine";
import { DEMO_ADOBE } from "../../lib/demo-credentials";
import { demoRegistrySchema } from "./schema-registry";

export interface AdobeCredential {
  clientId: string;
  clientSecret: string;
  orgId: string;
  technicalAccountId?: string;
  /** For the JWT exchange: the certificate's public key (PEM). */
  publicKeyPem?: string;
}

export interface IssuedToken {
  clientId: string;
  orgId: string;
  expiresAt: number;
  method: "oauth" | "jwt";
}

export interface Inlet {
  inletId: string;
  flowId: string;
  dataType: "raw" | "xdm";
  authenticationRequired: boolean;
  /** Sync validation works only in VA7; anything else answers 501. */
  region: string;
  orgId: string;
  datasetId: string;
  /** Tenant of the default RainFocus schema used for validation. */
  tenantId: string;
  /** An uploaded XDM schema replaces the default one. */
  schema?: XdmSchemaModel;
  createdAt: number;
  /** The dataflow's Data Prep mapping set (raw dataflows), set by PATCH /flows/{id}. */
  mapping?: { id: string; version: number };
  /** Flow Service etag of the dataflow; PATCH needs it in If-Match. */
  etag: string;
}

/** A mapping set registered through the emulated Data Prep API. */
export interface StoredMappingSet {
  id: string;
  version: number;
  body: Record<string, unknown>;
  rules: MappingRule[];
  createdDate: string;
}

/** A Catalog dataset: the schema every XDM envelope sent to it must name. */
export interface Dataset {
  id: string;
  name: string;
  schemaId: string;
}

export interface AdobeConfig {
  tokenTtlSeconds: number;
  jwtTtlMs: number;
  maxBodyBytes: number;
  /** Whole /collection/batch request; each message is still held to maxBodyBytes. */
  maxBatchBytes: number;
  syncValidationPerMinute: number;
  maxValidationErrors: number;
  /** Unknown inlet IDs are created on first use (raw, unauthenticated, VA7). False → 404. */
  autoCreateInlets: boolean;
  /** Messages to a flow younger than this are accepted but dropped (AEP's ~5 min warm-up). */
  flowWarmupMs: number;
  /** Window of one Flow Service run for streaming flows. */
  runWindowMs: number;
}

export const DEFAULT_ADOBE_CONFIG: AdobeConfig = {
  tokenTtlSeconds: 86_399,
  jwtTtlMs: 86_399_999,
  maxBodyBytes: 1024 * 1024,
  // "413 Payload too large - thrown when the total payload request is greater than 1MB"
  // (help/ingestion/tutorials/streaming-multiple-messages.md, Response codes).
  maxBatchBytes: 1024 * 1024,
  syncValidationPerMinute: 60,
  maxValidationErrors: 5,
  autoCreateInlets: true,
  flowWarmupMs: 0,
  runWindowMs: 60 * 60_000,
};

/** One message as the pipeline saw it: counted into runs and Insights. */
export interface IngestRecord {
  at: number;
  inletId: string;
  flowId: string;
  bytes: number;
  /** rejected = refused by sync validation (never reaches the dataset); dropped = flow warm-up. */
  outcome: "success" | "failed" | "rejected" | "dropped";
  /** Validation keywords of the failures, for the Insights category counters. */
  keywords?: string[];
  /** Raw dataflows with a mapping set: the XDM Data Prep produced (what lands in the dataset). */
  output?: unknown;
}

export class AdobeState {
  config: AdobeConfig = { ...DEFAULT_ADOBE_CONFIG };
  credentials = new Map<string, AdobeCredential>();
  tokens = new Map<string, IssuedToken>();
  tokenRequests = { oauth: 0, jwt: 0 };
  inlets = new Map<string, Inlet>();
  datasets = new Map<string, Dataset>();
  /** Schema Registry tenant schemas by `$id`, as a xed-full lookup returns them. */
  schemas = new Map<string, Record<string, unknown>>();
  mappingSets = new Map<string, StoredMappingSet>();
  ingested: IngestRecord[] = [];
  /** Sync-validation request times per inlet, for the 60/min limit. */
  syncCalls = new Map<string, number[]>();
  private tokenSeq = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.config = { ...DEFAULT_ADOBE_CONFIG };
    this.credentials.clear();
    this.tokens.clear();
    this.tokenRequests = { oauth: 0, jwt: 0 };
    this.inlets.clear();
    this.datasets.clear();
    this.mappingSets.clear();
    this.ingested = [];
    this.syncCalls.clear();
    this.credentials.set(DEMO_ADOBE.clientId, {
      clientId: DEMO_ADOBE.clientId,
      clientSecret: DEMO_ADOBE.clientSecret,
      orgId: DEMO_ADOBE.orgId,
      technicalAccountId: DEMO_ADOBE.technicalAccountId,
    });
    this.addDataset({ id: DEMO_ADOBE.datasetId, name: "RainFocus events (demo)", schemaId: DEMO_ADOBE.schemaId });
    this.schemas.clear();
    const demo = demoRegistrySchema();
    this.schemas.set(demo.$id as string, demo);
    this.addInlet({ inletId: DEMO_ADOBE.inletId, flowId: DEMO_ADOBE.flowId, dataType: "xdm", createdAt: 0 });
    this.addInlet({ inletId: DEMO_ADOBE.rawInletId, flowId: DEMO_ADOBE.rawFlowId, dataType: "raw", createdAt: 0 });
  }

  addDataset(d: Dataset): Dataset {
    this.datasets.set(d.id, d);
    return d;
  }

  /** The dataset of an inlet, created on first sight with a schema id derived from its tenant. */
  datasetOf(inlet: Inlet): Dataset {
    return (
      this.datasets.get(inlet.datasetId) ??
      this.addDataset({
        id: inlet.datasetId,
        name: `Dataset ${inlet.datasetId}`,
        schemaId: `https://ns.adobe.com/${inlet.tenantId}/schemas/${inlet.datasetId}`,
      })
    );
  }

  addInlet(p: Partial<Inlet> & { inletId: string }): Inlet {
    const inlet: Inlet = {
      flowId: p.flowId ?? `flow-${p.inletId.slice(0, 12)}`,
      dataType: "raw",
      authenticationRequired: false,
      region: "va7",
      orgId: DEMO_ADOBE.orgId,
      datasetId: DEMO_ADOBE.datasetId,
      tenantId: DEMO_ADOBE.tenantId,
      createdAt: Date.now(),
      etag: `"${Math.random().toString(16).slice(2, 10)}-0000-0200-0000-000000000000"`,
      ...p,
    };
    this.inlets.set(inlet.inletId, inlet);
    this.datasetOf(inlet);
    return inlet;
  }

  issueToken(cred: AdobeCredential, method: IssuedToken["method"], ttlMs: number): string {
    const token = `emu-${method}-${++this.tokenSeq}-${Math.random().toString(36).slice(2, 12)}`;
    this.tokens.set(token, { clientId: cred.clientId, orgId: cred.orgId, expiresAt: Date.now() + ttlMs, method });
    return token;
  }

  /** A live token, or undefined when unknown or expired. */
  tokenInfo(header: string | undefined): IssuedToken | undefined {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
    const info = m ? this.tokens.get(m[1]!.trim()) : undefined;
    return info && info.expiresAt > Date.now() ? info : undefined;
  }

  expireAllTokens(): number {
    for (const t of this.tokens.values()) t.expiresAt = 0;
    return this.tokens.size;
  }
}
