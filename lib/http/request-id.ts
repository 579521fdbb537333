import { randomUUID } from "node:crypto";

/** A caller's (or its proxy's) X-Request-Id is kept when it is a plain token; else one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}
