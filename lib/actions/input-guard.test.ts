import { describe, expect, it } from "vitest";
import { inputProblem } from "./input-guard";

describe("inputProblem", () => {
  it("accepts ordinary input, including paired surrogates (emoji)", () => {
    expect(inputProblem({ name: "Summit 🎉", tags: ["a", "b"], nested: { n: 1, ok: true, none: null } })).toBeNull();
  });
  it("names the field holding a NUL or a lone surrogate", () => {
    expect(inputProblem({ name: "a\u0000b" })).toEqual({ path: "name", message: expect.stringContaining("NUL") });
    expect(inputProblem({ rules: [{ target: "x\ud800" }] })).toEqual({ path: "rules.0.target", message: expect.stringContaining("surrogate") });
  });
  it("refuses bad keys", () => {
    expect(inputProblem({ sample: { "k\udc00": 1 } })?.message).toMatch(/field name/);
  });
  it("refuses nesting deeper than the REST routes accept, without overflowing the stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputProblem({ sample: deep })?.message).toMatch(/more than 64 levels/);
    let ok: unknown = 1;
    for (let i = 0; i < 60; i++) ok = { a: ok };
    expect(inputProblem(ok)).toBeNull();
  });
});
