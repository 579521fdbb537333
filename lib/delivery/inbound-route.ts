import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { countInboundReject } from "@/lib/metrics/inbound-rejects";
import type { InboundAnswer } from "./inbound-common";

/** Route adapter for the inbound endpoints: JSON answers, and a request id on unexpected failures. */
export function inboundRoute(accept: (profileId: string, request: Request) => Promise<InboundAnswer>) {
  return async (request: Request, context: { params: Promise<{ profileId: string }> }): Promise<Response> => {
    const { profileId } = await context.params;
    const endpoint = /\/inbound\/([a-z]+)\//.exec(new URL(request.url).pathname)?.[1] ?? "unknown";
    try {
      const answer = await accept(profileId, request);
      if (answer.status >= 400) countInboundReject(endpoint, answer.status, String((answer.body.error as { code?: unknown } | undefined)?.code ?? "unknown"));
      return NextResponse.json(answer.body, { status: answer.status, ...(answer.headers ? { headers: answer.headers } : {}) });
    } catch (err) {
      // Nothing was acknowledged, so the sender will retry: a 503 says exactly that.
      const requestId = randomUUID();
      countInboundReject(endpoint, 503, "unavailable");
      console.error(JSON.stringify({ level: "error", msg: "inbound failed", path: new URL(request.url).pathname, requestId, error: String(err) }));
      return NextResponse.json({ error: { code: "unavailable", message: "The event could not be stored; retry later.", requestId } }, { status: 503 });
    }
  };
}
