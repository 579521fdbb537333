import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor, Role } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { GET as meGET } from "@/app/api/v1/me/route";
import { GET as deliveryGET } from "@/app/api/v1/deliveries/[id]/route";
import { createActors } from "../support/actors";

// Structured logs for the REST API: every /api/v1 request handled by apiRoute gets a request id
// (a caller's well-formed X-Request-Id is kept), answers it as X-Request-Id, and is logged with one
// line — method, path, status, duration, actor — carrying that id; so is each action it runs and
// any failure. Never the query string, the body or the credentials.

// Auth.js cannot load outside Next: the session module is replaced by a lookup of the test actor
// named in a header (the route code under test is the same).
const actors: Partial<Record<Role, Actor>> = {};
vi.mock("@/lib/auth/session", () => ({
  getRequestActor: async (request: Request) => actors[request.headers.get("x-test-actor") as Role] ?? null,
  getActor: async () => null,
  currentIp: async () => null,
}));

type Line = Record<string, any>;

/** Captures the JSON lines written to stdout and stderr while `fn` runs. */
async function captureLines<T>(fn: () => Promise<T>): Promise<{ result: T; lines: Line[]; raw: string }> {
  const chunks: string[] = [];
  const grab = (chunk: unknown) => (chunks.push(String(chunk)), true);
  const out = vi.spyOn(process.stdout, "write").mockImplementation(grab);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(grab);
  let result: T;
  try {
    result = await fn();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const raw = chunks.join("");
  return {
    result,
    raw,
    lines: raw
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Line),
  };
}

const call = (
  handler: (r: Request, c: { params: Promise<any> }) => Promise<Response>,
  url: string,
  headers: Record<string, string> = {},
  params: object = {},
) => handler(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve(params) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("/api/v1 request ids and request logs", () => {
  const level = process.env.LOG_LEVEL;
  beforeAll(async () => {
    Object.assign(actors, await createActors(`reqlog-${Date.now()}`));
  });
  afterEach(() => void (process.env.LOG_LEVEL = level));

  it("keeps a caller's X-Request-Id, answers it and logs one request line with it (no query string, no credentials)", async () => {
    process.env.LOG_LEVEL = "info";
    const requestId = "caller-trace-0001";
    const {
      result: res,
      lines,
      raw,
    } = await captureLines(() =>
      call(meGET, "/api/v1/me?access_token=qs-secret-123", { "x-test-actor": "OPS", "X-Request-Id": requestId, authorization: "Bearer relay_hdr-secret-456" }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(requestId);
    const requestLines = lines.filter((l) => l.msg === "api request");
    expect(requestLines).toEqual([
      expect.objectContaining({
        level: "info",
        requestId,
        method: "GET",
        path: "/api/v1/me",
        status: 200,
        durationMs: expect.any(Number),
        actorId: actors.OPS!.id,
        role: "OPS",
        via: "session",
        pid: process.pid,
        time: expect.any(String),
      }),
    ]);
    expect(raw).not.toMatch(/qs-secret-123|hdr-secret-456|access_token/);
  });

  it("makes an id when the caller has none or a malformed one, and logs refusals as warnings", async () => {
    process.env.LOG_LEVEL = "info";
    const { result: res, lines } = await captureLines(() => call(meGET, "/api/v1/me", { "X-Request-Id": "not a valid id!" }));
    expect(res.status).toBe(401);
    const requestId = res.headers.get("x-request-id")!;
    expect(requestId).toMatch(UUID);
    const line = lines.find((l) => l.msg === "api request");
    expect(line).toMatchObject({ level: "warn", requestId, status: 401, path: "/api/v1/me", method: "GET" });
    expect(line).not.toHaveProperty("actorId");

    const forbidden = await captureLines(() =>
      call(
        apiRoute(ENDPOINTS.listUsers, async () => Response.json({})),
        "/api/v1/users",
        { "x-test-actor": "QA" },
      ),
    );
    expect(forbidden.result.status).toBe(403);
    expect(forbidden.lines.find((l) => l.msg === "api request")).toMatchObject({
      level: "warn",
      status: 403,
      actorId: actors.QA!.id,
      role: "QA",
      requestId: forbidden.result.headers.get("x-request-id"),
    });
  });

  it("logs the actions a request runs under the request's id", async () => {
    process.env.LOG_LEVEL = "info";
    const { result: res, lines } = await captureLines(() =>
      call(deliveryGET, "/api/v1/deliveries/no-such-delivery", { "x-test-actor": "AUDITOR", "X-Request-Id": "caller-trace-0002" }, { id: "no-such-delivery" }),
    );
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toBe("caller-trace-0002");
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "info",
        msg: "action",
        requestId: "caller-trace-0002",
        action: "deliveries.get",
        actorId: actors.AUDITOR!.id,
        role: "AUDITOR",
        outcome: "invalid",
        code: "not_found",
        durationMs: expect.any(Number),
      }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ msg: "api request", requestId: "caller-trace-0002", status: 404 }));
  });

  it("answers an unexpected failure with a 500 whose body and header carry the id that the error line has", async () => {
    // At the default test level (error) only the failure is written.
    process.env.LOG_LEVEL = "error";
    const failing = apiRoute(ENDPOINTS.me, async () => {
      throw Object.assign(new Error("database went away"), { code: "P1001", config: { password: "pw-in-error-789" } });
    });
    const { result: res, lines, raw } = await captureLines(() => call(failing, "/api/v1/boom?x=1", { "x-test-actor": "ADMIN" }));
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id")!;
    expect(requestId).toMatch(UUID);
    expect(await res.json()).toEqual({ error: { code: "error", message: "Internal error.", requestId } });
    expect(lines).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "route failed",
        requestId,
        method: "GET",
        path: "/api/v1/boom",
        error: expect.objectContaining({ name: "Error", message: "database went away", code: "P1001" }),
      }),
    ]);
    expect(raw).not.toContain("pw-in-error-789");
  });
});
