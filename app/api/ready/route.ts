import { checkReadiness } from "@/lib/db-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkReadiness();
  return Response.json({ status: result.ready ? "ready" : "not_ready", ...result }, { status: result.ready ? 200 : 503 });
}
