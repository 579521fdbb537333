import { describe, expect, it } from "vitest";
import { compile, apply } from "@/lib/mapping-engine";
import { rulesFromMappingSet, toMappingSet } from "./data-prep-mapping-set";

const schemaRef = { id: "https://ns.adobe.com/acme/schemas/x", contentType: "application/vnd.adobe.xed-full+json;version=1" };

describe("Data Prep mapping set", () => {
  it("exports attribute, static and expression rules in Data Prep's shape", () => {
    const { set, warnings } = toMappingSet(
      [
        { target: "_id", expression: "sha256(transmissionId)", required: true },
        { target: "eventType", source: "eventType" },
        { target: "identityMap.Email[0].primary", value: true },
        { target: "x.obj", value: { a: 1 } },
      ],
      { schemaRef, name: "Relay mapping v3" },
    );
    expect(set).toEqual({
      name: "Relay mapping v3",
      outputSchema: { schemaRef },
      mappings: [
        { sourceType: "EXPRESSION", source: "sha256(transmissionId)", destination: "_id" },
        { sourceType: "ATTRIBUTE", source: "eventType", destination: "eventType" },
        { sourceType: "STATIC", source: "true", destination: "identityMap.Email[0].primary" },
      ],
    });
    expect(warnings).toHaveLength(2);
  });

  // help/data-prep/mapping-set.md: "Sample JSON file" → "Sample mapping" → "Transformed data", per source type.
  it("reads the documented mappings back and the engine produces the documented transformed data", () => {
    const doc = {
      outputSchema: { schemaRef },
      mappings: [
        { source: "CUSTOMER", destination: "userType", sourceType: "STATIC" },
        { source: "customerInfo.name", destination: "name", sourceType: "ATTRIBUTE" },
        { source: "concat(upper(lastName), upper(firstName))", destination: "pi.created", sourceType: "EXPRESSION" },
      ],
    };
    const r = rulesFromMappingSet(doc);
    if (!r.ok) throw new Error(r.error);
    const out = apply(compile(r.rules), { firstName: "John", lastName: "Smith", customerInfo: { name: "John Smith" } }).output;
    expect(out).toEqual({ userType: "CUSTOMER", name: "John Smith", pi: { created: "SMITHJOHN" } });
  });

  it("refuses a malformed set", () => {
    expect(rulesFromMappingSet({ mappings: [] })).toMatchObject({ ok: false });
    expect(rulesFromMappingSet({ mappings: [{ sourceType: "SQL", source: "a", destination: "b" }] })).toMatchObject({ ok: false });
  });
});
