import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_ADOBE, type RunningEmulators } from "@/emulators/index";
import { createAdobeClients } from "@/lib/adobe";
import { RainfocusClient } from "@/lib/rainfocus";
import { createAllowList } from "@/lib/outbound";
import { parseKey, seal } from "@/lib/crypto/seal";
import { listDeliveries, countDeliveries } from "@/lib/delivery-log/list-deliveries";
import { DeliveryFilterSchema } from "@/lib/delivery-log/schemas";
import { readRemoteStatus } from "@/lib/delivery-log/remote-status";
import { getDeliveryDetail } from "@/lib/delivery-log/get-delivery";
import {
  createDestinationProfile,
  createSourceProfile,
  drain,
  emulator,
  postPush,
  pushEvents,
  startTestEmulators,
  testWorker,
  type TestProfile,
} from "../support/delivery";

// The delivery log's query service against a real database: keyset pages, every filter, masking,
// the detail view, and the remote status beside it (with a hanging remote that must not block).

const f = (x: Record<string, string>) => DeliveryFilterSchema.parse(x);

async function all(filter: Record<string, string>, maskEmails = false) {
  const out = [];
  let cursor: string | undefined;
  do {
    const page = await listDeliveries(f(filter), { cursor, limit: 7, maskEmails });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe("delivery log queries", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  let ids: string[];
  let events: Record<string, unknown>[];

  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
    events = pushEvents("SessionScheduled", 50_000, 20);
    const r = await postPush(p.id, events, p.secret);
    ids = r.body.deliveryIds;
    // Spread receipt times so ordering is observable, and make two deliveries fail permanently.
    for (const [i, id] of ids.entries()) await db.delivery.update({ where: { id }, data: { receivedAt: new Date(Date.now() - (ids.length - i) * 60_000) } });
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs", status: 400, times: 2 });
    const w = testWorker(emu, { claimBatch: 1 });
    await drain(w);
    await db.delivery.update({ where: { id: ids[0]! }, data: { test: true } });
  });
  beforeEach(async () => {
    await emulator(emu.adobeUrl, "DELETE", "faults");
  });
  afterAll(() => emu.close());

  it("pages newest first with keyset cursors, without gaps or repeats", async () => {
    const rows = await all({ profileId: p.id });
    expect(rows.map((r) => r.id)).toEqual([...ids].reverse());
    expect(rows.every((r, i) => i === 0 || r.receivedAt <= rows[i - 1]!.receivedAt)).toBe(true);
    expect(rows[0]).toMatchObject({ profileId: p.id, direction: "SOURCE", pushType: "SessionScheduled", attempts: 1 });
    expect(rows[0]!.receivedAt).toBeInstanceOf(Date);
    expect(typeof rows[0]!.durationMs).toBe("number");
  });

  it("filters by status, HTTP class, failed attempts, test flag and mapping version", async () => {
    const failed = await all({ profileId: p.id, status: "FAILED" });
    expect(failed).toHaveLength(2);
    expect(failed.every((r) => r.lastStatusCode === 400 && r.lastError)).toBe(true);
    expect((await all({ profileId: p.id, http: "4xx" })).map((r) => r.id).sort()).toEqual(failed.map((r) => r.id).sort());
    expect(await all({ profileId: p.id, http: "2xx" })).toHaveLength(18);
    expect(await all({ profileId: p.id, status: "FAILED,DELIVERED" })).toHaveLength(20);
    expect(await all({ profileId: p.id, failedAttempts: "1" })).toHaveLength(2);
    expect((await all({ profileId: p.id, test: "yes" })).map((r) => r.id)).toEqual([ids[0]]);
    expect(await all({ profileId: p.id, test: "no" })).toHaveLength(19);
    expect(await all({ profileId: p.id, mappingVersion: "default" })).toHaveLength(20);
    expect(await all({ profileId: p.id, mappingVersion: "3" })).toHaveLength(0);
    expect(await countDeliveries(f({ profileId: p.id, status: "FAILED" }))).toBe(2);
  });

  it("filters by time range presets and custom bounds", async () => {
    expect(await all({ profileId: p.id, range: "15m" })).toHaveLength(14);
    const from = new Date(Date.now() - 5.5 * 60_000).toISOString();
    expect(await all({ profileId: p.id, from })).toHaveLength(5);
    expect(await all({ profileId: p.id, to: from })).toHaveLength(15);
  });

  it("searches transmission id, attendee id, email and error text", async () => {
    const e = events[7] as { transmissionId: string; attendee: { email: string; attendeeId: string } };
    expect((await all({ q: e.transmissionId })).map((r) => r.id)).toEqual([ids[7]]);
    expect((await all({ q: e.attendee.attendeeId })).map((r) => r.id)).toEqual([ids[7]]);
    const byEmail = await all({ profileId: p.id, q: e.attendee.email.toUpperCase() });
    expect(byEmail.map((r) => r.id)).toContain(ids[7]);
    expect(byEmail[0]!.email).toBe(byEmail.find((r) => r.id === ids[7])!.email);
    const [failed] = await all({ profileId: p.id, status: "FAILED" });
    const word = failed!.lastError!.split(/\s+/).find((w) => w.length > 6)!;
    expect(await all({ profileId: p.id, q: word.toLowerCase() })).toHaveLength(2);
    expect(await all({ profileId: p.id, q: "100%_no" })).toHaveLength(0);
  });

  it("masks attendee emails for roles that read the log masked", async () => {
    const e = events[7] as { transmissionId: string; attendee: { email: string } };
    const [plain] = await all({ q: e.transmissionId });
    const [masked] = await all({ q: e.transmissionId }, true);
    expect(plain!.email).toBe(e.attendee.email);
    expect(masked!.email).toContain("•••");
    expect(masked!.email).not.toBe(e.attendee.email);
    const detail = await getDeliveryDetail(ids[7]!, { maskEmails: true });
    expect(JSON.stringify(detail)).not.toContain(e.attendee.email);
  });

  it("details a delivery: attempts with a redacted cURL and the XDM validation", async () => {
    // Which two deliveries met the injected 400s depends on claim order: take one that did not.
    const delivered = await db.delivery.findFirstOrThrow({ where: { id: { in: ids }, status: "DELIVERED" } });
    const d = await getDeliveryDetail(delivered.id, { maskEmails: false });
    expect(d).toMatchObject({ status: "DELIVERED", validation: { kind: "xdm", ok: true, errors: [] }, mappingVersion: null, currentMappingVersion: null });
    expect(d.attemptLog).toHaveLength(1);
    expect(d.attemptLog[0]!.curl).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/collection\//);
    expect(d.attemptLog[0]!.responseStatus).toBe(200);
    await expect(getDeliveryDetail("nope", { maskEmails: false })).rejects.toMatchObject({ code: "not_found" });
  });

  it("reads AEP runs and Observability V2 dataset metrics for a SOURCE profile, and RainFocus logs for a DESTINATION one", async () => {
    const allowList = createAllowList({ hosts: [], allowLoopback: true });
    const adobe = createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList, timeoutMs: 5000 });
    const rainfocus = new RainfocusClient({ apiUrl: emu.rainfocusUrl, allowList, timeoutMs: 5000 });
    const s = await readRemoteStatus(p.id, { adobe, rainfocus });
    expect(s.kind).toBe("aep");
    if (s.kind !== "aep") return;
    expect(s.runs.ok).toBe(true);
    expect(s.metrics.ok).toBe(true);
    const dest = await createDestinationProfile();
    const r = await readRemoteStatus(dest.id, { adobe, rainfocus });
    expect(r).toMatchObject({ kind: "rainfocus", logs: { ok: true } });
  });

  it("reads AEP runs with a JWT (Service Account) profile: its private key reaches IMS", async () => {
    // Remote status once opened only the client secret, so a JWT profile's token request had no
    // key to sign with and the log showed an error beside every delivery.
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwtClient = { clientId: "jwt-remote-status", clientSecret: "jwt-secret", orgId: DEMO_ADOBE.orgId, technicalAccountId: "T@techacct.adobe.com" };
    await emulator(emu.adobeUrl, "POST", "credentials", { ...jwtClient, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }) });
    const k = parseKey(process.env.APP_ENCRYPTION_KEY!);
    const jwt = await createSourceProfile(emu);
    await db.integrationProfile.update({
      where: { id: jwt.id },
      data: {
        adobeAuthMethod: "JWT",
        adobeClientId: jwtClient.clientId,
        adobeClientSecretSealed: seal(jwtClient.clientSecret, k),
        adobeTechnicalAccountId: jwtClient.technicalAccountId,
        adobePrivateKeySealed: seal(privateKey.export({ type: "pkcs8", format: "pem" }).toString(), k),
      },
    });
    const allowList = createAllowList({ hosts: [], allowLoopback: true });
    const adobe = createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList, timeoutMs: 5000 });
    const s = await readRemoteStatus(jwt.id, { adobe });
    expect(s).toMatchObject({ kind: "aep", runs: { ok: true } });
  });

  it("turns a hanging remote into an inline error within the timeout", async () => {
    await emulator(emu.adobeUrl, "POST", "faults", { route: "flow", hang: true });
    const allowList = createAllowList({ hosts: [], allowLoopback: true });
    const adobe = createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList, timeoutMs: 30_000 });
    const t0 = Date.now();
    const s = await readRemoteStatus(p.id, { adobe, timeoutMs: 500 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(s).toMatchObject({ kind: "aep", runs: { ok: false, error: expect.stringContaining("did not answer") } });
  });
});
