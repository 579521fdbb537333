import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import type { Endpoint } from "@/lib/api/endpoints";

// The session module is replaced by its API-token path (Auth.js cannot load outside Next).
vi.mock("@/lib/auth/session", () => import("../support/token-session"));

// Routes under app/api/v1 that are not the console API: the inbound webhooks authenticate by a
// profile's inbound secret and follow RainFocus' and Adobe's documents, and the document itself.
const NOT_DOCUMENTED = [/^\/inbound\//, /^\/openapi\.json$/];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === "route.ts" ? [p] : [];
  });
}

/** Every app/api/v1 route file as its OpenAPI path ([id] → {id}) with its exported methods. */
function v1Routes(): { file: string; path: string; methods: string[] }[] {
  return routeFiles("app/api/v1").map((file) => ({
    file,
    path:
      "/" +
      path
        .dirname(path.relative("app/api/v1", file))
        .split(path.sep)
        .join("/")
        .replace(/\[(\w+)\]/g, "{$1}"),
    methods: [...readFileSync(file, "utf8").matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!),
  }));
}

describe("openapi.json", () => {
  const paths = openApiDocument.paths as Record<string, Record<string, unknown>>;

  it("documents every app/api/v1 route with each of its methods, and nothing else", () => {
    const routes = v1Routes().filter((r) => !NOT_DOCUMENTED.some((re) => re.test(r.path)));
    expect(routes.length).toBeGreaterThan(10);
    const onDisk = routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
    const documented = Object.entries(paths)
      .flatMap(([p, item]) =>
        Object.keys(item)
          .filter((k) => k !== "parameters")
          .map((m) => `${m.toUpperCase()} ${p}`),
      )
      .sort();
    expect(documented).toEqual(onDisk);
  });

  it("has each route take its roles from the ENDPOINTS entry of its own path and method", async () => {
    const wrong: string[] = [];
    for (const route of v1Routes().filter((r) => !NOT_DOCUMENTED.some((re) => re.test(r.path)))) {
      const mod = (await import(/* @vite-ignore */ path.resolve(route.file))) as Record<string, { endpoint?: Endpoint }>;
      for (const method of route.methods) {
        const e = mod[method]?.endpoint;
        if (e?.method !== method || e.path !== route.path) wrong.push(`${method} ${route.path}: apiRoute(${e ? `${e.method} ${e.path}` : "no endpoint"})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives every operation a summary, bearer security, its roles and the 401/403 errors", () => {
    for (const [p, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(item).filter(([k]) => k !== "parameters") as [string, Record<string, any>][]) {
        expect(op.summary, `${method} ${p}`).toEqual(expect.any(String));
        expect(op.security, `${method} ${p}`).toEqual([{ bearerAuth: [] }]);
        expect(op["x-roles"].length, `${method} ${p}`).toBeGreaterThan(0);
        expect(Object.keys(op.responses), `${method} ${p}`).toEqual(expect.arrayContaining(["401", "403"]));
      }
      if (p.includes("{")) expect(item.parameters, p).toEqual(expect.arrayContaining([expect.objectContaining({ in: "path", required: true })]));
    }
  });

  it("describes bodies and query parameters from the handlers' zod schemas", () => {
    const create = (paths["/profiles"] as any).post.requestBody.content["application/json"].schema;
    expect(create).toMatchObject({ type: "object", required: expect.arrayContaining(["name", "direction", "eventCode"]) });
    expect(create.properties.direction).toMatchObject({ enum: ["SOURCE", "DESTINATION"] });
    const list = (paths["/deliveries"] as any).get.parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual(expect.arrayContaining(["profileId", "status", "q", "cursor", "limit"]));
    const testConnection = (paths["/profiles/{id}/test-connection"] as any).post.requestBody.content["application/json"].schema;
    expect(testConnection.properties).not.toHaveProperty("profileId");
    expect(testConnection.properties.target).toMatchObject({ enum: ["adobe", "rainfocus"] });
  });
});
