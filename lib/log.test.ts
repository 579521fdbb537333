import { hostname } from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, currentRequestId, formatLogLine, isLogLevel, log, runWithRequestId, type LogLevel } from "./log";

type Line = Record<string, any>;

/** A logger writing into an array, with each line's level as the sink was told it. */
function sink(options: { level?: LogLevel; env?: Record<string, string | undefined> } = {}) {
  const lines: { line: Line; raw: string; level: LogLevel }[] = [];
  const logger = createLogger({ ...options, write: (raw, level) => lines.push({ raw, level, line: JSON.parse(raw) as Line }) });
  return { logger, lines, parsed: () => lines.map((l) => l.line) };
}

describe("log line shape (pino)", () => {
  it("writes one JSON object per line: level label, ISO time, pid, hostname, requestId, fields, msg", () => {
    const { logger, lines } = sink({ level: "debug" });
    logger.info("delivery settled", { requestId: "req-12345678", deliveryId: "d1", attempt: 2, durationMs: 12 });
    expect(lines).toHaveLength(1);
    const { raw, line, level } = lines[0]!;
    expect(level).toBe("info");
    expect(raw).not.toContain("\n");
    expect(raw).toContain('"level":"info"');
    expect(line).toEqual({
      level: "info",
      time: expect.any(String),
      pid: process.pid,
      hostname: hostname(),
      requestId: "req-12345678",
      deliveryId: "d1",
      attempt: 2,
      durationMs: 12,
      msg: "delivery settled",
    });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("formatLogLine makes the same line, stamped with the given time", () => {
    const line = JSON.parse(formatLogLine("warn", "refused", { requestId: "r-abcdefgh", status: 401 }, new Date("2026-01-02T03:04:05.678Z")));
    expect(line).toEqual({
      level: "warn",
      time: "2026-01-02T03:04:05.678Z",
      pid: process.pid,
      hostname: hostname(),
      requestId: "r-abcdefgh",
      status: 401,
      msg: "refused",
    });
  });

  it("writes the message as given, without printf interpolation", () => {
    expect(JSON.parse(formatLogLine("info", 'done 100%s %d "quoted"\n', {})).msg).toBe('done 100%s %d "quoted"\n');
  });

  it("drops undefined fields and fields that would overwrite level, time or msg", () => {
    const line = JSON.parse(formatLogLine("info", "real", { level: "error", time: "yesterday", msg: "forged", code: undefined, n: 0 }));
    expect(line).toMatchObject({ level: "info", msg: "real", n: 0 });
    expect(line.time).not.toBe("yesterday");
    expect("code" in line).toBe(false);
  });
});

describe("levels", () => {
  it("drops lines below a fixed level and tells the sink each line's level", () => {
    const { logger, lines } = sink({ level: "warn" });
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect(lines.map((l) => [l.level, l.line.level, l.line.msg])).toEqual([
      ["warn", "warn", "w"],
      ["error", "error", "e"],
    ]);
  });

  it("reads LOG_LEVEL from the env at each line, defaulting to info", () => {
    const env: Record<string, string | undefined> = {};
    const { logger, parsed } = sink({ env });
    logger.debug("hidden at the default");
    logger.info("shown at the default");
    env.LOG_LEVEL = "DEBUG";
    logger.debug("shown at debug");
    env.LOG_LEVEL = "error";
    logger.warn("hidden at error");
    env.LOG_LEVEL = "nonsense";
    logger.info("shown: an unknown level means info");
    expect(parsed().map((l) => l.msg)).toEqual(["shown at the default", "shown at debug", "shown: an unknown level means info"]);
  });

  it("knows its levels", () => {
    expect(["debug", "info", "warn", "error"].every(isLogLevel)).toBe(true);
    expect(isLogLevel("trace")).toBe(false);
    expect(isLogLevel("toString")).toBe(false);
  });
});

describe("child loggers", () => {
  it("add their fields to every line; a line's own field wins, once", () => {
    const { logger, lines } = sink({ level: "debug" });
    const child = logger.child({ requestId: "r-parent00", worker: 7 }).child({ deliveryId: "d9" });
    child.info("one");
    child.info("two", { requestId: "r-override" });
    expect(lines.map((l) => l.line)).toMatchObject([
      { msg: "one", requestId: "r-parent00", worker: 7, deliveryId: "d9" },
      { msg: "two", requestId: "r-override", worker: 7, deliveryId: "d9" },
    ]);
    expect(lines[1]!.raw.match(/"requestId"/g)).toHaveLength(1);
  });

  it("redact secrets in their own fields too", () => {
    const { logger, lines } = sink();
    logger.child({ apiKey: "k-123", auth: { password: "hunter2" } }).info("x");
    expect(lines[0]!.raw).not.toMatch(/k-123|hunter2/);
    expect(lines[0]!.line).toMatchObject({ apiKey: "[redacted]", auth: { password: "[redacted]" } });
  });
});

describe("secrets never reach a line", () => {
  const SECRETS = ["s3cret-client", "hunter2-pw", "Bearer abc.def", "tok-999", "pk-----", "cookie=yum", "nested-token-in-array"];

  it("redacts keys named like secrets at any depth, in objects and arrays", () => {
    const { logger, lines } = sink();
    logger.info("profile saved", {
      clientSecret: "s3cret-client",
      password: "hunter2-pw",
      headers: { authorization: "Bearer abc.def", Cookie: "cookie=yum", accept: "application/json" },
      token: "tok-999",
      credentials: [{ privateKey: "pk-----" }],
      attempts: [{ target: "adobe", detail: [{ accessToken: "nested-token-in-array" }] }],
      clientId: "visible-client-id",
    });
    const { raw, line } = lines[0]!;
    for (const s of SECRETS) expect(raw).not.toContain(s);
    expect(line).toMatchObject({
      clientSecret: "[redacted]",
      password: "[redacted]",
      headers: { authorization: "[redacted]", Cookie: "[redacted]", accept: "application/json" },
      token: "[redacted]",
      credentials: "[redacted]",
      attempts: [{ target: "adobe", detail: [{ accessToken: "[redacted]" }] }],
      clientId: "visible-client-id",
    });
  });

  it("redacts secrets held inside an error's fields and in formatLogLine", () => {
    const err = Object.assign(new Error("refused"), { code: "E_AUTH", config: { token: "tok-999" } });
    const raw = formatLogLine("error", "x", { error: { err, authorization: "Bearer abc.def" } });
    expect(raw).not.toMatch(/tok-999|abc\.def/);
  });
});

describe("errors", () => {
  it("serialize as name, message and code, not {}", () => {
    const err = Object.assign(new TypeError("fetch failed"), { code: "ECONNREFUSED" });
    const line = JSON.parse(formatLogLine("warn", "send failed", { error: err, nested: { errors: [new RangeError("too big")] } }));
    expect(line.error).toEqual({ name: "TypeError", message: "fetch failed", code: "ECONNREFUSED" });
    expect(line.nested.errors).toEqual([{ name: "RangeError", message: "too big" }]);
  });

  it("carry their stack and cause on error lines only", () => {
    const err = new Error("outer", { cause: Object.assign(new Error("inner"), { code: 42 }) });
    const atError = JSON.parse(formatLogLine("error", "failed", { error: err }));
    expect(atError.error).toMatchObject({
      name: "Error",
      message: "outer",
      stack: expect.stringContaining("Error: outer"),
      cause: { name: "Error", message: "inner", code: 42 },
    });
    const atWarn = JSON.parse(formatLogLine("warn", "failed", { error: err }));
    expect(atWarn.error.stack).toBeUndefined();
    expect(atWarn.error.cause).toEqual({ name: "Error", message: "inner", code: 42 });
  });

  it("survive cycles, bigints, dates and functions", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    const line = JSON.parse(formatLogLine("info", "odd", { a, big: 12n, at: new Date(0), fn: () => 1 }));
    expect(line).toMatchObject({ a: { name: "a", self: "[circular]" }, big: "12", at: "1970-01-01T00:00:00.000Z" });
    expect("fn" in line).toBe(false);
  });
});

describe("request scope", () => {
  it("adds the current request id to lines that do not name one, through awaits", async () => {
    const { logger, parsed } = sink();
    await runWithRequestId("req-scope-1", async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentRequestId()).toBe("req-scope-1");
      logger.info("inside");
      logger.info("own id", { requestId: "req-own-22" });
    });
    logger.info("outside");
    expect(currentRequestId()).toBeUndefined();
    expect(parsed().map((l) => [l.msg, l.requestId])).toEqual([
      ["inside", "req-scope-1"],
      ["own id", "req-own-22"],
      ["outside", undefined],
    ]);
  });
});

describe("the process logger", () => {
  const level = process.env.LOG_LEVEL;
  afterEach(() => {
    process.env.LOG_LEVEL = level;
    vi.restoreAllMocks();
  });

  it("writes info to stdout and warn/error to stderr, one line each", () => {
    process.env.LOG_LEVEL = "info";
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
    log.debug("not at info");
    log.info("to stdout");
    log.warn("to stderr");
    log.error("also stderr");
    vi.restoreAllMocks();
    expect(out.map((l) => JSON.parse(l).msg)).toEqual(["to stdout"]);
    expect(err.map((l) => JSON.parse(l).msg)).toEqual(["to stderr", "also stderr"]);
    expect([...out, ...err].every((l) => l.endsWith("}\n"))).toBe(true);
  });
});
