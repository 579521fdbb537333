import { describe, expect, it } from "vitest";
import { aepTransmissionId, exitedOnly, profilesOf } from "./aep-profile";

const p = {
  identityMap: { email_lc_sha256: [{ id: "ab12" }] },
  attributes: { firstName: { value: "Ann" }, email: "ann@example.com" },
  segmentMembership: { ups: { s1: { status: "realized", lastQualificationTime: "2026-01-01T00:00:00Z" } } },
};

describe("AEP destination profiles", () => {
  it("derives the same id for the same state, whatever the key order", () => {
    const reordered = {
      segmentMembership: p.segmentMembership,
      attributes: { email: "ann@example.com", firstName: { value: "Ann" } },
      identityMap: p.identityMap,
    };
    expect(aepTransmissionId(reordered)).toBe(aepTransmissionId(p));
    expect(aepTransmissionId(p)).toMatch(/^aep-[0-9a-f]{64}$/);
  });

  it("derives a new id when anything changes", () => {
    expect(aepTransmissionId({ ...p, attributes: { ...p.attributes, firstName: { value: "Anne" } } })).not.toBe(aepTransmissionId(p));
    expect(aepTransmissionId({ ...p, segmentMembership: { ups: { s1: { status: "exited" } } } })).not.toBe(aepTransmissionId(p));
  });

  it("recognises exit-only profiles", () => {
    expect(exitedOnly(p)).toBe(false);
    expect(exitedOnly({ segmentMembership: { ups: { a: { status: "exited" }, b: { status: "exited" } } } })).toBe(true);
    expect(exitedOnly({ segmentMembership: { ups: { a: { status: "exited" }, b: { status: "existing" } } } })).toBe(false);
    expect(exitedOnly({ attributes: {} })).toBe(false);
  });

  it("reads aggregated and single-profile bodies and refuses other shapes", () => {
    expect(profilesOf({ profiles: [p] })).toEqual([p]);
    expect(profilesOf({ person: { name: { firstName: "A" } } })).toEqual([{ person: { name: { firstName: "A" } } }]);
    expect(profilesOf({ profile: p })).toEqual([p]);
    expect(profilesOf([p])).toMatch(/JSON object/);
    expect(profilesOf({ profiles: [1] })).toMatch(/profiles\[0\]/);
    expect(profilesOf({ profiles: [{ attributes: [] }] })).toMatch(/attributes/);
  });
});
