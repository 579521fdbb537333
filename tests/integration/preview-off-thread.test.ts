import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor, Role } from "@/lib/auth/roles";
import { GET as healthGET } from "@/app/api/health/route";
import { POST as previewPOST } from "@/app/api/v1/mapping/preview/route";
import { stopPreviewPool } from "@/lib/mappings/preview-pool";
import { MAX_SCHEMA_PROPERTIES } from "@/lib/xdm/schema-model";
import { createActors } from "../support/actors";

// Issue 16: one preview must not stall the server. The preview runs on a worker thread
// (lib/mapping-engine/preview-pool.ts), so /api/health answers while a heavy preview — the issue's
// 2,000 hashing rules over 64 KB strings — is still computing; oversized schemas are refused.

const actors: Partial<Record<Role, Actor>> = {};
vi.mock("@/lib/auth/session", () => ({
  getRequestActor: async (request: Request) => actors[request.headers.get("x-test-actor") as Role] ?? null,
  getActor: async () => null,
  currentIp: async () => null,
}));

const preview = (body: unknown, role: Role = "AUDITOR") =>
  previewPOST(
    new Request("http://localhost/api/v1/mapping/preview", {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-actor": role, origin: "http://localhost", host: "localhost" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

describe("mapping preview off the request event loop", () => {
  afterAll(() => stopPreviewPool());
  beforeAll(async () => {
    Object.assign(actors, await createActors(`preview-thread-${Date.now()}`));
    // Warm the worker thread (it loads the engine through tsx once).
    expect((await preview({ rules: [{ target: "a", value: 1 }], payload: {} })).status).toBe(200);
  }, 60_000);

  it("answers /api/health while a heavy preview is running", async () => {
    const rules = Array.from({ length: 2000 }, (_, k) => ({ target: `h${k}`, expression: `sha256(rpad(s, 65536, "${k % 10}"))` }));
    let previewFinished = false;
    const heavy = preview({ rules, payload: { s: "x" } }).then((r) => {
      previewFinished = true;
      return r;
    });
    // Let the request body be read and the job be handed to the worker thread.
    await new Promise((r) => setTimeout(r, 50));
    const health = await healthGET();
    expect(health.status).toBe(200);
    expect(previewFinished).toBe(false); // health did not wait for the preview
    const res = await heavy;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body.output)).toHaveLength(2000);
    expect(body.output.h0).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  it("refuses schemas over the property cap with a clear error, and caps built strings", async () => {
    const properties = Object.fromEntries(Array.from({ length: MAX_SCHEMA_PROPERTIES + 1 }, (_, k) => [`f${k}`, { type: "string" }]));
    const res = await preview({ rules: [{ target: "f1", value: "x" }], payload: {}, schema: { type: "object", properties } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.errors[0]).toEqual({ target: "(schema)", message: expect.stringContaining(`more than ${MAX_SCHEMA_PROPERTIES} fields`) });

    const grow = await (
      await preview({
        rules: [
          { target: "big", expression: 'replacestr(rpad(s, 65536, "a"), "a", "aaaaaaaaaaaaaaaa")' },
          { target: "ok", value: 1 },
        ],
        payload: { s: "" },
      })
    ).json();
    expect(grow.output).toEqual({ ok: 1 });
    expect(grow.errors).toEqual([{ target: "big", message: expect.stringContaining("longer than") }]);
  }, 60_000);

  it("stops a preview that needs too much memory with a clear error; the next preview works", async () => {
    await stopPreviewPool();
    process.env.PREVIEW_MAX_HEAP_MB = "64"; // read when the thread starts
    try {
      const rules = Array.from({ length: 600 }, (_, k) => ({ target: `f${k}`, expression: `rpad(s, 262144, "${k % 10}")` }));
      const res = await preview({ rules, payload: { s: "a" } });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toEqual({ code: "too_costly", message: expect.stringContaining("needed more than 64 MB") });
      expect((await preview({ rules: [{ target: "a", value: 1 }], payload: {} })).status).toBe(200);
    } finally {
      delete process.env.PREVIEW_MAX_HEAP_MB;
      await stopPreviewPool();
    }
  }, 60_000);

  it("stops a preview that runs past the time cap with a clear error", async () => {
    process.env.PREVIEW_TIMEOUT_MS = "300";
    try {
      const rules = Array.from({ length: 2000 }, (_, k) => ({ target: `h${k}`, expression: `sha512(rpad(s, 65536, "${k % 10}"))` }));
      const res = await preview({ rules, payload: { s: "x" } });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toEqual({ code: "too_costly", message: expect.stringContaining("longer than 0.3 s") });
    } finally {
      delete process.env.PREVIEW_TIMEOUT_MS;
      await stopPreviewPool();
    }
    expect((await preview({ rules: [{ target: "a", value: 1 }], payload: {} })).status).toBe(200);
  }, 60_000);
});
