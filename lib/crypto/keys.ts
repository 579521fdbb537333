import "server-only";
import { env } from "@/lib/env";
import { parseKey, seal, unseal, type SealKey } from "./seal";

let cache: { current: SealKey; all: SealKey[] } | undefined;

function keys() {
  if (!cache) {
    const e = env();
    if (!e.APP_ENCRYPTION_KEY) throw new Error("APP_ENCRYPTION_KEY is not set (npm start generates one into .local/secrets.json).");
    const current = parseKey(e.APP_ENCRYPTION_KEY);
    const previous = e.APP_ENCRYPTION_KEY_PREVIOUS ? [parseKey(e.APP_ENCRYPTION_KEY_PREVIOUS)] : [];
    cache = { current, all: [current, ...previous] };
  }
  return cache;
}

export function sealSecret(plaintext: string): string {
  return seal(plaintext, keys().current);
}

export function openSecret(sealed: string | null | undefined): string | null {
  return sealed ? unseal(sealed, keys().all) : null;
}
