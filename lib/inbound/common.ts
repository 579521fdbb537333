// Shared by the two inbound endpoints: typed answers, a capped raw-body reader.
import { jsonTextProblem } from "./json-text";
import { formatBytes } from "../format-bytes";

export const MAX_INBOUND_BYTES = 1024 * 1024;

export type InboundAnswer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

export function refuse(status: number, code: string, message: string, extra?: Record<string, unknown>): InboundAnswer {
  return { status, body: { error: { code, message, ...extra } } };
}

/** How much of a streamed body past the cap is read and thrown away before giving up on it. */
export const MAX_DISCARD_BYTES = 16 * 1024 * 1024;

/**
 * Reads the body as text without ever holding more than `maxBytes` (+ one chunk): a declared or
 * streamed body over the cap is refused before it is parsed. The signature is checked over these
 * exact bytes, so they are decoded once and never re-serialised.
 *
 * A streamed (chunked) body that passes the cap is read to its end and discarded, up to
 * MAX_DISCARD_BYTES: cancelling it mid-way left the rest in the connection, so Next answered the
 * refusal as keep-alive and the client's next request on that connection hung and was reset
 * (found by e2e/security/fuzz-routes.spec.ts). A declared one is never touched: Node discards it.
 */
export async function readRawBody(request: Request, maxBytes = MAX_INBOUND_BYTES): Promise<{ ok: true; raw: Buffer } | { ok: false; answer: InboundAnswer }> {
  const tooLarge = refuse(413, "payload_too_large", `The body is larger than ${formatBytes(maxBytes)}.`);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, answer: tooLarge };
  if (!request.body) return { ok: true, raw: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await discardRest(reader, MAX_DISCARD_BYTES);
      return { ok: false, answer: tooLarge };
    }
    chunks.push(Buffer.from(value));
  }
  return { ok: true, raw: Buffer.concat(chunks, size) };
}

/** Reads and drops the rest of a body through `reader`, up to `limit` bytes, then cancels it. */
export async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number): Promise<void> {
  let discarded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
      if (discarded > limit) break;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => {});
}

export function parseJsonBody(raw: Buffer): { ok: true; value: unknown } | { ok: false; answer: InboundAnswer } {
  const text = raw.toString("utf8");
  const problem = jsonTextProblem(text);
  if (problem) return { ok: false, answer: refuse(400, problem.code, problem.message) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, answer: refuse(400, "invalid_json", "The body is not valid JSON.") };
  }
}

/** Keys sorted at every level, so equal payloads hash equally whatever order AEP sends them in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
