import { describe, expect, it } from "vitest";
import { sampleFields } from "./sample-fields";
import { diffRules, summarizeChanges } from "./diff";

describe("sampleFields", () => {
  it("lists nested fields with types, examples and array element shapes", () => {
    const fields = sampleFields({ attendee: { email: "a@b.c", age: 3 }, items: [{ id: 1 }, { id: 2, name: "x" }], "odd.key": true });
    const byPath = Object.fromEntries(fields.map((f) => [f.path, f]));
    expect(byPath.attendee).toMatchObject({ type: "object", leaf: false, depth: 0 });
    expect(byPath["attendee.email"]).toMatchObject({ type: "string", example: "a@b.c", parent: "attendee", depth: 1 });
    expect(byPath["attendee.age"].type).toBe("integer");
    expect(byPath.items.type).toBe("array");
    expect(byPath["items[*]"]).toMatchObject({ type: "object", parent: "items" });
    expect(byPath["items[*].id"]).toMatchObject({ type: "integer", parent: "items[*]" });
    expect(byPath["items[*].name"]).toBeDefined();
    expect(fields.some((f) => f.name === "odd.key" && f.path !== "odd.key")).toBe(true);
  });
});

describe("diffRules", () => {
  it("reports added, removed and changed rules by target", () => {
    const changes = diffRules(
      [
        { target: "a", source: "x" },
        { target: "b", source: "y" },
        { target: "c", value: 1 },
      ],
      [
        { target: "a", source: "x" },
        { target: "b", expression: "lower(y)" },
        { target: "d", source: "z" },
      ],
    );
    expect(changes.map((c) => `${c.target}:${c.kind}`)).toEqual(["a:same", "b:changed", "c:removed", "d:added"]);
    expect(summarizeChanges(changes)).toEqual({ added: 1, removed: 1, changed: 1 });
  });
});
