import { MappingSyntaxError } from "./errors";

// Data Prep path syntax: `a.b`, `a[0].b`, `a[*].b` (element-wise), `${odd name}` and `\.` for a
// literal dot. Parsed once at compile time into segments; evaluation never re-parses.

export type PathSegment = { kind: "key"; key: string } | { kind: "index"; index: number } | { kind: "wildcard" };

export interface ScannedPath {
  segments: PathSegment[];
  end: number;
}

/** Characters that end a bare name inside an expression (operators, punctuation, whitespace). */
const EXPR_STOP = /[\s,()!=<>&|"'+*/%?;{}\]]/;

/**
 * Scans a path starting at `start`. In expression mode a bare name stops at operator and
 * punctuation characters; in standalone mode (rule `source`/`target`) only `.`, `[` and `\` are
 * special, so names like `first-name` or `a b` work without escaping.
 */
export function scanPath(text: string, start: number, inExpression: boolean): ScannedPath {
  const segments: PathSegment[] = [];
  let i = start;
  let expectName = true;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "[") {
      const close = text.indexOf("]", i);
      if (close < 0) throw new MappingSyntaxError(`unclosed '[' in path`, i);
      const inner = text.slice(i + 1, close).trim();
      if (inner === "*") segments.push({ kind: "wildcard" });
      else if (/^\d{1,9}$/.test(inner)) segments.push({ kind: "index", index: Number(inner) });
      else throw new MappingSyntaxError(`array index must be a non-negative integer or '*', got '${inner}'`, i + 1);
      i = close + 1;
      expectName = false;
      continue;
    }
    if (ch === ".") {
      if (expectName) throw new MappingSyntaxError("empty path segment", i);
      i++;
      expectName = true;
      continue;
    }
    if (!expectName) break; // e.g. `a[0]b`: in expressions the path simply ends here
    if (ch === "$" && text[i + 1] === "{") {
      // `${First Name}`, and `${First\.Name}` (functions.md): a backslash escapes the next character.
      let key = "";
      let j = i + 2;
      while (j < text.length && text[j] !== "}") {
        if (text[j] === "\\" && j + 1 < text.length) {
          key += text[j + 1];
          j += 2;
          continue;
        }
        key += text[j++];
      }
      if (j >= text.length) throw new MappingSyntaxError("unclosed '${' in path", i);
      segments.push({ kind: "key", key });
      i = j + 1;
      expectName = false;
      continue;
    }
    let name = "";
    const nameStart = i;
    while (i < text.length) {
      const c = text[i];
      if (c === "\\" && i + 1 < text.length) {
        name += text[i + 1];
        i += 2;
        continue;
      }
      if (c === "." || c === "[") break;
      if (inExpression && EXPR_STOP.test(c)) break;
      name += c;
      i++;
    }
    if (name === "") {
      if (i === nameStart && segments.length === 0) throw new MappingSyntaxError("expected a path", i);
      throw new MappingSyntaxError("empty path segment", i);
    }
    segments.push({ kind: "key", key: name });
    expectName = false;
  }
  if (expectName && segments.length > 0) throw new MappingSyntaxError("path ends with '.'", i);
  if (segments.length === 0) throw new MappingSyntaxError("expected a path", start);
  return { segments, end: i };
}

/** Parses a complete standalone path (a rule's `source` or `target`). */
export function parsePath(text: string): PathSegment[] {
  if (typeof text !== "string" || text.trim() === "") throw new MappingSyntaxError("path is empty", 0);
  const { segments, end } = scanPath(text, 0, false);
  if (end !== text.length) throw new MappingSyntaxError(`unexpected '${text[end]}' in path`, end);
  return segments;
}

export function formatPath(segments: PathSegment[]): string {
  let out = "";
  for (const s of segments) {
    if (s.kind === "index") out += `[${s.index}]`;
    else if (s.kind === "wildcard") out += "[*]";
    else {
      // Escape anything that would not survive as a bare name inside an expression.
      const needsEscape = !/^[A-Za-z_@][A-Za-z0-9_@-]*$/.test(s.key);
      out += (out ? "." : "") + (needsEscape ? "${" + s.key.replace(/[\\}]/g, "\\$&") + "}" : s.key);
    }
  }
  return out;
}

export function countWildcards(segments: PathSegment[]): number {
  let n = 0;
  for (const s of segments) if (s.kind === "wildcard") n++;
  return n;
}
