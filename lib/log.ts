// Structured logs: one JSON object per line — level, time, msg, requestId (when there is one) and
// the fields — with secrets redacted by key name (lib/audit/redact.ts). No dependency: web servers
// and workers write to stdout (info, debug) and stderr (warn, error), which is what container
// runtimes collect. LOG_LEVEL (debug | info | warn | error, default info) drops the lines below it.
import { redactSecrets } from "./audit/redact";

export type LogLevel = "debug" | "info" | "warn" | "error";
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
  return typeof v === "string" && v in RANK;
}

/** Errors as their name and message (and code), not `{}`, which is what JSON.stringify makes of them. */
function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, ...("code" in value ? { code: (value as { code: unknown }).code } : {}) };
  return value;
}

/** One log line: level, time, msg, then requestId and the other fields, secrets redacted. */
export function formatLogLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  const { requestId, ...rest } = fields;
  const clean: LogFields = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && k !== "level" && k !== "time" && k !== "msg") clean[k] = plain(v);
  return JSON.stringify({ level, time: now.toISOString(), msg, ...(requestId !== undefined ? { requestId } : {}), ...redactSecrets(clean) });
}

const defaultWrite = (line: string, level: LogLevel) => (RANK[level] >= RANK.warn ? process.stderr : process.stdout).write(line + "\n");

export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const write = options.write ?? defaultWrite;
  const threshold = (): number => {
    if (options.level) return RANK[options.level];
    const v = (options.env ?? process.env).LOG_LEVEL?.toLowerCase();
    return isLogLevel(v) ? RANK[v] : RANK.info;
  };
  const emit = (level: LogLevel) => (msg: string, fields?: LogFields) => {
    if (RANK[level] < threshold()) return;
    write(formatLogLine(level, msg, { ...bound, ...fields }), level);
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** The process's logger (LOG_LEVEL from process.env). */
export const log: Logger = createLogger();
