import type { Indices } from "./accessors";
import { isoStringFromMs } from "./dates";
import { admitPayload } from "./payload-guard";
import type { ApplyResult, Builder, CompiledMapping, Leaf, MappingIssue, TargetNode } from "./types";
import { setOwn, toOutputValue } from "./values";

// apply(compiled, payload): one walk of the target tree. A rule whose transform throws is nulled
// (omitted) and reported; empty results are omitted; a required target left empty is reported.
//
// The walk is itself compiled: compileBuilder turns every node of the target tree into a closure
// once (at compile time), so apply does no node-kind dispatch, and each leaf gets a fast path for
// the value its target type expects (a non-empty string for a string field, a valid Date for a
// date-time field…) that skips the generic coerce/normalise steps those values pass through
// unchanged. Anything else takes the generic path (finishLeaf), which is the original evalLeaf.

const NO_INDICES: Indices = [];
// Module-local aliases: bundlers/tsx may compile imports to getter lookups on every call.
const toOutput = toOutputValue;
const setOwnProp = setOwn;
const admit = admitPayload;
const isoFromMs = isoStringFromMs;

function labelFor(leaf: Leaf, indices: Indices): string {
  if (indices.length === 0) return leaf.target;
  let k = 0;
  return leaf.target.replace(/\[\s*\*\s*\]/g, (m) => (k < indices.length ? `[${indices[k++]}]` : m));
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The evaluate step threw: report it (and the required-field error) and omit the field. */
function failLeaf(leaf: Leaf, indices: Indices, errors: MappingIssue[], e: unknown): undefined {
  errors.push({ target: labelFor(leaf, indices), message: messageOf(e) });
  if (leaf.required) errors.push({ target: labelFor(leaf, indices), message: "required field is empty" });
  return undefined;
}

/** Generic tail of a leaf once its source value `v` is known: coerce, normalise, report. */
function finishLeaf(leaf: Leaf, v: unknown, indices: Indices, errors: MappingIssue[]): unknown {
  try {
    if (leaf.coerce !== undefined && v !== undefined && v !== null) v = leaf.coerce(v);
    // Fast path for the common scalar cases; everything else is copied and pruned.
    if (v === undefined) {
      /* missing source: omitted */
    } else if (typeof v === "string") {
      if (v === "") v = undefined;
    } else if (typeof v === "number") {
      if (!Number.isFinite(v)) v = undefined;
    } else if (typeof v !== "boolean") v = toOutput(v);
  } catch (e) {
    errors.push({ target: labelFor(leaf, indices), message: messageOf(e) });
    v = undefined;
  }
  if (v === undefined && leaf.required) errors.push({ target: labelFor(leaf, indices), message: "required field is empty" });
  return v;
}

/**
 * A leaf's builder. The fast paths only return values for which finishLeaf would return the very
 * same value: coerceTo leaves a string unchanged for string targets, a number for integer/number
 * targets, a boolean for boolean targets and a Date for date-time targets, and the normalisation
 * keeps non-empty strings, finite numbers and booleans and writes valid Dates as RFC 3339.
 */
function leafBuilder(leaf: Leaf): Builder {
  const evaluate = leaf.evaluate;
  const t = leaf.coerce === undefined ? "any" : leaf.type;
  const strings = t === "any" || t === "string";
  const numbers = t === "any" || t === "integer" || t === "number";
  const booleans = t === "any" || t === "boolean";
  const dates = t === "any" || t === "date-time";
  // Constant rules with a primitive value: the result never changes, compute it once.
  if (leaf.constant !== undefined) {
    const probe: MappingIssue[] = [];
    const c = finishLeaf(leaf, leaf.constant.value, NO_INDICES, probe);
    if (probe.length === 0 && c !== undefined && typeof c !== "object") return () => c;
  }
  if (strings && !numbers) {
    // The common case (string-typed field): one type check.
    return (root, indices, errors) => {
      let v: unknown;
      try {
        v = evaluate(root, indices);
      } catch (e) {
        return failLeaf(leaf, indices, errors, e);
      }
      if (typeof v === "string" && v !== "") return v;
      return finishLeaf(leaf, v, indices, errors);
    };
  }
  return (root, indices, errors) => {
    let v: unknown;
    try {
      v = evaluate(root, indices);
    } catch (e) {
      return failLeaf(leaf, indices, errors, e);
    }
    switch (typeof v) {
      case "string":
        if (strings && v !== "") return v;
        break;
      case "number":
        if (numbers && Number.isFinite(v)) return v;
        break;
      case "boolean":
        if (booleans) return v;
        break;
      case "object":
        if (dates && v instanceof Date) {
          const ms = v.getTime();
          if (!Number.isNaN(ms)) return isoFromMs(ms);
        }
        break;
    }
    return finishLeaf(leaf, v, indices, errors);
  };
}

function objectBuilder(node: Extract<TargetNode, { kind: "object" }>): Builder {
  const n = node.children.length;
  const keys = node.children.map((c) => c.key);
  const unsafe = node.children.map((c) => c.unsafe);
  const builders = node.children.map((c) => compileBuilder(c.node));
  if (!unsafe.includes(true)) {
    return (root, indices, errors) => {
      let out: Record<string, unknown> | undefined;
      for (let i = 0; i < n; i++) {
        const v = builders[i](root, indices, errors);
        if (v === undefined) continue;
        if (out === undefined) out = {};
        out[keys[i]] = v;
      }
      return out;
    };
  }
  return (root, indices, errors) => {
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < n; i++) {
      const v = builders[i](root, indices, errors);
      if (v === undefined) continue;
      if (out === undefined) out = {};
      if (unsafe[i]) setOwnProp(out, keys[i], v);
      else out[keys[i]] = v;
    }
    return out;
  };
}

