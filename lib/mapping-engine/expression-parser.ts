import { MappingSyntaxError } from "./errors";
import { lexNumber, lexString } from "./expression-lexer";
import { scanPath, type PathSegment } from "./path";

// Recursive-descent parser for calculated fields (Data Prep's JEXL-like syntax). Loosest first:
//   or  := and ("||" and)*            and := cmp ("&&" cmp)*
//   cmp := add (("=="|"!="|"<"|">"|"<="|">=") add)?
//   add := mul (("+"|"-") mul)*       mul := unary (("*"|"/"|"%") unary)*
//   unary := "!" unary | postfix      postfix := primary ("." name "(" args ")")*
//   primary := literal | "[" items "]" | "{" key ":" value, … "}" | name "(" args ")" | path | "(" or ")"
//   args may be lambdas `x -> expr` (destination functions filterArray / transformArray).
// Every node keeps its source position so errors point at the right character.

export type Expr =
  | { type: "literal"; value: string | number | boolean | null; pos: number }
  | { type: "path"; segments: PathSegment[]; text: string; pos: number }
  | { type: "call"; name: string; args: Expr[]; pos: number }
  | { type: "method"; name: string; target: Expr; args: Expr[]; pos: number }
  | { type: "array"; items: Expr[]; pos: number }
  | { type: "object"; entries: { key: string; value: Expr }[]; pos: number }
  | { type: "lambda"; param: string; body: Expr; pos: number }
  | { type: "not"; arg: Expr; pos: number }
  | { type: "binary"; op: BinaryOp; left: Expr; right: Expr; pos: number };

export type BinaryOp = "==" | "!=" | "<" | ">" | "<=" | ">=" | "&&" | "||" | "+" | "-" | "*" | "/" | "%";

/** Data Prep caps calculated fields at 4096 characters. */
export const MAX_EXPRESSION_LENGTH = 4096;
const MAX_NESTING = 64;

const COMPARATORS = ["==", "!=", "<=", ">=", "<", ">"] as const;
const LAMBDA = /^([A-Za-z_][A-Za-z0-9_]*)\s*->/;

