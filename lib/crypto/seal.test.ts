import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed, maskSecret, parseKey, seal, sealedKeyId, unseal } from "./seal";

const k1 = parseKey(randomBytes(32).toString("base64"));
const k2 = parseKey(randomBytes(32).toString("hex"));

describe("sealing secrets at rest", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal("p8e-client-secret-value", k1);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("client-secret");
    expect(unseal(sealed, [k1])).toBe("p8e-client-secret-value");
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same", k1)).not.toBe(seal("same", k1));
  });

  it("detects tampering", () => {
    const parts = seal("secret", k1).split(".");
    parts[4] = Buffer.from("xxxxxx").toString("base64url");
    expect(() => unseal(parts.join("."), [k1])).toThrow();
  });

  it("names the key that sealed a value, so rotation can re-seal with the new one", () => {
    const sealed = seal("secret", k1);
    expect(sealedKeyId(sealed)).toBe(k1.id);
    expect(() => unseal(sealed, [k2])).toThrow(/unknown key/);
    expect(unseal(seal(unseal(sealed, [k1, k2]), k2), [k2])).toBe("secret");
  });

  it("refuses keys of the wrong size", () => {
    expect(() => parseKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });

  it("masks to the last four characters", () => {
    expect(maskSecret("abcdefgh1234")).toBe("••••1234");
    expect(maskSecret("short")).toBe("••••");
    expect(maskSecret(null)).toBeNull();
  });
});
