/**
 * `npm run worker`: one delivery worker, as its own process. Run as many as you like against one
 * database (they share the queue through row locks). Reads DATABASE_URL (else the embedded database
 * a running `npm start` advertises in .data/embedded-db.json), APP_ENCRYPTION_KEY (else
 * .local/secrets.json), the API URLs and the DELIVERY_* settings. Also prunes payloads past
 * DELIVERY_RETENTION_DAYS, at most hourly, and evaluates the alert rules every ALERTS_EVAL_INTERVAL_MS
 * (one worker at a time, under an advisory lock), sending their webhooks. With OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT)
 * set, exports a relay.deliver span per delivered batch (lib/telemetry; OTEL_SERVICE_NAME, default
 * relay-worker). SIGTERM/SIGINT: the cycle in flight finishes and settles what it claimed, the
 * buffered spans are flushed, then the process exits.
 */
import { createPrismaClient } from "../lib/db-client";
import { createWorkerFromEnv } from "../lib/worker/create-worker";
import { loadEncryptionKey, resolveDatabaseUrl } from "./lib/delivery-env";
import { enableLinearRegexFallback } from "../lib/runtime/regex-safety";
import { createLogger, log as logger } from "../lib/log";
import { shutdownTracing, startTracing } from "../lib/telemetry";
import { listenForWork } from "../lib/queue/work-signal";

enableLinearRegexFallback();

// One JSON line per event (lib/log.ts); LOG_LEVEL=warn drops the per-delivery lines. The few
// lifecycle lines (started, stopping) are written at any LOG_LEVEL: supervisors and the benchmark
// wait for "delivering" to know the worker is up, and a quiet worker must still say it started.
const lifecycle = createLogger({ level: "info" });
const log = (msg: string) => lifecycle.info(msg, { worker: process.pid });

async function main() {
  const databaseUrl = resolveDatabaseUrl();
  loadEncryptionKey();
  // Before the worker exists, so its first batch is traced. Nothing is loaded while tracing is off.
  if (await startTracing("relay-worker")) log("tracing: exporting spans over OTLP/HTTP");
  const db = createPrismaClient(databaseUrl, 4);
  const worker = createWorkerFromEnv(db, process.env);
  worker.start();
  // Woken by the inbound endpoints' NOTIFY as soon as work is stored; polling stays the fallback.
  // DELIVERY_WAKEUPS=off: poll only.
  let warned = false;
  const listener =
    process.env.DELIVERY_WAKEUPS === "off"
      ? { close: async () => {} }
      : listenForWork(
          databaseUrl,
          () => worker.wake(),
          (err) => {
            if (!warned) logger.warn("work notifications unavailable; polling every DELIVERY_POLL_MS", { worker: process.pid, error: String(err) });
            warned = true;
          },
        );
  log("delivering");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log("stopping: finishing the deliveries in flight");
    await listener.close();
    await worker.stop();
    await shutdownTracing().catch((err: unknown) => logger.warn("tracing: flush failed", { worker: process.pid, error: String(err) }));
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((err) => {
  logger.error("worker failed", { worker: process.pid, error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
