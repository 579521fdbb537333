/** Deeper than any real push or AEP export; shallow enough that nothing recursive downstream overflows. */
export const MAX_JSON_DEPTH = 64;

export type JsonTextProblem = { code: "too_deep" | "nul_character" | "lone_surrogate"; message: string };

const hex4 = (text: string, at: number) => (/^[0-9a-fA-F]{4}$/.test(text.slice(at, at + 4)) ? parseInt(text.slice(at, at + 4), 16) : -1);

/**
 * What JSON.parse accepts but the rest of the path cannot take, found in one pass over the text:
 * - nesting deeper than `limit`: JSON.parse takes 100,000 levels, but JSON.stringify, canonical
 *   hashing and the driver recurse, so a 20,000-deep body overflowed the stack after the checks;
 * - the escape \u0000, or a \uD800–\uDFFF escape that is not half of a surrogate pair, in a
 *   string: PostgreSQL's jsonb cannot store them and refused the insert.
 * Each surfaced as a 503 or 500 in fuzz-inbound.test.ts; they are the sender's fault, so 400s.
 */
export function jsonTextProblem(text: string, limit = MAX_JSON_DEPTH): JsonTextProblem | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) {
        const u = text[i + 1] === "u" ? hex4(text, i + 2) : -1;
        if (u === 0) return { code: "nul_character", message: "The body contains the escape \\u0000, which cannot be stored." };
        if (u >= 0xd800 && u <= 0xdfff) {
          const low = text.startsWith("\\u", i + 6) ? hex4(text, i + 8) : -1;
          if (u > 0xdbff || low < 0xdc00 || low > 0xdfff)
            return { code: "lone_surrogate", message: "The body contains a \\u escape of half a surrogate pair, which is not valid Unicode." };
          i += 6;
        }
        i++;
      } else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return { code: "too_deep", message: `The body nests arrays and objects more than ${limit} levels deep.` };
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return null;
}

/**
 * False for a string the database path cannot take as text: NUL (PostgreSQL refuses it) or half a
 * surrogate pair (Prisma cannot serialise it). An id in a URL path carrying either answered 500.
 */
export function isStorableText(s: string): boolean {
  return !s.includes("\0") && s.isWellFormed();
}

/** `s` with NUL and half surrogate pairs replaced by U+FFFD, so it can be stored as text. */
export function toStorableText(s: string): string {
  return s.replaceAll("\0", "\uFFFD").toWellFormed();
}