export function parseExpression(text: string): Expr {
  if (typeof text !== "string") throw new MappingSyntaxError("expression must be a string", 0);
  if (text.length > MAX_EXPRESSION_LENGTH) throw new MappingSyntaxError(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH);
  let i = 0;
  let depth = 0;

  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const peek = (s: string) => text.startsWith(s, i);
  const fail = (msg: string, at = i): never => {
    throw new MappingSyntaxError(msg, at);
  };
  const describeHere = () => (i >= text.length ? "end of expression" : `'${text[i]}'`);
  const enter = () => {
    if (++depth > MAX_NESTING) fail("expression nested too deeply");
  };

  function parseOr(): Expr {
    let left = parseAnd();
    for (ws(); peek("||"); ws()) {
      const pos = i;
      i += 2;
      left = { type: "binary", op: "||", left, right: parseAnd(), pos };
    }
    return left;
  }
  function parseAnd(): Expr {
    let left = parseCmp();
    for (ws(); peek("&&"); ws()) {
      const pos = i;
      i += 2;
      left = { type: "binary", op: "&&", left, right: parseCmp(), pos };
    }
    return left;
  }
  function parseCmp(): Expr {
    const left = parseAdd();
    ws();
    const op = COMPARATORS.find((c) => peek(c));
    if (!op) return left;
    const pos = i;
    i += op.length;
    const right = parseAdd();
    ws();
    if (COMPARATORS.some((c) => peek(c))) fail("comparisons cannot be chained; use && or parentheses");
    return { type: "binary", op, left, right, pos };
  }
  function parseAdd(): Expr {
    let left = parseMul();
    for (ws(); text[i] === "+" || (text[i] === "-" && text[i + 1] !== ">"); ws()) {
      const pos = i,
        op = text[i++] as "+" | "-";
      left = { type: "binary", op, left, right: parseMul(), pos };
    }
    return left;
  }
  function parseMul(): Expr {
    let left = parseUnary();
    for (ws(); text[i] === "*" || text[i] === "/" || text[i] === "%"; ws()) {
      const pos = i,
        op = text[i++] as "*" | "/" | "%";
      left = { type: "binary", op, left, right: parseUnary(), pos };
    }
    return left;
  }
  function parseUnary(): Expr {
    ws();
    if (text[i] === "!" && text[i + 1] !== "=") {
      const pos = i++;
      enter();
      const arg = parseUnary();
      depth--;
      return { type: "not", arg, pos };
    }
    return parsePostfix(parsePrimary());
  }
  /** `"a".equals(b)`, `str_to_object(s).get("k")`: method calls on any value. */
  function parsePostfix(target: Expr): Expr {
    for (;;) {
      const m = /^\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(text.slice(i, i + 80));
      if (!m) return target;
      const pos = i + m[0].indexOf(m[1]);
      i += m[0].length;
      target = { type: "method", name: m[1], target, args: parseArgs(m[1], ")"), pos };
    }
  }
  /** Comma-separated arguments up to `close` (the opening bracket is already consumed). */
  function parseArgs(what: string, close: string): Expr[] {
    enter();
    const args: Expr[] = [];
    ws();
    if (text[i] === close) i++;
    else {
      for (;;) {
        args.push(parseArg());
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          break;
        }
        fail(`expected ',' or '${close}' in ${what} but found ${describeHere()}`);
      }
    }
    depth--;
    return args;
  }
  function parseArg(): Expr {
    ws();
    const lambda = LAMBDA.exec(text.slice(i, i + 80));
    if (!lambda) return parseOr();
    const pos = i;
    i += lambda[0].length;
    return { type: "lambda", param: lambda[1], body: parseOr(), pos };
  }
  function parsePrimary(): Expr {
    ws();
    const pos = i;
    const c = text[i];
    if (c === undefined) return fail("unexpected end of expression");
    if (c === "(") {
      i++;
      enter();
      const inner = parseOr();
      depth--;
      ws();
      if (text[i] !== ")") fail(`expected ')' but found ${describeHere()}`);
      i++;
      return inner;
    }
    if (c === "[") {
      i++;
      return { type: "array", items: parseArgs("array", "]"), pos };
    }
    if (c === "{") return parseObject(pos);
    if (c === '"' || c === "'") {
      const s = lexString(text, i);
      i = s.end;
      return { type: "literal", value: s.value, pos };
    }
    if (c === "-" || c === "." || /\d/.test(c)) {
      const n = lexNumber(text, i, true);
      if (n) {
        i = n.end;
        return { type: "literal", value: n.value, pos };
      }
    }
    if (/[A-Za-z_$@\\]/.test(c)) return parseNameOrCall(pos);
    return fail(`unexpected ${describeHere()}`);
  }
  function parseObject(pos: number): Expr {
    i++;
    enter();
    const entries: { key: string; value: Expr }[] = [];
    ws();
    if (text[i] === "}") i++;
    else {
      for (;;) {
        ws();
        let key: string;
        if (text[i] === '"' || text[i] === "'") {
          const s = lexString(text, i);
          key = s.value;
          i = s.end;
        } else {
          const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i));
          if (!id) fail(`expected a key in object literal but found ${describeHere()}`);
          key = id![0];
          i += key.length;
        }
        ws();
        if (text[i] !== ":") fail(`expected ':' after key "${key}" but found ${describeHere()}`);
        i++;
        entries.push({ key, value: parseOr() });
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          break;
        }
        fail(`expected ',' or '}' in object literal but found ${describeHere()}`);
      }
    }
    depth--;
    return { type: "object", entries, pos };
  }
  function parseNameOrCall(pos: number): Expr {
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (ident) {
      let j = i + ident[0].length;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] === "(") {
        i = j + 1;
        return { type: "call", name: ident[0], args: parseArgs(`call to ${ident[0]}`, ")"), pos };
      }
      const after = text[i + ident[0].length];
      if (after !== "." && after !== "[") {
        const w = ident[0];
        if (w === "true" || w === "false") {
          i += w.length;
          return { type: "literal", value: w === "true", pos };
        }
        if (w === "null") {
          i += w.length;
          return { type: "literal", value: null, pos };
        }
      }
    }
    const scanned = scanPath(text, i, true);
    i = scanned.end;
    const segs = scanned.segments;
    // `stateCode.equals("ca")`: the scanner read `equals` as a field name; it is a method call.
    const last = segs[segs.length - 1];
    if (segs.length > 1 && last.kind === "key" && /^\s*\(/.test(text.slice(i, i + 40)) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(last.key)) {
      const targetText = text.slice(pos, text.lastIndexOf(".", i - last.key.length));
      const target: Expr = { type: "path", segments: segs.slice(0, -1), text: targetText, pos };
      const mpos = i - last.key.length;
      i = text.indexOf("(", i) + 1;
      return { type: "method", name: last.key, target, args: parseArgs(last.key, ")"), pos: mpos };
    }
    return { type: "path", segments: segs, text: text.slice(pos, i), pos };
  }

  ws();
  if (i >= text.length) fail("expression is empty");
  const expr = parseOr();
  ws();
  if (i < text.length) fail(`unexpected ${describeHere()}`);
  return expr;
}
