import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./types";

describe("auditActionLabel", () => {
  it("says each action in words", () => {
    expect(auditActionLabel("profile.test.adobe")).toBe("Tested the Adobe connection");
    expect(auditActionLabel("delivery.replay.bulk")).toBe("Replayed deliveries in bulk");
  });
  it("says how long a rotated value stayed valid", () => {
    expect(auditActionLabel("profile.inboundSecret.rotate.grace0h")).toBe("Rotated the inbound secret, the old one stopped at once");
    expect(auditActionLabel("profile.inlet.rotate.grace1h")).toBe("Rotated the inlet URL, the old one kept 1 h");
    expect(auditActionLabel("profile.inboundSecret.rotate.grace168h")).toBe("Rotated the inbound secret, the old one kept 7 d");
  });
  it("falls back to the code for an action it does not know", () => {
    expect(auditActionLabel("something.new")).toBe("something.new");
  });
});
