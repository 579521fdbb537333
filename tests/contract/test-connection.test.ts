import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testAdobeConnection, testRainfocusConnection } from "@/lib/profiles/connection-test/probe";
import type { RunningEmulators } from "@/emulators/index";
import { addFault, adobeCreds, allowLoopback, control, received, reset, rfCreds, startForTests, strictList } from "./helpers";

let emu: RunningEmulators;

beforeAll(async () => {
  emu = await startForTests();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu.adobeUrl);
  await reset(emu.rainfocusUrl);
});

describe("testAdobeConnection", () => {
  const cfg = () => ({ imsUrl: emu.adobeUrl, allowList: allowLoopback, timeoutMs: 1000 });

  it("is green for the demo credentials", async () => {
    const r = await testAdobeConnection(adobeCreds, { ...cfg(), streamingEndpointUrl: `${emu.adobeUrl}/collection/x` });
    expect(r).toMatchObject({ ok: true, warnings: [] });
    if (r.ok) expect(r.detail).toMatch(/issued an access token valid for 24 h/);
  });

  it("explains a bad secret without repeating it", async () => {
    const r = await testAdobeConnection({ ...adobeCreds, clientSecret: "p4ssw0rd-typo" }, cfg());
    expect(r).toMatchObject({ ok: false, code: "bad_credentials" });
    if (!r.ok) {
      expect(r.message).toMatch(/rejected these credentials/);
      expect(r.message).not.toContain("p4ssw0rd-typo");
    }
  });

  it("unreachable, not allowed, timeout", async () => {
    expect(await testAdobeConnection(adobeCreds, { ...cfg(), imsUrl: "http://127.0.0.1:1" })).toMatchObject({ ok: false, code: "unreachable" });
    expect(await testAdobeConnection(adobeCreds, { ...cfg(), allowList: strictList })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await testAdobeConnection(adobeCreds, { ...cfg(), streamingEndpointUrl: "https://10.1.2.3/collection/x" })).toMatchObject({
      ok: false,
      code: "not_allowed",
    });
    expect(await received(emu.adobeUrl)).toHaveLength(0);
    await addFault(emu.adobeUrl, { route: "ims.token", hang: true, times: 1 });
    expect(await testAdobeConnection(adobeCreds, { ...cfg(), timeoutMs: 200 })).toMatchObject({ ok: false, code: "timeout" });
  });

  it("always asks IMS (a changed secret is really tested) and flags JWT as deprecated", async () => {
    await testAdobeConnection(adobeCreds, cfg());
    await testAdobeConnection(adobeCreds, cfg());
    expect(await received(emu.adobeUrl, "ims.token")).toHaveLength(2);

    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    await control(emu.adobeUrl, "POST", "credentials", {
      ...adobeCreds,
      technicalAccountId: "T@techacct.adobe.com",
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }),
    });
    const r = await testAdobeConnection(
      {
        ...adobeCreds,
        authMethod: "JWT",
        technicalAccountId: "T@techacct.adobe.com",
        privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      },
      cfg(),
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]).toMatch(/end of life/);
  });
});

describe("testRainfocusConnection", () => {
  const cfg = () => ({ apiUrl: emu.rainfocusUrl, allowList: allowLoopback, timeoutMs: 1000 });

  it("green for the demo API profile, bad_credentials for a wrong secret", async () => {
    expect(await testRainfocusConnection(rfCreds, cfg())).toMatchObject({ ok: true });
    expect(await testRainfocusConnection({ ...rfCreds, clientSecret: "x" }, cfg())).toMatchObject({ ok: false, code: "bad_credentials" });
  });

  it("not allowed and unreachable", async () => {
    expect(await testRainfocusConnection(rfCreds, { ...cfg(), apiUrl: "https://api.evil.example.org" })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await testRainfocusConnection(rfCreds, { ...cfg(), apiUrl: "http://127.0.0.1:1" })).toMatchObject({ ok: false, code: "unreachable" });
  });
});
