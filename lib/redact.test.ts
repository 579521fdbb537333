import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact";

describe("redactSecrets", () => {
  it("masks secret-looking keys at any depth and keeps the rest", () => {
    const out = redactSecrets({
      name: "Summit",
      adobe: { clientId: "abc", clientSecret: "s3cr3t", privateKey: "-----BEGIN", nested: [{ apiToken: "t" }] },
      passwordHash: "scrypt$...",
    });
    expect(out).toEqual({
      name: "Summit",
      adobe: { clientId: "abc", clientSecret: "[redacted]", privateKey: "[redacted]", nested: [{ apiToken: "[redacted]" }] },
      passwordHash: "[redacted]",
    });
  });

  it("leaves null secrets visible as null so a diff can show that one was cleared", () => {
    expect(redactSecrets({ clientSecret: null })).toEqual({ clientSecret: null });
  });
});
