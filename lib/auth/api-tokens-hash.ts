import { createHash } from "node:crypto";

/** Tokens are stored as their SHA-256: high-entropy random values need no slow hash. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
