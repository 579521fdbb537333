import { describe, expect, it } from "vitest";
import { previewMapping } from "@/lib/mapping-engine/preview";
import { enableLinearRegexFallback } from "./regex-safety";

describe("linear regex fallback", () => {
  it("a polynomial-backtracking pattern the guard lets through finishes quickly on a long input", () => {
    enableLinearRegexFallback();
    const started = Date.now();
    const result = previewMapping({ rules: [{ target: "out", expression: 'explode(a, "\\\\d*\\\\d*\\\\d*\\\\d*x")' }], payload: { a: "1".repeat(16_000) } });
    // Generous bound: without the fallback this input would run for hours.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.errors.filter((e) => /regex rejected/.test(e.message))).toEqual([]);
  });
});
