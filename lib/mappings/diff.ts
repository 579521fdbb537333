import type { MappingRule } from "@/lib/mapping-engine";

export type RuleChange = {
  target: string;
  kind: "added" | "removed" | "changed" | "same";
  before?: MappingRule;
  after?: MappingRule;
};

export function describeRule(r: MappingRule | undefined): string {
  if (!r) return "";
  const src = r.source !== undefined ? r.source : r.expression !== undefined ? `= ${r.expression}` : `const ${JSON.stringify(r.value)}`;
  return r.required ? `${src} (required)` : src;
}

/** Rules compared by target: what a publish or a restore changes, for the diff view and the audit. */
export function diffRules(before: MappingRule[], after: MappingRule[]): RuleChange[] {
  const a = new Map(before.map((r) => [r.target, r]));
  const b = new Map(after.map((r) => [r.target, r]));
  const targets = [...new Set([...a.keys(), ...b.keys()])].sort();
  return targets.map((target) => {
    const x = a.get(target);
    const y = b.get(target);
    if (!x) return { target, kind: "added", after: y };
    if (!y) return { target, kind: "removed", before: x };
    return { target, kind: describeRule(x) === describeRule(y) ? "same" : "changed", before: x, after: y };
  });
}

export function summarizeChanges(changes: RuleChange[]): { added: number; removed: number; changed: number } {
  return {
    added: changes.filter((c) => c.kind === "added").length,
    removed: changes.filter((c) => c.kind === "removed").length,
    changed: changes.filter((c) => c.kind === "changed").length,
  };
}
