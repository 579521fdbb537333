import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { evaluateAlertsLocked } from "@/lib/alerts/evaluate-locked";
import { getAlertBanner } from "@/lib/alerts/banner";
import { getAlertBannerDef } from "@/lib/alerts/action-defs";
import { createWorkerFromEnv } from "@/lib/worker/create-worker";
import { saveAlertRuleDef } from "@/lib/alerts/action-defs";
import { ACTIONS } from "@/lib/actions/registry";
import { executeAction } from "@/lib/actions/define-action";
import { createAllowList } from "@/lib/outbound";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// The evaluator (as the delivery workers run it) on a real database with a local webhook receiver. Deliveries sit in 2021, a window
// no other file uses (the evaluator bounds it above by `now`, and the dashboard test's window lies
// after it). Other files start real workers, which evaluate the alerts at the real time and may
// leave transitions in AlertEvent: this file starts from none, so its result does not depend on
// the order the files run in (a previous run's failures go first in vitest's order).

const T0 = new Date("2021-05-01T12:00:00.000Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const loopback = createAllowList({ hosts: [], allowLoopback: true });

/** One evaluation as a worker runs it, then what the banner reads at the same instant. */
async function evaluateAlerts(now: Date, opts: { allowList: typeof loopback }) {
  expect(await evaluateAlertsLocked(db, now, opts)).toMatchObject({ ran: true });
  return getAlertBanner(now);
}

/** A worker as `npm run worker` builds it; its alert webhooks may reach this file's receiver. */
function worker() {
  const env = {
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY,
    ADOBE_IMS_URL: "http://127.0.0.1:9",
    ADOBE_PLATFORM_URL: "http://127.0.0.1:9",
    RAINFOCUS_API_URL: "http://127.0.0.1:9",
    LOG_LEVEL: "error",
  };
  return createWorkerFromEnv(db, env, {}, { alertAllowList: loopback });
}

let server: Server;
let base: string;
const received: { path: string; body: Record<string, unknown> }[] = [];
let profileId: string;
let seq = 0;
let actors: Record<Role, Actor>;

/** A delivery with one attempt settled as `status` at `receivedAt` (none while it is queued). */
async function delivery(status: string, receivedAt: Date, extra: { nextAttemptAt?: Date } = {}) {
  const d = await db.delivery.create({
    data: {
      profileId,
      direction: "SOURCE",
      pushType: "SessionScheduled",
      transmissionId: `alert-${++seq}-${Date.now()}`,
      status: status as "FAILED",
      receivedAt,
      ...extra,
    },
  });
  if (status === "QUEUED") return;
  const failed = status !== "DELIVERED";
  await db.attempt.create({
    data: {
      deliveryId: d.id,
      number: 1,
      requestUrl: "http://aep.test/x",
      requestHeaders: {},
      durationMs: 1,
      startedAt: receivedAt,
      outcome: status,
      responseStatus: failed ? 503 : 200,
      ...(failed ? { errorClass: "http_5xx", error: "503" } : {}),
    },
  });
}
async function rule(data: Record<string, unknown>) {
  const base = {
    failureEnabled: true,
    failurePercent: 10,
    failureWindowMinutes: 15,
    failureMinDeliveries: 3,
    queueEnabled: false,
    queueAgeMinutes: 10,
    webhookUrl: null,
  };
  await db.alertRule.upsert({ where: { id: "default" }, create: { id: "default", ...base, ...data }, update: { ...base, ...data } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      received.push({ path: req.url!, body: JSON.parse(raw) });
      res.writeHead(req.url === "/broken" ? 500 : 204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await db.alertEvent.deleteMany({});
  profileId = (await db.integrationProfile.create({ data: { name: `alerts ${Date.now().toString(36)}`, direction: "SOURCE", eventCode: "E1" } })).id;
  actors = await createActors("alerts");
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("alert evaluation", () => {
  it("fires once above the failure ratio, POSTs the webhook, then recovers and shows the notice for 10 minutes", async () => {
    await rule({ webhookUrl: `${base}/hook` });
    await delivery("DELIVERED", at(-5));
    for (let i = 0; i < 3; i++) await delivery("FAILED", at(-4));

    const firing = await evaluateAlerts(T0, { allowList: loopback });
    expect(firing).toEqual([expect.objectContaining({ kind: "failure_ratio", state: "FIRING", href: expect.stringContaining("failedAttempts=1") })]);
    expect(firing[0].message).toContain("75%");
    expect(received).toEqual([{ path: "/hook", body: expect.objectContaining({ kind: "failure_ratio", state: "FIRING", threshold: 0.1, value: 0.75 }) }]);

    // Still firing a minute later: no new transition, no second POST.
    expect(await evaluateAlerts(at(1), { allowList: loopback })).toHaveLength(1);
    expect(received).toHaveLength(1);

    // The window has moved past the failures: recovered, notified, and the notice fades after 10 minutes.
    const recovered = await evaluateAlerts(at(30), { allowList: loopback });
    expect(recovered).toEqual([expect.objectContaining({ kind: "failure_ratio", state: "RECOVERED" })]);
    expect(received[1].body).toMatchObject({ state: "RECOVERED" });
    expect(await evaluateAlerts(at(41), { allowList: loopback })).toEqual([]);

    const events = await db.alertEvent.findMany({ where: { kind: "failure_ratio" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.state, e.webhookStatus, e.webhookError])).toEqual([
      ["FIRING", 204, null],
      ["RECOVERED", 204, null],
    ]);
  });

  it("records a failed or refused webhook on the transition and never throws", async () => {
    await rule({ webhookUrl: `${base}/broken`, queueEnabled: true, queueAgeMinutes: 5 });
    for (let i = 0; i < 3; i++) await delivery("DEAD", at(118));
    // Waiting since 10 minutes before the check; never due, so no other file's worker claims it.
    await delivery("QUEUED", at(110), { nextAttemptAt: new Date("2099-01-01T00:00:00Z") });

    const firing = await evaluateAlerts(at(120), { allowList: loopback });
    expect(firing.map((a) => a.kind).sort()).toEqual(["failure_ratio", "queue_age"]);
    const rows = await db.alertEvent.findMany({ where: { at: at(120) } });
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ state: "FIRING", webhookStatus: 500, webhookError: "The webhook answered 500." });

    // A webhook outside the allow-list is refused by httpRequest before any socket opens. (The
    // failure window moves on; the queue alert may stay firing on other files' queued rows.)
    const noLoopback = createAllowList({ hosts: [], allowLoopback: false });
    await evaluateAlerts(at(200), { allowList: noLoopback });
    const recovered = await db.alertEvent.findFirstOrThrow({ where: { kind: "failure_ratio", at: at(200) } });
    expect(recovered).toMatchObject({ state: "RECOVERED", webhookStatus: null, webhookError: expect.any(String) });
  });
});

describe("saveAlertRuleAction", () => {
  const valid = { failureEnabled: "on", failurePercent: "5", failureWindowMinutes: "15", failureMinDeliveries: "20", queueAgeMinutes: "10", webhookUrl: "" };

  it("is registered for the role matrix and open to ADMIN only", async () => {
    expect(ACTIONS["alerts.save"]).toBe(saveAlertRuleDef);
    for (const role of ["OPS", "QA", "AUDITOR"] as const) {
      expect(await executeAction(saveAlertRuleDef, actors[role], valid)).toMatchObject({ ok: false, code: "forbidden" });
    }
  });

  it("refuses a webhook outside the allow-list, saves a valid rule and audits it", async () => {
    const refused = await executeAction(saveAlertRuleDef, actors.ADMIN, { ...valid, webhookUrl: "https://hooks.evil.example/x" });
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { webhookUrl: [expect.any(String)] } });

    const saved = await executeAction(saveAlertRuleDef, actors.ADMIN, valid);
    expect(saved).toMatchObject({ ok: true, data: { failurePercent: 5, queueEnabled: false, webhookUrl: null } });
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: "default" } })).toMatchObject({
      failurePercent: 5,
      queueEnabled: false,
      updatedById: actors.ADMIN.id,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "alerts.update", actorId: actors.ADMIN.id } });
    expect(audit.after).toMatchObject({ failurePercent: 5 });
  });
});

