import "server-only";
import { env } from "./env";

/**
 * The client's address. Behind a trusted proxy (TRUST_PROXY=1) the first X-Forwarded-For entry;
 * otherwise the header holds exactly the socket address: npm start preloads
 * scripts/lib/client-ip.cjs, which overwrites whatever the client sent before Next sees it.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const ip = env().TRUST_PROXY ? parts[0] : parts[parts.length - 1];
    if (ip) return ip;
  }
  return headers.get("x-real-ip") ?? "unknown";
}
