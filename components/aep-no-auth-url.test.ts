import { describe, expect, it } from "vitest";
import { aepUrlKey } from "@/lib/inbound/aep-auth";
import { aepUrlKeyInBrowser } from "./aep-no-auth-url";

describe("the browser's AEP URL key", () => {
  it("is the key the server checks", async () => {
    for (const [id, secret] of [
      ["cm1abc", "rfin_x"],
      ["p-2", "rfin_ünï"],
    ] as const)
      expect(await aepUrlKeyInBrowser(id, secret)).toBe(aepUrlKey(id, secret));
  });
});
