import { describe, expect, it } from "vitest";
import { signPush } from "@/emulators/rainfocus/push-simulator";
import { secretsEqual, signBody, verifySignature } from "./signature";

describe("push signature", () => {
  const body = JSON.stringify({ transmissionId: "t1", eventType: "SessionScheduled" });

  it("accepts what the RainFocus emulator signs", () => {
    expect(verifySignature(body, signPush(body, "s3cret"), "s3cret")).toBe(true);
    expect(signBody(body, "s3cret")).toBe(signPush(body, "s3cret"));
  });

  it("accepts upper-case hex and surrounding spaces", () => {
    expect(verifySignature(body, ` ${signBody(body, "k").toUpperCase().replace("SHA256", "sha256")} `, "k")).toBe(true);
  });

  it("refuses another secret, another body, or a malformed header", () => {
    const sig = signBody(body, "k");
    expect(verifySignature(body, sig, "other")).toBe(false);
    expect(verifySignature(body + " ", sig, "k")).toBe(false);
    for (const h of [null, undefined, "", "sha256=", sig.slice(7), "sha1=" + sig.slice(7), sig + "00", "sha256=zz" + sig.slice(9)]) {
      expect(verifySignature(body, h, "k")).toBe(false);
    }
  });

  it("compares bearer secrets of any length", () => {
    expect(secretsEqual("rfin_abc", "rfin_abc")).toBe(true);
    expect(secretsEqual("rfin_ab", "rfin_abc")).toBe(false);
    expect(secretsEqual("", "rfin_abc")).toBe(false);
  });
});
