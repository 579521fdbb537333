import { compileGetter, compileLengthAt, type Getter, type Indices } from "./accessors";
import { MappingSyntaxError, TransformError } from "./errors";
import type { BinaryOp, Expr } from "./expression-parser";
import { parseExpression } from "./expression-parser";
import { FUNCTIONS, FUNCTION_NAMES, SPECIAL_FUNCTIONS, type FunctionDef } from "./functions";
import { looseEquals } from "./functions/value-functions";
import { countWildcards } from "./path";
import { describe, toBooleanValue } from "./values";

// Turns an expression AST into nested closures. No eval/new Function: user text only ever selects
// which pre-written closure runs. Calls with constant arguments are folded at compile time.

export interface CompiledExpression {
  evaluate: Getter;
  /** Length at the current wildcard depth (max over wildcard paths), -1 when none. */
  lengthAt: (root: unknown, indices: Indices) => number;
  wildcards: number;
}

function truthy(v: unknown): boolean {
  if (v === true) return true;
  if (v === false || v === null || v === undefined || v === "") return false;
  if (typeof v === "string") {
    try { return toBooleanValue(v) === true; } catch { return true; }
  }
  return typeof v === "number" ? v !== 0 : true;
}

function compare(op: BinaryOp, a: unknown, b: unknown): boolean {
  if (op === "==") return looseEquals(a, b);
  if (op === "!=") return !looseEquals(a, b);
  if (a === null || a === undefined || b === null || b === undefined) return false;
  let x: number | string, y: number | string;
  if (a instanceof Date || b instanceof Date) {
    x = a instanceof Date ? a.getTime() : Number(a); y = b instanceof Date ? b.getTime() : Number(b);
  } else if (typeof a === "string" && typeof b === "string") {
    x = a; y = b;
  } else if ((typeof a === "number" || typeof a === "string") && (typeof b === "number" || typeof b === "string")) {
    x = Number(a); y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) throw new TransformError(`cannot compare ${describe(a)} with ${describe(b)}`);
  } else {
    throw new TransformError(`cannot compare ${describe(a)} with ${describe(b)}`);
  }
  switch (op) {
    case "<": return x < y;
    case ">": return x > y;
    case "<=": return x <= y;
    default: return x >= y;
  }
}

/** A call site's specialised implementation (see FunctionDef.specialize), if the function offers one. */
function specialise(f: FunctionDef, args: readonly Expr[]): FunctionDef["fn"] | undefined {
  if (!f.specialize) return undefined;
  return f.specialize(args.map((a) => a.type === "literal"), args.map((a) => (a.type === "literal" ? a.value : undefined)));
}

export function compileExpression(source: string): CompiledExpression {
  const ast = parseExpression(source);
  const lengths: ((root: unknown, indices: Indices) => number)[] = [];
  let wildcards = 0;

  function build(e: Expr): Getter {
    switch (e.type) {
      case "literal": {
        const v = e.value;
        return () => v;
      }
      case "path": {
        const w = countWildcards(e.segments);
        if (w > 0) { lengths.push(compileLengthAt(e.segments)); wildcards = Math.max(wildcards, w); }
        return compileGetter(e.segments);
      }
      case "not": {
        const a = build(e.arg);
        return (r, i) => !truthy(a(r, i));
      }
      case "binary": {
        const l = build(e.left), rt = build(e.right), op = e.op;
        if (op === "&&") return (r, i) => truthy(l(r, i)) && truthy(rt(r, i));
        if (op === "||") return (r, i) => truthy(l(r, i)) || truthy(rt(r, i));
        return (r, i) => compare(op, l(r, i), rt(r, i));
      }
      case "call":
        return buildCall(e);
    }
  }

  function buildCall(e: Extract<Expr, { type: "call" }>): Getter {
    if (SPECIAL_FUNCTIONS.has(e.name)) {
      // contains_key(path): true when the source has the key (even if its value is empty).
      const [arg] = e.args;
      if (e.args.length !== 1 || arg.type !== "path") throw new MappingSyntaxError("contains_key expects exactly one path argument", e.pos);
      const get = compileGetter(arg.segments);
      return (r, i) => get(r, i) !== undefined;
    }
    const f = FUNCTIONS[e.name];
    if (!f) {
      const near = FUNCTION_NAMES.find((n) => n.toLowerCase() === e.name.toLowerCase());
      throw new MappingSyntaxError(`unknown function '${e.name}'${near ? ` (did you mean '${near}'?)` : ""}`, e.pos);
    }
    if (e.args.length < f.min || e.args.length > f.max) {
      const want = f.min === f.max ? `${f.min}` : f.max === Infinity ? `at least ${f.min}` : `${f.min} to ${f.max}`;
      throw new MappingSyntaxError(`${e.name} takes ${want} argument(s), got ${e.args.length}`, e.pos);
    }
    const args = e.args.map(build);
    const fn = specialise(f, e.args) ?? f.fn;
    if (f.deterministic !== false && e.args.every((a) => a.type === "literal")) {
      try {
        const v = fn(...args.map((a) => a(undefined, [])));
        return () => v;
      } catch {
        // Leave the error for apply time so it is reported against the target like any other.
      }
    }
    switch (args.length) {
      case 0: return () => fn();
      case 1: { const [a] = args; return (r, i) => fn(a(r, i)); }
      case 2: { const [a, b] = args; return (r, i) => fn(a(r, i), b(r, i)); }
      case 3: { const [a, b, c] = args; return (r, i) => fn(a(r, i), b(r, i), c(r, i)); }
      default: return (r, i) => fn(...args.map((a) => a(r, i)));
    }
  }

  const evaluate = build(ast);
  const lengthAt = lengths.length === 0
    ? () => -1
    : (root: unknown, indices: Indices) => {
        let n = -1;
        for (const l of lengths) n = Math.max(n, l(root, indices));
        return n;
      };
  return { evaluate, lengthAt, wildcards };
}
