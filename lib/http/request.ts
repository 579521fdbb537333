import { Agent, fetch as undiciFetch } from "undici";
import type { AllowList } from "../outbound/allow-list";
import { DnsLookupError, OutboundNotAllowedError } from "../outbound/errors";
import { redactBody, redactHeaders, redactUrl } from "../redact";
import type { HttpErrorKind, HttpResult, RecordedRequest } from "./types";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export interface HttpRequestInit {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * What the log records as this request's body, already redacted by the caller, when that is not
   * the body itself: a batch whose items are each recorded (redacted) on their own attempt need not
   * be parsed and redacted as a whole on every send.
   */
  recordedBody?: string;
  allowList: AllowList;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Resolve the host and refuse private answers before connecting (default true). */
  checkDns?: boolean;
}

/**
 * One HTTP exchange, never throwing: the allow-list is checked before any socket is opened,
 * redirects are refused (a 3xx could bounce us to an internal host), the whole exchange including
 * the body read is bounded by one timeout, and the body is capped. Sockets connect through the
 * allow-list's own DNS lookup (`connectLookup`), so the address connected to is one that was
 * checked: a name that answers public for the check and private for the connection (DNS
 * rebinding) is refused. One undici Agent per allow-list keeps connections alive between calls.
 */
export async function httpRequest(init: HttpRequestInit): Promise<HttpResult> {
  const started = performance.now();
  const headers = init.headers ?? {};
  const request: RecordedRequest = {
    method: init.method,
    url: redactUrl(init.url),
    headers: redactHeaders(headers),
    ...(init.recordedBody !== undefined ? { body: init.recordedBody } : init.body !== undefined ? { body: redactBody(init.body, contentTypeOf(headers)) } : {}),
  };
  const fail = (error: HttpErrorKind, message: string, extra: { status?: number; location?: string } = {}): HttpResult => ({
    kind: "error",
    error,
    message,
    durationMs: Math.round(performance.now() - started),
    request,
    ...extra,
  });

  const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    if (init.checkDns === false) init.allowList.assertAllowed(init.url);
    else await withSignal(init.allowList.assertResolvesSafely(init.url), signal);

    const res = await undiciFetch(init.url, {
      method: init.method,
      headers,
      body: init.body,
      redirect: "manual",
      signal,
      dispatcher: dispatcherFor(init.allowList),
    });
    const resHeaders = Object.fromEntries(res.headers.entries());
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined);
      return fail("redirect", `The server answered with a redirect (${res.status}); redirects are not followed.`, {
        status: res.status,
        location: res.headers.get("location") ?? undefined,
      });
    }
    const body = await readCapped(res, init.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    if (body === null) return fail("too_large", "The response was larger than allowed and was discarded.");
    return {
      kind: "response",
      ok: res.ok,
      status: res.status,
      headers: resHeaders,
      body,
      durationMs: Math.round(performance.now() - started),
      request,
    };
  } catch (e) {
    const cause = (e as { cause?: unknown })?.cause;
    if (e instanceof OutboundNotAllowedError) return fail("not_allowed", e.message);
    if (cause instanceof OutboundNotAllowedError) return fail("not_allowed", cause.message);
    if (e instanceof DnsLookupError) return fail("network", e.message);
    if (cause instanceof DnsLookupError) return fail("network", cause.message);
    if (signal.aborted) return fail("timeout", `No complete answer within ${timeoutMs} ms.`);
    return fail("network", networkMessage(e));
  }
}

const dispatchers = new WeakMap<AllowList, Agent>();

/** The connection pool for one allow-list: every socket it opens resolves through `connectLookup`. */
function dispatcherFor(allowList: AllowList): Agent {
  let agent = dispatchers.get(allowList);
  if (!agent) {
    agent = new Agent({ connect: { lookup: allowList.connectLookup } });
    dispatchers.set(allowList, agent);
  }
  return agent;
}

function contentTypeOf(headers: Record<string, string>): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === "content-type") return v;
  return undefined;
}

async function withSignal<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) throw signal.reason;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Reads the body as UTF-8, or returns null once it exceeds `max` bytes. */
async function readCapped(res: Awaited<ReturnType<typeof undiciFetch>>, max: number): Promise<string | null> {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function networkMessage(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code;
  if (code === "ECONNREFUSED") return "The connection was refused (is the service running?).";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "The host name could not be resolved.";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "The connection was reset by the server.";
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return "The secure connection could not be established.";
  return `The request failed before an answer arrived${code ? ` (${code})` : ""}.`;
}
