import { describe, expect, it } from "vitest";
import { PUSH_TYPES, generatePushEvent, PUSH_TYPE_NAMES } from "@/lib/push-types/catalog";
import { buildDefaultRainFocusSchema, buildSchemaModel, defaultSchemaModel, RAINFOCUS_FIELDS } from "@/lib/xdm";
import { validateXdm } from "@/lib/xdm/validator";
import { apply } from "./apply";
import { compileExpression } from "./compile-expression";
import { defaultDestinationMapping, defaultSourceMapping, DESTINATION_IDENTITY_EXPRESSION, RAINFOCUS_ATTENDEE_FIELDS } from "./default-mappings";
import { sha256Hex } from "./hash/sha256";
import { compileForSchema, mapAndValidate, MappingPreviewInputSchema, previewMapping } from "./preview";
import { suggestMappings } from "./suggest";

const model = defaultSchemaModel("acme");
const source = compileForSchema(defaultSourceMapping("acme"), model);

describe("default SOURCE mapping", () => {
  it("produces schema-valid XDM for every catalog sample", () => {
    for (const p of PUSH_TYPES) {
      const { output, errors } = apply(source, p.samplePayload);
      expect(errors, p.name).toEqual([]);
      expect(validateXdm(model, output), p.name).toEqual([]);
      expect(Date.parse(output.timestamp as string)).toBeLessThan(Date.now());
    }
  });
  it("stays valid across many generated events", () => {
    for (let i = 0; i < 300; i++) {
      const p = generatePushEvent(PUSH_TYPE_NAMES[i % PUSH_TYPE_NAMES.length], i * 7919);
      const r = mapAndValidate(source, model, p);
      expect(r.errors, String(i)).toEqual([]);
      expect(r.validation, String(i)).toEqual([]);
    }
  });
  it("maps every documented payload field and the ExperienceEvent essentials", () => {
    const p = PUSH_TYPES.find((t) => t.name === "SessionScheduled")!.samplePayload;
    const { output } = apply(source, p);
    const targets = defaultSourceMapping("acme").map((r) => r.target);
    for (const f of RAINFOCUS_FIELDS) expect(targets, f.source).toContain(f.xdm.replace("{tenant}", "_acme"));
    expect(output._id).toBe(sha256Hex(p.transmissionId));
    expect(output._id).toMatch(/^[0-9a-f]{64}$/); // uri-reference safe
    expect(output.timestamp).toBe("2023-04-01T00:41:57.000Z");
    expect(output.eventType).toBe("SessionScheduled");
    expect(output.identityMap).toEqual({ Email: [{ id: p.attendee.email, primary: true, authenticatedState: "ambiguous" }] });
    const t = output._acme as Record<string, Record<string, unknown>>;
    expect(t.sessiontime.startTime).toBe(p.sessiontime!.startTime.replace(" ", "T") + ".000Z");
    expect(t.session.length).toBe(p.session!.length);
  });
  it("flags a missing email and a bad session time without dropping the rest", () => {
    const p = structuredClone(PUSH_TYPES[3].samplePayload) as Record<string, any>;
    delete p.attendee.email;
    p.sessiontime.startTime = "22/03/2023";
    const r = mapAndValidate(source, model, p);
    expect(r.errors.map((e) => e.target)).toEqual(["identityMap.Email[0].id", "_acme.sessiontime.startTime"]);
    expect(r.validation.map((v) => v.pointerToViolation)).toContain("#/identityMap/Email/0");
    expect((r.output._acme as any).session.code).toBe(p.session.code);
  });
});

describe("default DESTINATION mapping", () => {
  const profile = {
    segmentMembership: { ups: { "seg-1": { lastQualificationTime: "2024-12-01T10:00:00Z", status: "realized" } } },
    identityMap: { email_lc_sha256: [{ id: sha256Hex("ada.lovelace@example.com") }] },
    attributes: {
      firstName: { value: "Ada" },
      lastName: { value: "Lovelace" },
      email: { value: " Ada.Lovelace@Example.com " },
      companyName: { value: "Analytical Engines" },
      jobTitle: { value: "Programmer" },
      phone: { value: "+44 20 7946 0000" },
      address1: { value: "12 St James's Square" },
      address2: { value: "Floor 2" },
      city: { value: "London" },
      state: { value: "ENG" },
      zip: { value: "SW1Y 4LB" },
      countryCode: "gb",
    },
  };
  it("produces the twelve RainFocus attendee fields", () => {
    const rules = defaultDestinationMapping();
    expect(rules.map((r) => r.target)).toEqual([...RAINFOCUS_ATTENDEE_FIELDS]);
    const r = previewMapping({ rules, payload: profile });
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual({
      address1: "12 St James's Square",
      address2: "Floor 2",
      city: "London",
      companyname: "Analytical Engines",
      countryid: "GB",
      email: "ada.lovelace@example.com",
      firstname: "Ada",
      lastname: "Lovelace",
      jobtitle: "Programmer",
      phone: "+44 20 7946 0000",
      state: "ENG",
      zip: "SW1Y 4LB",
    });
  });
  it("email_lc_sha256 = sha256(lower(trim(email))) matches the profile identity", () => {
    const out = previewMapping({ rules: defaultDestinationMapping(), payload: profile }).output;
    expect(compileExpression(DESTINATION_IDENTITY_EXPRESSION).evaluate({ email: profile.attributes.email.value }, [])).toBe(
      profile.identityMap.email_lc_sha256[0].id,
    );
    expect(sha256Hex(out.email as string)).toBe(profile.identityMap.email_lc_sha256[0].id);
  });
  it("requires an email", () => {
    const r = previewMapping({ rules: defaultDestinationMapping(), payload: { attributes: { firstname: "A" } } });
    expect(r.output).toEqual({ firstname: "A" });
    expect(r.errors).toEqual([{ target: "email", message: "required field is empty" }]);
  });
});

