import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Secrets at rest: AES-256-GCM, a fresh 96-bit IV per value, the key's id stored beside the value
// so a rotation can tell which values still need re-sealing. Format: v1.<keyId>.<iv>.<tag>.<ciphertext>
const VERSION = "v1";

export type SealKey = { id: string; key: Buffer };

/** APP_ENCRYPTION_KEY is 32 bytes in base64 (or 64 hex chars). */
export function parseKey(material: string): SealKey {
  const trimmed = material.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("APP_ENCRYPTION_KEY must be 32 bytes (base64 or hex).");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

export function seal(plaintext: string, k: SealKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k.key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, k.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function isSealed(value: string | null | undefined): boolean {
  return typeof value === "string" && value.startsWith(`${VERSION}.`) && value.split(".").length === 5;
}

export function sealedKeyId(value: string): string | null {
  return isSealed(value) ? value.split(".")[1] : null;
}

/** Opens a sealed value with whichever of the keys sealed it; throws if none did or it was altered. */
export function unseal(sealed: string, keys: SealKey[]): string {
  const [version, keyId, iv, tag, ct] = sealed.split(".");
  if (version !== VERSION || !ct) throw new Error("Not a sealed value.");
  const k = keys.find((x) => x.id === keyId);
  if (!k) throw new Error(`Sealed with an unknown key (${keyId}): was APP_ENCRYPTION_KEY changed without rotating?`);
  const authTag = Buffer.from(tag, "base64url");
  if (authTag.length !== 16) throw new Error("Sealed value has a truncated authentication tag.");
  const decipher = createDecipheriv("aes-256-gcm", k.key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/** What the browser sees for a stored secret: bullets and the last 4 characters. */
export function maskSecret(plaintext: string | null | undefined): string | null {
  if (!plaintext) return null;
  return plaintext.length <= 8 ? "••••" : `••••${plaintext.slice(-4)}`;
}
