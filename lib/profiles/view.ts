import "server-only";
import type { IntegrationProfile, ProfilePushType } from "@/lib/generated/prisma/client";
import { maskSecret } from "@/lib/crypto/seal";
import { openSecret } from "@/lib/crypto/keys";
import { rainfocusOverrides } from "@/lib/rainfocus/settings";

export type ConnectionTest = { ok: boolean; message: string; warnings?: string[]; at: string };

/**
 * The only shape of a profile that leaves the server: sealed columns are replaced by masks
 * (••••1234) and never included, whatever the caller's role.
 */
export function toProfileView(row: IntegrationProfile & { pushTypes: ProfilePushType[] }, publishedMappingVersion: number | null = null) {
  const mask = (sealed: string | null) => {
    try {
      return maskSecret(openSecret(sealed));
    } catch {
      return sealed ? "•••• (cannot be opened: re-enter it)" : null;
    }
  };
  return {
    id: row.id,
    name: row.name,
    direction: row.direction,
    status: row.status,
    demo: row.demo,
    eventCode: row.eventCode,
    tenantId: row.tenantId,
    version: row.version,
    adobe: {
      authMethod: row.adobeAuthMethod,
      clientId: row.adobeClientId,
      clientSecret: mask(row.adobeClientSecretSealed),
      technicalAccountId: row.adobeTechnicalAccountId,
      orgId: row.adobeOrgId,
      sandboxName: row.adobeSandboxName,
      scopes: row.adobeScopes,
      privateKey: row.adobePrivateKeySealed ? "PEM private key on file" : null,
    },
    rainfocus: {
      clientId: row.rainfocusClientId,
      secret: mask(row.rainfocusSecretSealed),
      orgId: row.rainfocusOrgId,
      environment: row.rainfocusEnvironment,
      /** This profile's overrides of the deployment's unconfirmed RainFocus settings. */
      settings: rainfocusOverrides(row.rainfocusSettings).settings ?? {},
    },
    endpoint: { streamingEndpointUrl: row.streamingEndpointUrl, dataflowId: row.dataflowId },
    delivery: {
      mode: row.deliveryMode,
      discovered: row.aepDatasetId && row.aepSchemaId ? { datasetId: row.aepDatasetId, schemaId: row.aepSchemaId, at: row.aepDiscoveredAt } : null,
    },
    inbound: {
      configured: !!row.inboundSecretSealed,
      rotatedAt: row.inboundSecretRotatedAt,
      previousValidUntil:
        row.previousInboundSecretSealed && row.previousInboundSecretUntil && row.previousInboundSecretUntil > new Date()
          ? row.previousInboundSecretUntil
          : null,
    },
    // The inlet id is a capability: only its last 4 characters leave the server (revealInlet shows it to editors).
    inlet: row.inletId
      ? {
          hint: `••••${row.inletId.slice(-4)}`,
          previousValidUntil: row.previousInletId && row.previousInletUntil && row.previousInletUntil > new Date() ? row.previousInletUntil : null,
        }
      : null,
    tests: { adobe: (row.adobeTest as ConnectionTest | null) ?? null, rainfocus: (row.rainfocusTest as ConnectionTest | null) ?? null },
    pushTypes: row.pushTypes.map((p) => p.pushType).sort(),
    /** The latest published mapping version (deliveries use it); null = never published. */
    mapping: { publishedVersion: publishedMappingVersion },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type ProfileView = ReturnType<typeof toProfileView>;
