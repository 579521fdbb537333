import { createHash, randomBytes } from "node:crypto";

// Plain Node (no server-only): the seed and the e2e fixtures mint tokens with these too.

const TOKEN_PREFIX = "rfk_";

/** 256 bits of randomness with a recognisable prefix (secret scanners can match rfk_). */
export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** Tokens are stored as their SHA-256: high-entropy random values need no slow hash. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