describe("the alert webhook URL", () => {
  const valid = { failureEnabled: "on", failurePercent: "5", failureWindowMinutes: "15", failureMinDeliveries: "20", queueAgeMinutes: "10" };

  it("is refused on this machine or a private network, whatever the spelling, even while the emulators run", async () => {
    const before = await db.alertRule.findUnique({ where: { id: "default" } });
    for (const webhookUrl of [
      "http://127.0.0.1:6379/",
      "http://localhost:5432/x",
      "http://[::1]:54321/",
      "http://2130706433/",
      "http://0x7f000001:8080/",
      "https://10.0.0.7/hook",
      "https://169.254.169.254/latest",
      "http://hooks.adobedc.net/plain-http",
    ]) {
      const r = await executeAction(saveAlertRuleDef, actors.ADMIN, { ...valid, webhookUrl });
      expect(r, webhookUrl).toMatchObject({ ok: false, code: "invalid", fieldErrors: { webhookUrl: [expect.any(String)] } });
    }
    expect(await db.alertRule.findUnique({ where: { id: "default" } })).toEqual(before);
  });

  it("is written to the audit log without its path (which carries the receiver's token)", async () => {
    const webhookUrl = "https://hooks.adobedc.net/services/T000/B000/SECRETTOKEN123";
    expect(await executeAction(saveAlertRuleDef, actors.ADMIN, { ...valid, webhookUrl })).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "alerts.update", actorId: actors.ADMIN.id }, orderBy: { createdAt: "desc" } });
    expect(audit.after).toMatchObject({ webhookUrl: "https://hooks.adobedc.net/•••", webhookChanged: true });
    expect(JSON.stringify(audit)).not.toContain("SECRETTOKEN123");
    await executeAction(saveAlertRuleDef, actors.ADMIN, { ...valid, webhookUrl: "" });
  });
});

