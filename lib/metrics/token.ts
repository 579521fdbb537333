import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { liveSetting } from "@/lib/env";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may scrape /api/metrics: `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN the
 * endpoint does not exist (404). Read per request (lib/env.ts's liveSetting) rather than from its cached parse so
 * the token can be set in tests; compared as SHA-256 digests in constant time, so neither the
 * token's content nor its length shows in the timing.
 */
export function metricsAccess(request: Request): "ok" | "disabled" | "unauthorized" {
  const expected = liveSetting("METRICS_TOKEN");
  if (!expected) return "disabled";
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!m) return "unauthorized";
  return timingSafeEqual(digest(m[1]!.trim()), digest(expected)) ? "ok" : "unauthorized";
}
