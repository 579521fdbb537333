import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression";
import { parseDateAuto } from "./dates";
import { MAX_BUILT_STRING } from "./functions/limits";

// Edge cases around the library added for issue 16 (the documented examples are in
// documented-examples.test.ts). Page references are to AdobeDocs/experience-platform.en.

const ev = (expr: string, doc: unknown = {}) => compileExpression(expr).evaluate(doc, []);
const err = (expr: string, doc: unknown = {}) => {
  try {
    ev(expr, doc);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`expected ${expr} to fail`);
};
const nodeHash = (alg: string, bytes: Buffer) => createHash(alg).update(bytes).digest("hex");

describe("syntax: literals, methods, lambdas, arithmetic", () => {
  it("array and object literals nest and read paths", () => {
    expect(ev("[a, [1, 'x'], {k: b}]", { a: 1, b: true })).toEqual([1, [1, "x"], { k: true }]);
    expect(ev('{"__proto__": 1}')).toEqual(JSON.parse('{"__proto__": 1}'));
    expect(ev("[]")).toEqual([]);
  });
  it("methods on paths, literals and call results", () => {
    expect(ev('stateCode.equals("ca")', { stateCode: "ca" })).toBe(true);
    expect(ev('a.b.equalsIgnoreCase("X")', { a: { b: "x" } })).toBe(true);
    expect(ev('missing.equals("x")')).toBe(false);
    expect(ev('to_object("k", 1).get("k")')).toBe(1);
    expect(() => compileExpression('"a".frob("b")')).toThrow(/unknown method/);
  });
  it("arithmetic with precedence; + concatenates strings", () => {
    expect(ev("1 + 2 * 3")).toBe(7);
    expect(ev("(1 + 2) * 3")).toBe(9);
    expect(ev('"a" + 1')).toBe("a1");
    expect(ev("n - 1", { n: "5" })).toBe(4);
    expect(ev("missing + 1")).toBeNull();
    expect(err("1 / 0")).toMatch(/division by zero/);
  });
  it("lambdas see the element and the payload", () => {
    expect(ev("filterArray(xs, x -> x.v > min)", { xs: [{ v: 1 }, { v: 3 }], min: 2 })).toEqual([{ v: 3 }]);
    expect(ev("transformArray(xs, x -> upper(x))", { xs: ["a", "b"] })).toEqual(["A", "B"]);
    expect(err("filterArray([1], 2)")).toMatch(/lambda/);
  });
  it("${…} unescapes backslashes (functions.md: ${First\\.Name})", () => {
    expect(ev("${a\\.b}", { "a.b": 1 })).toBe(1);
    expect(ev("${x\\}y}", { "x}y": 2 })).toBe(2);
  });
});

describe("corrected functions (issue 16)", () => {
  it("split splits on any of the separator's characters and drops empty parts", () => {
    expect(ev('split("a,b;;c", ",;")')).toEqual(["a", "b", "c"]);
    expect(ev('split("", ",")')).toEqual([]);
  });
  it("lpad/rpad pad with a space when the padding is empty or null", () => {
    expect(ev('lpad("a", 3, "")')).toBe("  a");
    expect(ev('rpad("a", 3, null)')).toBe("a  ");
  });
  it("first/last take any number of arguments or one array", () => {
    expect(ev("first(xs)", { xs: [7, 8] })).toBe(7);
    expect(ev("last(1, null)")).toBeNull();
  });
  it("contains_key takes a path or a quoted path", () => {
    expect(ev('contains_key("a.b")', { a: { b: null } })).toBe(true);
    expect(ev("contains_key(a.c)", { a: { b: 1 } })).toBe(false);
  });
});

describe("hash charsets (functions.md: UTF-8, UTF-16, ISO-8859-1, US-ASCII)", () => {
  const s = "Grüße €";
  it.each([
    ["UTF-8", Buffer.from(s, "utf8")],
    ["UTF-16", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, "utf16le").swap16()])],
    ["ISO-8859-1", Buffer.from([...s].map((c) => (c.charCodeAt(0) > 0xff ? 0x3f : c.charCodeAt(0))))],
    ["US-ASCII", Buffer.from([...s].map((c) => (c.charCodeAt(0) > 0x7f ? 0x3f : c.charCodeAt(0))))],
  ])("%s", (charset, bytes) => {
    for (const alg of ["sha1", "sha256", "sha512", "md5"]) expect(ev(`${alg}(s, "${charset}")`, { s })).toBe(nodeHash(alg, bytes));
  });
  it("refuses unknown charsets", () => expect(err('md5("a", "EBCDIC")')).toMatch(/unsupported charset/));
});

describe("URL functions on bad input", () => {
  it("give null for what is not an absolute URL", () => {
    for (const f of ["get_url_protocol", "get_url_host", "get_url_port", "get_url_path"]) expect(ev(`${f}("not a url")`)).toBeNull();
    expect(ev('get_url_decoded("%E0%A4%A")')).toBeNull();
    expect(ev('get_url_port("https://x.test:8443/a")')).toBe(8443);
    expect(ev('get_url_path("https://x.test/a/b.csv", false)')).toBe("b.csv");
    expect(err('get_url_query_str("https://x.test/?a=1", "keep")')).toMatch(/retain/);
  });
});

