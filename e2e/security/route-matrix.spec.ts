import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test, expect } from "../fixtures";
import { ROUTES } from "../../tests/support/route-table";
import { ROLES, type Role } from "../../lib/auth/roles";

function routeFiles(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === "route.ts" ? [p] : [];
  });
}

function exportedMethods(src: string): string[] {
  const methods = new Set<string>();
  for (const m of src.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
  for (const m of src.matchAll(/export\s+const\s*\{([^}]*)\}/g))
    for (const n of m[1].split(",")) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(n.trim())) methods.add(n.trim());
  return [...methods];
}

test("every route file and method has a role-matrix entry", () => {
  const missing: string[] = [];
  for (const file of routeFiles()) {
    const pattern =
      "/" +
      path
        .dirname(file)
        .replace(/^app\//, "")
        .split(path.sep)
        .join("/");
    for (const method of exportedMethods(readFileSync(file, "utf8"))) {
      if (!ROUTES.some((r) => r.pattern === pattern && r.method === method)) missing.push(`${method} ${pattern}`);
    }
  }
  expect(missing, "routes without a role-matrix entry in tests/support/route-table.ts").toEqual([]);
});

test("every protected route refuses no credentials (401) and each lower role (403)", async ({ playwright, baseURL, seedUser }) => {
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await seedUser(role)).token;
  const api = await playwright.request.newContext({ baseURL });
  for (const route of ROUTES.filter((r) => r.roles !== "public")) {
    const call = (token?: string) =>
      api.fetch(route.url, { method: route.method, data: route.body, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const anonymous = await call();
    expect(anonymous.status(), `${route.method} ${route.url} without credentials`).toBe(401);
    expect((await call("rfk_invalid")).status(), `${route.method} ${route.url} with a bad token`).toBe(401);
    for (const role of ROLES) {
      const status = (await call(tokens[role])).status();
      if (route.roles.includes(role)) expect([401, 403], `${route.method} ${route.url} as ${role}`).not.toContain(status);
      else expect(status, `${route.method} ${route.url} as ${role}`).toBe(403);
    }
  }
  await api.dispose();
});
