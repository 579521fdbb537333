import { describe, expect, it } from "vitest";
import { DEFAULT_RAINFOCUS_SETTINGS, rainfocusSettingsForBrowser } from "./settings";

describe("rainfocusSettingsForBrowser", () => {
  it("sends the deployment's apiProfile key masked, everything else as is", () => {
    const s = { ...DEFAULT_RAINFOCUS_SETTINGS, tokenGrant: "none" as const, apiProfile: "rf-live-key-0123456789abcd" };
    const shown = rainfocusSettingsForBrowser(s);
    expect(shown).toEqual({ ...s, apiProfile: "••••abcd" });
    expect(JSON.stringify(shown)).not.toContain("rf-live-key");
    expect(rainfocusSettingsForBrowser({ ...s, apiProfile: "" }).apiProfile).toBe("");
    expect(rainfocusSettingsForBrowser({ ...s, apiProfile: "short" }).apiProfile).toBe("••••");
  });
});
