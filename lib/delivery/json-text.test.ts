import { describe, expect, it } from "vitest";
import { jsonTextProblem } from "./json-text";

describe("jsonTextProblem", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(jsonTextProblem('{"a":[1,{"b":2}]}', 3)).toBeNull();
    expect(jsonTextProblem('{"a":[1,{"b":[2]}]}', 3)?.code).toBe("too_deep");
    expect(jsonTextProblem(JSON.stringify({ s: "[[[[[[{{{{\\\"[[[[" }), 1)).toBeNull();
  });

  it("stops early on very deep input", () => {
    expect(jsonTextProblem("[".repeat(1_000_000))?.code).toBe("too_deep");
    expect(jsonTextProblem("[".repeat(64) + "]".repeat(64))).toBeNull();
  });

  it("finds the \\u0000 escape PostgreSQL's jsonb refuses, but not an escaped backslash before u0000", () => {
    expect(jsonTextProblem(JSON.stringify({ a: "x\u0000y" }))?.code).toBe("nul_character");
    expect(jsonTextProblem(JSON.stringify({ a: "\\u0000" }))).toBeNull();
  });

  it("finds lone surrogate escapes and lets pairs through", () => {
    expect(jsonTextProblem('{"a":"\\ud800"}')?.code).toBe("lone_surrogate");
    expect(jsonTextProblem('{"a":"\\udc00x"}')?.code).toBe("lone_surrogate");
    expect(jsonTextProblem('{"a":"\\ud83d\\udca5"}')).toBeNull();
    expect(jsonTextProblem(JSON.stringify({ a: "💥" }))).toBeNull();
  });
});
