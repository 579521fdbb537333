import { describe, expect, it } from "vitest";
import { isStorableText, jsonTextProblem } from "./json-text";

describe("jsonTextProblem", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(jsonTextProblem('{"a":[1,{"b":2}]}', 3)).toBeNull();
    expect(jsonTextProblem('{"a":[1,{"b":[2]}]}', 3)?.code).toBe("too_deep");
    expect(jsonTextProblem(JSON.stringify({ s: '[[[[[[{{{{\\"[[[[' }), 1)).toBeNull();
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

describe("isStorableText", () => {
  it("refuses NUL and unpaired surrogates, takes everything else", () => {
    for (const bad of ["\u0000", "a\u0000b", "\ud800", "x\udc00", "\udbff\u0041"]) expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    for (const ok of ["", "cm0abc", "💥", "\ufffd", "../../etc", "' OR '1'='1"]) expect(isStorableText(ok), JSON.stringify(ok)).toBe(true);
  });
});