function arrayBuilder(node: Extract<TargetNode, { kind: "array" }>): Builder {
  const leaves = node.leaves;
  if (node.each) {
    const each = compileBuilder(node.each);
    return (root, indices, errors) => {
      const out: unknown[] = [];
      let n = -1;
      for (const leaf of leaves) n = Math.max(n, leaf.lengthAt(root, indices));
      for (let i = 0; i < n; i++) {
        const v = each(root, [...indices, i], errors);
        if (v !== undefined) out.push(v); // XDM arrays may not hold nulls: compact
      }
      if (out.length === 0) {
        // Report required leaves under an array that produced no element at all.
        if (n <= 0) for (const leaf of leaves) if (leaf.required) errors.push({ target: leaf.target, message: "required field is empty" });
        return undefined;
      }
      return out;
    };
  }
  const items = node.items.map((it) => compileBuilder(it.node));
  const count = items.length;
  return (root, indices, errors) => {
    let out: unknown[] | undefined;
    for (let i = 0; i < count; i++) {
      const v = items[i](root, indices, errors);
      if (v === undefined) continue;
      if (out === undefined) out = [];
      out.push(v);
    }
    return out;
  };
}

/** Compiles the walk of a target (sub)tree into one closure; done once per compiled mapping. */
export function compileBuilder(node: TargetNode): Builder {
  if (node.kind === "leaf") return leafBuilder(node.leaf);
  if (node.kind === "object") return objectBuilder(node);
  return arrayBuilder(node);
}

// Mappings built by hand rather than by compile() (no `build`): compile their walk on first use.
const lateBuilders = new WeakMap<CompiledMapping, Builder>();

/**
 * Maps one payload (object or JSON string). Throws PayloadRejectedError for payloads over 1 MB
 * (string form) or nested deeper than 64; everything else is reported in `errors`.
 */
export function apply(compiled: CompiledMapping, payload: unknown): ApplyResult {
  const root = admit(payload);
  const errors: MappingIssue[] = [];
  let build = compiled.build;
  if (build === undefined) {
    build = lateBuilders.get(compiled);
    if (build === undefined) lateBuilders.set(compiled, (build = compileBuilder(compiled.root)));
  }
  const output = (build(root, NO_INDICES, errors) as Record<string, unknown> | undefined) ?? {};
  return { output, errors };
}
