import { createHmac, timingSafeEqual } from "node:crypto";

// RainFocus push signature: `X-RF-Signature: sha256=<hex HMAC-SHA256 of the raw body>` keyed with
// the profile's inbound secret (our choice where RainFocus publishes none; emulators/README.md).

export function signBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** Constant-time check of the header against the body; any malformed header is simply false. */
export function verifySignature(rawBody: string | Buffer, header: string | null | undefined, secret: string): boolean {
  if (!header) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const given = Buffer.from(m[1]!.toLowerCase(), "hex");
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Constant-time string comparison for bearer secrets (hashing first equalises the lengths). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHmac("sha256", "relay-compare").update(given).digest();
  const b = createHmac("sha256", "relay-compare").update(expected).digest();
  return timingSafeEqual(a, b);
}
