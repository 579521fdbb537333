// Shared by the two inbound endpoints: typed answers, a capped raw-body reader.
import { jsonTextProblem } from "../http/json-text";
import { readCappedBody } from "../http/read-body";
import { formatBytes } from "../format-bytes";

export const MAX_INBOUND_BYTES = 1024 * 1024;

export type InboundAnswer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

export function refuse(status: number, code: string, message: string, extra?: Record<string, unknown>): InboundAnswer {
  return { status, body: { error: { code, message, ...extra } } };
}

/**
 * The body under a cap that holds while streaming (lib/http/read-body.ts), refused with a 413
 * answer when larger. The signature is checked over these exact bytes, so they are decoded once
 * and never re-serialised.
 */
export async function readRawBody(request: Request, maxBytes = MAX_INBOUND_BYTES): Promise<{ ok: true; raw: Buffer } | { ok: false; answer: InboundAnswer }> {
  const body = await readCappedBody(request, maxBytes);
  return body.ok ? body : { ok: false, answer: refuse(413, "payload_too_large", `The body is larger than ${formatBytes(maxBytes)}.`) };
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
