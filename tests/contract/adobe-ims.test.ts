import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImsClient, type AdobeCredentials } from "@/lib/adobe";
import { DEMO_ADOBE, type RunningEmulators } from "@/emulators/index";
import { addFault, adobeCreds, allowLoopback, control, received, reset, startForTests, strictList } from "./helpers";

let emu: RunningEmulators;
let ims: ImsClient;
const stats = async () => (await control<{ tokenRequests: { oauth: number; jwt: number } }>(emu.adobeUrl, "GET", "stats")).tokenRequests;

beforeAll(async () => {
  emu = await startForTests();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu.adobeUrl);
  ims = new ImsClient({ imsUrl: emu.adobeUrl, allowList: allowLoopback, timeoutMs: 2000 });
});

describe("IMS OAuth Server-to-Server", () => {
  it("issues a token; expires_in is seconds", async () => {
    const t = await ims.getToken(adobeCreds);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.expiresAt - t.obtainedAt).toBe(86_399_000);
    const [req] = await received(emu.adobeUrl, "ims.token");
    const form = new URLSearchParams(req!.body);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("scope")).toBe("openid,session,AdobeID,read_organizations,additional_info.projectedProductContext");
  });

  it("400 invalid_client on a bad secret or unknown client id, without leaking the secret", async () => {
    const bad = await ims.getToken({ ...adobeCreds, clientSecret: "wrong-secret-value" });
    expect(bad).toMatchObject({ ok: false, code: "bad_credentials", status: 400, errorCode: "invalid_client", retryable: false });
    if (bad.ok) return;
    expect(bad.message).toContain("invalid client_secret parameter");
    expect(JSON.stringify(bad)).not.toContain("wrong-secret-value");
    const unknown = await ims.getToken({ ...adobeCreds, clientId: "nope" });
    expect(unknown).toMatchObject({ ok: false, code: "bad_credentials" });
    if (!unknown.ok) expect(unknown.message).toContain("invalid client_id parameter");
  });

  it("caches per credential set and shares one request among concurrent callers", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => ims.getToken(adobeCreds)));
    expect(new Set(results.map((r) => (r.ok ? r.accessToken : "x"))).size).toBe(1);
    await ims.getToken(adobeCreds);
    expect((await stats()).oauth).toBe(1);
    // Another credential set gets its own token.
    await control(emu.adobeUrl, "POST", "credentials", { clientId: "second", clientSecret: "s2", orgId: "SECOND@AdobeOrg" });
    await ims.getToken({ ...adobeCreds, clientId: "second", clientSecret: "s2", orgId: "SECOND@AdobeOrg" });
    expect((await stats()).oauth).toBe(2);
  });

  it("refreshes shortly before expiry", async () => {
    await control(emu.adobeUrl, "POST", "config", { tokenTtlSeconds: 1 });
    const a = await ims.getToken(adobeCreds);
    await new Promise((r) => setTimeout(r, 950)); // inside the 10% skew window of a 1 s token
    const b = await ims.getToken(adobeCreds);
    expect(a.ok && b.ok && a.accessToken !== b.accessToken).toBe(true);
    expect((await stats()).oauth).toBe(2);
  });

  it("429 with Retry-After is retryable and not cached", async () => {
    await addFault(emu.adobeUrl, { route: "ims.token", status: 429, retryAfter: 7, times: 1 });
    const r = await ims.getToken(adobeCreds);
    expect(r).toMatchObject({ ok: false, code: "rate_limited", retryable: true, retryAfterMs: 7000 });
    expect((await ims.getToken(adobeCreds)).ok).toBe(true);
  });

  it("5xx is retryable", async () => {
    await addFault(emu.adobeUrl, { route: "ims.token", status: 503, times: 1 });
    expect(await ims.getToken(adobeCreds)).toMatchObject({ ok: false, code: "unavailable", retryable: true, status: 503 });
  });

  it("times out when IMS is slower than the client timeout", async () => {
    await addFault(emu.adobeUrl, { route: "ims.token", latencyMs: 800, times: 1 });
    const slow = new ImsClient({ imsUrl: emu.adobeUrl, allowList: allowLoopback, timeoutMs: 200 });
    const t0 = Date.now();
    expect(await slow.getToken(adobeCreds)).toMatchObject({ ok: false, code: "timeout", retryable: true });
    expect(Date.now() - t0).toBeLessThan(700);
  });

  it("refuses a non-allow-listed IMS URL before any request", async () => {
    const refused = new ImsClient({ imsUrl: emu.adobeUrl, allowList: strictList });
    expect(await refused.getToken(adobeCreds)).toMatchObject({ ok: false, code: "not_allowed", retryable: false });
    const elsewhere = new ImsClient({ imsUrl: "https://ims.evil.example.com", allowList: allowLoopback });
    expect(await elsewhere.getToken(adobeCreds)).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await received(emu.adobeUrl)).toHaveLength(0);
  });

  it("does not follow redirects", async () => {
    await addFault(emu.adobeUrl, { route: "ims.token", status: 302, headers: { Location: "http://169.254.169.254/" }, times: 1 });
    expect(await ims.getToken(adobeCreds)).toMatchObject({ ok: false, code: "redirect", retryable: false });
    expect(await received(emu.adobeUrl)).toHaveLength(1);
  });
});

describe("IMS legacy JWT exchange", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwtCreds: AdobeCredentials = {
    authMethod: "JWT",
    clientId: "jwt-client",
    clientSecret: "jwt-secret",
    orgId: DEMO_ADOBE.orgId,
    technicalAccountId: "TECH0001@techacct.adobe.com",
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
  const register = () =>
    control(emu.adobeUrl, "POST", "credentials", {
      clientId: jwtCreds.clientId,
      clientSecret: jwtCreds.clientSecret,
      orgId: jwtCreds.orgId,
      technicalAccountId: jwtCreds.technicalAccountId,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    });

  it("exchanges an RS256 JWT; expires_in is milliseconds", async () => {
    await register();
    const t = await ims.getToken(jwtCreds);
    expect(t.ok).toBe(true);
    if (t.ok) expect(t.expiresAt - t.obtainedAt).toBe(86_399_999);
    const [req] = await received(emu.adobeUrl, "ims.jwt");
    const jwt = new URLSearchParams(req!.body).get("jwt_token")!;
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: jwtCreds.orgId, sub: jwtCreds.technicalAccountId, aud: `${emu.adobeUrl}/c/jwt-client` });
    expect(claims[`${emu.adobeUrl}/s/ent_dataservices_sdk`]).toBe(true);
  });

  it("a key that does not match the certificate is bad credentials (invalid_signature)", async () => {
    await register();
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(await ims.getToken({ ...jwtCreds, privateKeyPem: other })).toMatchObject({ ok: false, code: "bad_credentials", errorCode: "invalid_signature" });
  });

  it("a bad secret is 401 invalid_client; a garbage key never reaches IMS", async () => {
    await register();
    expect(await ims.getToken({ ...jwtCreds, clientSecret: "bad" })).toMatchObject({ ok: false, code: "bad_credentials", status: 401 });
    expect(await ims.getToken({ ...jwtCreds, privateKeyPem: "not a key" })).toMatchObject({ ok: false, code: "bad_credentials" });
    expect(await received(emu.adobeUrl, "ims.jwt")).toHaveLength(1);
  });
});
