import { MAX_JSON_DEPTH } from "@/lib/http/json-text";

export type InputProblem = { path: string; message: string };

const NUL = "contains a NUL character (\\u0000), which cannot be stored.";
const SURROGATE = "contains half of a Unicode surrogate pair, which is not valid text.";

function textProblem(s: string): string | null {
  if (s.includes("\0")) return NUL;
  return s.isWellFormed() ? null : SURROGATE;
}

/**
 * What a server action's input may not carry, found before its schema runs: strings (values and
 * keys) the database cannot store — NUL, or half a surrogate pair — and nesting deeper than the
 * REST routes accept. Without it these reached Prisma or recursive code and the person got
 * "Something went wrong"; the routes answer them with a 400, and so do actions now ("invalid").
 * Walks with its own stack, so a 100,000-deep input cannot overflow it.
 */
export function inputProblem(input: unknown, maxDepth = MAX_JSON_DEPTH): InputProblem | null {
  const stack: { value: unknown; path: string[]; depth: number }[] = [{ value: input, path: [], depth: 0 }];
  const seen = new Set<object>();
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return { path: path.join("."), message: `This value ${problem}` };
      continue;
    }
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (depth >= maxDepth) return { path: path.join("."), message: `The input nests arrays and objects more than ${maxDepth} levels deep.` };
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: path.join("."), message: `A field name ${keyProblem}` };
      stack.push({ value: child, path: [...path, key], depth: depth + 1 });
    }
  }
  return null;
}