describe("dates: data-handling.md's implicit formats and pattern letters", () => {
  it.each([
    ["2020-12-31 10:11:12+0000", "2020-12-31T10:11:12.000Z"],
    ["2020-12-31 10:11:12.345+0100", "2020-12-31T09:11:12.345Z"],
    ["2020-12-31 10:11:12.345", "2020-12-31T10:11:12.345Z"],
    ["2020-12-31", "2020-12-31T00:00:00.000Z"],
    ["2020/12/31", "2020-12-31T00:00:00.000Z"],
    ["2020.12.31", "2020-12-31T00:00:00.000Z"],
    ["2020-Dec-31", "2020-12-31T00:00:00.000Z"],
    ["20201231", "2020-12-31T00:00:00.000Z"],
    ["12-31-2020", "2020-12-31T00:00:00.000Z"],
    ["12312020", "2020-12-31T00:00:00.000Z"],
    ["2/05/2020", "2020-02-05T00:00:00.000Z"],
    ["31.12.2020", "2020-12-31T00:00:00.000Z"],
    ["2/05/2020 01:02:03 PM", "2020-02-05T13:02:03.000Z"],
    ["31.12.2020 01:02:03 AM", "2020-12-31T01:02:03.000Z"],
    ["31.Dec.2020", "2020-12-31T00:00:00.000Z"],
    ["31-Dec-2020", "2020-12-31T00:00:00.000Z"],
  ])("%s", (text, iso) => expect(parseDateAuto(text)?.toISOString()).toBe(iso));
  it("formats every letter of the table", () => {
    const d = "2004-07-06T15:08:09.245Z"; // a Tuesday, day 188
    expect(ev(`format("${d}", "G yyyy D d E EEEE u a H k K h m s S Q QQQ w W F")`)).toBe("AD 2004 188 6 Tue Tuesday 2 PM 15 15 3 3 8 9 2 3 Q3 28 2 1");
    expect(ev(`format("${d}", "MMMM MMM L")`)).toBe("July Jul 7");
    expect((ev('date("2004 188", "yyyy D")') as Date).toISOString()).toBe("2004-07-06T00:00:00.000Z");
  });
  it("set_date_part, make_date_time and zones", () => {
    expect(err('set_date_part("month", 13, "2020-01-01")')).toMatch(/between 1 and 12/);
    expect((ev('make_date_time(2020, 1, 15, 12, 0, 0, 0, "Europe/Paris")') as Date).toISOString()).toBe("2020-01-15T11:00:00.000Z");
    expect(err('make_date_time(2019, 2, 30, 0, 0, 0, 0, "UTC")')).toMatch(/does not exist/);
    expect(err('zone_date_to_zone("2020-01-01", "Mars/Olympus")')).toMatch(/unknown time zone/);
  });
});

describe("maps, objects and arrays: edge cases", () => {
  it("keys are own properties, never prototypes", () => {
    const o = ev('to_object("__proto__", 1, "constructor", 2)') as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(["__proto__", "constructor"]);
  });
  it("reports odd pairs and wrong types", () => {
    expect(err('to_object("a")')).toMatch(/takes at least 2|key\/value/);
    expect(err('to_map("a", 1, "b")')).toMatch(/key\/value pairs/);
    expect(err("get_keys([1])")).toMatch(/expected an object/);
    expect(err('min(1, "a")')).toMatch(/cannot compare/);
    expect(err('json_to_object("{")')).toMatch(/not valid JSON/);
  });
  it("map_get_values with an array of keys, map_has_keys with none found", () => {
    expect(ev('map_get_values(m, ["a", "c"])', { m: { a: 1, b: 2, c: 3 } })).toEqual({ a: 1, c: 3 });
    expect(ev('map_has_keys(m, ["x", "y"])', { m: { a: 1 } })).toBe(false);
  });
  it("user agents: desktop and empty", () => {
    expect(ev('ua_device_class("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")')).toBe(
      "Desktop",
    );
    expect(
      ev('ua_agent_version_major("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")'),
    ).toBe("Chrome 120");
    expect(ev('ua_os_name("")')).toBeNull();
    expect(ev('aa_get_event_value("event1,event2=3", "event1")')).toBe("1");
  });
});

describe("growth caps: a rule cannot build huge values", () => {
  it("caps padding, replacement, concatenation and joins", () => {
    expect(err(`rpad("a", ${MAX_BUILT_STRING + 1}, "b")`)).toMatch(/longer than/);
    expect(err('replacestr(s, "a", "aaaaaaaaaa")', { s: "a".repeat(60_000) })).toMatch(/longer than/);
    expect(err("concat(s, s, s, s, s)", { s: "x".repeat(60_000) })).toMatch(/longer than/);
    expect(err("s + s + s + s + s", { s: "x".repeat(60_000) })).toMatch(/longer than/);
    expect(ev(`rpad("a", ${MAX_BUILT_STRING}, "b")`)).toHaveLength(MAX_BUILT_STRING);
  });
});
