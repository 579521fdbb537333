import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKey, seal } from "../crypto/seal";
import { openAdobeCredentials, openProfileCredentials, openRainfocusCredentials, type ProfileCredentialRow } from "./profile-credentials";

const keyA = parseKey(randomBytes(32).toString("base64"));
const keyB = parseKey(randomBytes(32).toString("base64"));
const PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";

const row = (over: Partial<ProfileCredentialRow> = {}): ProfileCredentialRow => ({
  adobeAuthMethod: "JWT",
  adobeClientId: "adobe-client",
  adobeClientSecretSealed: seal("adobe-secret", keyA),
  adobeOrgId: "ORG@AdobeOrg",
  adobeTechnicalAccountId: "T@techacct.adobe.com",
  adobePrivateKeySealed: seal(PEM, keyA),
  adobeSandboxName: "qa",
  adobeScopes: "openid,AdobeID",
  rainfocusClientId: "rf-client",
  rainfocusSecretSealed: seal("rf-secret", keyA),
  rainfocusOrgId: "rf-org",
  rainfocusEnvironment: "dev",
  rainfocusSettings: { writeStyle: "attendee-update", apiProfile: "relay" },
  ...over,
});

describe("openProfileCredentials", () => {
  it("keeps every credential field, the JWT private key included", () => {
    expect(openProfileCredentials(row(), [keyA])).toEqual({
      adobe: {
        authMethod: "JWT",
        clientId: "adobe-client",
        clientSecret: "adobe-secret",
        orgId: "ORG@AdobeOrg",
        technicalAccountId: "T@techacct.adobe.com",
        privateKeyPem: PEM,
        sandboxName: "qa",
        scopes: "openid,AdobeID",
      },
      rainfocus: {
        clientId: "rf-client",
        clientSecret: "rf-secret",
        orgId: "rf-org",
        environment: "dev",
        settings: { writeStyle: "attendee-update", apiProfile: "relay" },
      },
    });
  });

  it("opens with the previous key during a rotation", () => {
    const c = openProfileCredentials(row(), [keyB, keyA]);
    expect(c.adobe?.privateKeyPem).toBe(PEM);
    expect(c.rainfocus?.clientSecret).toBe("rf-secret");
  });

  it("leaves out optional fields that are not set", () => {
    const c = openProfileCredentials(
      row({
        adobeAuthMethod: "OAUTH_S2S",
        adobeTechnicalAccountId: null,
        adobePrivateKeySealed: null,
        adobeSandboxName: null,
        adobeScopes: null,
        rainfocusSettings: null,
      }),
      [keyA],
    );
    expect(c.adobe).toEqual({ authMethod: "OAUTH_S2S", clientId: "adobe-client", clientSecret: "adobe-secret", orgId: "ORG@AdobeOrg" });
    expect(c.rainfocus).toEqual({ clientId: "rf-client", clientSecret: "rf-secret", orgId: "rf-org", environment: "dev" });
  });

  it("drops invalid stored RainFocus overrides rather than sending them", () => {
    expect(openRainfocusCredentials(row({ rainfocusSettings: { writeStyle: "fax" } }), [keyA])).not.toHaveProperty("settings");
  });

  it("omits a side whose client ID, secret or org ID is missing", () => {
    for (const missing of ["adobeClientId", "adobeClientSecretSealed", "adobeOrgId"] as const) {
      expect(openProfileCredentials(row({ [missing]: null }), [keyA]).adobe, missing).toBeUndefined();
    }
    for (const missing of ["rainfocusClientId", "rainfocusSecretSealed", "rainfocusOrgId"] as const) {
      expect(openProfileCredentials(row({ [missing]: null }), [keyA]).rainfocus, missing).toBeUndefined();
    }
    expect(openAdobeCredentials(row({ adobeClientSecretSealed: null }), [keyA])).toBeUndefined();
  });

  it("throws when a secret was sealed under another key", () => {
    expect(() => openProfileCredentials(row(), [keyB])).toThrow();
    expect(() => openProfileCredentials(row({ adobePrivateKeySealed: seal(PEM, keyB) }), [keyA])).toThrow();
  });
});
