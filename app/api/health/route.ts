// Liveness: the process answers. No database call, so a slow database does not restart the pod.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
