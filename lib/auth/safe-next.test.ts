import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps paths of this site, with their query", () => {
    expect(safeNext("/deliveries?status=FAILED")).toBe("/deliveries?status=FAILED");
    expect(safeNext("/profiles/abc/mapping")).toBe("/profiles/abc/mapping");
    expect(safeNext("/settings/../audit")).toBe("/audit");
  });

  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/./\\evil.example",
    "/\\evil.example",
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%2e//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("sends %j to the console home", (next) => {
    expect(safeNext(next)).toBe("/profiles");
  });

  it("ignores non-strings and the login page itself", () => {
    expect(safeNext(null)).toBe("/profiles");
    expect(safeNext("/login?next=/x")).toBe("/profiles");
  });
});
