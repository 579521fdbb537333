import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { Agent } from "undici";
import { test, expect, SEEDED_TOKEN } from "../fixtures";
import { ROUTES, type RouteEntry } from "../../tests/support/route-table";
import { signBody } from "../../lib/inbound/signature";
import { aepUrlKey } from "../../lib/inbound/aep-auth";
import { hashPassword } from "../../lib/auth/password";
import { CONTENT_TYPES, FUZZ_SEED, ODD_IDS, ODD_VALUES, malformedBody, malformedQuery, prng, seedFor, type Rng } from "../../tests/support/fuzz-cases";

// Every route and method in app/api, over real HTTP against the server `npm start` runs: malformed
// bodies, queries and path ids from a fixed seed (tests/support/fuzz-cases.ts). None may answer
// 5xx, and a refused request may not change the row count of any table. This is the layer the
// in-process fuzz (tests/integration/fuzz-routes.test.ts, thousands of cases per route) cannot
// reach: Next's own parsing of URLs and bodies, the session cookie path, and Auth.js's routes.
//
// Reproduce a failure: FUZZ_SEED=<seed> FUZZ_ONLY="<METHOD> <pattern>" npx playwright test e2e/security/fuzz-routes.spec.ts

const CASES = Number(process.env.E2E_FUZZ_CASES || 70);
const ONLY = process.env.FUZZ_ONLY;
const METRICS_TOKEN = "e2e-metrics-token-0123456789"; // playwright.config.ts
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Target = { key: string; pattern: string; method: Method; entry: RouteEntry };

function routeFiles(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === "route.ts" ? [p] : [];
  });
}

/** The same reading of a route file's exports as route-matrix.spec.ts. */
function exportedMethods(src: string): Method[] {
  const methods = new Set<Method>();
  for (const m of src.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1] as Method);
  for (const m of src.matchAll(/export\s+const\s*\{([^}]*)\}/g))
    for (const n of m[1]!.split(",")) if ((METHODS as readonly string[]).includes(n.trim())) methods.add(n.trim() as Method);
  return [...methods];
}

