import { describe, expect, it } from "vitest";
import { apply } from "./apply";
import { compile } from "./compile";
import { MappingCompileError, PayloadRejectedError } from "./errors";
import type { MappingRule } from "./types";

const run = (rules: MappingRule[], payload: unknown) => apply(compile(rules), payload);

describe("compile", () => {
  it("collects every bad rule with positions", () => {
    let err: MappingCompileError | undefined;
    try {
      compile([
        { target: "a", expression: "nope(1)" },
        { target: "b", expression: "concat(x," },
        { target: "c..d", source: "x" },
        { target: "e", source: "x", value: 1 },
        { target: "f" },
      ]);
    } catch (e) {
      err = e as MappingCompileError;
    }
    expect(err).toBeInstanceOf(MappingCompileError);
    expect(err!.issues.map((i) => i.index)).toEqual([0, 1, 2, 3, 4]);
    expect(err!.issues[0].message).toContain("unknown function 'nope'");
    expect(err!.issues[1].position).toBe(9);
  });
  it("rejects conflicting targets", () => {
    expect(() =>
      compile([
        { target: "a", value: 1 },
        { target: "a", value: 2 },
      ]),
    ).toThrow(/more than once/);
    expect(() =>
      compile([
        { target: "a", value: 1 },
        { target: "a.b", value: 2 },
      ]),
    ).toThrow(/already mapped/);
    expect(() =>
      compile([
        { target: "a[0]", value: 1 },
        { target: "a[*]", source: "x[*]" },
      ]),
    ).toThrow(/mix/);
    expect(() => compile([{ target: "[0]", value: 1 }])).toThrow(/field name/);
  });
});

describe("apply semantics (Data Prep)", () => {
  it("maps source, value and expression rules", () => {
    const r = run(
      [
        { target: "x.email", source: "attendee.email" },
        { target: "x.kind", value: "push" },
        { target: "x.upper", expression: "upper(attendee.email)" },
      ],
      { attendee: { email: "a@b.c" } },
    );
    expect(r).toEqual({ output: { x: { email: "a@b.c", kind: "push", upper: "A@B.C" } }, errors: [] });
  });
  it("omits missing sources, null, empty strings, empty objects and arrays", () => {
    const r = run(
      [
        { target: "a.missing", source: "nope.nothing" },
        { target: "a.nul", source: "n" },
        { target: "a.empty", source: "e" },
        { target: "a.obj", source: "o" },
        { target: "a.arr", source: "arr" },
        { target: "b.nested", source: "deep" },
        { target: "c", value: null },
      ],
      { n: null, e: "", o: {}, arr: [], deep: { x: { y: null, z: "" }, w: [] } },
    );
    expect(r.output).toEqual({});
    expect(r.errors).toEqual([]);
  });
  it("copies objects (pruned) and arrays of values", () => {
    const payload = { session: { code: "GS3", note: "", tags: ["a", null, "b"], extra: { k: null } } };
    const r = run([{ target: "s", source: "session" }], payload);
    expect(r.output).toEqual({ s: { code: "GS3", tags: ["a", "b"] } });
    (r.output.s as { code: string }).code = "changed";
    expect(payload.session.code).toBe("GS3"); // output never aliases input
  });
  it("nulls a field whose transform fails and records why", () => {
    const r = run(
      [
        { target: "ok", source: "a" },
        { target: "bad", expression: "to_integer(a)" },
      ],
      { a: "x" },
    );
    expect(r.output).toEqual({ ok: "x" });
    expect(r.errors).toEqual([{ target: "bad", message: 'to_integer: cannot convert "x" to a number' }]);
  });
  it("reports required targets that end up empty", () => {
    const r = run(
      [
        { target: "id", source: "missing", required: true },
        { target: "e", source: "blank", required: true },
        { target: "n", expression: "to_integer(x)", required: true },
        { target: "fine", source: "x", required: true },
      ],
      { blank: "  ".trim(), x: "abc" },
    );
    expect(r.errors).toEqual([
      { target: "id", message: "required field is empty" },
      { target: "e", message: "required field is empty" },
      { target: "n", message: 'to_integer: cannot convert "abc" to a number' },
      { target: "n", message: "required field is empty" },
    ]);
    expect(r.output).toEqual({ fine: "abc" });
  });
  it("maps arrays element-wise with [*] on both sides, merging rules by index", () => {
    const payload = { emails: [{ name: "a", type: "work" }, { type: "home" }, { name: "c" }] };
    const r = run(
      [
        { target: "pi[*].names", source: "emails[*].name" },
        { target: "pi[*].kind", expression: "upper(emails[*].type)" },
        { target: "pi[*].source", value: "rf" },
        { target: "all", source: "emails[*].name" },
      ],
      payload,
    );
    expect(r.output).toEqual({
      pi: [
        { names: "a", kind: "WORK", source: "rf" },
        { kind: "HOME", source: "rf" },
        { names: "c", source: "rf" },
      ],
      all: ["a", "c"],
    });
  });
  it("supports nested wildcards and fixed target indexes", () => {
    const payload = { orders: [{ items: [{ sku: "a" }, { sku: "b" }] }, { items: [{ sku: "c" }] }] };
    const r = run(
      [
        { target: "o[*].skus[*].id", source: "orders[*].items[*].sku" },
        { target: "list[0]", source: "orders[0].items[1].sku" },
        { target: "list[1]", value: "fixed" },
      ],
      payload,
    );
    expect(r.output).toEqual({ o: [{ skus: [{ id: "a" }, { id: "b" }] }, { skus: [{ id: "c" }] }], list: ["b", "fixed"] });
  });
  it("labels errors inside arrays with the element index", () => {
    const r = run([{ target: "x[*].n", expression: "to_integer(v[*])" }], { v: ["1", "b"] });
    expect(r.output).toEqual({ x: [{ n: 1 }] });
    expect(r.errors).toEqual([{ target: "x[1].n", message: 'to_integer: cannot convert "b" to a number' }]);
  });
  it("converts to the target type like Data Prep when the schema type is known", () => {
    const types: Record<string, "boolean" | "date-time" | "integer" | "string" | "date"> = {
      b: "boolean",
      d: "date-time",
      i: "integer",
      s: "string",
      day: "date",
    };
    const c = compile(
      [
        { target: "b", source: "yes" },
        { target: "d", source: "when" },
        { target: "i", source: "num" },
        { target: "s", source: "n" },
        { target: "day", source: "when" },
      ],
      { targetType: (segs) => types[(segs[0] as { key: string }).key] },
    );
    expect(apply(c, { yes: "on", when: "2023-03-22 10:00:00", num: "90", n: 7 })).toEqual({
      output: { b: true, d: "2023-03-22T10:00:00.000Z", i: 90, s: "7", day: "2023-03-22" },
      errors: [],
    });
    const bad = apply(c, { yes: "perhaps", when: "someday", num: "1.5" });
    expect(bad.output).toEqual({});
    expect(bad.errors.map((e) => e.target)).toEqual(["b", "d", "i", "day"]);
  });
});

