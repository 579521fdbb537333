import "server-only";
import { DomainError } from "@/lib/errors";
import { readCappedBody } from "@/lib/http/read-body";
import { jsonTextProblem } from "@/lib/http/json-text";
import { formatBytes } from "@/lib/format-bytes";

// Request bodies for the REST routes that take none or an optional one. Both read under a cap that
// holds while streaming (as readJson in ./route.ts does), so a 3 MB body is refused after at most
// the cap and one chunk, or at once when its Content-Length says so.

/** A route that takes no body reads at most `maxBytes` of whatever is sent, and refuses more. */
export async function refuseLargeBody(request: Request, maxBytes = 4_096): Promise<void> {
  const body = await readCappedBody(request, maxBytes);
  if (!body.ok) throw new DomainError(`The body is larger than ${formatBytes(maxBytes)}.`, "invalid");
}

/** A JSON body under a cap that holds while streaming; `ifEmpty` answers for an empty body when given. */
export async function readCappedJson(request: Request, maxBytes: number, ifEmpty?: unknown): Promise<unknown> {
  const body = await readCappedBody(request, maxBytes);
  if (!body.ok) throw new DomainError(`The body is larger than ${formatBytes(maxBytes)}.`, "invalid");
  const text = body.raw.toString("utf8");
  if (ifEmpty !== undefined && !text.trim()) return ifEmpty;
  const problem = jsonTextProblem(text);
  if (problem) throw new DomainError(problem.message, "invalid");
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("Body is not valid JSON.", "invalid");
  }
}

/** An optional JSON body: none (or whitespace only) is `{}`; anything else must be JSON under the cap. */
export function readOptionalJson(request: Request, maxBytes: number): Promise<unknown> {
  return readCappedJson(request, maxBytes, {});
}
