import { randomBytes } from "node:crypto";

const TOKEN_PREFIX = "rfk_";

/** 256 bits of randomness with a recognisable prefix (secret scanners can match rfk_). */
export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}
