import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression";
import { FUNCTION_NAMES } from "./functions";
import { unsafeRegexReason } from "./functions/regex-guard";
import { sha256Hex } from "./hash/sha256";

const ev = (expr: string, doc: unknown = {}) => compileExpression(expr).evaluate(doc, []);
const evErr = (expr: string, doc: unknown = {}) => {
  try {
    ev(expr, doc);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`expected ${expr} to fail`);
};
const iso = (v: unknown) => (v as Date).toISOString();

describe("function library (Data Prep names and argument order)", () => {
  it("exposes the full list from the issue", () => {
    const required =
      "concat lower upper trim ltrim rtrim substr left right lpad rpad replacestr split join explode instr matches_regex extract_regex sha1 sha256 sha512 md5 uuid now timestamp date format date_part to_integer to_bigint to_float to_decimal to_boolean iif decode coalesce first last size_of is_empty contains_key".split(
        " ",
      );
    for (const f of required) expect(FUNCTION_NAMES, f).toContain(f);
  });
  it("string functions", () => {
    expect(ev('concat("Hi, ", "there", "!")')).toBe("Hi, there!");
    expect(ev('concat(a, " ", missing, b)', { a: "x", b: 2 })).toBe("x 2");
    expect(ev("concat(missing)")).toBeNull();
    expect(ev('lower("AbC")')).toBe("abc");
    expect(ev('lcase("AbC")')).toBe("abc");
    expect(ev('upper("AbC")')).toBe("ABC");
    expect(ev('ucase("AbC")')).toBe("ABC");
    expect(ev('trim("  a b  ")')).toBe("a b");
    expect(ev('ltrim("  a ")')).toBe("a ");
    expect(ev('rtrim("  a ")')).toBe("  a");
    expect(ev('substr("This is a substring test", 7, 8)')).toBe(" a subst");
    expect(ev('substr("abcdef", 2)')).toBe("cdef");
    expect(ev('left("abcdef", 2)')).toBe("ab");
    expect(ev('right("abcdef", 2)')).toBe("ef");
    expect(ev('lpad("bat", 8, "yz")')).toBe("yzyzybat");
    expect(ev('rpad("bat", 8, "yz")')).toBe("batyzyzy");
    expect(ev('lpad("abcdef", 3, "x")')).toBe("abc");
    expect(ev('replacestr("a-b-c", "-", "+")')).toBe("a+b+c");
    expect(ev('split("Hello world", " ")')).toEqual(["Hello", "world"]);
    expect(ev('join(" ", split("Hello world", " "))')).toBe("Hello world");
    expect(ev('join("-", "a", missing, "b")')).toBe("a-b");
    expect(ev('explode("a,b,c")')).toEqual(["a", "b", "c"]);
    expect(ev('explode("a1b22c", "[0-9]+")')).toEqual(["a", "b", "c"]);
    expect(ev('instr("adobe.com", "com")')).toBe(6);
    expect(ev('instr("a.b.c", ".", 0, 2)')).toBe(3);
    expect(ev('instr("abc", "z")')).toBe(-1);
    expect(ev("upper(missing)")).toBeNull();
    expect(ev("upper(n)", { n: 5 })).toBe("5");
    expect(evErr("upper(o)", { o: {} })).toMatch(/upper: expected a string/);
  });
  it("regex functions, with the backtracking guard", () => {
    expect(ev('matches_regex("E259,E259B_009,1_1", "([0-9]+)_([0-9]+)")')).toBe(true);
    expect(ev('matches_regex("abc", "^[0-9]+$")')).toBe(false);
    expect(ev('extract_regex("E259,E259B_009,1_1", "([^,]+),[^,]*,([^,]+)")')).toEqual(["E259,E259B_009,1_1", "E259", "1_1"]);
    expect(ev('extract_regex("abc", "z")')).toBeNull();
    expect(evErr('matches_regex("aaaa", "(a+)+$")')).toMatch(/nested quantifiers/);
    expect(evErr('matches_regex("aaaa", "(a|aa)*$")')).toMatch(/nested quantifiers/);
    expect(evErr('matches_regex("aa", "(a)\\\\1")')).toMatch(/backreferences/);
    expect(unsafeRegexReason("foo(?=bar)")).toMatch(/lookahead/);
    expect(unsafeRegexReason("(?<!x)y")).toMatch(/lookahead and lookbehind/);
    expect(unsafeRegexReason("(?:ab)+")).toBeNull();
    expect(evErr('matches_regex("a", "(")')).toMatch(/unbalanced|invalid regex/);
    expect(evErr('matches_regex(big, "a")', { big: "a".repeat(20_000) })).toMatch(/longer than/);
    expect(unsafeRegexReason("^[a-z]+@[a-z]+\\.com$")).toBeNull();
    expect(unsafeRegexReason("(\\d{2})+")).toBeNull(); // fixed-count inner quantifier stays linear
    expect(unsafeRegexReason("(\\d{2,})+")).toMatch(/nested/);
    expect(unsafeRegexReason("(x+){2,5}")).toMatch(/nested/);
  });
  it("hash functions return lowercase hex and accept a charset", () => {
    expect(ev('sha256("abc")')).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(ev('sha1("abc")')).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(ev('md5("abc")')).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect((ev('sha512("abc")') as string).slice(0, 16)).toBe("ddaf35a193617aba");
    expect(ev('sha256("abc", "UTF-8")')).toBe(ev('sha256("abc")'));
    expect(evErr('sha256("abc", "EBCDIC")')).toMatch(/unsupported charset/);
    expect(ev("sha256(lower(trim(e)))", { e: "  Ada@Example.COM " })).toBe(sha256Hex("ada@example.com"));
    expect(ev("sha256(missing)")).toBeNull();
  });
  it("uuid/guid, now and timestamp", () => {
    expect(ev("uuid()")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ev("guid()")).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs((ev("now()") as Date).getTime() - Date.now())).toBeLessThan(5000);
    expect(Math.abs((ev("timestamp()") as number) - Date.now())).toBeLessThan(5000);
  });
  it("date, format and date_part", () => {
    expect(iso(ev('date("2023-03-22 10:00:00", "yyyy-MM-dd HH:mm:ss")'))).toBe("2023-03-22T10:00:00.000Z");
    expect(iso(ev('date("2023-04-01T00:41:57.000Z")'))).toBe("2023-04-01T00:41:57.000Z");
    expect(iso(ev('date("2023-04-01T02:41:57+02:00")'))).toBe("2023-04-01T00:41:57.000Z");
    expect(iso(ev('date("2023-03-22 10:00:00")'))).toBe("2023-03-22T10:00:00.000Z");
    expect(iso(ev('date("03/22/2023")'))).toBe("2023-03-22T00:00:00.000Z");
    expect(iso(ev('date("22-Mar-2023", "dd-MMM-yyyy")'))).toBe("2023-03-22T00:00:00.000Z");
    expect(iso(ev('date("10/23/2019 11:24 PM", "MM/dd/yyyy hh:mm a")'))).toBe("2019-10-23T23:24:00.000Z");
    expect(iso(ev('date("bad", "yyyy-MM-dd", date("2020-01-01"))'))).toBe("2020-01-01T00:00:00.000Z");
    expect(evErr('date("2023-02-30", "yyyy-MM-dd")')).toMatch(/does not match/);
    expect(evErr('date("not a date")')).toMatch(/any known date format/);
    expect(ev("date(missing)")).toBeNull();
    expect(ev('format(date("2019-10-23 11:24:35"), "yyyy/MM/dd HH:mm:ss")')).toBe("2019/10/23 11:24:35");
    expect(ev('format(date("2019-10-23 11:24:35"), "EEE, d MMM yy h:mm a")')).toBe("Wed, 23 Oct 19 11:24 AM");
    const d = { d: "2023-03-22T10:05:07.250Z" };
    expect(ev('date_part("year", d)', d)).toBe(2023);
    expect(ev('date_part("quarter", d)', d)).toBe(1);
    expect(ev('date_part("month", d)', d)).toBe(3);
    expect(ev('date_part("day", d)', d)).toBe(22);
    expect(ev('date_part("dayofyear", d)', d)).toBe(81);
    expect(ev('date_part("week", d)', d)).toBe(12);
    expect(ev('date_part("weekday", d)', d)).toBe(4);
    expect(ev('date_part("hour", d)', d)).toBe(10);
    expect(ev('date_part("minute", d)', d)).toBe(5);
    expect(ev('date_part("second", d)', d)).toBe(7);
    expect(ev('date_part("millisecond", d)', d)).toBe(250);
    expect(evErr('date_part("fortnight", d)', d)).toMatch(/unknown component/);
  });
  it("type conversion", () => {
    expect(ev('to_integer("42")')).toBe(42);
    expect(ev("to_integer(4.9)")).toBe(4);
    expect(evErr('to_integer("x")')).toMatch(/cannot convert/);
    expect(evErr('to_integer("9999999999")')).toMatch(/overflows/);
    expect(ev('to_bigint("9999999999")')).toBe(9999999999);
    expect(ev('to_float("1.5")')).toBe(1.5);
    expect(ev('to_decimal("2.25")')).toBe(2.25);
    for (const t of ["y", "yes", "Y", "YES", "on", "ON", "true", "TRUE"]) expect(ev(`to_boolean("${t}")`), t).toBe(true);
    for (const f of ["n", "no", "N", "NO", "off", "OFF", "false", "FALSE"]) expect(ev(`to_boolean("${f}")`), f).toBe(false);
    expect(evErr('to_boolean("maybe")')).toMatch(/cannot convert "maybe" to boolean/);
    expect(ev("to_integer(missing)")).toBeNull();
  });
  it("logic, arrays and objects", () => {
    expect(ev('iif(n > 1, "big", "small")', { n: 2 })).toBe("big");
    expect(ev('iif("no", 1, 2)')).toBe(2);
    expect(ev('decode(c, "US", "United States", "FR", "France", "Other")', { c: "FR" })).toBe("France");
    expect(ev('decode(c, "US", "United States", "Other")', { c: "DE" })).toBe("Other");
    expect(ev('decode(c, "US", "United States")', { c: "DE" })).toBeNull();
    expect(ev('coalesce(missing, "", "x", "y")')).toBe("x");
    expect(ev("coalesce(missing)")).toBeNull();
    expect(ev("first(a)", { a: [1, 2, 3] })).toBe(1);
    expect(ev("last(a)", { a: [1, 2, 3] })).toBe(3);
    expect(ev("first(a)", { a: [] })).toBeNull();
    expect(evErr("first(s)", { s: "x" })).toMatch(/expected an array/);
    expect(ev("size_of(a)", { a: [1, 2] })).toBe(2);
    expect(ev("size_of(missing)")).toBe(0);
    expect(ev("is_empty(o)", { o: {} })).toBe(true);
    expect(ev("is_empty(o)", { o: { a: 1 } })).toBe(false);
    expect(ev('is_empty("")')).toBe(true);
    expect(ev("contains_key(a.b)", { a: { b: null } })).toBe(true);
    expect(ev("contains_key(a.c)", { a: { b: 1 } })).toBe(false);
  });
});
