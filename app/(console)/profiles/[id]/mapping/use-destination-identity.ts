"use client";
import { useEffect, useState } from "react";

/**
 * The RainFocus destination's identity is `email_lc_sha256`: SHA-256 of the trimmed, lower-cased
 * email, lowercase hex (seed 004; API-CONTRACTS §6). AEP exports that hash in `identityMap`, not
 * the email, so the email must come from an attribute; this checks that the email the mapping
 * produces is the one the profile's identity was made from, and says so when it is not.
 */
export async function emailLcSha256(email: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(email.trim().toLowerCase()));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function identityHashesOf(sample: unknown): string[] {
  const ids = (sample as { identityMap?: { email_lc_sha256?: { id?: unknown }[] } } | null)?.identityMap?.email_lc_sha256;
  return Array.isArray(ids)
    ? ids
        .map((i) => i?.id)
        .filter((x): x is string => typeof x === "string")
        .map((x) => x.toLowerCase())
    : [];
}

export function useDestinationIdentity(enabled: boolean, sample: unknown, output: Record<string, unknown> | undefined): string | null {
  const [warning, setWarning] = useState<string | null>(null);
  const email = typeof output?.email === "string" ? output.email : null;
  const hashes = enabled ? identityHashesOf(sample) : [];
  const key = hashes.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` (the hashes joined) stands for `hashes`, a new array on every render
  useEffect(() => {
    let live = true;
    if (!enabled || hashes.length === 0) {
      setWarning(null);
      return;
    }
    if (!email) {
      setWarning(
        "This profile carries an email_lc_sha256 identity but the mapping produces no email: map the email attribute (AEP cannot turn the hash back into an email).",
      );
      return;
    }
    emailLcSha256(email).then((h) => {
      if (!live) return;
      setWarning(
        hashes.includes(h)
          ? null
          : `The mapped email's SHA-256 (${h.slice(0, 12)}…) matches none of the profile's email_lc_sha256 identities: RainFocus would get another person's email, or the attribute is not the identity's email.`,
      );
    });
    return () => {
      live = false;
    };
  }, [enabled, email, key]);
  return warning;
}
