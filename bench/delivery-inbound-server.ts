// Child process of bench/delivery.ts: the RainFocus inbound endpoint behind a bare node:http server.
// It calls the very function the Next route calls (acceptRainfocusPush: signature, profile,
// validation, backpressure, the one-transaction store) and answers as lib/inbound/route.ts
// does, minus Next's router. Run with `node --conditions react-server` so `server-only` resolves to
// its empty export, as it does inside Next. Prints its URL on stdout.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { acceptRainfocusPush } from "@/lib/inbound/rainfocus";

const ROUTE = /^\/api\/v1\/inbound\/rainfocus\/([^/?]+)$/;

// Server-side time per request (arrival to answer), read and reset by GET /_bench/server-time:
// tells the endpoint's own latency from time spent queued in the load generator or the kernel.
let serverMs: number[] = [];
const at = (sorted: number[], p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 100) / 100;
const server = createServer((req, res) => {
  const arrived = performance.now();
  if (req.url !== "/_bench/server-time") res.on("finish", () => serverMs.push(performance.now() - arrived));
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (req.url === "/_bench/server-time") {
      const sorted = serverMs.sort((a, b) => a - b);
      serverMs = [];
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ requests: sorted.length, p50Ms: at(sorted, 50), p99Ms: at(sorted, 99) }));
      return;
    }
    const m = ROUTE.exec(req.url ?? "");
    if (req.method !== "POST" || !m) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://bench${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
    acceptRainfocusPush(m[1]!, request).then(
      (answer) => {
        const body = JSON.stringify(answer.body);
        res.writeHead(answer.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...answer.headers }).end(body);
      },
      (err: unknown) => {
        console.error(`[bench inbound] ${String(err)}`);
        res.writeHead(503, { "Content-Type": "application/json" }).end('{"error":{"code":"unavailable"}}');
      },
    );
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
