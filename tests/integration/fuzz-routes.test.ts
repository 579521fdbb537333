import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { generateApiToken, hashApiToken } from "@/lib/api-tokens/token";
import { signBody } from "@/lib/inbound/signature";
import { aepUrlKey } from "@/lib/inbound/aep-auth";
import { MAX_DISCARD_BYTES } from "@/lib/http/read-body";
import { DEMO_ADOBE, type RunningEmulators } from "@/emulators/index";
import { ROUTES, type RouteEntry } from "../support/route-table";
import { CONTENT_TYPES, FUZZ_SEED, ODD_IDS, malformedBody, malformedQuery, prng, seedFor, type Rng } from "../support/fuzz-cases";
import { createDestinationProfile, createSourceProfile, pushEvents, settleLeftovers, startTestEmulators, type TestProfile } from "../support/delivery";

// The session module is replaced by its API-token path (Auth.js cannot load outside Next).
vi.mock("@/lib/auth/session", () => import("../support/token-session"));

// Every route handler under app/api, found on disk (a new route is fuzzed without touching this
// file), called in-process with malformed bodies, queries and path ids from a fixed seed. None may
// answer 5xx, and a refused request (4xx) may not change the row count of any table. Routes that
// cannot load outside Next are listed in HTTP_ONLY and fuzzed by e2e/security/fuzz-routes.spec.ts,
// which covers every route over real HTTP with fewer cases each.
//
// Reproduce a failure: FUZZ_SEED=<seed> FUZZ_ONLY="<METHOD> <pattern>" npx vitest run --project integration tests/integration/fuzz-routes.test.ts

const HTTP_ONLY: Record<string, string> = {
  "/api/auth/[...nextauth]": "Auth.js loads only inside Next",
};
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Discovered = { key: string; pattern: string; method: Method; handler: Handler; entry: RouteEntry };

const CASES = Number(process.env.FUZZ_CASES || 110);
const ONLY = process.env.FUZZ_ONLY;
const METRICS_TOKEN = "fuzz-metrics-token-0123456789";

function routeFiles(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === "route.ts" ? [p] : [];
  });
}

const patternOf = (file: string) =>
  "/" +
  path
    .dirname(file)
    .split(path.sep)
    .join("/")
    .replace(/^app\//, "");
/** [id] → id; [...nextauth] → nextauth (catch-all) */
const paramsOf = (pattern: string) => [...pattern.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({ name: m[2]!, catchAll: !!m[1] }));

/**
 * Every table in prisma/schema.prisma, counted in one statement, except InboundRefusal: a refused
 * inbound request is recorded there by design (written in the background, once a second).
 */
const MODELS = [...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!).filter((m) => m !== "InboundRefusal");
const COUNT_SQL = `SELECT ${MODELS.map((m) => `(SELECT count(*) FROM "${m}")::int AS "${m}"`).join(", ")}`;
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db.$queryRawUnsafe<Record<string, number>[]>(COUNT_SQL);
  return row!;
}
const changed = (a: Record<string, number>, b: Record<string, number>) => MODELS.filter((m) => a[m] !== b[m]).map((m) => `${m} ${a[m]}→${b[m]}`);

