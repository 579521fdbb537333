import type { PathSegment } from "./path";

// Compiled readers for source paths. Specialised closures for the common short all-key paths keep
// `apply` close to hand-written property access; inherited names (`constructor`, `toString`,
// `__proto__`…) are only read as own properties so a path can never reach a prototype.

/** Current `[*]` positions while mapping an array element-wise (outermost first). */
export type Indices = readonly number[];
export type Getter = (root: unknown, indices: Indices) => unknown;

const INHERITED = new Set<string>(Object.getOwnPropertyNames(Object.prototype));
const hasOwn = Object.prototype.hasOwnProperty;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function readKey(obj: unknown, key: string): unknown {
  if (!isRecord(obj)) return undefined;
  if (INHERITED.has(key)) return hasOwn.call(obj, key) ? obj[key] : undefined;
  return obj[key];
}

type Step = (v: unknown) => unknown;

function keyStep(key: string): Step {
  if (INHERITED.has(key)) return (v) => (isRecord(v) && hasOwn.call(v, key) ? v[key] : undefined);
  return (v) => (isRecord(v) ? v[key] : undefined);
}

function allSafeKeys(segs: PathSegment[]): string[] | null {
  const keys: string[] = [];
  for (const s of segs) {
    if (s.kind !== "key" || INHERITED.has(s.key)) return null;
    keys.push(s.key);
  }
  return keys;
}

/** Reader for a path without wildcards, starting at `v`. */
function compilePlain(segs: PathSegment[]): Step {
  const keys = allSafeKeys(segs);
  if (keys && keys.length === 1) {
    const [a] = keys;
    return (v) => (isRecord(v) ? v[a] : undefined);
  }
  if (keys && keys.length === 2) {
    const [a, b] = keys;
    return (v) => {
      if (!isRecord(v)) return undefined;
      const x = v[a];
      return isRecord(x) ? x[b] : undefined;
    };
  }
  if (keys && keys.length === 3) {
    const [a, b, c] = keys;
    return (v) => {
      if (!isRecord(v)) return undefined;
      const x = v[a];
      if (!isRecord(x)) return undefined;
      const y = x[b];
      return isRecord(y) ? y[c] : undefined;
    };
  }
  const steps: Step[] = segs.map((s) =>
    s.kind === "key" ? keyStep(s.key) : (v: unknown) => (Array.isArray(v) ? v[(s as { index: number }).index] : undefined),
  );
  if (steps.length === 0) return (v) => v;
  return (v) => {
    let cur = v;
    for (let i = 0; i < steps.length && cur !== undefined; i++) cur = steps[i](cur);
    return cur;
  };
}

/**
 * Reader for any path. The k-th `[*]` uses `indices[k]` when the target is being built
 * element-wise; otherwise it maps the rest of the path over every element (nested arrays for
 * nested wildcards).
 */
export function compileGetter(segs: PathSegment[], depth = 0): Getter {
  const w = segs.findIndex((s) => s.kind === "wildcard");
  if (w < 0) return compilePlain(segs); // a Step ignores `indices`: no wrapper call per read
  const head = compilePlain(segs.slice(0, w));
  const rest = compileGetter(segs.slice(w + 1), depth + 1);
  return (root, indices) => {
    const arr = head(root);
    if (!Array.isArray(arr)) return undefined;
    if (indices.length > depth) return rest(arr[indices[depth]], indices);
    const out = new Array(arr.length);
    for (let i = 0; i < arr.length; i++) out[i] = rest(arr[i], indices);
    return out;
  };
}

/**
 * Length of the array at the `indices.length`-th wildcard (given the outer indices), or -1 when the
 * path has no wildcard at that depth (the value is then broadcast to every element).
 */
export function compileLengthAt(segs: PathSegment[]): (root: unknown, indices: Indices) => number {
  const parts: PathSegment[][] = [[]];
  for (const s of segs) {
    if (s.kind === "wildcard") parts.push([]);
    else parts[parts.length - 1].push(s);
  }
  const readers = parts.map(compilePlain);
  return (root, indices) => {
    const level = indices.length;
    if (level >= readers.length - 1) return -1;
    let cur: unknown = readers[0](root);
    for (let k = 0; k < level; k++) {
      if (!Array.isArray(cur)) return 0;
      cur = readers[k + 1](cur[indices[k]]);
    }
    return Array.isArray(cur) ? cur.length : 0;
  };
}