describe("auth failure burst", () => {
  it("fires when inbound requests are refused for a bad signature above the threshold, and links to them", async () => {
    const { recordRefusal, flushRefusals } = await import("@/lib/inbound-refusals/record");
    await rule({ failureEnabled: false, authFailuresEnabled: true, authFailuresPerWindow: 5, authFailuresWindowMinutes: 5 });
    const t = at(600);
    const refusal = (code: string, status: number, i: number) => ({
      endpoint: "rainfocus",
      profileId,
      status,
      code,
      message: "no",
      ip: `198.51.100.${i % 3}`,
      requestId: `req-${i}`,
      at: new Date(t.getTime() - 60_000 + i * 100),
    });
    // Five bad signatures are not a burst; a disabled push type is not an authentication failure.
    for (let i = 0; i < 5; i++) recordRefusal(refusal("bad_signature", 401, i));
    for (let i = 0; i < 10; i++) recordRefusal(refusal("push_type_disabled", 422, i));
    await flushRefusals();
    expect((await evaluateAlerts(t, { allowList: loopback })).filter((a) => a.kind === "auth_failures")).toEqual([]);

    recordRefusal(refusal("unauthorized", 401, 6));
    await flushRefusals();
    const firing = await evaluateAlerts(at(600.5), { allowList: loopback });
    expect(firing.find((a) => a.kind === "auth_failures")).toMatchObject({
      state: "FIRING",
      message: expect.stringContaining("6 inbound requests were refused"),
      href: expect.stringContaining("/deliveries/refused"),
    });
    // Counted per minute and sender, not one row per request.
    expect(await db.inboundRefusal.count({ where: { profileId, code: "bad_signature" } })).toBe(3);
    expect((await db.inboundRefusal.aggregate({ where: { profileId }, _sum: { count: true } }))._sum.count).toBe(16);
  });
});

describe("evaluation by the workers, not by pages", () => {
  const failureRows = () => db.alertEvent.count({ where: { kind: "failure_ratio" } });
  const failureHooks = () => received.filter((r) => r.body.kind === "failure_ratio");

  it("a worker tick fires an alert no page asked for; rendering the banner evaluates nothing", async () => {
    await rule({ webhookUrl: `${base}/hook`, authFailuresEnabled: false });
    for (let i = 0; i < 3; i++) await delivery("FAILED", at(898));
    const rows = await failureRows();
    const hooks = failureHooks().length;

    // The banner, read as the page renders it and as it polls, changes nothing however often.
    for (let i = 0; i < 3; i++) {
      expect((await getAlertBanner(at(900))).filter((a) => a.kind === "failure_ratio" && a.state === "FIRING")).toEqual([]);
      expect(await executeAction(getAlertBannerDef, actors.QA, {})).toMatchObject({ ok: true });
    }
    expect(await failureRows()).toBe(rows);
    expect(failureHooks()).toHaveLength(hooks);

    // One worker tick: stored, sent, and the banner reads it.
    await worker().evaluateAlertsIfDue(at(900));
    expect(await db.alertEvent.findFirstOrThrow({ where: { kind: "failure_ratio" }, orderBy: { at: "desc" } })).toMatchObject({
      state: "FIRING",
      at: at(900),
      webhookStatus: 204,
    });
    expect(failureHooks()).toHaveLength(hooks + 1);
    expect(await getAlertBanner(at(900))).toContainEqual(expect.objectContaining({ kind: "failure_ratio", state: "FIRING" }));
  });

  it("several workers evaluating at once store and send a transition once", async () => {
    const rows = await failureRows();
    const hooks = failureHooks().length;
    // The window has moved past the failures: five workers see the recovery at the same instant.
    const workers = Array.from({ length: 5 }, worker);
    await Promise.all(workers.map((w) => w.evaluateAlertsIfDue(at(930))));
    expect(await failureRows()).toBe(rows + 1);
    expect(failureHooks().slice(hooks)).toEqual([{ path: "/hook", body: expect.objectContaining({ state: "RECOVERED" }) }]);

    // The lock is held for the whole evaluation: concurrent callers skip rather than wait.
    const runs = await Promise.all(Array.from({ length: 4 }, () => evaluateAlertsLocked(db, at(931), { allowList: loopback })));
    expect(runs.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    expect(runs.reduce((n, r) => n + r.transitions, 0)).toBe(0);
  });
});