describe("fuzz: every route handler", () => {
  let emu: RunningEmulators;
  let source: TestProfile;
  let dest: TestProfile;
  let draft: TestProfile;
  let token: string;
  let deliveryIds: string[] = [];
  const discovered: Discovered[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    for (const file of routeFiles()) {
      const pattern = patternOf(file);
      if (HTTP_ONLY[pattern]) continue;
      let mod: Record<string, unknown>;
      try {
        mod = await import(/* @vite-ignore */ path.resolve(file));
      } catch (err) {
        problems.push(`${file} cannot be imported (${String(err).slice(0, 200)}): make it importable or add it to HTTP_ONLY so the e2e fuzz covers it`);
        continue;
      }
      for (const method of METHODS) {
        if (typeof mod[method] !== "function") continue;
        const entry = ROUTES.find((r) => r.pattern === pattern && r.method === method);
        if (!entry) problems.push(`${method} ${pattern} has no entry in tests/support/route-table.ts`);
        else discovered.push({ key: `${method} ${pattern}`, pattern, method, handler: mod[method] as Handler, entry });
      }
    }
    emu = await startTestEmulators();
    await settleLeftovers();
    source = await createSourceProfile(emu);
    dest = await createDestinationProfile();
    draft = await createSourceProfile(emu, { status: "DRAFT" });
    const user = await db.user.create({ data: { email: `fuzz-routes-${Date.now()}@example.test`, role: "ADMIN", name: "fuzz" } });
    token = generateApiToken();
    await db.apiToken.create({ data: { userId: user.id, name: "fuzz", tokenHash: hashApiToken(token), prefix: token.slice(0, 10) } });
    // A few deliveries to point path ids at, one of them settled (replayable).
    for (const [i, e] of pushEvents("SessionScheduled", 900_000, 3).entries()) {
      const body = JSON.stringify(e);
      const { POST } = await import("@/app/api/v1/inbound/rainfocus/[profileId]/route");
      await POST(
        new Request(`http://relay.test/api/v1/inbound/rainfocus/${source.id}`, {
          method: "POST",
          headers: { "X-RF-Signature": signBody(body, source.secret) },
          body,
        }),
        { params: Promise.resolve({ profileId: source.id }) },
      );
      if (i === 0)
        await db.delivery.updateMany({
          where: { transmissionId: (e as { transmissionId: string }).transmissionId },
          data: { status: "FAILED", lastError: "fuzz" },
        });
    }
    deliveryIds = (await db.delivery.findMany({ where: { profileId: source.id }, select: { id: true } })).map((d) => d.id);
  });
  afterAll(async () => {
    delete process.env.METRICS_TOKEN;
    await emu?.close();
  });

  it("finds every route file and method on disk, each with a route-table entry, and none it cannot fuzz", () => {
    expect(problems).toEqual([]);
    for (const pattern of Object.keys(HTTP_ONLY)) {
      expect(routeFiles().map(patternOf), `HTTP_ONLY lists ${pattern}, which is not a route any more`).toContain(pattern);
      expect(
        ROUTES.some((r) => r.pattern === pattern),
        `${pattern} must be in the route table, so the e2e fuzz covers it`,
      ).toBe(true);
    }
    expect(discovered.length).toBeGreaterThanOrEqual(25);
  });

  /** Valid requests per route, to mutate; a route without one gets its route-table body (or {}). */
  type Seed = {
    body?: (r: Rng) => unknown;
    query?: string;
    headers?: (r: Rng, body: string | Uint8Array) => Record<string, string>;
    params?: (r: Rng) => Record<string, string>;
  };
  const profileIds = () => [source.id, dest.id, draft.id];
  const seeds = (): Record<string, Seed> => ({
    "POST /api/v1/profiles": {
      body: (r) => ({
        name: `fuzz ${r.int(1e6)}`,
        direction: r.pick(["SOURCE", "DESTINATION"]),
        eventCode: `evt${r.int(100)}`,
        rainfocusEnvironment: r.pick(["dev", "prod"]),
      }),
    },
    "PATCH /api/v1/profiles/[id]": {
      body: (r) => ({
        version: 1 + r.int(4),
        ...(r.chance(0.5) ? { basics: { name: `fuzz ${r.int(1e6)}`, eventCode: "evt" } } : {}),
        ...(r.chance(0.4)
          ? { endpoint: { streamingEndpointUrl: "https://dcs.adobedc.net/collection/fuzzinlet01", dataflowId: "2ad0a1c4-3d4c-4f3b-9c51-a1b2c3d4e5f6" } }
          : {}),
        ...(r.chance(0.3) ? { pushTypes: ["SessionScheduled", "AttendeeRegistered"] } : {}),
        ...(r.chance(0.2)
          ? { adobe: { adobeAuthMethod: "OAUTH_S2S", adobeClientId: "c", adobeClientSecret: "s", adobeOrgId: "o@AdobeOrg", tenantId: "acme" } }
          : {}),
        ...(r.chance(0.2) ? { rainfocus: { rainfocusClientId: "c", rainfocusSecret: "s", rainfocusOrgId: "o", rainfocusEnvironment: "dev" } } : {}),
      }),
    },
    "PUT /api/v1/profiles/[id]/mapping": {
      body: (r) => ({
        revision: r.int(4),
        rules: [
          { target: "a", source: "b" },
          { target: "c", expression: "upper(b)" },
        ],
        samples: [{ name: "s", payload: { b: "x" } }],
        schema: null,
      }),
    },
    "POST /api/v1/profiles/[id]/mapping/publish": { body: (r) => ({ revision: r.int(5) }) },
    "POST /api/v1/profiles/[id]/test-connection": { body: (r) => ({ target: r.pick(["adobe", "rainfocus"]) }) },
    "POST /api/v1/mapping/preview": {
      body: () => ({
        rules: [
          { target: "a", source: "b" },
          { target: "c", expression: "upper(b)" },
        ],
        payload: { b: "x" },
        tenantId: "acme",
      }),
    },
    "POST /api/v1/deliveries/replay": { body: (r) => ({ dryRun: r.chance(0.8), filter: { status: "FAILED", profileId: source.id } }) },
    "POST /api/v1/deliveries/[id]/replay": { body: (r) => ({ useMapping: r.pick(["original", "current"]) }) },
    // timeoutMs=0: answer at once instead of waiting for a worker this test does not run.
    "POST /api/v1/test-events": {
      query: "timeoutMs=0",
      body: (r) => ({ profileId: r.pick(profileIds()), pushType: "SessionScheduled", ...(r.chance(0.5) ? { payload: { attendee: { email: "a@b.c" } } } : {}) }),
    },
    "POST /api/v1/inbound/rainfocus/[profileId]": {
      body: (r) =>
        r.chance(0.5) ? pushEvents("SessionScheduled", 200_000 + r.int(1e6), 1)[0] : pushEvents("SessionScheduled", 200_000 + r.int(1e6), 1 + r.int(3)),
      headers: (r, body): Record<string, string> => (r.chance(0.85) ? { "X-RF-Signature": signBody(Buffer.from(body), source.secret) } : {}),
      params: (r) => ({ profileId: r.chance(0.9) ? source.id : r.pick(profileIds()) }),
    },
    "POST /api/v1/inbound/collection/[inletId]": {
      body: (r) =>
        r.chance(0.5) ? pushEvents("SessionScheduled", 300_000 + r.int(1e6), 1)[0] : pushEvents("SessionScheduled", 300_000 + r.int(1e6), 1 + r.int(3)),
      headers: (r): Record<string, string> => (r.chance(0.85) ? { "x-adobe-flow-id": DEMO_ADOBE.flowId } : {}),
      params: (r) => ({ inletId: r.chance(0.9) ? source.inletId! : "0".repeat(64) }),
    },
    "POST /api/v1/inbound/aep/[profileId]": {
      body: (r) => ({
        profiles: [
          {
            identityMap: { email: [{ id: `fuzz${r.int(1e9)}@example.test` }] },
            attributes: { a: r.int(10) },
            segmentMembership: { ups: { s1: { status: "realized" } } },
          },
        ],
      }),
      headers: (r): Record<string, string> => (r.chance(0.85) ? { Authorization: `Bearer ${dest.secret}` } : {}),
      params: (r) => ({ profileId: r.chance(0.9) ? dest.id : r.pick(profileIds()) }),
    },
    "POST /api/v1/inbound/aep/[profileId]/[key]": {
      body: (r) => ({
        person: { name: { firstName: `F${r.int(1e9)}` } },
        personalEmail: { address: `fuzz${r.int(1e9)}@example.test` },
        segmentMembership: { ups: { s1: { status: "realized" } } },
      }),
      params: (r) => ({ profileId: dest.id, key: r.chance(0.85) ? aepUrlKey(dest.id, dest.secret) : "0".repeat(32) }),
    },
    "POST /api/v1/inbound/aep/[profileId]/token": {
      body: () => "grant_type=client_credentials",
      headers: (r): Record<string, string> =>
        r.chance(0.85)
          ? { Authorization: `Basic ${Buffer.from(`${dest.id}:${dest.secret}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" }
          : {},
      params: () => ({ profileId: dest.id }),
    },
    "GET /api/metrics": { headers: (r): Record<string, string> => (r.chance(0.8) ? { Authorization: `Bearer ${METRICS_TOKEN}` } : {}) },
  });

  function pathParams(r: Rng, d: Discovered, seed: Seed): Record<string, string | string[]> {
    const fixed = seed.params?.(r) ?? {};
    const out: Record<string, string | string[]> = {};
    for (const { name, catchAll } of paramsOf(d.pattern)) {
      if (r.chance(0.25)) out[name] = r.pick(ODD_IDS).decoded;
      else out[name] = fixed[name] ?? r.pick([...profileIds(), ...deliveryIds]);
      if (catchAll) out[name] = [out[name] as string];
    }
    return out;
  }

  /** Credentials that get past authentication, for the size tests. */
  function authHeadersFor(d: Discovered): Record<string, string> {
    if (d.key === "GET /api/metrics") return { Authorization: `Bearer ${METRICS_TOKEN}` };
    if (d.pattern.includes("/inbound/aep/"))
      return { Authorization: d.pattern.endsWith("/token") ? `Basic ${Buffer.from(`${dest.id}:${dest.secret}`).toString("base64")}` : `Bearer ${dest.secret}` };
    return d.entry.roles === "public" ? {} : { Authorization: `Bearer ${token}` };
  }

  function authHeaders(r: Rng, d: Discovered): Record<string, string> {
    if (d.entry.roles === "public") return {};
    const k = r.int(100);
    if (k < 92) return { Authorization: `Bearer ${token}` };
    if (k < 95) return {};
    return { Authorization: r.pick(["Bearer rfk_invalid", "Bearer", `Basic ${token}`, `Bearer ${token}x`, `Bearer  ${token} extra`]) };
  }

  it(`answers no 5xx to ${CASES} malformed requests per route and method, and stores nothing it refuses`, async () => {
    const table = seeds();
    const report: string[] = [];
    const failures: string[] = [];
    let total = 0;
    let counts = await rowCounts();
    for (const d of discovered) {
      if (ONLY && d.key !== ONLY) continue;
      // A route fuzzed earlier may have paused them: each route starts from active profiles.
      await db.integrationProfile.updateMany({ where: { id: { in: [source.id, dest.id] } }, data: { status: "ACTIVE" } });
      counts = await rowCounts();
      const seedNo = seedFor(d.key);
      const r = prng(seedNo);
      const seed = table[d.key] ?? {};
      const valid = () => seed.body?.(r) ?? structuredClone(d.entry.body ?? {});
      const statuses = new Map<number, number>();
      const routeStarted = performance.now();
      const baseQuery = seed.query ?? new URL(d.entry.url, "http://relay.test").search.slice(1);
      for (let i = 0; i < CASES; i++) {
        const params = pathParams(r, d, seed);
        const urlPath = d.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) =>
          encodeURIComponent(String(params[name]).replace(/[\ud800-\udfff]/g, "\ufffd")),
        );
        const hasBody = d.method !== "GET" && d.method !== "DELETE";
        const { body, kind } = hasBody ? malformedBody(r, valid) : { body: null, kind: "no body" };
        // GETs and DELETEs get random queries; bodies keep the route's own query (test-events' timeoutMs).
        const query = hasBody ? baseQuery : r.chance(0.15) ? baseQuery : malformedQuery(r, [], { exclude: ["timeoutMs"] });
        const url = `http://relay.test${urlPath}${query ? `?${query}` : ""}`;
        const ct = hasBody ? r.pick(CONTENT_TYPES) : "";
        const headers: Record<string, string> = { ...(ct ? { "Content-Type": ct } : {}), ...authHeaders(r, d), ...(seed.headers?.(r, body ?? "") ?? {}) };
        const describe = () =>
          `seed ${FUZZ_SEED} (route seed ${seedNo}) ${d.key} case #${i} [${kind}]: ${d.method} ${url.slice(0, 300)} headers ${JSON.stringify(headers).slice(0, 300)} body (${body?.length ?? 0}) ${typeof body === "string" ? JSON.stringify(body.slice(0, 300)) : body ? Buffer.from(body.subarray(0, 100)).toString("hex") : ""}`;
        let res: Response;
        let text: string;
        try {
          let timer: NodeJS.Timeout | undefined;
          const hung = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no answer within 10 s")), 10_000)));
          res = await Promise.race([
            d.handler(new Request(url, { method: d.method, headers, ...(body === null ? {} : { body }) }), { params: Promise.resolve(params) }),
            hung,
          ]);
          text = await Promise.race([res.text(), hung]);
          clearTimeout(timer);
        } catch (err) {
          throw new Error(`threw ${String(err).slice(0, 300)}\n${describe()}`);
        }
        total++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const after = await rowCounts();
        const fail = (what: string) => {
          // Up to three per route, so one systematic bug does not hide the others.
          if (failures.filter((f) => f.startsWith(d.key)).length < 3)
            failures.push(`${d.key}: ${what}\n  ${describe()}\n  → ${res.status} ${text.slice(0, 300)}`);
        };
        if (res.status >= 500) fail("5xx");
        const rows = changed(counts, after);
        if (res.status >= 400 && rows.length) fail(`refused, yet rows changed (${rows.join(", ")})`);
        counts = after;
      }
      const refusedAuth = (statuses.get(401) ?? 0) + (statuses.get(403) ?? 0);
      if (d.entry.roles !== "public") expect(refusedAuth, `${d.key}: the fuzz must get past authentication`).toBeLessThan(CASES * 0.5);
      report.push(
        `${d.key} (${Math.round(performance.now() - routeStarted)} ms): ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(" ")}`,
      );
    }
    console.log(`fuzz-routes: ${total} requests (seed ${FUZZ_SEED})\n  ${report.join("\n  ")}`);
    expect(failures, failures.join("\n\n")).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
  }, 180_000);

  /** 3 MB of JSON-ish bytes, produced only as the handler pulls them; `pulled` says how far it read. */
  function lazyBody(total: number) {
    const stats = { pulled: 0 };
    const chunk = 64 * 1024;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (stats.pulled >= total) return c.close();
        const n = Math.min(chunk, total - stats.pulled);
        const bytes = new Uint8Array(n).fill(0x78);
        if (stats.pulled === 0) bytes.set(Buffer.from('{"pad":"'));
        stats.pulled += n;
        c.enqueue(bytes);
      },
    });
    return { stream, stats };
  }

  it("refuses a 3 MB body on every POST, PUT and PATCH without keeping it, declared or streamed", async () => {
    const table = seeds();
    const SIZE = 3_000_000;
    const tooLarge = (status: number, text: string) => status === 413 || (status === 400 && /exceeds|larger than|too large/i.test(text));
    const withBody = discovered.filter((d) => d.method !== "GET" && d.method !== "DELETE");
    expect(withBody.length).toBeGreaterThanOrEqual(13);
    const failures: string[] = [];
    for (const d of withBody) {
      const seed = table[d.key] ?? {};
      const r = prng(seedFor(`size ${d.key}`));
      const params = Object.fromEntries(
        paramsOf(d.pattern).map(({ name }) => [name, seed.params?.(r)[name] ?? (d.pattern.includes("/deliveries/") ? deliveryIds[0]! : draft.id)]),
      );
      const url = `http://relay.test${d.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, n: string) => params[n]!)}${seed.query ? `?${seed.query}` : ""}`;
      for (const declared of [true, false]) {
        const { stream, stats } = lazyBody(SIZE);
        const headers: Record<string, string> = {
          "Content-Type": "application/json",
          ...authHeadersFor(d),
          ...(declared ? { "Content-Length": String(SIZE) } : {}),
        };
        const started = performance.now();
        const res = await d.handler(new Request(url, { method: d.method, headers, body: stream, duplex: "half" } as RequestInit), {
          params: Promise.resolve(params),
        });
        const text = await res.text();
        const ms = performance.now() - started;
        const what = `${d.key} (${declared ? "Content-Length: 3000000" : "streamed, no Content-Length"})`;
        if (!tooLarge(res.status, text)) failures.push(`${what} → ${res.status} ${text.slice(0, 200)}: expected 413, or 400 saying the body is too large`);
        // Declared: refused without reading (Node discards the body). Streamed: refused at the route's
        // cap, and the rest read to its end and discarded, never kept, so the connection can carry
        // the client's next request (readRawBody).
        // The AEP data routes read declared bodies (AEP sends up to 10,000 profiles, tens of MB): a
        // 3 MB string outside `profiles` is refused at its 1 MB cap, and the rest is read and dropped
        // (bounded) for declared bodies too, because over HTTP the route cannot tell them apart.
        const aepData = d.pattern.startsWith("/api/v1/inbound/aep/") && !d.pattern.endsWith("/token");
        if (declared && !aepData && stats.pulled > 128 * 1024) failures.push(`${what} read ${stats.pulled} bytes before refusing`);
        if (declared && aepData && stats.pulled > SIZE) failures.push(`${what} read ${stats.pulled} bytes before refusing`);
        if (!declared && stats.pulled !== SIZE) failures.push(`${what} left ${SIZE - stats.pulled} bytes of the body unread`);
        if (ms > 3_000) failures.push(`${what} took ${Math.round(ms)} ms`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
    // What is discarded past the cap is bounded too: a 40 MB stream is given up on after 16 MB more.
    const preview = withBody.find((d) => d.key === "POST /api/v1/mapping/preview")!;
    const { stream, stats } = lazyBody(40_000_000);
    const res = await preview.handler(
      new Request("http://relay.test/api/v1/mapping/preview", {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
        body: stream,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(400);
    expect(stats.pulled).toBeLessThan(2_100_000 + MAX_DISCARD_BYTES + 256 * 1024);
  });

  it("answers every GET with a very long query (200 KB) below 500", async () => {
    for (const d of discovered.filter((x) => x.method === "GET")) {
      const params = Object.fromEntries(paramsOf(d.pattern).map(({ name }) => [name, draft.id]));
      const url = `http://relay.test${d.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, n: string) => params[n]!)}?q=${"x".repeat(200_000)}&limit=${"9".repeat(5_000)}&cursor=${"%E2%82%AC".repeat(20_000)}`;
      const res = await d.handler(new Request(url, { headers: authHeadersFor(d) }), { params: Promise.resolve(params) });
      expect(res.status, `${d.key} → ${(await res.text()).slice(0, 200)}`).toBeLessThan(500);
    }
  });

  it("leaves nothing stored that a read then fails on (every profile, mapping and delivery still reads)", async () => {
    const byKey = new Map(discovered.map((d) => [d.key, d]));
    const get = async (key: string, url: string, params: Record<string, string> = {}) => {
      const res = await byKey
        .get(key)!
        .handler(new Request(`http://relay.test${url}`, { headers: { Authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
      const text = await res.text();
      expect(res.status, `${url} → ${text.slice(0, 300)}`).toBe(200);
      return text;
    };
    for (const { id } of await db.integrationProfile.findMany({ where: { deletedAt: null }, select: { id: true } })) {
      await get("GET /api/v1/profiles/[id]", `/api/v1/profiles/${id}`, { id });
      await get("GET /api/v1/profiles/[id]/mapping", `/api/v1/profiles/${id}/mapping`, { id });
      await get("GET /api/v1/profiles/[id]/mapping/versions", `/api/v1/profiles/${id}/mapping/versions`, { id });
    }
    for (const { id } of await db.delivery.findMany({ orderBy: { receivedAt: "desc" }, take: 300, select: { id: true } })) {
      await get("GET /api/v1/deliveries/[id]", `/api/v1/deliveries/${id}`, { id });
    }
    await get("GET /api/v1/profiles", "/api/v1/profiles");
    await get("GET /api/v1/deliveries", "/api/v1/deliveries?limit=200");
    await get("GET /api/v1/audit", "/api/v1/audit");
    for (const format of ["csv", "ndjson"])
      expect((await get("GET /api/v1/deliveries/export", `/api/v1/deliveries/export?format=${format}`)).length).toBeGreaterThan(0);
    // Whatever was accepted is well-formed JSON objects, never a stray string or array.
    for (const d of await db.delivery.findMany({ select: { sourcePayload: true } })) {
      if (d.sourcePayload !== null) expect(typeof d.sourcePayload === "object" && !Array.isArray(d.sourcePayload)).toBe(true);
    }
  });
});
