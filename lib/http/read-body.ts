// Reading a request body under a size cap, for the inbound webhooks (lib/inbound/common.ts) and the
// REST routes (lib/api/body.ts) alike. Plain web streams, no framework.

/** How much of a streamed body past the cap is read and thrown away before giving up on it. */
export const MAX_DISCARD_BYTES = 16 * 1024 * 1024;

/**
 * Reads the body as text without ever holding more than `maxBytes` (+ one chunk): a declared or
 * streamed body over the cap is refused before it is parsed.
 *
 * A streamed (chunked) body that passes the cap is read to its end and discarded, up to
 * MAX_DISCARD_BYTES: cancelling it mid-way left the rest in the connection, so Next answered the
 * refusal as keep-alive and the client's next request on that connection hung and was reset
 * (found by e2e/security/fuzz-routes.spec.ts). A declared one is never touched: Node discards it.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<{ ok: true; raw: Buffer } | { ok: false }> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false };
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
      return { ok: false };
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
