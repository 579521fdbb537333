import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, PUBLIC_ACTIONS } from "@/lib/actions/registry";
import { executeAction, type AnyActionDef } from "@/lib/actions/define-action";
import { ROLES, type Actor, type Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every exported function of every "use server" module in the app. */
function serverActionExports(): string[] {
  const names: string[] = [];
  for (const file of [...filesUnder("lib"), ...filesUnder("app")]) {
    const src = readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/m.test(src.split("\n").slice(0, 3).join("\n"))) continue;
    for (const m of src.matchAll(/export\s+async\s+function\s+(\w+)/g)) names.push(m[1]);
  }
  return names;
}

describe("server action role matrix", () => {
  let actors: Record<Role, Actor>;
  beforeAll(async () => {
    actors = await createActors("matrix");
  });

  it("covers every server action in the code base", () => {
    const known = new Set<string>([...Object.keys(ACTIONS), ...PUBLIC_ACTIONS]);
    const missing = serverActionExports().filter((name) => !known.has(name));
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
