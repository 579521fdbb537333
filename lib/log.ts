// Structured logs on pino: one JSON object per line — `level` (a label: "info", not 30), `time`
// (ISO 8601), `pid`, `hostname`, `requestId` (when there is one), the fields, and `msg` — with
// secrets redacted by key name at any depth (lib/redact.ts) and errors as
// {name, message, code} (plus the stack on error lines), never `{}`.
//
// Where lines go: info and debug to stdout, warn and error to stderr (pino.multistream), which is
// what container runtimes collect and what scripts/start.ts tees into RELAY_LOG_FILE. No transport
// (those run in a worker thread, which breaks under Next's bundler and loses lines when a CLI
// exits). The streams are process.stdout/process.stderr themselves rather than
// pino.destination(fd): Node writes them synchronously for files, pipes and terminals on Linux,
// lines stay in order with Next's own console output, and whatever replaces process.stdout.write
// (tests capture lines that way) sees them.
//
// LOG_LEVEL (debug | info | warn | error, default info) drops the lines below it; it is read at each
// line, so tests may change it.
import { AsyncLocalStorage } from "node:async_hooks";
import { hostname } from "node:os";
import pino from "pino";
import { redactSecrets } from "./redact";

export type LogLevel = "debug" | "info" | "warn" | "error";
const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` (e.g. a requestId) to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** A fixed level; else LOG_LEVEL from `env` (read at each line, so tests may change it). */
  level?: LogLevel;
  env?: Record<string, string | undefined>;
  /** Where a finished line goes (without the newline); stdout/stderr by level otherwise. */
  write?: (line: string, level: LogLevel) => void;
}

export function isLogLevel(v: unknown): v is LogLevel {
  return typeof v === "string" && Object.hasOwn(RANK, v);
}

// --- request id of the work in progress -------------------------------------------------------

const requestScope = new AsyncLocalStorage<string>();

/**
 * Runs `fn` with `requestId` as the current request id: every line logged inside it (at any await
 * depth) carries that id unless it names its own, and currentRequestId() returns it.
 */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return requestScope.run(requestId, fn);
}

/** The id set by the innermost runWithRequestId() around this call, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore();
}

// --- fields → plain JSON, secrets redacted -------------------------------------------------------

/** Keys pino writes itself; a field by that name would make a second, conflicting key. */
const RESERVED = new Set(["level", "time", "msg"]);

function errorFields(err: Error, withStack: boolean, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = plain(code, withStack, seen, depth + 1);
  if (withStack && err.stack) out.stack = err.stack;
  if (err.cause !== undefined) out.cause = plain(err.cause, withStack, seen, depth + 1);
  return out;
}

/**
 * What JSON.stringify would make of `value`, except that errors keep their name and message (it
 * makes `{}` of them), cycles and very deep values end in a marker, and bigints become strings.
 */
function plain(value: unknown, withStack: boolean, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  if (value === null || typeof value !== "object") return value;
  if (depth > 32) return "[too deep]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  try {
    if (value instanceof Error) return errorFields(value, withStack, seen, depth);
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return plain(toJSON.call(value), withStack, seen, depth + 1);
    if (Array.isArray(value)) return value.map((v) => plain(v, withStack, seen, depth + 1) ?? null);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = plain(v, withStack, seen, depth + 1);
      if (p !== undefined) out[k] = p;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** A line's fields as plain JSON with secrets redacted; undefined values and reserved keys dropped. */
function cleanFields(fields: LogFields | undefined, level: LogLevel): LogFields {
  if (!fields) return {};
  const out: LogFields = {};
  const seen = new WeakSet<object>();
  for (const [k, v] of Object.entries(fields)) {
    if (RESERVED.has(k)) continue;
    const p = plain(v, level === "error", seen, 1);
    if (p !== undefined) out[k] = p;
  }
  return redactSecrets(out);
}

// --- pino ------------------------------------------------------------------------------------

type Destination = { write(line: string): void };

function pinoLogger(destination: Destination, timestamp: () => string = pino.stdTimeFunctions.isoTime): pino.Logger {
  return pino(
    {
      // Filtering is done by the wrapper below (LOG_LEVEL may change at run time); pino writes all.
      level: "debug",
      base: { pid: process.pid, hostname: hostname() },
      timestamp,
      messageKey: "msg",
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

const trimNewline = (line: string) => (line.endsWith("\n") ? line.slice(0, -1) : line);

/** stdout below warn, stderr from it: one stream per line (dedupe), looked up at each write. */
function defaultDestination(): Destination {
  return pino.multistream(
    [
      { level: "debug", stream: { write: (line: string) => void process.stdout.write(line) } },
      { level: "warn", stream: { write: (line: string) => void process.stderr.write(line) } },
    ],
    { dedupe: true },
  );
}

/** A caller's sink, told each line's level. */
function sinkDestination(write: NonNullable<LoggerOptions["write"]>): Destination {
  return pino.multistream(
    LEVELS.map((level) => ({ level, stream: { write: (line: string) => write(trimNewline(line), level) } })),
    { dedupe: true },
  );
}

function emitter(p: pino.Logger, threshold: () => number, bound: LogFields) {
  return (level: LogLevel) =>
    (msg: string, fields?: LogFields): void => {
      if (RANK[level] < threshold()) return;
      const line: LogFields = { ...bound, ...cleanFields(fields, level) };
      if (line.requestId === undefined) {
        const requestId = requestScope.getStore();
        if (requestId !== undefined) line.requestId = requestId;
      }
      // No interpolation arguments: pino writes `msg` as given ("100%s" stays "100%s").
      p[level](line, String(msg));
    };
}

function wrap(p: pino.Logger, threshold: () => number, bound: LogFields): Logger {
  const emit = emitter(p, threshold, bound);
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (fields) => wrap(p, threshold, { ...bound, ...cleanFields(fields, "info") }),
  };
}

export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const p = pinoLogger(options.write ? sinkDestination(options.write) : defaultDestination());
  const threshold = (): number => {
    if (options.level) return RANK[options.level];
    const v = (options.env ?? process.env).LOG_LEVEL?.toLowerCase();
    return isLogLevel(v) ? RANK[v] : RANK.info;
  };
  return wrap(p, threshold, cleanFields(bound, "info"));
}

// formatLogLine() writes through one pino instance into `formatted`, stamped with its `now`.
let formatted = "";
let formatAt = new Date();
const formatter = pinoLogger({ write: (line) => void (formatted = line) }, () => `,"time":"${formatAt.toISOString()}"`);

/** One log line (without the newline), exactly as a logger writes it: level, time, pid, hostname, requestId, fields, msg. */
export function formatLogLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  formatAt = now;
  formatted = "";
  emitter(formatter, () => 0, {})(level)(msg, fields);
  return trimNewline(formatted);
}

/** The process's logger (LOG_LEVEL from process.env). */
export const log: Logger = createLogger();
