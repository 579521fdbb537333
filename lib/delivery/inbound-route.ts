import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { InboundAnswer } from "./inbound-common";

/** Route adapter for the inbound endpoints: JSON answers, and a request id on unexpected failures. */
export function inboundRoute(accept: (profileId: string, request: Request) => Promise<InboundAnswer>) {
  return async (request: Request, context: { params: Promise<{ profileId: string }> }): Promise<Response> => {
    const { profileId } = await context.params;
    try {
      const answer = await accept(profileId, request);
      return NextResponse.json(answer.body, { status: answer.status, ...(answer.headers ? { headers: answer.headers } : {}) });
    } catch (err) {
      // Nothing was acknowledged, so the sender will retry: a 503 says exactly that.
      const requestId = randomUUID();
      console.error(JSON.stringify({ level: "error", msg: "inbound failed", path: new URL(request.url).pathname, requestId, error: String(err) }));
      return NextResponse.json({ error: { code: "unavailable", message: "The event could not be stored; retry later.", requestId } }, { status: 503 });
    }
  };
}
