import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACTIONS, PUBLIC_ACTIONS } from "@/lib/actions/registry";
import { executeAction, type AnyActionDef } from "@/lib/actions/define-action";
import { ROLES, type Actor, type Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// A "use server" export answers with the definition it runs, so the test can see which one it is.
vi.mock("@/lib/actions/run-action", () => ({ runAction: async (def: unknown) => ({ wraps: def }) }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every "use server" module in the app, with the names of its exports. */
function serverActionModules(): { file: string; names: string[] }[] {
  const modules: { file: string; names: string[] }[] = [];
  for (const file of [...filesUnder("lib"), ...filesUnder("app"), ...filesUnder("components")]) {
    const src = readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/m.test(src.split("\n").slice(0, 3).join("\n"))) continue;
    modules.push({ file, names: [...src.matchAll(/export\s+(?:async\s+function|const|let|function)\s+(\w+)/g)].map((m) => m[1]) });
  }
  return modules;
}

describe("server action role matrix", () => {
  let actors: Record<Role, Actor>;
  beforeAll(async () => {
    actors = await createActors("matrix");
  });

  it("covers every server action in the code base", async () => {
    const registered = new Set<unknown>(Object.values(ACTIONS));
    const publicNames = new Set<string>(PUBLIC_ACTIONS);
    const missing: string[] = [];
    for (const { file, names } of serverActionModules()) {
      const own = names.filter((name) => !publicNames.has(name));
      if (own.length === 0) continue; // sign-in and sign-out: public by design, and need next-auth
      const mod = (await import(path.resolve(file))) as Record<string, (input?: unknown) => Promise<unknown>>;
      for (const name of own) {
        const answer = (await mod[name]({})) as { wraps?: unknown } | undefined;
        if (!registered.has(answer?.wraps)) missing.push(`${file}: ${name}`);
      }
    }
    // Each must wrap a defineAction() from a module in lib/actions/registry.ts through runAction.
    expect(missing, "server actions without a role-matrix entry").toEqual([]);
  });

  for (const [name, def] of Object.entries(ACTIONS) as [string, AnyActionDef][]) {
    it(`${name}: refuses a request without a session`, async () => {
      const result = await executeAction(def, null, {});
      expect(result).toMatchObject({ ok: false, code: "unauthorized" });
    });

    for (const role of ROLES.filter((r) => !def.roles.includes(r))) {
      it(`${name}: refuses ${role}`, async () => {
        const result = await executeAction(def, actors[role], {});
        expect(result).toMatchObject({ ok: false, code: "forbidden" });
      });
    }

    for (const role of def.roles) {
      it(`${name}: lets ${role} past the role check`, async () => {
        const result = await executeAction(def, actors[role], {});
        if (!result.ok) expect(result.code).not.toMatch(/unauthorized|forbidden/);
      });
    }
  }
});