/** Every route file's methods, each with its route-table entry; a missing entry fails the spec. */
function targets(): { found: Target[]; missing: string[] } {
  const found: Target[] = [];
  const missing: string[] = [];
  for (const file of routeFiles()) {
    const pattern =
      "/" +
      path
        .dirname(file)
        .split(path.sep)
        .join("/")
        .replace(/^app\//, "");
    for (const method of exportedMethods(readFileSync(file, "utf8"))) {
      const entry = ROUTES.find((r) => r.pattern === pattern && r.method === method);
      if (entry) found.push({ key: `${method} ${pattern}`, pattern, method, entry });
      else missing.push(`${method} ${pattern}`);
    }
  }
  return { found, missing };
}

// Row counts, except tables the delivery worker writes on its own (attempts, alert events) while
// earlier specs' deliveries settle. LoginAttempt may grow from sign-in POSTs only: that is the
// throttle's record of a refused sign-in, by design. InboundRefusal is the record of refused
// inbound requests (written in the background, once a second), also by design.
const WORKER_TABLES = new Set(["Attempt", "AlertEvent", "InboundRefusal"]);
const MODELS = [...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!).filter((m) => !WORKER_TABLES.has(m));
const COUNT_SQL = `SELECT ${MODELS.map((m) => `(SELECT count(*) FROM "${m}")::int AS "${m}"`).join(", ")}`;
const rowCounts = async (db: pg.Pool) => (await db.query<Record<string, number>>(COUNT_SQL)).rows[0]!;
const changed = (a: Record<string, number>, b: Record<string, number>, allow: string[]) =>
  MODELS.filter((m) => a[m] !== b[m] && !allow.includes(m)).map((m) => `${m} ${a[m]}→${b[m]}`);

// Auth.js actions: mostly the ones the console uses (so the fuzz reaches Auth.js), some that are not.
const AUTH_ACTIONS = {
  GET: ["session", "session", "csrf", "csrf", "providers", "signin", "signout", "error", "verify-request", "callback/oidc", "signin/credentials"],
  POST: ["callback/credentials", "callback/credentials", "callback/credentials", "signin/credentials", "signout", "signout", "session", "session"],
  junk: [
    "webauthn-options",
    "nonexistent",
    "callback",
    "callback/%00",
    "signin/..%2F..%2Fx",
    "session/extra",
    "",
    "%E0%A4%A",
    "signin/oidc",
    "callback/credentials/x",
  ],
};

type World = {
  base: string;
  source: { id: string; secret: string; name: string };
  dest: { id: string; secret: string; name: string };
  deliveryIds: string[];
  sessionCookie: string;
  csrf: { token: string; cookie: string };
};

/** A request as sent, and whatever came back. */
type Sent = { method: string; url: string; headers: Record<string, string>; body: string | Uint8Array<ArrayBuffer> | null; kind: string };

// Next's trailing-slash redirect echoes a long URL into its headers (Location and Refresh), past
// undici's default 16 KB limit for a response's headers; browsers take far more.
const dispatcher = new Agent({ maxHeaderSize: 1024 * 1024 });

async function send(s: Sent): Promise<{ status: number; text: string }> {
  const res = await fetch(s.url, {
    method: s.method,
    headers: s.headers,
    body: s.body,
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
    dispatcher,
  } as RequestInit);
  return { status: res.status, text: await res.text() };
}

const describeSent = (s: Sent) =>
  `[${s.kind}] ${s.method} ${s.url.slice(0, 300)} headers ${JSON.stringify(s.headers).slice(0, 300)} body (${s.body?.length ?? 0}) ${typeof s.body === "string" ? JSON.stringify(s.body.slice(0, 300)) : s.body ? Buffer.from(s.body.subarray(0, 100)).toString("hex") : ""}`;

test.describe("fuzz: every route over HTTP", () => {
  test.describe.configure({ mode: "serial" });
  let w: World;

  test.beforeAll(async ({ playwright, baseURL, db }) => {
    const base = baseURL!;
    const admin = { Authorization: `Bearer ${SEEDED_TOKEN}`, "Content-Type": "application/json" };
    const tag = Date.now().toString(36);
    // Two profiles of this spec's own, PAUSED: inbound events are accepted and queued, and the
    // worker holds them (nothing is delivered, nothing counts against the backpressure limit).
    const make = async (direction: "SOURCE" | "DESTINATION") => {
      const name = `fuzz-e2e ${direction.toLowerCase()} ${tag}`;
      const res = await fetch(`${base}/api/v1/profiles`, { method: "POST", headers: admin, body: JSON.stringify({ name, direction, eventCode: "fuzz" }) });
      expect(res.status, await res.clone().text()).toBe(201);
      const { profile, inboundSecret } = (await res.json()) as { profile: { id: string; version: number }; inboundSecret: string };
      if (direction === "SOURCE") {
        const patch = await fetch(`${base}/api/v1/profiles/${profile.id}`, {
          method: "PATCH",
          headers: admin,
          body: JSON.stringify({ version: profile.version, pushTypes: ["SessionScheduled", "AttendeeRegistered"] }),
        });
        expect(patch.status, await patch.text()).toBe(200);
      }
      await db.query(`UPDATE "IntegrationProfile" SET status = 'PAUSED' WHERE id = $1`, [profile.id]);
      return { id: profile.id, secret: inboundSecret, name };
    };
    const source = await make("SOURCE");
    const dest = await make("DESTINATION");
    for (let i = 0; i < 3; i++) {
      const body = JSON.stringify({ transmissionId: `fuzz-e2e-${tag}-${i}`, eventType: "SessionScheduled", attendee: { email: `fuzz${i}@example.test` } });
      const res = await fetch(`${base}/api/v1/inbound/rainfocus/${source.id}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-RF-Signature": signBody(body, source.secret) },
        body,
      });
      expect(res.status, await res.text()).toBe(202);
    }
    const deliveryIds = (await db.query<{ id: string }>(`SELECT id FROM "Delivery" WHERE "profileId" = $1`, [source.id])).rows.map((r) => r.id);

    // A console session (cookie), for the session path of every API route.
    const email = `fuzz-session-${tag}@example.test`;
    const password = `pw-${tag}-long-enough`;
    await db.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, 'fuzz session', 'ADMIN', $3, now())`, [
      randomUUID(),
      email,
      await hashPassword(password),
    ]);
    const ctx = await playwright.request.newContext({ baseURL: base });
    const csrf = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const login = await ctx.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: "/profiles" },
      maxRedirects: 0,
    });
    expect([200, 302]).toContain(login.status());
    const cookies = (await ctx.storageState()).cookies;
    const sessionCookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    expect(sessionCookie).toContain("session-token");
    await ctx.dispose();
    // A CSRF pair of its own for the sign-in fuzz (never the session above).
    const csrfRes = await fetch(`${base}/api/auth/csrf`);
    const csrfCookie = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    w = { base, source, dest, deliveryIds, sessionCookie, csrf: { token: ((await csrfRes.json()) as { csrfToken: string }).csrfToken, cookie: csrfCookie } };
  });

  test.afterAll(async ({ db }) => {
    if (!w) return;
    // Failed sign-ins of the fuzz's made-up accounts would count against 127.0.0.1's throttle for
    // the specs after this one.
    await db.query(`DELETE FROM "LoginAttempt" WHERE email LIKE 'fuzz-e2e-%'`);
    for (const p of [w.source, w.dest]) {
      await fetch(`${w.base}/api/v1/profiles/${p.id}?confirmName=${encodeURIComponent(p.name)}`, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${SEEDED_TOKEN}` },
      });
    }
  });

  /** Valid bodies per route to mutate; others get their route-table body, or {}. */
  const validBody = (key: string, r: Rng): unknown => {
    switch (key) {
      case "POST /api/v1/profiles":
        return { name: `fuzz-e2e ${r.int(1e6)}`, direction: r.pick(["SOURCE", "DESTINATION"]), eventCode: "fuzz" };
      case "PATCH /api/v1/profiles/[id]":
        return { version: 1 + r.int(4), basics: { name: `fuzz-e2e renamed ${r.int(1e6)}`, eventCode: "fuzz" } };
      case "PUT /api/v1/profiles/[id]/mapping":
        return { revision: r.int(3), rules: [{ target: "a", source: "b" }], samples: [{ name: "s", payload: { b: "x" } }], schema: null };
      case "POST /api/v1/profiles/[id]/mapping/publish":
        return { revision: r.int(3) };
      case "POST /api/v1/profiles/[id]/test-connection":
        return { target: r.pick(["adobe", "rainfocus"]) };
      case "POST /api/v1/mapping/preview":
        return {
          rules: [
            { target: "a", source: "b" },
            { target: "c", expression: "upper(b)" },
          ],
          payload: { b: "x" },
        };
      case "POST /api/v1/deliveries/replay":
        return { dryRun: true, filter: { profileId: w.source.id } };
      case "POST /api/v1/deliveries/[id]/replay":
        return { useMapping: r.pick(["original", "current"]) };
      case "POST /api/v1/test-events":
        return { profileId: w.source.id, pushType: "SessionScheduled" };
      case "POST /api/v1/inbound/rainfocus/[profileId]":
        return { transmissionId: `fuzz-e2e-${r.int(1e9)}`, eventType: "SessionScheduled", attendee: { email: "a@example.test" } };
      case "POST /api/v1/inbound/aep/[profileId]":
        return { profiles: [{ identityMap: { email: [{ id: `fuzz${r.int(1e9)}@example.test` }] }, attributes: { a: 1 } }] };
      case "POST /api/auth/[...nextauth]":
        return { csrfToken: w.csrf.token, email: `fuzz-e2e-${r.int(1e6)}@example.test`, password: "wrong-password", callbackUrl: "/profiles" };
      default:
        return undefined;
    }
  };

  /** A sign-in form, valid or not; Auth.js reads forms, not JSON. */
  const formBody = (r: Rng): string => {
    const v = validBody("POST /api/auth/[...nextauth]", r) as Record<string, string>;
    const fields = Object.entries(v).map(([k, x]) => [k, r.chance(0.25) ? String(r.pick(ODD_VALUES)) : x] as const);
    if (r.chance(0.2)) fields.push([r.pick(["__proto__", "constructor", "email", "redirect", "json"]), String(r.pick(ODD_VALUES))]);
    const text = fields.map(([k, x]) => `${encodeURIComponent(k)}=${encodeURIComponent(x.replace(/[\ud800-\udfff]/g, "x"))}`).join("&");
    return r.chance(0.15) ? text.slice(0, r.int(text.length)) + r.pick(["", "%", "%zz", "&&&", "=", "%00"]) : text;
  };

  function pathFor(r: Rng, t: Target): string {
    return t.pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, catchAll: string | undefined, name: string) => {
      if (catchAll)
        return r.chance(0.75) ? r.pick(AUTH_ACTIONS[t.method === "POST" ? "POST" : "GET"]) : r.chance(0.6) ? r.pick(AUTH_ACTIONS.junk) : r.pick(ODD_IDS).raw;
      if (r.chance(0.3)) return r.pick(ODD_IDS).raw;
      if (name === "profileId") return t.pattern.includes("/aep/") ? w.dest.id : w.source.id;
      if (t.pattern.startsWith("/api/v1/deliveries/")) return r.pick(w.deliveryIds);
      return r.pick([w.source.id, w.dest.id]);
    });
  }

  function authFor(r: Rng, t: Target, body: string | Uint8Array<ArrayBuffer> | null): Record<string, string> {
    if (t.key === "GET /api/metrics") return r.chance(0.8) ? { Authorization: `Bearer ${METRICS_TOKEN}` } : {};
    if (t.pattern.includes("/inbound/rainfocus/"))
      return r.chance(0.8) && body !== null ? { "X-RF-Signature": signBody(Buffer.from(body), w.source.secret) } : {};
    if (t.pattern.includes("/inbound/aep/")) return r.chance(0.8) ? { Authorization: `Bearer ${w.dest.secret}` } : {};
    if (t.pattern.startsWith("/api/auth/")) return r.chance(0.6) ? { Cookie: w.csrf.cookie } : {};
    if (t.entry.roles === "public") return {};
    const k = r.int(100);
    if (k < 80) return { Authorization: `Bearer ${SEEDED_TOKEN}` };
    // The session path; same-origin for mutations, or not (a 403 cross_origin, refused).
    if (k < 93) return { Cookie: w.sessionCookie, ...(r.chance(0.8) ? { Origin: w.base } : {}) };
    if (k < 96) return {};
    return { Authorization: r.pick(["Bearer rfk_invalid", "Bearer", `Basic ${SEEDED_TOKEN}`, `Bearer ${SEEDED_TOKEN}x`]) };
  }

  /** Bulk replay for real over the whole shared log would disturb other specs' deliveries: only dry runs, or this spec's profile. */
  function safeOnSharedServer(t: Target, body: string | Uint8Array<ArrayBuffer> | null): boolean {
    if (t.key !== "POST /api/v1/deliveries/replay" || body === null) return true;
    try {
      const v = JSON.parse(Buffer.from(body).toString("utf8")) as { dryRun?: unknown; filter?: { profileId?: unknown } };
      return v?.dryRun !== false || v.filter?.profileId === w.source.id;
    } catch {
      return true;
    }
  }

  function request(r: Rng, t: Target): Sent {
    const hasBody = t.method !== "GET" && t.method !== "DELETE";
    let body: string | Uint8Array<ArrayBuffer> | null = null;
    let kind = "no body";
    if (hasBody) {
      if (t.pattern.startsWith("/api/auth/") && r.chance(0.5)) ({ body, kind } = { body: formBody(r), kind: "form" });
      else {
        const key = t.key;
        ({ body, kind } = malformedBody(r, () => validBody(key, r) ?? structuredClone(t.entry.body ?? {}), { hugeChance: 0.02 }));
      }
      if (!safeOnSharedServer(t, body))
        ({ body, kind } = { body: JSON.stringify({ dryRun: true, filter: {} }), kind: "dry run (a real replay of the shared log was drawn)" });
    }
    // test-events: answer at once (the default waits up to 30 s for a delivery to settle).
    const query =
      t.key === "POST /api/v1/test-events"
        ? "timeoutMs=0"
        : hasBody
          ? r.chance(0.1)
            ? malformedQuery(r, [], { maxLength: 2_000, exclude: ["timeoutMs"] })
            : ""
          : malformedQuery(r, ["error", "csrf", "redirect"], { maxLength: 4_000, exclude: ["timeoutMs"] });
    const ct = hasBody ? (kind === "form" ? r.pick(["application/x-www-form-urlencoded", ...CONTENT_TYPES]) : r.pick(CONTENT_TYPES)) : "";
    const headers: Record<string, string> = { ...(ct ? { "Content-Type": ct } : {}), ...authFor(r, t, body) };
    return { method: t.method, url: `${w.base}${pathFor(r, t)}${query ? `?${query}` : ""}`, headers, body, kind };
  }

  test("every route and method answers malformed requests below 500, and stores nothing it refuses", async ({ db }) => {
    test.setTimeout(240_000);
    const { found, missing } = targets();
    expect(missing, "route files with a method missing from tests/support/route-table.ts").toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(30);
    const failures: string[] = [];
    const report: string[] = [];
    let total = 0;
    const started = Date.now();
    for (const t of found) {
      if (ONLY && t.key !== ONLY) continue;
      const routeSeed = seedFor(`http ${t.key}`);
      const r = prng(routeSeed);
      const statuses = new Map<number, number>();
      const mutating = t.method !== "GET";
      let counts = mutating ? await rowCounts(db) : null;
      for (let i = 0; i < CASES; i++) {
        const sent = request(r, t);
        const what = () => `seed ${FUZZ_SEED} (route seed ${routeSeed}) ${t.key} case #${i} ${describeSent(sent)}`;
        const fail = (msg: string) => {
          if (failures.filter((f) => f.startsWith(t.key)).length < 3) failures.push(`${t.key}: ${msg}\n  ${what()}`);
        };
        let res: { status: number; text: string };
        try {
          res = await send(sent);
        } catch (err) {
          const cause = (err as { cause?: { code?: string; message?: string } }).cause;
          fail(`no answer: ${String(err).slice(0, 200)} (${cause?.code ?? ""} ${cause?.message ?? ""}; URL ${sent.url.length} characters)`);
          continue;
        }
        total++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) fail(`${res.status} ${res.text.slice(0, 300)}`);
        if (mutating) {
          const after = await rowCounts(db);
          const rows = changed(counts!, after, t.pattern.startsWith("/api/auth/") ? ["LoginAttempt"] : []);
          if (res.status >= 400 && rows.length) fail(`refused with ${res.status}, yet rows changed (${rows.join(", ")}): ${res.text.slice(0, 200)}`);
          counts = after;
        }
      }
      if (t.entry.roles !== "public")
        expect((statuses.get(401) ?? 0) + (statuses.get(403) ?? 0), `${t.key}: the fuzz must get past authentication`).toBeLessThan(CASES * 0.5);
      report.push(
        `${t.key}: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(" ")}`,
      );
    }
    console.log(`fuzz-routes (HTTP): ${total} requests in ${Math.round((Date.now() - started) / 1000)} s (seed ${FUZZ_SEED})\n  ${report.join("\n  ")}`);
    expect(failures, failures.join("\n\n")).toEqual([]);
  });

  test("requests that once answered 5xx over HTTP answer 4xx (pinned)", async () => {
    const token = { Authorization: `Bearer ${SEEDED_TOKEN}` };
    const cases: { what: string; path: string; method?: string; headers?: Record<string, string>; body?: string; status: number }[] = [
      // Next answered 500 when a dynamic segment's percent-escapes did not decode (scripts/lib/client-ip.cjs).
      { what: "an API id that is not UTF-8", path: "/api/v1/deliveries/%FF", headers: token, status: 400 },
      { what: "an overlong NUL in an API id", path: "/api/v1/profiles/%C0%80/mapping", headers: token, status: 400 },
      { what: "a surrogate encoded as UTF-8 in an inbound id", path: "/api/v1/inbound/aep/%ED%A0%80", method: "POST", body: "{}", status: 400 },
      { what: "a cut-off escape in a page path", path: "/profiles/%E0%A4%A", status: 400 },
      { what: "a bad escape in Auth.js's catch-all", path: "/api/auth/%FF", status: 400 },
      // Auth.js answered 500 ("server configuration") to these (app/api/auth/[...nextauth]/route.ts).
      { what: "a callbackUrl that is no URL", path: "/api/auth/session?callbackUrl=%E2%82%AC%E2%82%AC", status: 400 },
      {
        what: "a junk callback-url cookie (dropped, not fatal)",
        path: "/api/auth/session",
        headers: { Cookie: "authjs.callback-url=%E2%82%AC%E2%82%AC" },
        status: 200,
      },
      { what: "webauthn-options without an adapter", path: "/api/auth/webauthn-options", status: 404 },
      { what: "POST webauthn-options", path: "/api/auth/webauthn-options", method: "POST", body: "{}", status: 404 },
      { what: "an unknown provider", path: "/api/auth/signin/nonexistent", method: "POST", body: "", status: 404 },
    ];
    for (const c of cases) {
      const res = await fetch(`${w.base}${c.path}`, { method: c.method ?? "GET", headers: c.headers, body: c.body, redirect: "manual" });
      expect(res.status, `${c.what}: ${c.method ?? "GET"} ${c.path} → ${(await res.text()).slice(0, 200)}`).toBe(c.status);
    }
  });

  test("every POST, PUT and PATCH refuses a 3 MB body at once, declared or streamed", async () => {
    test.setTimeout(120_000);
    const SIZE = 3_000_000;
    const failures: string[] = [];
    const { found } = targets();
    const withBody = found.filter((t) => t.method !== "GET" && t.method !== "DELETE");
    expect(withBody.length).toBeGreaterThanOrEqual(14);
    for (const t of withBody) {
      const url = `${w.base}${t.pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, catchAll: string | undefined, name: string) =>
        catchAll
          ? "callback/credentials"
          : name === "profileId"
            ? t.pattern.includes("/aep/")
              ? w.dest.id
              : w.source.id
            : name === "key"
              ? aepUrlKey(w.dest.id, w.dest.secret)
              : t.pattern.startsWith("/api/v1/deliveries/")
                ? w.deliveryIds[0]!
                : w.source.id,
      )}${t.key === "POST /api/v1/test-events" ? "?timeoutMs=0" : ""}`;
      for (const declared of [true, false]) {
        const payload = new Uint8Array(SIZE).fill(0x78);
        payload.set(Buffer.from('{"pad":"'));
        // Streamed: no Content-Length, chunked, so the route must stop keeping it at its own cap.
        // Each upload reuses the keep-alive connection of the one before: a refused chunked body
        // must not leave the connection unusable (it did: ECONNRESET on the next request).
        const body: BodyInit = declared
          ? payload
          : new ReadableStream<Uint8Array>({
              start(c) {
                for (let at = 0; at < SIZE; at += 64 * 1024) c.enqueue(payload.subarray(at, at + 64 * 1024));
                c.close();
              },
            });
        const headers: Record<string, string> = {
          "Content-Type": t.pattern.startsWith("/api/auth/") ? "application/x-www-form-urlencoded" : "application/json",
          ...(t.entry.roles !== "public" ? { Authorization: `Bearer ${SEEDED_TOKEN}` } : {}),
          ...(t.pattern.includes("/inbound/aep/") ? { Authorization: `Bearer ${w.dest.secret}` } : {}),
          ...(t.pattern.includes("/inbound/rainfocus/") ? { "X-RF-Signature": signBody(Buffer.from(payload), w.source.secret) } : {}),
          ...(t.pattern.startsWith("/api/auth/") ? { Cookie: w.csrf.cookie } : {}),
        };
        const startedAt = performance.now();
        const what = `${t.key} (${declared ? "Content-Length: 3000000" : "chunked"})`;
        try {
          const res = await fetch(url, {
            method: t.method,
            headers,
            body,
            redirect: "manual",
            signal: AbortSignal.timeout(15_000),
            ...(declared ? {} : { duplex: "half" }),
          } as RequestInit);
          const text = await res.text();
          const ms = performance.now() - startedAt;
          if (!(res.status === 413 || (res.status === 400 && /exceeds|larger than|too large/i.test(text))))
            failures.push(`${what} → ${res.status} ${text.slice(0, 200)}: expected 413, or 400 saying the body is too large`);
          if (ms > 5_000) failures.push(`${what} took ${Math.round(ms)} ms`);
        } catch (err) {
          failures.push(`${what}: no answer (${String(err).slice(0, 200)})`);
        }
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  test("every GET answers a very long URL below 500", async () => {
    const { found } = targets();
    for (const t of found.filter((x) => x.method === "GET")) {
      const pathname = t.pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, catchAll: string | undefined) => (catchAll ? "session" : w.source.id));
      for (const length of [2_000, 8_000, 15_000, 17_000, 100_000]) {
        const url = `${w.base}${pathname}?q=${"x".repeat(length)}`;
        const headers: Record<string, string> =
          t.key === "GET /api/metrics"
            ? { Authorization: `Bearer ${METRICS_TOKEN}` }
            : t.entry.roles === "public"
              ? {}
              : { Authorization: `Bearer ${SEEDED_TOKEN}` };
        const res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(15_000) });
        expect(res.status, `${t.key} with a ${length}-character query → ${(await res.text()).slice(0, 200)}`).toBeLessThan(500);
      }
    }
  });
});
