import { describe, expect, it } from "vitest";
import { aepUrlKey, authenticateAep, clientCredentialsOf, issueAepToken, verifyAepToken } from "./aep-auth";

const secret = "rfin_current";
describe("AEP endpoint authentication", () => {
  it("accepts the inbound secret, an issued token, or the URL key — each only for its own profile", () => {
    const t = issueAepToken("p1", secret, 1_000_000).access_token;
    const auth = (authorization: string | null, urlKey?: string, profileId = "p1") =>
      authenticateAep({ authorization, urlKey, profileId, secrets: [secret], nowMs: 1_000_000 });
    expect(auth(`Bearer ${secret}`)).toBe("bearer");
    expect(auth(`Bearer ${t}`)).toBe("oauth2");
    expect(auth(null, aepUrlKey("p1", secret))).toBe("url-key");
    expect(auth(`Bearer ${t}`, undefined, "p2")).toBeNull();
    expect(auth(null, aepUrlKey("p2", secret))).toBeNull();
    expect(auth(`Bearer ${secret}`, "0".repeat(32))).toBeNull(); // a wrong URL key is not rescued by a header
    expect(auth("Bearer wrong")).toBeNull();
    expect(auth(null)).toBeNull();
  });

  it("tokens expire, and die with the secret they were made from", () => {
    const t = issueAepToken("p1", secret, 0, 60).access_token;
    expect(verifyAepToken(t, "p1", secret, 59_000)).toBe(true);
    expect(verifyAepToken(t, "p1", secret, 60_000)).toBe(false);
    expect(verifyAepToken(t, "p1", "rfin_rotated", 0)).toBe(false);
    expect(verifyAepToken(t.slice(0, -2) + "AA", "p1", secret, 0)).toBe(false);
    expect(verifyAepToken("rat_garbage", "p1", secret, 0)).toBe(false);
  });

  it("reads client credentials from the form or a Basic header (both AEP client credential types)", () => {
    expect(clientCredentialsOf(null, new URLSearchParams("grant_type=client_credentials&client_id=a&client_secret=b"))).toEqual({
      clientId: "a",
      clientSecret: "b",
    });
    const basic = `Basic ${Buffer.from("p%3A1:s%2B:x").toString("base64")}`;
    expect(clientCredentialsOf(basic, new URLSearchParams())).toEqual({ clientId: "p:1", clientSecret: "s+:x" });
  });
});
