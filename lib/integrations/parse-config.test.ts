import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_ADOBE_SCOPE } from "../adobe/types";
import { seal, unseal } from "../crypto/seal";
import { DEFAULT_RAINFOCUS_SETTINGS } from "../rainfocus/settings";
import { DEFAULT_OUTBOUND_HOSTS } from "../outbound/hosts";
import { createIntegrationClients } from "./clients";
import { INTEGRATION_TIMEOUT_MS, parseConfig } from "./parse-config";

const key = () => randomBytes(32).toString("base64");

describe("parseConfig", () => {
  it("defaults to the real Adobe and RainFocus endpoints, the default hosts, no loopback, no keys", () => {
    expect(parseConfig({})).toEqual({
      adobe: {
        imsUrl: "https://ims-na1.adobelogin.com",
        platformUrl: "https://platform.adobe.io",
        timeoutMs: INTEGRATION_TIMEOUT_MS,
        scope: DEFAULT_ADOBE_SCOPE,
      },
      rainfocus: { apiUrl: "https://api.rainfocus.com", timeoutMs: INTEGRATION_TIMEOUT_MS, settings: DEFAULT_RAINFOCUS_SETTINGS },
      outbound: { hosts: [...DEFAULT_OUTBOUND_HOSTS], allowLoopback: false },
      keys: [],
    });
  });

  it("reads every variable it owns", () => {
    const c = parseConfig({
      ADOBE_IMS_URL: "http://127.0.0.1:4010",
      ADOBE_PLATFORM_URL: "http://127.0.0.1:4011",
      RAINFOCUS_API_URL: "http://127.0.0.1:4020",
      OUTBOUND_EXTRA_HOSTS: " proxy.example.com, *.corp.example.net ,",
      EMULATORS: "on",
      RAINFOCUS_WRITE_STYLE: "attendee-update",
      RAINFOCUS_TOKEN_GRANT: "none",
    });
    expect(c.adobe).toMatchObject({ imsUrl: "http://127.0.0.1:4010", platformUrl: "http://127.0.0.1:4011" });
    expect(c.rainfocus.apiUrl).toBe("http://127.0.0.1:4020");
    expect(c.rainfocus.settings).toEqual({ ...DEFAULT_RAINFOCUS_SETTINGS, writeStyle: "attendee-update", tokenGrant: "none" });
    expect(c.outbound).toEqual({ hosts: [...DEFAULT_OUTBOUND_HOSTS, "proxy.example.com", "*.corp.example.net"], allowLoopback: true });
  });

  it("opens loopback only for an explicit on", () => {
    for (const v of ["on", "ON", "1", "true", "yes"]) expect(parseConfig({ EMULATORS: v }).outbound.allowLoopback, v).toBe(true);
    for (const v of ["off", "0", "false", "no", ""]) expect(parseConfig({ EMULATORS: v }).outbound.allowLoopback, v).toBe(false);
  });

  it("parses the current key first, then the previous one", () => {
    const current = key();
    const previous = key();
    const c = parseConfig({ APP_ENCRYPTION_KEY: current, APP_ENCRYPTION_KEY_PREVIOUS: previous });
    expect(c.keys).toHaveLength(2);
    const old = parseConfig({ APP_ENCRYPTION_KEY: previous }).keys[0];
    expect(unseal(seal("s3cret", old), c.keys)).toBe("s3cret");
    expect(c.keys[0].key.equals(Buffer.from(current, "base64"))).toBe(true);
  });

  it("refuses a malformed value, naming the variable", () => {
    expect(() => parseConfig({ ADOBE_IMS_URL: "not a url" })).toThrow(/Invalid environment: ADOBE_IMS_URL/);
    expect(() => parseConfig({ RAINFOCUS_WRITE_STYLE: "fax" })).toThrow(/RAINFOCUS_WRITE_STYLE/);
    expect(() => parseConfig({ APP_ENCRYPTION_KEY: "short" })).toThrow(/32 bytes/);
  });
});

describe("createIntegrationClients", () => {
  it("applies the allow-list to the outbound calls and never lets the webhook list reach loopback", () => {
    const c = createIntegrationClients(parseConfig({ EMULATORS: "on", OUTBOUND_EXTRA_HOSTS: "proxy.example.com" }));
    expect(c.allowList.isAllowed("http://127.0.0.1:4010/ims")).toBe(true);
    expect(c.allowList.isAllowed("https://proxy.example.com/x")).toBe(true);
    expect(c.allowList.isAllowed("https://evil.example.org/x")).toBe(false);
    expect(c.webhookAllowList.isAllowed("http://127.0.0.1:4010/ims")).toBe(false);
    expect(c.webhookAllowList.isAllowed("https://proxy.example.com/x")).toBe(true);
    expect(c.adobeConfig).toMatchObject({ imsUrl: "https://ims-na1.adobelogin.com", timeoutMs: INTEGRATION_TIMEOUT_MS, scope: DEFAULT_ADOBE_SCOPE });
    expect(c.rainfocusConfig.tokenCache).toBe(c.adobeConfig.tokenCache);
  });
});
