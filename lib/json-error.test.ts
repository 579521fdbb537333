import { describe, expect, it } from "vitest";
import { describeJsonError } from "./json-error";
import { CustomPushTypeSchema } from "./profiles/schemas";

const errorOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    return describeJsonError(text, e);
  }
  throw new Error("parsed");
};

describe("describeJsonError", () => {
  it("names the line and column instead of a character offset", () => {
    expect(errorOf('{\n  "a": 1\n  "b": 2\n}')).toMatch(/\(line 3, column 3\)$/);
    expect(errorOf('{\n  "a": 1\n  "b": 2\n}')).not.toMatch(/position/);
  });
});

describe("a custom push type's sample", () => {
  const base = { name: "BadgePrinted", label: "Badge printed", description: "Printed on site." };
  it("says malformed JSON is malformed, where, and not that it is not an object", () => {
    const r = CustomPushTypeSchema.safeParse({ ...base, sample: '{"eventType": "BadgePrinted",}' });
    expect(r.success).toBe(false);
    const msg = r.error!.issues[0]!.message;
    expect(msg).toMatch(/^Not valid JSON: .*\(line 1, column \d+\)\.$/);
  });
  it("still says a JSON array is not an object", () => {
    const r = CustomPushTypeSchema.safeParse({ ...base, sample: "[1, 2]" });
    expect(r.error!.issues[0]!.message).toBe("The sample must be a JSON object.");
  });
});
