import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db-client";
import { parseKey, seal } from "@/lib/crypto/seal";
import { defaultSourceMapping } from "@/lib/mapping-engine/default-mappings";
import { DEMO_ADOBE, DEMO_RAINFOCUS, demoStreamingEndpoint } from "../demo-credentials";

export const DEMO_PROFILE_NAME = "Demo: Summit 2026 → AEP (local emulators)";

/**
 * With the emulators on, a clearly marked demo SOURCE profile pointing at them, so a newcomer can
 * test connections, send test pushes and watch deliveries without any Adobe or RainFocus account.
 * Created once; never touched again (users may edit or delete it).
 */
export async function ensureDemoProfile(db: PrismaClient, opts: { adobeUrl: string; encryptionKey: string }): Promise<boolean> {
  if (await db.integrationProfile.findFirst({ where: { demo: true } })) return false;
  const key = parseKey(opts.encryptionKey);
  const profile = await db.integrationProfile.create({
    data: {
      name: DEMO_PROFILE_NAME,
      direction: "SOURCE",
      demo: true,
      eventCode: DEMO_RAINFOCUS.eventCode,
      tenantId: DEMO_ADOBE.tenantId,
      adobeAuthMethod: "OAUTH_S2S",
      adobeClientId: DEMO_ADOBE.clientId,
      adobeClientSecretSealed: seal(DEMO_ADOBE.clientSecret, key),
      adobeTechnicalAccountId: DEMO_ADOBE.technicalAccountId,
      adobeOrgId: DEMO_ADOBE.orgId,
      adobeSandboxName: DEMO_ADOBE.sandboxName,
      streamingEndpointUrl: demoStreamingEndpoint(opts.adobeUrl),
      dataflowId: DEMO_ADOBE.flowId,
      rainfocusClientId: DEMO_RAINFOCUS.clientId,
      rainfocusSecretSealed: seal(DEMO_RAINFOCUS.clientSecret, key),
      rainfocusOrgId: DEMO_RAINFOCUS.orgId,
      rainfocusEnvironment: "dev",
      inboundSecretSealed: seal("rfin_" + randomBytes(24).toString("base64url"), key),
      inboundSecretRotatedAt: new Date(),
      inletId: randomBytes(32).toString("hex"),
      pushTypes: { create: [{ pushType: "SessionScheduled" }, { pushType: "AttendeeRegistered" }, { pushType: "SessionAttended" }] },
    },
  });
  // Activation needs a published mapping: the demo ships with the default one as version 1.
  await db.mappingVersion.create({
    data: { profileId: profile.id, version: 1, rules: defaultSourceMapping(DEMO_ADOBE.tenantId) as unknown as object[], publishedByEmail: "seed" },
  });
  await db.auditEvent.create({ data: { action: "profile.seedDemo", targetType: "IntegrationProfile", after: { name: DEMO_PROFILE_NAME } } });
  return true;
}
