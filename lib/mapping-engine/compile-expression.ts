import { compileGetter, compileLengthAt, type Getter, type Indices } from "./accessors";
import { parsePath } from "./path";
import { MappingSyntaxError, TransformError } from "./errors";
import type { BinaryOp, Expr } from "./expression-parser";
import { parseExpression } from "./expression-parser";
import { FUNCTIONS, FUNCTION_NAMES, SPECIAL_FUNCTIONS, type FunctionDef } from "./functions";
import { arithmetic, METHODS } from "./functions/operators";
import { looseEquals } from "./functions/value-functions";
import { countWildcards } from "./path";
import { describe, setOwn, toBooleanValue } from "./values";

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
    try {
      return toBooleanValue(v) === true;
    } catch {
      return true;
    }
  }
  return typeof v === "number" ? v !== 0 : true;
}

function compare(op: BinaryOp, a: unknown, b: unknown): boolean {
  if (op === "==") return looseEquals(a, b);
  if (op === "!=") return !looseEquals(a, b);
  if (a === null || a === undefined || b === null || b === undefined) return false;
  let x: number | string, y: number | string;
  if (a instanceof Date || b instanceof Date) {
    x = a instanceof Date ? a.getTime() : Number(a);
    y = b instanceof Date ? b.getTime() : Number(b);
  } else if (typeof a === "string" && typeof b === "string") {
    x = a;
    y = b;
  } else if ((typeof a === "number" || typeof a === "string") && (typeof b === "number" || typeof b === "string")) {
    x = Number(a);
    y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) throw new TransformError(`cannot compare ${describe(a)} with ${describe(b)}`);
  } else {
    throw new TransformError(`cannot compare ${describe(a)} with ${describe(b)}`);
  }
  switch (op) {
    case "<":
      return x < y;
    case ">":
      return x > y;
    case "<=":
      return x <= y;
    default:
      return x >= y;
  }
}

/** A call site's specialised implementation (see FunctionDef.specialize), if the function offers one. */
function specialise(f: FunctionDef, args: readonly Expr[]): FunctionDef["fn"] | undefined {
  if (!f.specialize) return undefined;
  return f.specialize(
    args.map((a) => a.type === "literal"),
    args.map((a) => (a.type === "literal" ? a.value : undefined)),
  );
}

