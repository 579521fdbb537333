import { TransformError } from "../errors";

// User regexes run on the worker's event loop, so a catastrophic-backtracking pattern would stall
// every delivery. JS has no regex timeout: we bound the input size and reject the pattern shapes
// that backtrack exponentially (quantified groups containing quantifiers or alternation,
// backreferences), then cache the compiled RegExp.

export const MAX_REGEX_PATTERN_LENGTH = 512;
export const MAX_REGEX_INPUT_LENGTH = 16_384;

const cache = new Map<string, RegExp>();

/** Returns a reason the pattern is unsafe, or null. Heuristic, deliberately conservative. */
export function unsafeRegexReason(pattern: string): string | null {
  if (pattern.length > MAX_REGEX_PATTERN_LENGTH) return `pattern longer than ${MAX_REGEX_PATTERN_LENGTH} characters`;
  if (/\\[1-9]|\\k</.test(pattern)) return "backreferences are not allowed";
  // Lookarounds keep V8 on its backtracking engine (no linear-time fallback), so refuse them too.
  if (/\(\?<?[=!]/.test(pattern)) return "lookahead and lookbehind are not allowed";
  // Stack of groups: whether each contains a quantifier or an alternation.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") {
      inClass = true;
      continue;
    }
    if (c === "(") {
      stack.push({ quantified: false, alternation: false });
      continue;
    }
    if (c === "|" && stack.length) {
      stack[stack.length - 1].alternation = true;
      continue;
    }
    // Only variable-count quantifiers matter: a fixed `{2}` inside a repeated group stays linear.
    const isQuant = c === "*" || c === "+" || (c === "{" && /^\{\d+,\d*\}/.test(pattern.slice(i)));
    if (c === ")") {
      const g = stack.pop();
      if (!g) return "unbalanced parenthesis";
      const next = pattern[i + 1];
      const groupQuantified = next === "*" || next === "+" || (next === "{" && /^\{\d+,\d*\}/.test(pattern.slice(i + 1)));
      if (groupQuantified && (g.quantified || g.alternation)) return "nested quantifiers can backtrack catastrophically";
      if (stack.length && (g.quantified || groupQuantified)) stack[stack.length - 1].quantified = true;
      continue;
    }
    if (isQuant && stack.length) stack[stack.length - 1].quantified = true;
  }
  if (stack.length) return "unbalanced parenthesis";
  return null;
}

export function safeRegex(pattern: unknown, flags = ""): RegExp {
  if (typeof pattern !== "string") throw new TransformError("regex must be a string");
  const key = flags + "/" + pattern;
  const hit = cache.get(key);
  if (hit) return hit;
  const reason = unsafeRegexReason(pattern);
  if (reason) throw new TransformError(`regex rejected: ${reason}`);
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags);
  } catch (e) {
    throw new TransformError(`invalid regex: ${(e as Error).message}`);
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, re);
  return re;
}

export function checkRegexInput(s: string): string {
  if (s.length > MAX_REGEX_INPUT_LENGTH) throw new TransformError(`regex input longer than ${MAX_REGEX_INPUT_LENGTH} characters`);
  return s;
}
