"use client";
import { useEffect, useState } from "react";

/**
 * The AEP endpoint URL for authentication "None" (lib/inbound/aep-auth.ts aepUrlKey), computed in
 * the browser from the inbound secret while it is on screen: it is as secret as the secret, so it
 * is shown exactly when the secret is (on creation and rotation) and never sent by the server.
 */
export async function aepUrlKeyInBrowser(profileId: string, secret: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(`relay-aep-url\n${profileId}`)));
  return Array.from(mac.subarray(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function AepNoAuthUrl({ endpoint, profileId, secret }: { endpoint: string; profileId: string; secret: string }) {
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    aepUrlKeyInBrowser(profileId, secret).then(
      (k) => live && setKey(k),
      () => live && setKey(null),
    );
    return () => {
      live = false;
    };
  }, [profileId, secret]);
  if (!key) return null;
  return (
    <div>
      <p className="text-sm font-medium">URL for AEP authentication &quot;None&quot;</p>
      <code
        data-testid="aep-no-auth-url"
        className="mt-1 block rounded bg-zinc-100 px-2 py-1 font-mono text-xs break-all dark:bg-zinc-800"
      >{`${endpoint}/${key}`}</code>
      <p className="mt-1 text-xs text-zinc-500">
        Anyone with this URL can send profiles, like anyone with the secret; it changes when the secret is rotated. Prefer a Bearer token or OAuth 2.
      </p>
    </div>
  );
}
