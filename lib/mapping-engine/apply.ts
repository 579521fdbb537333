import type { Indices } from "./accessors";
import { admitPayload } from "./payload-guard";
import type { ApplyResult, CompiledMapping, Leaf, MappingIssue, TargetNode } from "./types";
import { setOwn, toOutputValue } from "./values";

// apply(compiled, payload): one walk of the target tree. A rule whose transform throws is nulled
// (omitted) and reported; empty results are omitted; a required target left empty is reported.

const NO_INDICES: Indices = [];
// Module-local aliases: bundlers/tsx may compile imports to getter lookups on every call.
const toOutput = toOutputValue;
const setOwnProp = setOwn;
const admit = admitPayload;

function labelFor(leaf: Leaf, indices: Indices): string {
  if (indices.length === 0) return leaf.target;
  let k = 0;
  return leaf.target.replace(/\[\s*\*\s*\]/g, (m) => (k < indices.length ? `[${indices[k++]}]` : m));
}

function evalLeaf(leaf: Leaf, root: unknown, indices: Indices, errors: MappingIssue[]): unknown {
  let v: unknown;
  try {
    v = leaf.evaluate(root, indices);
    if (leaf.coerce !== undefined && v !== undefined && v !== null) v = leaf.coerce(v);
    // Fast path for the common scalar cases; everything else is copied and pruned.
    if (v === undefined) { /* missing source: omitted */ }
    else if (typeof v === "string") { if (v === "") v = undefined; }
    else if (typeof v === "number") { if (!Number.isFinite(v)) v = undefined; }
    else if (typeof v !== "boolean") v = toOutput(v);
  } catch (e) {
    errors.push({ target: labelFor(leaf, indices), message: e instanceof Error ? e.message : String(e) });
    v = undefined;
  }
  if (v === undefined && leaf.required) errors.push({ target: labelFor(leaf, indices), message: "required field is empty" });
  return v;
}

function build(node: TargetNode, root: unknown, indices: Indices, errors: MappingIssue[]): unknown {
  if (node.kind === "leaf") return evalLeaf(node.leaf, root, indices, errors);
  if (node.kind === "object") {
    let out: Record<string, unknown> | undefined;
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const v = build(c.node, root, indices, errors);
      if (v === undefined) continue;
      if (out === undefined) out = {};
      if (c.unsafe) setOwnProp(out, c.key, v);
      else out[c.key] = v;
    }
    return out;
  }
  const out: unknown[] = [];
  let n = -1;
  if (node.each) {
    for (const leaf of node.leaves) n = Math.max(n, leaf.lengthAt(root, indices));
    for (let i = 0; i < n; i++) {
      const v = build(node.each, root, [...indices, i], errors);
      if (v !== undefined) out.push(v); // XDM arrays may not hold nulls: compact
    }
  } else {
    for (const item of node.items) {
      const v = build(item.node, root, indices, errors);
      if (v !== undefined) out.push(v);
    }
  }
  if (out.length === 0) {
    // Report required leaves under an array that produced no element at all.
    if (node.each && n <= 0) for (const leaf of node.leaves) if (leaf.required) errors.push({ target: leaf.target, message: "required field is empty" });
    return undefined;
  }
  return out;
}

/**
 * Maps one payload (object or JSON string). Throws PayloadRejectedError for payloads over 1 MB
 * (string form) or nested deeper than 64; everything else is reported in `errors`.
 */
export function apply(compiled: CompiledMapping, payload: unknown): ApplyResult {
  const root = admit(payload);
  const errors: MappingIssue[] = [];
  const output = (build(compiled.root, root, NO_INDICES, errors) as Record<string, unknown> | undefined) ?? {};
  return { output, errors };
}
