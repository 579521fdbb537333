import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { installReadableZodMessages } from "./zod-messages";

const first = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("readable zod messages", () => {
  beforeAll(() => installReadableZodMessages());

  it("says what is wrong in plain words, never zod's developer wording", () => {
    expect(first(z.string().max(120), "x".repeat(121))).toBe("At most 120 characters.");
    expect(first(z.object({ pushTypes: z.array(z.string()) }), {})).toBe("This is required.");
    expect(first(z.string().min(1), "")).toBe("This is required.");
    expect(first(z.string().min(8), "abc")).toBe("At least 8 characters.");
    expect(first(z.coerce.number().int().min(1), "0")).toBe("At least 1.");
    expect(first(z.coerce.number(), "abc")).toBe("Must be a number.");
    expect(first(z.email(), "nope")).toBe("Not a valid email address.");
    expect(first(z.enum(["dev", "prod"]), "test")).toBe("Choose one of: dev, prod.");
    expect(first(z.array(z.string()).max(2), ["a", "b", "c"])).toBe("At most 2 items allowed.");
  });

  it("keeps a message written on the schema", () => {
    expect(first(z.string().max(5, "Keep it short."), "too long")).toBe("Keep it short.");
  });
});
