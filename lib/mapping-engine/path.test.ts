import { describe, expect, it } from "vitest";
import { compileGetter, compileLengthAt } from "./accessors";
import { MappingSyntaxError } from "./errors";
import { formatPath, parsePath } from "./path";

describe("parsePath", () => {
  it("parses dots, indexes and wildcards", () => {
    expect(parsePath("attendee.email")).toEqual([
      { kind: "key", key: "attendee" },
      { kind: "key", key: "email" },
    ]);
    expect(parsePath("items[0].id")).toEqual([
      { kind: "key", key: "items" },
      { kind: "index", index: 0 },
      { kind: "key", key: "id" },
    ]);
    expect(parsePath("items[*].id")).toEqual([{ kind: "key", key: "items" }, { kind: "wildcard" }, { kind: "key", key: "id" }]);
    expect(parsePath("m[1][2]")).toEqual([
      { kind: "key", key: "m" },
      { kind: "index", index: 1 },
      { kind: "index", index: 2 },
    ]);
  });
  it("supports ${…} escapes and \\. literal dots", () => {
    expect(parsePath("${First Name}")).toEqual([{ kind: "key", key: "First Name" }]);
    expect(parsePath("a.${b.c}.d")).toEqual([
      { kind: "key", key: "a" },
      { kind: "key", key: "b.c" },
      { kind: "key", key: "d" },
    ]);
    expect(parsePath("a\\.b.c")).toEqual([
      { kind: "key", key: "a.b" },
      { kind: "key", key: "c" },
    ]);
  });
  it("rejects malformed paths with a position", () => {
    const bad: [string, number][] = [
      ["", 0],
      ["a..b", 2],
      ["a.", 2],
      ["a[x]", 2],
      ["a[1", 1],
      ["${abc", 0],
    ];
    for (const [p, pos] of bad) {
      let err: unknown;
      try {
        parsePath(p);
      } catch (e) {
        err = e;
      }
      expect(err, p).toBeInstanceOf(MappingSyntaxError);
      expect((err as MappingSyntaxError).position, p).toBe(pos);
    }
  });
  it("round-trips through formatPath", () => {
    for (const p of ["a.b", "a[0].b", "a[*].b", "${a b}.c"]) expect(formatPath(parsePath(p))).toBe(p);
    expect(parsePath(formatPath([{ kind: "key", key: "x.y" }]))).toEqual([{ kind: "key", key: "x.y" }]);
  });
});

describe("compiled getters", () => {
  const doc = { a: { b: { c: 1, d: [10, 20] } }, items: [{ id: "x", tags: [{ n: 1 }, { n: 2 }] }, { id: "y", tags: [] }, {}], "a.b": "dotted" };
  const get = (p: string, idx: number[] = []) => compileGetter(parsePath(p))(doc, idx);
  it("reads keys, indexes and missing paths", () => {
    expect(get("a.b.c")).toBe(1);
    expect(get("a.b.d[1]")).toBe(20);
    expect(get("a\\.b")).toBe("dotted");
    expect(get("a.x.y.z")).toBeUndefined();
    expect(get("a.b.d[5]")).toBeUndefined();
    expect(get("a.b.c.d")).toBeUndefined();
  });
  it("maps [*] element-wise, nested wildcards give nested arrays", () => {
    expect(get("items[*].id")).toEqual(["x", "y", undefined]);
    expect(get("items[*].tags[*].n")).toEqual([[1, 2], [], undefined]);
    expect(get("items[*].id", [1])).toBe("y");
    expect(get("items[*].tags[*].n", [0])).toEqual([1, 2]);
  });
  it("reports lengths at each wildcard depth", () => {
    const len = compileLengthAt(parsePath("items[*].tags[*].n"));
    expect(len(doc, [])).toBe(3);
    expect(len(doc, [0])).toBe(2);
    expect(len(doc, [0, 1])).toBe(-1);
    expect(compileLengthAt(parsePath("a.b"))(doc, [])).toBe(-1);
  });
  it("never reads inherited properties", () => {
    expect(get("constructor")).toBeUndefined();
    expect(get("a.toString")).toBeUndefined();
    expect(get("__proto__")).toBeUndefined();
    expect(compileGetter(parsePath("constructor.name"))(JSON.parse('{"constructor":{"name":"own"}}'), [])).toBe("own");
  });
});
