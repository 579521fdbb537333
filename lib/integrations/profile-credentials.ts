import type { AdobeAuthMethod, AdobeCredentials } from "../adobe/types";
import { unseal, type SealKey } from "../crypto/seal";
import { rainfocusOverrides } from "../rainfocus/settings";
import type { RainfocusCredentials, RainfocusEnvironment } from "../rainfocus/types";

// A profile row becomes the credentials Relay calls Adobe and RainFocus with here and nowhere
// else: Test connection, the dataflow lookup, the log's remote status and the worker all open the
// same fields the same way (remote status once dropped the JWT private key this way). Secrets are
// opened in memory only. Plain Node: the worker imports it.

/** The Adobe columns of an IntegrationProfile row. */
export interface AdobeCredentialRow {
  adobeAuthMethod: AdobeAuthMethod;
  adobeClientId: string | null;
  adobeClientSecretSealed: string | null;
  adobeOrgId: string | null;
  adobeTechnicalAccountId: string | null;
  adobePrivateKeySealed: string | null;
  adobeSandboxName: string | null;
  adobeScopes: string | null;
}

/** The RainFocus API-profile columns of an IntegrationProfile row. */
export interface RainfocusCredentialRow {
  rainfocusClientId: string | null;
  rainfocusSecretSealed: string | null;
  rainfocusOrgId: string | null;
  rainfocusEnvironment: RainfocusEnvironment;
  /** The profile's overrides of the deployment's RainFocus settings (stored JSON). */
  rainfocusSettings: unknown;
}

export type ProfileCredentialRow = AdobeCredentialRow & RainfocusCredentialRow;

/** Each side is absent while its client ID, secret or org ID is missing. */
export interface ProfileCredentials {
  adobe?: AdobeCredentials;
  rainfocus?: RainfocusCredentials;
}

const opener = (keys: SealKey[]) => (sealed: string | null) => (sealed ? unseal(sealed, keys) : undefined);

/** Throws when a secret cannot be opened with these keys (another deployment's APP_ENCRYPTION_KEY). */
export function openAdobeCredentials(row: AdobeCredentialRow, keys: SealKey[]): AdobeCredentials | undefined {
  const open = opener(keys);
  const clientSecret = open(row.adobeClientSecretSealed);
  if (!row.adobeClientId || !clientSecret || !row.adobeOrgId) return undefined;
  const privateKeyPem = open(row.adobePrivateKeySealed);
  return {
    authMethod: row.adobeAuthMethod,
    clientId: row.adobeClientId,
    clientSecret,
    orgId: row.adobeOrgId,
    ...(row.adobeTechnicalAccountId ? { technicalAccountId: row.adobeTechnicalAccountId } : {}),
    ...(privateKeyPem ? { privateKeyPem } : {}),
    ...(row.adobeSandboxName ? { sandboxName: row.adobeSandboxName } : {}),
    ...(row.adobeScopes ? { scopes: row.adobeScopes } : {}),
  };
}

/** Throws when a secret cannot be opened with these keys. */
export function openRainfocusCredentials(row: RainfocusCredentialRow, keys: SealKey[]): RainfocusCredentials | undefined {
  const clientSecret = opener(keys)(row.rainfocusSecretSealed);
  if (!row.rainfocusClientId || !clientSecret || !row.rainfocusOrgId) return undefined;
  return {
    clientId: row.rainfocusClientId,
    clientSecret,
    orgId: row.rainfocusOrgId,
    environment: row.rainfocusEnvironment,
    ...rainfocusOverrides(row.rainfocusSettings),
  };
}

/** Both sides of a profile; throws when a secret cannot be opened with these keys. */
export function openProfileCredentials(row: ProfileCredentialRow, keys: SealKey[]): ProfileCredentials {
  const adobe = openAdobeCredentials(row, keys);
  const rainfocus = openRainfocusCredentials(row, keys);
  return { ...(adobe ? { adobe } : {}), ...(rainfocus ? { rainfocus } : {}) };
}
