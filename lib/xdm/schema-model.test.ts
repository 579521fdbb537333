import { describe, expect, it } from "vitest";
import { buildDefaultRainFocusSchema } from "./default-schema";
import { defaultSchemaModel } from "./default-model";
import { RAINFOCUS_FIELDS, normalizeTenantId } from "./rainfocus-fields";
import { buildSchemaModel } from "./schema-model";
import { listFields, nodeAt, targetTypeResolver } from "./tree";
import { parsePath } from "@/lib/mapping-engine/path";

describe("schema model", () => {
  it("builds the default RainFocus schema under the tenant namespace", () => {
    const m = defaultSchemaModel("acme");
    expect(m.tenantId).toBe("acme");
    expect(m.warnings).toEqual([]);
    const paths = listFields(m, true).map((f) => f.path);
    for (const f of RAINFOCUS_FIELDS) expect(paths).toContain(f.xdm.replace("{tenant}", "_acme"));
    expect(paths).toEqual(expect.arrayContaining(["_id", "timestamp", "eventType", "identityMap"]));
    const email = nodeAt(m, parsePath("_acme.attendee.email"))!;
    expect(email).toMatchObject({ type: "string", identity: { namespace: "Email", primary: true } });
    expect(nodeAt(m, parsePath("_acme.session.length"))).toMatchObject({ type: "integer", xdmType: "int", minimum: -2147483648 });
    expect(nodeAt(m, parsePath("_acme.sessiontime.startTime"))).toMatchObject({ format: "date-time" });
    expect(m.root.properties!.find((p) => p.name === "_id")!.required).toBe(true);
    expect(buildDefaultRainFocusSchema("_globex").$id).toBe("https://ns.adobe.com/globex/schemas/rainfocus-experience-event");
    expect(() => normalizeTenantId("bad tenant")).toThrow(/invalid AEP tenant id/);
  });
  it("reads inline (xed-full) exports with meta:xdmType, arrays and maps", () => {
    const m = buildSchemaModel({
      $id: "https://ns.adobe.com/acme/schemas/x",
      title: "X",
      type: "object",
      properties: {
        _acme: {
          type: "object",
          properties: {
            score: { type: "integer", "meta:xdmType": "long" },
            born: { type: "string", "meta:xdmType": "date" },
            tags: { type: "array", items: { type: "object", properties: { id: { type: "string", title: "Tag id" } } } },
          },
        },
        attrs: { type: "object", "meta:xdmType": "map", additionalProperties: { type: "string" } },
      },
      required: ["_acme"],
    });
    expect(m.title).toBe("X");
    expect(nodeAt(m, parsePath("_acme.score"))).toMatchObject({ type: "integer", maximum: 9007199254740991 });
    expect(nodeAt(m, parsePath("_acme.tags[0].id"))).toMatchObject({ title: "Tag id", path: "_acme.tags[*].id" });
    expect(nodeAt(m, parsePath("attrs.anything"))).toMatchObject({ type: "string" });
    const resolve = targetTypeResolver(m);
    expect(resolve(parsePath("_acme.born"))).toBe("date");
    expect(resolve(parsePath("_acme.tags"))).toBe("array");
    expect(resolve(parsePath("nope"))).toBeUndefined();
  });
  it("resolves allOf + $ref into definitions, deep-merging field groups, and warns on external refs", () => {
    const m = buildSchemaModel({
      type: "object",
      definitions: {
        a: { properties: { _t: { type: "object", properties: { x: { type: "string" } } } } },
        b: { $id: "https://ns.adobe.com/t/mixins/b", properties: { _t: { type: "object", properties: { y: { type: "number" } } } } },
      },
      allOf: [{ $ref: "#/definitions/a" }, { $ref: "https://ns.adobe.com/t/mixins/b" }, { $ref: "https://ns.adobe.com/xdm/context/profile" }],
    });
    expect(listFields(m, true).map((f) => f.path)).toEqual(["_t.x", "_t.y"]);
    expect(m.warnings[0]).toContain("unresolved $ref https://ns.adobe.com/xdm/context/profile");
  });
  it("drops patterns that could backtrack catastrophically", () => {
    const m = buildSchemaModel({ type: "object", properties: { s: { type: "string", pattern: "^(a+)+$" } } });
    expect(m.warnings[0]).toContain("pattern on s ignored");
    expect(nodeAt(m, parsePath("s"))!.pattern).toBeUndefined();
  });
  it("refuses non-object schemas", () => {
    expect(() => buildSchemaModel("[]")).toThrow(/JSON object/);
    expect(() => buildSchemaModel({ type: "string" })).toThrow(/root must be an object/);
  });
});
