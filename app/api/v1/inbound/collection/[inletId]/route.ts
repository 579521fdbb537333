import { NextResponse } from "next/server";
import { inboundRoute } from "@/lib/inbound/route";
import { acceptCollection, toAepProblem } from "@/lib/inbound/collection";

// The AEP-compatible inlet RainFocus is pointed at (Streaming endpoint URL + Dataflow ID). Not an
// API-token route: the unguessable inlet id is the capability. Logs, limits and spans name the
// inlet by its first 8 characters only, never the whole id.
export async function POST(request: Request, context: { params: Promise<{ inletId: string }> }): Promise<Response> {
  const { inletId } = await context.params;
  const label = `inlet:${inletId.slice(0, 8)}`;
  const res = await inboundRoute((_label, req, ctx) => acceptCollection(inletId, req, ctx))(request, { params: Promise.resolve({ profileId: label }) });
  if (res.status < 400) return res;
  // Every refusal (including the rate limiter's and a 503) in AEP's problem shape, headers kept.
  const body = (await res.json()) as Record<string, unknown>;
  const headers: Record<string, string> = {};
  for (const h of ["retry-after", "x-request-id"]) {
    const v = res.headers.get(h);
    if (v) headers[h] = v;
  }
  return NextResponse.json(toAepProblem(res.status, body, inletId), { status: res.status, headers });
}
