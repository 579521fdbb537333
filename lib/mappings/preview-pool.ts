import path from "node:path";
import { Worker } from "node:worker_threads";
import { liveSetting } from "@/lib/env";
import type { PreviewJob, PreviewReply } from "./preview-worker";

// One worker thread (loaded through tsx, like the rest of the server's TypeScript) that runs
// previews and XDM checks one at a time, off the request event loop. Each job has a wall-clock cap:
// past it the thread is terminated (the only way to stop runaway synchronous work in JS) and a new
// one starts on the next job. A bounded queue answers "busy" instead of piling work up.

/** Wall-clock cap of one preview job (read per job, so tests and operators can change it). */
const timeoutMs = () => Number(liveSetting("PREVIEW_TIMEOUT_MS") ?? 10_000);
export const PREVIEW_MAX_QUEUE = 16;
/** Heap of the preview thread: a preview that builds more is stopped, the server is not. */
const heapMb = () => Number(liveSetting("PREVIEW_MAX_HEAP_MB") ?? 256);
const WORKER_FILE = path.join(process.cwd(), "lib", "mappings", "preview-worker.ts");

export class PreviewUnavailableError extends Error {
  constructor(
    message: string,
    readonly code: "timeout" | "busy" | "failed",
  ) {
    super(message);
    this.name = "PreviewUnavailableError";
  }
}

type Queued = { job: Omit<PreviewJob, "id">; resolve: (r: PreviewReply) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let ready: Promise<Worker> | null = null;
let running: (Queued & { id: number; timer: NodeJS.Timeout }) | null = null;
const queue: Queued[] = [];
let nextId = 1;

function start(): Promise<Worker> {
  ready ??= new Promise<Worker>((resolve, reject) => {
    // A CommonJS bootstrap that registers tsx's require hook, then loads the TypeScript entry.
    const boot = `require("tsx/cjs"); require(${JSON.stringify(WORKER_FILE)});`;
    const w = new Worker(boot, { eval: true, stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: heapMb() } });
    w.unref();
    const fail = (e: Error) => {
      reset(w);
      reject(e);
    };
    w.once("error", fail);
    w.on("message", (m: PreviewReply | { ready: true }) => {
      if ("ready" in m) {
        worker = w;
        w.off("error", fail);
        w.on("error", (e) => crash(w, e));
        resolve(w);
        return;
      }
      if (running && m.id === running.id) {
        const done = running;
        clearTimeout(done.timer);
        running = null;
        done.resolve(m);
        pump();
      }
    });
    w.once("exit", () => reset(w));
  });
  return ready;
}

function reset(w: Worker): void {
  if (worker === w || worker === null) {
    worker = null;
    ready = null;
  }
}

function crash(w: Worker, e: Error): void {
  reset(w);
  const r = running;
  running = null;
  const oom = (e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
  r?.reject(
    new PreviewUnavailableError(
      oom ? `The preview needed more than ${heapMb()} MB and was stopped; simplify the rules.` : `The preview stopped: ${e.message}`,
      oom ? "timeout" : "failed",
    ),
  );
  pump();
}

function pump(): void {
  if (running || queue.length === 0) return;
  const next = queue.shift()!;
  start().then(
    (w) => {
      const id = nextId++;
      const limit = timeoutMs();
      const timer = setTimeout(() => {
        running = null;
        reset(w);
        void w.terminate();
        next.reject(
          new PreviewUnavailableError(`The preview took longer than ${limit / 1000} s and was stopped; simplify the rules or the schema.`, "timeout"),
        );
        pump();
      }, limit);
      running = { ...next, id, timer };
      w.postMessage({ ...next.job, id });
    },
    (e: Error) => {
      next.reject(new PreviewUnavailableError(`The preview could not start: ${e.message}`, "failed"));
      pump();
    },
  );
}

/** Runs a preview job on the worker thread; rejects with PreviewUnavailableError on timeout/overload. */
export function runOffThread(job: Omit<PreviewJob, "id">): Promise<PreviewReply> {
  if (queue.length >= PREVIEW_MAX_QUEUE) return Promise.reject(new PreviewUnavailableError("Too many previews are running; try again in a moment.", "busy"));
  return new Promise((resolve, reject) => {
    queue.push({ job, resolve, reject });
    pump();
  });
}

/** Stops the worker thread (tests; the server keeps it for its lifetime). */
export async function stopPreviewPool(): Promise<void> {
  const w = worker;
  worker = null;
  ready = null;
  await w?.terminate();
}
