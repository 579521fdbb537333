import { db } from "@/lib/db";
import { collectMetrics } from "@/lib/metrics/collect";
import { renderExposition } from "@/lib/metrics/exposition";
import { metricsAccess } from "@/lib/metrics/token";

export const dynamic = "force-dynamic";

// Prometheus scrape endpoint. Not a session or API-token route: it authenticates by METRICS_TOKEN
// (`Authorization: Bearer …`), and does not exist while that is unset.
export async function GET(request: Request) {
  const access = metricsAccess(request);
  if (access === "disabled") return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  if (access === "unauthorized") {
    return Response.json(
      { error: { code: "unauthorized", message: "Authorization must be `Bearer <METRICS_TOKEN>`." } },
      { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
    );
  }
  const body = renderExposition(await collectMetrics(db));
  return new Response(body, { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" } });
}
