import type { Role } from "../../lib/auth/roles";

// Every REST route with the roles it admits: e2e/security (role matrix, HTTP fuzz) and the
// in-process route fuzz (tests/integration/fuzz-routes.test.ts) read this one table.

export type RouteEntry = {
  /** The route file's path pattern, e.g. /api/v1/profiles/[id] */
  pattern: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A concrete URL to call. */
  url: string;
  /** Roles allowed, or "public" for routes that need no credentials by design. */
  roles: readonly Role[] | "public";
  body?: unknown;
};

const ALL: readonly Role[] = ["ADMIN", "OPS", "QA", "AUDITOR"];
const EDIT: readonly Role[] = ["ADMIN", "OPS"];

/** Every route in app/api. route-matrix.spec.ts fails when a route file has an entry missing here. */
export const ROUTES: RouteEntry[] = [
  { pattern: "/api/health", method: "GET", url: "/api/health", roles: "public" },
  { pattern: "/api/ready", method: "GET", url: "/api/ready", roles: "public" },
  { pattern: "/api/auth/[...nextauth]", method: "GET", url: "/api/auth/session", roles: "public" },
  { pattern: "/api/auth/[...nextauth]", method: "POST", url: "/api/auth/callback/credentials", roles: "public" },
  // Prometheus scrape endpoint: authenticates by METRICS_TOKEN (Bearer), not by session or API token.
  { pattern: "/api/metrics", method: "GET", url: "/api/metrics", roles: "public" },
  { pattern: "/api/v1/openapi.json", method: "GET", url: "/api/v1/openapi.json", roles: "public" },
  { pattern: "/api/v1/me", method: "GET", url: "/api/v1/me", roles: ALL },
  { pattern: "/api/v1/users", method: "GET", url: "/api/v1/users", roles: ["ADMIN"] },
  { pattern: "/api/v1/audit", method: "GET", url: "/api/v1/audit", roles: ["ADMIN", "AUDITOR"] },
  {
    pattern: "/api/v1/mapping/preview",
    method: "POST",
    url: "/api/v1/mapping/preview",
    roles: ALL,
    body: { rules: [{ target: "a", source: "b" }], payload: { b: 1 } },
  },
  { pattern: "/api/v1/profiles", method: "GET", url: "/api/v1/profiles", roles: ALL },
  { pattern: "/api/v1/profiles", method: "POST", url: "/api/v1/profiles", roles: EDIT, body: {} },
  { pattern: "/api/v1/profiles/[id]", method: "GET", url: "/api/v1/profiles/nonexistent", roles: ALL },
  { pattern: "/api/v1/profiles/[id]", method: "PATCH", url: "/api/v1/profiles/nonexistent", roles: EDIT, body: {} },
  { pattern: "/api/v1/profiles/[id]", method: "DELETE", url: "/api/v1/profiles/nonexistent", roles: ["ADMIN"] },
  { pattern: "/api/v1/profiles/[id]/activate", method: "POST", url: "/api/v1/profiles/nonexistent/activate", roles: EDIT },
  { pattern: "/api/v1/profiles/[id]/pause", method: "POST", url: "/api/v1/profiles/nonexistent/pause", roles: EDIT },
  {
    pattern: "/api/v1/profiles/[id]/test-connection",
    method: "POST",
    url: "/api/v1/profiles/nonexistent/test-connection",
    roles: EDIT,
    body: { target: "adobe" },
  },
  // Inbound webhooks are not API-token routes: they authenticate by the profile's inbound secret
  // (RainFocus: X-RF-Signature HMAC of the body; AEP: Bearer <inbound secret>), so "public" here.
  { pattern: "/api/v1/inbound/rainfocus/[profileId]", method: "POST", url: "/api/v1/inbound/rainfocus/nonexistent", roles: "public", body: {} },
  { pattern: "/api/v1/inbound/aep/[profileId]", method: "POST", url: "/api/v1/inbound/aep/nonexistent", roles: "public", body: {} },
  // The AEP-compatible inlet RainFocus posts to: the unguessable inlet id is the capability.
  {
    pattern: "/api/v1/inbound/collection/[inletId]",
    method: "POST",
    url: "/api/v1/inbound/collection/0000000000000000000000000000000000000000000000000000000000000000",
    roles: "public",
    body: {},
  },
  // AEP HTTP API destination "None" auth: the URL key (an HMAC of the inbound secret) authenticates.
  {
    pattern: "/api/v1/inbound/aep/[profileId]/[key]",
    method: "POST",
    url: "/api/v1/inbound/aep/nonexistent/0123456789abcdef0123456789abcdef",
    roles: "public",
    body: {},
  },
  // AEP OAuth 2 client credentials token URL: client id = profile id, client secret = inbound secret.
  { pattern: "/api/v1/inbound/aep/[profileId]/token", method: "POST", url: "/api/v1/inbound/aep/nonexistent/token", roles: "public", body: {} },
  { pattern: "/api/v1/profiles/[id]/mapping", method: "GET", url: "/api/v1/profiles/nonexistent/mapping", roles: ALL },
  { pattern: "/api/v1/profiles/[id]/mapping", method: "PUT", url: "/api/v1/profiles/nonexistent/mapping", roles: EDIT, body: {} },
  { pattern: "/api/v1/profiles/[id]/mapping/publish", method: "POST", url: "/api/v1/profiles/nonexistent/mapping/publish", roles: EDIT, body: {} },
  { pattern: "/api/v1/profiles/[id]/mapping/versions", method: "GET", url: "/api/v1/profiles/nonexistent/mapping/versions", roles: ALL },
  { pattern: "/api/v1/deliveries", method: "GET", url: "/api/v1/deliveries?limit=1", roles: ALL },
  { pattern: "/api/v1/deliveries/[id]", method: "GET", url: "/api/v1/deliveries/nonexistent", roles: ALL },
  { pattern: "/api/v1/deliveries/[id]/replay", method: "POST", url: "/api/v1/deliveries/nonexistent/replay", roles: EDIT, body: {} },
  // dryRun is required, so the matrix's empty body is refused (400) and never replays anything.
  { pattern: "/api/v1/deliveries/replay", method: "POST", url: "/api/v1/deliveries/replay", roles: EDIT, body: {} },
  { pattern: "/api/v1/deliveries/export", method: "GET", url: "/api/v1/deliveries/export?format=csv&range=15m&q=route-matrix", roles: ALL },
  { pattern: "/api/v1/test-events", method: "POST", url: "/api/v1/test-events", roles: ["ADMIN", "OPS", "QA"], body: {} },
];
