import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may scrape /api/metrics: `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN the
 * endpoint does not exist (404). Read per request rather than through lib/env.ts's cached parse so
 * the token can be set in tests; compared as SHA-256 digests in constant time, so neither the
 * token's content nor its length shows in the timing.
 */
export function metricsAccess(request: Request): "ok" | "disabled" | "unauthorized" {
  const expected = process.env.METRICS_TOKEN;
  if (!expected) return "disabled";
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!m) return "unauthorized";
  return timingSafeEqual(digest(m[1]!.trim()), digest(expected)) ? "ok" : "unauthorized";
}
