import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { ActionError } from "@/lib/actions/define-action";
import { testAdobeConnection, testRainfocusConnection, type ConnectionTestResult } from "@/lib/connections/test-connection";
import { adobeClientConfig, rainfocusClientConfig } from "@/lib/integrations/config";
import { rainfocusOverrides } from "@/lib/rainfocus/settings";
import { getProfileRowOrThrow, openSecret } from "./service";
import { changeProfile } from "./change-profile";
import type { ConnectionTest } from "./view";
import { refreshDataflowTarget } from "./dataflow-target";

/**
 * "Test connection": a fresh token from Adobe IMS or RainFocus with the stored (sealed) credentials.
 * The result is kept on the profile (it gates READY) without bumping its version, so a form someone
 * has open does not become stale because a colleague pressed Test.
 */
export async function runConnectionTest(profileId: string, target: "adobe" | "rainfocus", { actor, ip }: { actor: Pick<Actor, "id" | "email">; ip: string | null }) {
  const row = await getProfileRowOrThrow(profileId);
  let result: ConnectionTestResult;
  if (target === "adobe") {
    if (!row.adobeClientId || !row.adobeClientSecretSealed || !row.adobeOrgId) throw new ActionError("Save the Adobe Client ID, Client Secret and Organization ID first.", "invalid");
    result = await testAdobeConnection(
      {
        authMethod: row.adobeAuthMethod,
        clientId: row.adobeClientId,
        clientSecret: openSecret(row.adobeClientSecretSealed)!,
        orgId: row.adobeOrgId,
        technicalAccountId: row.adobeTechnicalAccountId ?? undefined,
        privateKeyPem: openSecret(row.adobePrivateKeySealed) ?? undefined,
        sandboxName: row.adobeSandboxName ?? undefined,
        scopes: row.adobeScopes ?? undefined,
      },
      { ...adobeClientConfig(), streamingEndpointUrl: row.streamingEndpointUrl ?? undefined },
    );
  } else {
    if (!row.rainfocusClientId || !row.rainfocusSecretSealed || !row.rainfocusOrgId) throw new ActionError("Save the RainFocus Client ID, Client secret and Org ID first.", "invalid");
    result = await testRainfocusConnection(
      { clientId: row.rainfocusClientId, clientSecret: openSecret(row.rainfocusSecretSealed)!, orgId: row.rainfocusOrgId, environment: row.rainfocusEnvironment, ...rainfocusOverrides(row.rainfocusSettings) },
      rainfocusClientConfig(),
      row.direction === "DESTINATION" ? row.eventCode : undefined,
    );
  }
  // XDM envelopes name the dataflow's dataset and schema; metrics and the Data Prep export use them
  // too: Test connection re-reads them.
  if (target === "adobe" && result.ok && row.direction === "SOURCE" && row.dataflowId) {
    const t = await refreshDataflowTarget(row);
    result = t.ok ? { ...result, detail: `${result.detail} ${t.detail}` } : { ...result, warnings: [...result.warnings, `Could not read the dataflow's dataset and schema: ${t.message}`] };
  }
  const stored: ConnectionTest = result.ok
    ? { ok: true, message: result.detail, warnings: result.warnings, at: new Date().toISOString() }
    : { ok: false, message: result.message, at: new Date().toISOString() };
  // No version: a test result is bookkeeping, not an edit (see above); the status follows it.
  const data = target === "adobe" ? { adobeTest: stored } : { rainfocusTest: stored };
  await changeProfile(profileId, { data, audit: { action: `profile.test.${target}`, after: { ok: stored.ok, message: stored.message } } }, { actor, ip });
  return stored;
}
