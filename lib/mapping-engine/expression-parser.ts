import { MappingSyntaxError } from "./errors";
import { scanPath, type PathSegment } from "./path";

// Recursive-descent parser for calculated fields. Grammar (loosest first):
//   or  := and ("||" and)*        and := cmp ("&&" cmp)*
//   cmp := unary (("=="|"!="|"<"|">"|"<="|">=") unary)?
//   unary := "!" unary | primary
//   primary := literal | name "(" args ")" | path | "(" or ")"
// Every node keeps its source position so errors point at the right character.

export type Expr =
  | { type: "literal"; value: string | number | boolean | null; pos: number }
  | { type: "path"; segments: PathSegment[]; text: string; pos: number }
  | { type: "call"; name: string; args: Expr[]; pos: number }
  | { type: "not"; arg: Expr; pos: number }
  | { type: "binary"; op: BinaryOp; left: Expr; right: Expr; pos: number };

export type BinaryOp = "==" | "!=" | "<" | ">" | "<=" | ">=" | "&&" | "||";

/** Data Prep caps calculated fields at 4096 characters. */
export const MAX_EXPRESSION_LENGTH = 4096;
const MAX_NESTING = 64;

const COMPARATORS = ["==", "!=", "<=", ">=", "<", ">"] as const;

export function parseExpression(text: string): Expr {
  if (typeof text !== "string") throw new MappingSyntaxError("expression must be a string", 0);
  if (text.length > MAX_EXPRESSION_LENGTH) throw new MappingSyntaxError(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH);
  let i = 0;
  let depth = 0;

  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const peek = (s: string) => text.startsWith(s, i);
  const fail = (msg: string, at = i): never => { throw new MappingSyntaxError(msg, at); };
  const describeHere = () => (i >= text.length ? "end of expression" : `'${text[i]}'`);

  function parseOr(): Expr {
    let left = parseAnd();
    for (ws(); peek("||"); ws()) {
      const pos = i; i += 2;
      left = { type: "binary", op: "||", left, right: parseAnd(), pos };
    }
    return left;
  }
  function parseAnd(): Expr {
    let left = parseCmp();
    for (ws(); peek("&&"); ws()) {
      const pos = i; i += 2;
      left = { type: "binary", op: "&&", left, right: parseCmp(), pos };
    }
    return left;
  }
  function parseCmp(): Expr {
    const left = parseUnary();
    ws();
    const op = COMPARATORS.find((c) => peek(c));
    if (!op) return left;
    const pos = i; i += op.length;
    const right = parseUnary();
    ws();
    if (COMPARATORS.some((c) => peek(c))) fail("comparisons cannot be chained; use && or parentheses");
    return { type: "binary", op, left, right, pos };
  }
  function parseUnary(): Expr {
    ws();
    if (text[i] === "!" && text[i + 1] !== "=") {
      const pos = i++;
      if (++depth > MAX_NESTING) fail("expression nested too deeply");
      const arg = parseUnary();
      depth--;
      return { type: "not", arg, pos };
    }
    return parsePrimary();
  }
  function parsePrimary(): Expr {
    ws();
    const pos = i;
    const c = text[i];
    if (c === undefined) return fail("unexpected end of expression");
    if (c === "(") {
      i++;
      if (++depth > MAX_NESTING) fail("expression nested too deeply");
      const inner = parseOr();
      depth--;
      ws();
      if (text[i] !== ")") fail(`expected ')' but found ${describeHere()}`);
      i++;
      return inner;
    }
    if (c === '"' || c === "'") return { type: "literal", value: parseString(c), pos };
    const num = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (num && (c === "-" || c === "." || /\d/.test(c))) {
      i += num[0].length;
      return { type: "literal", value: Number(num[0]), pos };
    }
    if (/[A-Za-z_$@\\]/.test(c)) return parseNameOrCall(pos);
    return fail(`unexpected ${describeHere()}`);
  }
  function parseNameOrCall(pos: number): Expr {
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (ident) {
      let j = i + ident[0].length;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] === "(") {
        i = j + 1;
        if (++depth > MAX_NESTING) fail("expression nested too deeply");
        const args: Expr[] = [];
        ws();
        if (text[i] === ")") i++;
        else {
          for (;;) {
            args.push(parseOr());
            ws();
            if (text[i] === ",") { i++; continue; }
            if (text[i] === ")") { i++; break; }
            fail(`expected ',' or ')' in call to ${ident[0]} but found ${describeHere()}`);
          }
        }
        depth--;
        return { type: "call", name: ident[0], args, pos };
      }
      const after = text[i + ident[0].length];
      if (after !== "." && after !== "[") {
        const w = ident[0];
        if (w === "true" || w === "false") { i += w.length; return { type: "literal", value: w === "true", pos }; }
        if (w === "null") { i += w.length; return { type: "literal", value: null, pos }; }
      }
    }
    const scanned = scanPath(text, i, true);
    i = scanned.end;
    return { type: "path", segments: scanned.segments, text: text.slice(pos, i), pos };
  }
  function parseString(quote: string): string {
    const start = i++;
    let out = "";
    while (i < text.length && text[i] !== quote) {
      if (text[i] === "\\") {
        const e = text[i + 1];
        const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", "/": "/" };
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6; continue; }
        if (e === undefined || !(e in map)) fail(`invalid escape '\\${e ?? ""}' in string`);
        out += map[e]; i += 2;
        continue;
      }
      out += text[i++];
    }
    if (i >= text.length) fail("unterminated string literal", start);
    i++;
    return out;
  }

  ws();
  if (i >= text.length) fail("expression is empty");
  const expr = parseOr();
  ws();
  if (i < text.length) fail(`unexpected ${describeHere()}`);
  return expr;
}