describe("bad input", () => {
  it("never lets __proto__/constructor/prototype reach a prototype", () => {
    const payload = JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"p":1}},"v":"x"}');
    const r = run(
      [
        { target: "__proto__.polluted", source: "v" },
        { target: "constructor.prototype.p", source: "v" },
        { target: "copy", source: "__proto__" },
        { target: "c2", source: "constructor" },
      ],
      payload,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.output)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(r.output))).toEqual(
      JSON.parse('{"__proto__":{"polluted":"x"},"constructor":{"prototype":{"p":"x"}},"copy":{"polluted":"yes"},"c2":{"prototype":{"p":1}}}'),
    );
    expect(Object.hasOwn(r.output, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(r.output.copy)).toBe(Object.prototype);
  });
  it("refuses payloads over 1 MB given as a string", () => {
    const big = JSON.stringify({ s: "x".repeat(1_100_000) });
    expect(() => run([{ target: "a", source: "s" }], big)).toThrow(PayloadRejectedError);
    expect(() => run([{ target: "a", source: "s" }], big)).toThrow(/larger than 1 MB/);
    const multibyte = JSON.stringify({ s: "é".repeat(600_000) }); // 600k chars, 1.2 MB of UTF-8
    expect(() => run([{ target: "a", source: "s" }], multibyte)).toThrow(/larger than 1 MB/);
    expect(run([{ target: "a", source: "s" }], JSON.stringify({ s: "ok" })).output).toEqual({ a: "ok" });
  });
  it("refuses payloads nested deeper than 64 and non-JSON strings", () => {
    const deep = "[".repeat(65) + "]".repeat(65);
    expect(() => run([{ target: "a", source: "s" }], `{"s":${deep}}`)).toThrow(/deeper than 64/);
    let obj: unknown = {};
    for (let i = 0; i < 70; i++) obj = { n: obj };
    expect(() => run([{ target: "a", source: "n" }], obj)).toThrow(/deeper than 64/);
    let ok: unknown = "leaf";
    for (let i = 0; i < 63; i++) ok = { n: ok };
    expect(() => run([{ target: "a", value: 1 }], ok)).not.toThrow();
    expect(() => run([{ target: "a", source: "s" }], "{not json")).toThrow(/not valid JSON/);
  });
  it("is safe to share one compiled mapping between applies", () => {
    const c = compile([{ target: "a", source: "x" }]);
    expect(apply(c, { x: 1 }).output).toEqual({ a: 1 });
    expect(apply(c, { x: 2 }).output).toEqual({ a: 2 });
    expect(Object.isFrozen(c)).toBe(true);
  });
});
