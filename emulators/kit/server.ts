import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultBook, type StoredFault } from "./faults";
import { Recorder } from "./recorder";

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  params: Record<string, string>;
  rawBody: Buffer;
  /** Parsed JSON body, or undefined when absent or not JSON. */
  json: unknown;
  /** http://host:port of this emulator, as the client addressed it. */
  origin: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  /** Stable id used by faults and the request log, e.g. "dcs.single". */
  id: string;
  method: string;
  pattern: RegExp;
  /** Control routes are neither recorded nor subject to faults. */
  control?: boolean;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}

export interface EmulatorServer {
  server: Server;
  faults: FaultBook;
  recorder: Recorder;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

const MAX_READ = 8 * 1024 * 1024;

export function createEmulatorServer(opts: {
  name: string;
  routes: () => Route[];
  faultReply: (routeId: string, fault: StoredFault) => Reply;
}): EmulatorServer {
  const faults = new FaultBook();
  const recorder = new Recorder();
  let closing = false;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? "/", "http://emulator");
    const headers = flatHeaders(req);
    const route = opts.routes().find((r) => r.method === req.method && r.pattern.test(url.pathname));
    if (!route) return send(res, { status: 404, body: { error: "not_found", message: `${opts.name} emulator: no route ${req.method} ${url.pathname}` } });
    const ctx: RequestContext = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers,
      params: { ...(route.pattern.exec(url.pathname)?.groups ?? {}) },
      rawBody,
      json: parseJsonSafe(rawBody),
      origin: `http://${req.headers.host ?? "127.0.0.1"}`,
    };
    if (route.control) return send(res, await route.handle(ctx));

    const entry = recorder.record({ route: route.id, method: ctx.method, path: ctx.path, query: Object.fromEntries(ctx.query), headers }, rawBody);
    const fault = faults.pick(route.id);
    if (fault) entry.fault = fault.id;
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.hang) {
      // Hold the socket until the client gives up or the emulator stops.
      await new Promise<void>((resolve) => {
        req.socket.once("close", resolve);
        if (closing) resolve();
      });
      return;
    }
    let reply: Reply;
    if (fault?.status) reply = opts.faultReply(route.id, fault);
    else {
      try {
        reply = await route.handle(ctx);
      } catch (e) {
        reply = { status: 500, body: { error: "emulator_error", message: (e as Error).message } };
      }
    }
    if (fault?.headers) reply.headers = { ...reply.headers, ...fault.headers };
    if (fault?.retryAfter !== undefined) reply.headers = { ...reply.headers, "Retry-After": String(fault.retryAfter) };
    entry.status = reply.status;
    send(res, reply);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: "emulator_error", message: String(e) } });
    });
  });
  server.keepAliveTimeout = 5_000;

  return {
    server,
    faults,
    recorder,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const a = server.address() as AddressInfo;
          const h = a.family === "IPv6" ? `[${a.address}]` : a.address;
          resolve(`http://${h}:${a.port}`);
        });
      });
    },
    close() {
      closing = true;
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof reply.body === "string";
  const payload = reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(reply.body !== undefined ? { "Content-Type": isText ? "text/html; charset=utf-8" : "application/json" } : {}),
    "Content-Length": Buffer.byteLength(payload),
    ...reply.headers,
  });
  res.end(payload);
}

/** Reads the whole body (so the client is never cut off mid-upload), keeping at most MAX_READ bytes. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_READ) chunks.push(c);
    });
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      // Report the true size even when truncated, for the 413 check.
      Object.defineProperty(body, "trueSize", { value: size });
      resolve(body);
    });
    req.on("error", reject);
  });
}

export function bodySize(body: Buffer): number {
  return (body as Buffer & { trueSize?: number }).trueSize ?? body.length;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function parseJsonSafe(b: Buffer): unknown {
  if (b.length === 0) return undefined;
  try {
    return JSON.parse(b.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
