import { describe, expect, it } from "vitest";
import { diffJson } from "./xdm-diff";

describe("XDM field diff", () => {
  it("lists added, removed and changed leaves with their paths", () => {
    const before = { _id: "a", _t: { attendee: { email: "x@y.z", id: "1" } }, identityMap: { Email: [{ id: "x" }] } };
    const after = { _id: "a", _t: { attendee: { email: "X@Y.Z", company: "Acme" } }, identityMap: { Email: [{ id: "x" }, { id: "y" }] } };
    expect(diffJson(before, after)).toEqual([
      { path: "_t.attendee.company", kind: "added", after: "Acme" },
      { path: "_t.attendee.email", kind: "changed", before: "x@y.z", after: "X@Y.Z" },
      { path: "_t.attendee.id", kind: "removed", before: "1" },
      { path: "identityMap.Email[1]", kind: "added", after: { id: "y" } },
    ]);
  });

  it("is empty for equal documents and treats a missing side as added", () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffJson(undefined, { a: 1 })).toEqual([{ path: "", kind: "added", after: { a: 1 } }]);
  });
});
