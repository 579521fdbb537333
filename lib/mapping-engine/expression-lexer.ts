import { MappingSyntaxError } from "./errors";

// Literal lexing shared by the expression parser: quoted strings (with JSON-style escapes) and
// numbers. Kept apart so the grammar in expression-parser.ts stays readable.

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "\\": "\\", '"': '"', "'": "'", "/": "/" };

/** Reads a string literal starting at the opening quote; returns its value and the index after it. */
export function lexString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let i = start + 1;
  let out = "";
  while (i < text.length && text[i] !== quote) {
    if (text[i] === "\\") {
      const e = text[i + 1];
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (e === undefined || !(e in ESCAPES)) {
        // Regex text such as explode(s, "\|") or "\." is common in Data Prep expressions: an unknown
        // escape keeps its backslash (Java regex then sees the escape it was meant for).
        if (e === undefined) throw new MappingSyntaxError("unterminated string literal", start);
        out += "\\" + e;
        i += 2;
        continue;
      }
      out += ESCAPES[e];
      i += 2;
      continue;
    }
    out += text[i++];
  }
  if (i >= text.length) throw new MappingSyntaxError("unterminated string literal", start);
  return { value: out, end: i + 1 };
}

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** A number literal at `i` (optionally signed when `signed`), or null. */
export function lexNumber(text: string, i: number, signed: boolean): { value: number; end: number } | null {
  let j = i;
  if (signed && text[j] === "-") j++;
  const m = NUMBER.exec(text.slice(j, j + 64));
  if (!m) return null;
  return { value: Number(text.slice(i, j + m[0].length)), end: j + m[0].length };
}