describe("previewMapping", () => {
  const payload = PUSH_TYPES[0].samplePayload as unknown as Record<string, unknown>;
  it("equals compile + apply + validate (the worker path)", () => {
    const rules = defaultSourceMapping("acme");
    const preview = previewMapping({ rules, payload, tenantId: "acme" });
    const worker = mapAndValidate(compileForSchema(rules, model), model, JSON.stringify(payload));
    expect(preview).toEqual(worker);
    const withSchema = previewMapping({ rules, payload, schema: buildDefaultRainFocusSchema("acme") });
    expect(withSchema).toEqual(worker);
  });
  it("reports validation in Adobe's shape", () => {
    const r = previewMapping({
      rules: [
        { target: "_id", value: "1:x" },
        { target: "foo", value: 1 },
      ],
      payload: {},
      tenantId: "acme",
    });
    expect(r.validation).toEqual(
      expect.arrayContaining([
        { pointerToViolation: "#", keyword: "required", message: expect.stringContaining("timestamp") },
        { pointerToViolation: "#", keyword: "additionalProperties", message: "extraneous key [foo] is not permitted" },
      ]),
    );
    expect(r.validation.length).toBeLessThanOrEqual(5);
  });
  it("turns compile errors, bad payloads and bad schemas into errors instead of throwing", () => {
    expect(previewMapping({ rules: [{ target: "a", expression: "bogus(x)" }], payload: {} }).errors[0].message).toContain("unknown function 'bogus'");
    expect(previewMapping({ rules: [], payload: "[".repeat(70) + "]".repeat(70) }).errors[0]).toEqual({
      target: "(payload)",
      message: expect.stringContaining("deeper than 64"),
    });
    expect(previewMapping({ rules: [], payload: {}, schema: { type: "string" } }).errors[0].target).toBe("(schema)");
    expect(previewMapping({ rules: [{ target: "a", value: 1 }], payload: {} })).toEqual({ output: { a: 1 }, errors: [], validation: [] });
    // One bad rule nulls only its own field; the others still map (issue 16).
    const partial = previewMapping({
      rules: [
        { target: "a", expression: "bogus(x)" },
        { target: "b", value: 2 },
        { target: "c", expression: "upper(n)" },
      ],
      payload: { n: "x" },
    });
    expect(partial.output).toEqual({ b: 2, c: "X" });
    expect(partial.errors).toEqual([{ target: "a", message: expect.stringContaining("unknown function 'bogus'") }]);
  });
  it("has a zod input schema for the route", () => {
    expect(MappingPreviewInputSchema.safeParse({ rules: [{ target: "a", source: "b" }], payload: {}, tenantId: "acme" }).success).toBe(true);
    expect(MappingPreviewInputSchema.safeParse({ rules: [{ target: "a", source: "b", value: 1 }], payload: {} }).success).toBe(false);
    expect(MappingPreviewInputSchema.safeParse({ rules: [{ target: "a" }], payload: {} }).success).toBe(false);
    expect(MappingPreviewInputSchema.safeParse({ rules: [], payload: {}, tenantId: "bad tenant!" }).success).toBe(false);
    expect(MappingPreviewInputSchema.safeParse({ rules: [], payload: 5 }).success).toBe(false);
  });
});

describe("suggestMappings", () => {
  it("proposes the documented fields with high confidence and compatible types", () => {
    const sample = PUSH_TYPES.find((t) => t.name === "SessionScheduled")!.samplePayload;
    const s = suggestMappings(sample, model);
    const byTarget = new Map(s.map((x) => [x.source, x]));
    expect(byTarget.get("attendee.email")).toMatchObject({ target: "_acme.attendee.email" });
    expect(byTarget.get("attendee.email")!.confidence).toBe(1);
    expect(byTarget.get("session.externalId")!.target).toBe("_acme.session.externalId");
    expect(byTarget.get("sessiontime.startTime")!.target).toBe("_acme.sessiontime.startTime");
    expect(byTarget.get("timestamp")!.target).toBe("timestamp");
    expect(byTarget.get("session.length")!.reason).toContain("integer");
    for (const x of s) {
      expect(x.confidence).toBeGreaterThan(0);
      expect(x.confidence).toBeLessThanOrEqual(1);
    }
    expect(new Set(s.map((x) => x.target)).size).toBe(s.length);
  });
  it("uses name similarity and skips incompatible types", () => {
    const m = buildSchemaModel({
      type: "object",
      properties: { _t: { type: "object", properties: { firstName: { type: "string" }, isVip: { type: "boolean" }, score: { type: "integer" } } } },
    });
    const s = suggestMappings({ first_name: "Ada", vip: "yes", score: { nested: true }, items: [{ id: 1 }] }, m);
    expect(s.find((x) => x.source === "first_name")).toMatchObject({ target: "_t.firstName", confidence: expect.any(Number) });
    expect(s.find((x) => x.source === "score")).toBeUndefined();
  });
});
