import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define-action";
import * as M from "@/lib/mappings/action-defs";
import { compileForSchema, defaultSourceMapping, mapPreview, MAX_PAYLOAD_BYTES } from "@/lib/mapping-engine";
import { mapAndValidate, previewMapping } from "@/lib/mapping-engine/preview";
import { stopPreviewPool } from "@/lib/mappings/preview-pool";
import { defaultSchemaModel } from "@/lib/xdm";
import { PUSH_TYPES } from "@/lib/push-types/catalog";
import { ROLES, type Actor, type Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// The mapping editor maps in the browser (mapPreview, no ajv) and asks validateMappingOutputAction
// for the XDM check: together they must say what previewMapping and the worker's mapAndValidate say.

const payload = PUSH_TYPES.find((p) => p.name === "SessionScheduled")!.samplePayload as unknown as Record<string, unknown>;

describe("the mapping editor's server-side XDM check", () => {
  afterAll(() => stopPreviewPool()); // the check runs on the preview worker thread
  let actors: Record<Role, Actor>;
  beforeAll(async () => {
    actors = await createActors("xdm-check");
  });

  it("reports what the worker's path reports for a bad output, for every role", async () => {
    // No timestamp, and an object where the schema has a string.
    const rules = [
      ...defaultSourceMapping("acme").filter((r) => r.target !== "timestamp" && r.target !== "_acme.session.title"),
      { target: "_acme.session.title", source: "session" },
    ];
    const mapped = mapPreview({ rules, payload, tenantId: "acme" });
    expect(mapped.model?.hash).toBe(defaultSchemaModel("acme").hash);

    const worker = mapAndValidate(compileForSchema(rules, defaultSchemaModel("acme")), defaultSchemaModel("acme"), payload);
    expect(mapped.output).toEqual(worker.output);
    expect(worker.validation.length).toBeGreaterThan(0);
    for (const role of ROLES) {
      const r = await executeAction(M.validateMappingOutputDef, actors[role], { output: mapped.output, tenantId: "acme" });
      expect(r, role).toEqual({ ok: true, data: { validation: worker.validation } });
    }
    expect(previewMapping({ rules, payload, tenantId: "acme" }).validation).toEqual(worker.validation);
    const messages = worker.validation.map((v) => `${v.pointerToViolation} ${v.message}`).join("\n");
    expect(messages).toContain("required key [timestamp] not found");
    expect(messages).toContain("#/_acme/session/title expected type: String, found: JSONObject");
  });

  it("finds nothing wrong with the default mapping's output", async () => {
    const mapped = mapPreview({ rules: defaultSourceMapping("acme"), payload, tenantId: "acme" });
    expect(await executeAction(M.validateMappingOutputDef, actors.QA, { output: mapped.output, tenantId: "acme" })).toEqual({
      ok: true,
      data: { validation: [] },
    });
  });

  it("checks against an uploaded schema, which wins over the tenant default", async () => {
    const schema = {
      type: "object",
      properties: { _id: { type: "string" }, timestamp: { type: "string", format: "date-time" }, count: { type: "integer" } },
      required: ["_id", "timestamp"],
    };
    const r = await executeAction(M.validateMappingOutputDef, actors.AUDITOR, {
      output: { _id: "1", timestamp: "2024-01-01T00:00:00Z", count: "x" },
      schema,
      tenantId: "acme",
    });
    expect(r).toMatchObject({
      ok: true,
      data: { validation: [{ pointerToViolation: "#/count", keyword: "type", message: "expected type: Integer, found: String" }] },
    });
    const unusable = await executeAction(M.validateMappingOutputDef, actors.OPS, { output: { a: 1 }, schema: { type: "string" } });
    expect(unusable).toMatchObject({ ok: false, code: "invalid" });
    if (!unusable.ok) expect(unusable.error).toMatch(/^The XDM schema is not usable: /);
  });

  it("refuses an output over AEP's 1 MB record limit, or too deep, with a clear error", async () => {
    const big = await executeAction(M.validateMappingOutputDef, actors.OPS, { output: { _id: "1", blob: "x".repeat(MAX_PAYLOAD_BYTES) }, tenantId: "acme" });
    expect(big).toMatchObject({ ok: false, code: "invalid" });
    if (!big.ok)
      expect(big.error).toBe(
        "The mapped output is larger than 1 MB, the most AEP takes per record (it is 1 MB rounded), so it is neither checked nor sendable.",
      );
    // Multi-byte characters count as the bytes they are sent as.
    const wide = await executeAction(M.validateMappingOutputDef, actors.OPS, { output: { blob: "é".repeat(MAX_PAYLOAD_BYTES / 2) }, tenantId: "acme" });
    expect(wide).toMatchObject({
      ok: false,
      code: "invalid",
      error: expect.stringMatching(/^The mapped output is larger than 1 MB, the most AEP takes per record/),
    });

    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 70; i++) deep = (deep.a = {}) as Record<string, unknown>;
    const nested = await executeAction(M.validateMappingOutputDef, actors.OPS, { output: root, tenantId: "acme" });
    // Every server action now refuses input nested deeper than 64 levels before it runs (the same
    // rule as the REST routes), so the refusal comes from that guard, not from the output check.
    expect(nested).toMatchObject({ ok: false, code: "invalid", error: "The input nests arrays and objects more than 64 levels deep." });
  });

  it("refuses a request with nothing to check against, or without a session", async () => {
    expect(await executeAction(M.validateMappingOutputDef, actors.OPS, { output: {} })).toMatchObject({
      ok: false,
      code: "invalid",
      error: "Give the uploaded XDM schema or the tenant id to check against.",
    });
    expect(await executeAction(M.validateMappingOutputDef, actors.OPS, { output: [], tenantId: "acme" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await executeAction(M.validateMappingOutputDef, null, { output: {}, tenantId: "acme" })).toMatchObject({ ok: false, code: "unauthorized" });
  });
});
