import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression";
import { MappingSyntaxError } from "./errors";
import { parseExpression } from "./expression-parser";

const ev = (expr: string, doc: unknown = {}) => compileExpression(expr).evaluate(doc, []);
function syntaxError(expr: string): MappingSyntaxError {
  try {
    compileExpression(expr);
  } catch (e) {
    if (e instanceof MappingSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${expr}`);
}

describe("expression parser", () => {
  it("parses literals, paths, calls and operators into an AST", () => {
    const ast = parseExpression('iif(a.b == "x" && !c, 1, -2.5)');
    expect(ast.type).toBe("call");
    expect(ev('"a\\"b"')).toBe('a"b');
    expect(ev("'single'")).toBe("single");
    expect(ev("42")).toBe(42);
    expect(ev("-1.5e2")).toBe(-150);
    expect(ev("true")).toBe(true);
    expect(ev("false")).toBe(false);
    expect(ev("null")).toBe(null);
    expect(ev("'\\u00e9\\n'")).toBe("é\n");
  });
  it("evaluates comparisons with numeric/string coercion", () => {
    const doc = { n: 90, s: "90", t: "abc" };
    expect(ev("n == 90", doc)).toBe(true);
    expect(ev("s == 90", doc)).toBe(true);
    expect(ev("n != 91", doc)).toBe(true);
    expect(ev("n < 100", doc)).toBe(true);
    expect(ev("n > 100", doc)).toBe(false);
    expect(ev("n <= 90", doc)).toBe(true);
    expect(ev("n >= 91", doc)).toBe(false);
    expect(ev('t < "abd"', doc)).toBe(true);
    expect(ev("missing > 1", doc)).toBe(false);
  });
  it("evaluates && || ! and parentheses with precedence", () => {
    expect(ev("true || false && false")).toBe(true);
    expect(ev("(true || false) && false")).toBe(false);
    expect(ev("!false && !(1 == 2)")).toBe(true);
    expect(ev('!"no"')).toBe(true); // Data Prep booleans: "no" is false
  });
  it("reads escaped paths inside expressions", () => {
    const doc = { "First Name": "Ada", "a.b": { c: 1 }, list: [{ v: "x" }] };
    expect(ev("upper(${First Name})", doc)).toBe("ADA");
    expect(ev("a\\.b.c", doc)).toBe(1);
    expect(ev("list[0].v", doc)).toBe("x");
    expect(ev("size_of(list[*].v)", doc)).toBe(1);
  });
  it("reports syntax errors with their position", () => {
    expect(syntaxError("concat(a, ").position).toBe(10);
    expect(syntaxError("a ==").position).toBe(4);
    expect(syntaxError("(a").position).toBe(2);
    expect(syntaxError('"open').position).toBe(0);
    expect(syntaxError("a == b == c").message).toMatch(/chained/);
    expect(syntaxError("a b").position).toBe(2);
    expect(syntaxError("").message).toMatch(/empty/);
    expect(syntaxError("#").position).toBe(0);
  });
  it("names unknown functions and checks arity", () => {
    const e = syntaxError("concat(a, frobnicate(b))");
    expect(e.message).toContain("unknown function 'frobnicate'");
    expect(e.position).toBe(10);
    expect(syntaxError("UPPER(a)").message).toContain("did you mean 'upper'");
    expect(syntaxError("constructor(a)").message).toContain("unknown function 'constructor'");
    expect(syntaxError("lower(a, b)").message).toMatch(/lower takes 1 argument/);
    // functions.md writes contains_key("evars.evar.field1"): a quoted path is accepted, a number is not.
    expect(syntaxError("contains_key(1)").message).toMatch(/exactly one path/);
  });
  it("refuses over-long and over-nested expressions", () => {
    expect(syntaxError("a".repeat(5000)).message).toMatch(/longer than 4096/);
    expect(syntaxError("(".repeat(100) + "1" + ")".repeat(100)).message).toMatch(/nested too deeply/);
  });
  it("folds constant calls at compile time but not now()/uuid()", () => {
    const c = compileExpression('upper("abc")');
    expect(c.evaluate(null, [])).toBe("ABC");
    const u = compileExpression("uuid()");
    expect(u.evaluate(null, [])).not.toBe(u.evaluate(null, []));
  });
});
