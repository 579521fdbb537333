import type { Role } from "../../lib/auth/roles";

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

/** Every route in app/api. route-matrix.spec.ts fails when a route file has an entry missing here. */
export const ROUTES: RouteEntry[] = [
  { pattern: "/api/health", method: "GET", url: "/api/health", roles: "public" },
  { pattern: "/api/ready", method: "GET", url: "/api/ready", roles: "public" },
  { pattern: "/api/auth/[...nextauth]", method: "GET", url: "/api/auth/session", roles: "public" },
  { pattern: "/api/auth/[...nextauth]", method: "POST", url: "/api/auth/callback/credentials", roles: "public" },
  { pattern: "/api/v1/openapi.json", method: "GET", url: "/api/v1/openapi.json", roles: "public" },
  { pattern: "/api/v1/me", method: "GET", url: "/api/v1/me", roles: ALL },
  { pattern: "/api/v1/users", method: "GET", url: "/api/v1/users", roles: ["ADMIN"] },
  { pattern: "/api/v1/audit", method: "GET", url: "/api/v1/audit", roles: ["ADMIN", "AUDITOR"] },
];
