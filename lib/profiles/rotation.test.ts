import { describe, expect, it } from "vitest";
import { previousIfValid, rotationUpdate } from "./rotation";

const now = Date.UTC(2026, 11, 6, 3, 0, 0);

describe("rotation with grace", () => {
  it("keeps the old value until now + grace and stores the new one", () => {
    expect(rotationUpdate("inlet", "old", "new", 24, now)).toEqual({
      inletId: "new",
      previousInletId: "old",
      previousInletUntil: new Date(now + 24 * 3_600_000),
    });
    expect(rotationUpdate("inboundSecret", "sealed-old", "sealed-new", 1, now)).toEqual({
      inboundSecretSealed: "sealed-new",
      previousInboundSecretSealed: "sealed-old",
      previousInboundSecretUntil: new Date(now + 3_600_000),
    });
  });

  it("with no grace, or nothing to replace, only the new value works", () => {
    expect(rotationUpdate("inlet", "old", "new", 0, now)).toEqual({ inletId: "new", previousInletId: null, previousInletUntil: null });
    expect(rotationUpdate("inlet", null, "new", 24, now)).toEqual({ inletId: "new", previousInletId: null, previousInletUntil: null });
  });

  it("the previous value works strictly before its deadline", () => {
    expect(previousIfValid("old", new Date(now + 1), now)).toBe("old");
    expect(previousIfValid("old", new Date(now), now)).toBeNull();
    expect(previousIfValid("old", null, now)).toBeNull();
    expect(previousIfValid(null, new Date(now + 1000), now)).toBeNull();
  });
});
