// Default outbound hosts. `*.suffix` matches any subdomain of suffix, never the bare suffix.
// Regional DCS inlets look like dcs-va6.adobedc.net, hence the wildcard.
export const ADOBE_HOSTS: readonly string[] = ["ims-na1.adobelogin.com", "*.adobelogin.com", "platform.adobe.io", "dcs.adobedc.net", "*.adobedc.net"];

export const RAINFOCUS_HOSTS: readonly string[] = ["api.rainfocus.com", "events.rainfocus.com", "*.rainfocus.com"];

export const DEFAULT_OUTBOUND_HOSTS: readonly string[] = [...ADOBE_HOSTS, ...RAINFOCUS_HOSTS];

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "");
}

/** True when `host` matches an exact name or a `*.suffix` pattern. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = normalizeHost(host);
  const p = normalizeHost(pattern);
  if (p.startsWith("*.")) {
    const suffix = p.slice(1); // ".adobedc.net"
    return h.length > suffix.length && h.endsWith(suffix);
  }
  return h === p;
}

/** Rejects patterns that would open everything (`*`, `*.com`) or are not host names at all. */
export function validatePattern(pattern: string): string {
  const p = normalizeHost(pattern);
  const bare = p.startsWith("*.") ? p.slice(2) : p;
  if (!bare || bare.includes("*") || bare.includes("/") || bare.includes(":") || bare.includes("@")) {
    throw new Error(`Invalid outbound host pattern: ${JSON.stringify(pattern)}`);
  }
  if (p.startsWith("*.") && !bare.includes(".")) {
    throw new Error(`Outbound host pattern too broad: ${JSON.stringify(pattern)}`);
  }
  return p;
}
