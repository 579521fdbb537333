import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define-action";
import * as D from "@/lib/profiles/action-defs";
import * as M from "@/lib/mappings/action-defs";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// Server actions answer bad strings and over-deep input as the REST routes do: a clear "invalid"
// naming the field, not "Something went wrong" from the database or a stack overflow.
describe("server action input guard", () => {
  let actors: Record<Role, Actor>;
  let profileId: string;
  beforeAll(async () => {
    actors = await createActors("guard");
    const r = await executeAction(D.createProfileDef, actors.OPS, { name: "Guarded", direction: "SOURCE", eventCode: "guard1" });
    if (!r.ok) throw new Error(r.error);
    profileId = r.data.profile.id;
  });

  it("refuses NUL and half surrogate pairs with the field named", async () => {
    const nul = await executeAction(D.createProfileDef, actors.OPS, { name: "a\u0000b", direction: "SOURCE", eventCode: "guard2" });
    expect(nul).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: [expect.stringContaining("NUL")] } });
    const half = await executeAction(D.updateBasicsDef, actors.OPS, { profileId, version: 1, name: "x\ud83d", eventCode: "guard1" });
    expect(half).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: [expect.stringContaining("surrogate")] } });
  });

  it("refuses a 10,000-deep sample in a mapping draft without overflowing", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const r = await executeAction(M.saveMappingDraftDef, actors.OPS, {
      profileId,
      revision: 0,
      rules: [],
      samples: [{ name: "deep", payload: deep }],
      schema: null,
    });
    expect(r).toMatchObject({ ok: false, code: "invalid", error: expect.stringContaining("levels deep") });
  });
});
