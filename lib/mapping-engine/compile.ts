import { compileGetter, compileLengthAt } from "./accessors";
import { compileBuilder } from "./apply";
import { compileExpression } from "./compile-expression";
import { MappingCompileError, MappingSyntaxError, type RuleCompileIssue } from "./errors";
import { countWildcards, formatPath, parsePath, type PathSegment } from "./path";
import type { CompiledMapping, CompileOptions, Leaf, MappingRule, TargetNode } from "./types";
import { coerceTo, type TargetType } from "./values";

// compile(rules) parses every path and expression once and arranges the targets in a tree, so
// apply() is a single walk that builds only the output objects that end up non-empty.

export const MAX_RULES = 2000;

function makeLeaf(rule: MappingRule, segments: PathSegment[], options: CompileOptions): Leaf {
  const kinds = ["source", "value", "expression"].filter((k) => (rule as unknown as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1)
    throw new MappingSyntaxError(`a rule needs exactly one of source, value or expression (got ${kinds.length ? kinds.join(", ") : "none"})`, 0);
  let evaluate: Leaf["evaluate"];
  let lengthAt: Leaf["lengthAt"] = () => -1;
  if (rule.source !== undefined) {
    const src = parsePath(rule.source);
    evaluate = compileGetter(src);
    if (countWildcards(src) > 0) lengthAt = compileLengthAt(src);
  } else if (rule.expression !== undefined) {
    const ce = compileExpression(rule.expression);
    evaluate = ce.evaluate;
    lengthAt = ce.lengthAt;
  } else {
    const v = rule.value;
    evaluate = () => v;
  }
  const type = options.targetType?.(segments);
  const coerce = type ? coercer(type) : undefined;
  const v = rule.value;
  const constant =
    rule.source === undefined && rule.expression === undefined && (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      ? { value: v }
      : undefined;
  return { target: rule.target, segments, required: rule.required === true, evaluate, lengthAt, coerce, type: coerce ? type : undefined, constant };
}

function coercer(type: TargetType): ((v: unknown) => unknown) | undefined {
  if (type === "object" || type === "array") return undefined;
  const one = (v: unknown) => coerceTo(type, v);
  return (v) => (Array.isArray(v) ? v.map(one) : one(v));
}

function insert(root: TargetNode & { kind: "object" }, segs: PathSegment[], leaf: Leaf): void {
  let node: TargetNode = root;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    const here = formatPath(segs.slice(0, i + 1));
    const fresh = (): TargetNode => {
      if (last) return { kind: "leaf", leaf };
      return segs[i + 1].kind === "key" ? { kind: "object", children: [] } : { kind: "array", items: [], leaves: [] };
    };
    let next: TargetNode | undefined;
    if (node.kind === "leaf") throw new Error(`'${here}' is inside a field that is already mapped as a whole`);
    if (node.kind === "object") {
      if (seg.kind !== "key") throw new Error(`'${here}': an index cannot follow an object field`);
      next = node.children.find((c) => c.key === seg.key)?.node;
      if (!next) node.children.push({ key: seg.key, unsafe: seg.key === "__proto__", node: (next = fresh()) });
    } else {
      node.leaves.push(leaf);
      if (seg.kind === "key") throw new Error(`'${here}': a field name cannot follow an array`);
      if (seg.kind === "wildcard") {
        if (node.items.length) throw new Error(`'${here}': cannot mix [*] and fixed indexes on one array`);
        next = node.each ??= fresh();
      } else {
        if (node.each) throw new Error(`'${here}': cannot mix [*] and fixed indexes on one array`);
        next = node.items.find((c) => c.index === seg.index)?.node;
        if (!next) {
          node.items.push({ index: seg.index, node: (next = fresh()) });
          node.items.sort((a, b) => a.index - b.index);
        }
      }
    }
    if (last && next.kind !== "leaf") throw new Error(`target '${here}' is also the parent of other targets`);
    if (last && next.kind === "leaf" && next.leaf !== leaf) throw new Error(`target '${here}' is mapped more than once`);
    node = next;
  }
}

/** Compiles rules; throws MappingCompileError listing every bad rule (with positions) at once. */
export function compile(rules: readonly MappingRule[], options: CompileOptions = {}): CompiledMapping {
  if (!Array.isArray(rules)) throw new MappingCompileError([{ index: -1, target: "", message: "rules must be an array" }]);
  if (rules.length > MAX_RULES) throw new MappingCompileError([{ index: -1, target: "", message: `more than ${MAX_RULES} rules` }]);
  const root: TargetNode & { kind: "object" } = { kind: "object", children: [] };
  const issues: RuleCompileIssue[] = [];
  rules.forEach((rule, index) => {
    const target = typeof rule?.target === "string" ? rule.target : "";
    try {
      const segs = parsePath(target);
      if (segs[0].kind !== "key") throw new MappingSyntaxError("a target must start with a field name", 0);
      insert(root, segs, makeLeaf(rule, segs, options));
    } catch (e) {
      const err = e as Error;
      issues.push({
        index,
        target,
        message: err instanceof MappingSyntaxError ? err.message : err.message,
        position: err instanceof MappingSyntaxError ? err.position : undefined,
      });
    }
  });
  if (issues.length) throw new MappingCompileError(issues);
  return Object.freeze({ rules: Object.freeze([...rules]), root, leafCount: rules.length, build: compileBuilder(root) });
}
