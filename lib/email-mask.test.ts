import { describe, expect, it } from "vitest";
import { maskEmail, maskEmailsDeep } from "./email-mask";

describe("email masking", () => {
  it("keeps the first and last letter and the top-level domain", () => {
    expect(maskEmail("ava.martin@adobe.com")).toBe("a•••n@a•••.com");
    expect(maskEmail("jo@x.io")).toBe("j•••@x•••.io");
  });

  it("masks emails anywhere in a JSON value, including inside text and request bodies", () => {
    const masked = maskEmailsDeep({
      attendee: { email: "ava@adobe.com", id: 7 },
      list: ["x", "bob@y.org"],
      note: "sent to ava@adobe.com today",
      at: "no-at-here",
    });
    expect(masked).toEqual({
      attendee: { email: "a•••a@a•••.com", id: 7 },
      list: ["x", "b•••b@y•••.org"],
      note: "sent to a•••a@a•••.com today",
      at: "no-at-here",
    });
    expect(JSON.stringify(masked)).not.toContain("adobe.com");
  });

  it("masks emails used as keys, keeping keys that mask alike apart", () => {
    const masked = maskEmailsDeep({ byEmail: { "ava@adobe.com": { n: 1 }, "aza@adobe.com": { n: 2 }, plain: "x" } });
    expect(masked).toEqual({ byEmail: { "a•••a@a•••.com": { n: 1 }, "a•••a@a•••.com (2)": { n: 2 }, plain: "x" } });
    expect(JSON.stringify(masked)).not.toContain("adobe.com");
  });
});
