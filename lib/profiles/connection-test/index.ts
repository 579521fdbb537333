import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { testAdobeConnection, testRainfocusConnection, type ConnectionTestResult } from "./probe";
import { integrationClients, sealKeys } from "@/lib/integrations/config";
import { openAdobeCredentials, openRainfocusCredentials } from "@/lib/integrations/profile-credentials";
import { getProfileRowOrThrow } from "../service";
import { changeProfile } from "../change-profile";
import type { ConnectionTest } from "../view";
import { refreshDataflowTarget } from "../dataflow-target";

/**
 * "Test connection": a fresh token from Adobe IMS or RainFocus with the stored (sealed) credentials.
 * The result is kept on the profile (it gates READY) without bumping its version, so a form someone
 * has open does not become stale because a colleague pressed Test.
 */
export async function runConnectionTest(
  profileId: string,
  target: "adobe" | "rainfocus",
  { actor, ip }: { actor: Pick<Actor, "id" | "email">; ip: string | null },
) {
  const row = await getProfileRowOrThrow(profileId);
  let result: ConnectionTestResult;
  if (target === "adobe") {
    if (!row.adobeClientId || !row.adobeClientSecretSealed || !row.adobeOrgId)
      throw new DomainError("Save the Adobe Client ID, Client Secret and Organization ID first.", "invalid");
    const creds = openAdobeCredentials(row, sealKeys())!;
    result = await testAdobeConnection(creds, { ...integrationClients().adobeConfig, streamingEndpointUrl: row.streamingEndpointUrl ?? undefined });
  } else {
    if (!row.rainfocusClientId || !row.rainfocusSecretSealed || !row.rainfocusOrgId)
      throw new DomainError("Save the RainFocus Client ID, Client secret and Org ID first.", "invalid");
    const creds = openRainfocusCredentials(row, sealKeys())!;
    result = await testRainfocusConnection(creds, integrationClients().rainfocusConfig, row.direction === "DESTINATION" ? row.eventCode : undefined);
  }
  // XDM envelopes name the dataflow's dataset and schema; metrics and the Data Prep export use them
  // too: Test connection re-reads them.
  if (target === "adobe" && result.ok && row.direction === "SOURCE" && row.dataflowId) {
    const t = await refreshDataflowTarget(row);
    result = t.ok
      ? { ...result, detail: `${result.detail} ${t.detail}` }
      : { ...result, warnings: [...result.warnings, `Could not read the dataflow's dataset and schema: ${t.message}`] };
  }
  const stored: ConnectionTest = result.ok
    ? { ok: true, message: result.detail, warnings: result.warnings, at: new Date().toISOString() }
    : { ok: false, message: result.message, at: new Date().toISOString() };
  // No version: a test result is bookkeeping, not an edit (see above); the status follows it.
  const data = target === "adobe" ? { adobeTest: stored } : { rainfocusTest: stored };
  await changeProfile(profileId, { data, audit: { action: `profile.test.${target}`, after: { ok: stored.ok, message: stored.message } } }, { actor, ip });
  return stored;
}