export function compileExpression(source: string): CompiledExpression {
  const ast = parseExpression(source);
  const lengths: ((root: unknown, indices: Indices) => number)[] = [];
  let wildcards = 0;
  /** Lambda parameters in scope (filterArray(xs, x -> x > 0)): name → the element being visited. */
  const scope = new Map<string, { v: unknown }>();

  function build(e: Expr): Getter {
    switch (e.type) {
      case "literal": {
        const v = e.value;
        return () => v;
      }
      case "path": {
        const first = e.segments[0];
        const cell = first.kind === "key" ? scope.get(first.key) : undefined;
        if (cell) {
          if (e.segments.length === 1) return () => cell.v;
          const rest = compileGetter(e.segments.slice(1));
          return (_r, i) => rest(cell.v, i);
        }
        const w = countWildcards(e.segments);
        if (w > 0) {
          lengths.push(compileLengthAt(e.segments));
          wildcards = Math.max(wildcards, w);
        }
        return compileGetter(e.segments);
      }
      case "array": {
        const items = e.items.map(build);
        return (r, i) => items.map((g) => g(r, i));
      }
      case "object": {
        const entries = e.entries.map((en) => ({ key: en.key, get: build(en.value) }));
        return (r, i) => {
          const o: Record<string, unknown> = {};
          for (const en of entries) setOwn(o, en.key, en.get(r, i));
          return o;
        };
      }
      case "lambda": {
        const cell = { v: undefined as unknown };
        const shadowed = scope.get(e.param);
        scope.set(e.param, cell);
        const body = build(e.body);
        if (shadowed) scope.set(e.param, shadowed);
        else scope.delete(e.param);
        return (r, i) => (x: unknown) => {
          cell.v = x;
          return body(r, i);
        };
      }
      case "method": {
        const m = METHODS[e.name];
        if (!m) throw new MappingSyntaxError(`unknown method '.${e.name}()' (Data Prep has .equals, .equalsIgnoreCase and .get)`, e.pos);
        if (e.args.length !== 1) throw new MappingSyntaxError(`.${e.name}() takes 1 argument, got ${e.args.length}`, e.pos);
        const t = build(e.target),
          a = build(e.args[0]);
        return (r, i) => m(t(r, i), a(r, i));
      }
      case "not": {
        const a = build(e.arg);
        return (r, i) => !truthy(a(r, i));
      }
      case "binary": {
        const l = build(e.left),
          rt = build(e.right),
          op = e.op;
        if (op === "&&") return (r, i) => truthy(l(r, i)) && truthy(rt(r, i));
        if (op === "||") return (r, i) => truthy(l(r, i)) || truthy(rt(r, i));
        if (op === "+" || op === "-" || op === "*" || op === "/" || op === "%") return (r, i) => arithmetic(op, l(r, i), rt(r, i));
        return (r, i) => compare(op, l(r, i), rt(r, i));
      }
      case "call":
        return buildCall(e);
    }
  }

  /** contains_key(path) / contains_key("a.b.c"): true when the source has the key (even if empty). */
  function buildContainsKey(e: Extract<Expr, { type: "call" }>): Getter {
    const [arg] = e.args;
    if (e.args.length !== 1 || (arg.type !== "path" && !(arg.type === "literal" && typeof arg.value === "string"))) {
      throw new MappingSyntaxError("contains_key expects exactly one path (or a quoted path)", e.pos);
    }
    const get = compileGetter(arg.type === "path" ? arg.segments : parsePath(arg.value as string));
    return (r, i) => get(r, i) !== undefined;
  }

  function buildCall(e: Extract<Expr, { type: "call" }>): Getter {
    if (SPECIAL_FUNCTIONS.has(e.name)) return buildContainsKey(e);
    const f = FUNCTIONS[e.name];
    if (!f) {
      const near = FUNCTION_NAMES.find((n) => n.toLowerCase() === e.name.toLowerCase());
      throw new MappingSyntaxError(`unknown function '${e.name}'${near ? ` (did you mean '${near}'?)` : ""}`, e.pos);
    }
    if (e.args.length < f.min || e.args.length > f.max) {
      const want = f.min === f.max ? `${f.min}` : f.max === Infinity ? `at least ${f.min}` : `${f.min} to ${f.max}`;
      throw new MappingSyntaxError(`${e.name} takes ${want} argument(s), got ${e.args.length}`, e.pos);
    }
    // object_to_map(addresses, type): functions.md writes the key attribute as a bare name.
    const args = e.args.map((a, k) =>
      f.nameArg === k && a.type === "path" && a.segments.length === 1 && a.segments[0].kind === "key" ? nameOrValue(build(a), a.segments[0].key) : build(a),
    );
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
      case 0:
        return () => fn();
      case 1: {
        const [a] = args;
        return (r, i) => fn(a(r, i));
      }
      case 2: {
        const [a, b] = args;
        return (r, i) => fn(a(r, i), b(r, i));
      }
      case 3: {
        const [a, b, c] = args;
        return (r, i) => fn(a(r, i), b(r, i), c(r, i));
      }
      default:
        return (r, i) => fn(...args.map((a) => a(r, i)));
    }
  }

  const evaluate = build(ast);
  const lengthAt =
    lengths.length === 0
      ? () => -1
      : (root: unknown, indices: Indices) => {
          let n = -1;
          for (const l of lengths) n = Math.max(n, l(root, indices));
          return n;
        };
  return { evaluate, lengthAt, wildcards };
}

/** The path's value when the payload has it, else the bare name itself (a key attribute name). */
function nameOrValue(get: Getter, name: string): Getter {
  return (r, i) => {
    const v = get(r, i);
    return v === undefined || v === null ? name : v;
  };
}
