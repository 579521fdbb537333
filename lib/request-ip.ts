import "server-only";
import { env } from "./env";

/**
 * The client's address. Behind a trusted proxy (TRUST_PROXY=1) the first X-Forwarded-For entry;
 * otherwise the last one, which is the one Next's own server appended from the socket.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded.split(",").map((s) => s.trim()).filter(Boolean);
    const ip = env().TRUST_PROXY ? parts[0] : parts[parts.length - 1];
    if (ip) return ip;
  }
  return headers.get("x-real-ip") ?? "unknown";
}
