import { listFields, type XdmNode, type XdmSchemaModel } from "@/lib/xdm";
import { parseDateAuto } from "./dates";
import { formatPath, type PathSegment } from "./path";

// Auto-suggest: propose source→target rules from a sample payload by name similarity (leaf name
// and parent context, camelCase/snake_case-insensitive) weighted by type compatibility. Greedy
// one-to-one assignment, best score first.

export interface MappingSuggestion {
  source: string;
  target: string;
  confidence: number;
  reason: string;
}

type SourceKind = "string" | "integer" | "number" | "boolean" | "date-string" | "array";
interface SourceField {
  path: string;
  name: string;
  parents: string[];
  kind: SourceKind;
}

function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
const norm = (s: string) => words(s).join("");

function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
  let hits = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2),
      n = grams.get(g) ?? 0;
    if (n > 0) {
      hits++;
      grams.set(g, n - 1);
    }
  }
  return (2 * hits) / (a.length + b.length - 2);
}

function contextSim(a: string[], b: string[]): number {
  const A = new Set(a.flatMap(words)),
    B = new Set(b.flatMap(words));
  if (A.size === 0 && B.size === 0) return 1;
  if (A.size === 0 || B.size === 0) return 0.3;
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / new Set([...A, ...B]).size;
}

function collect(v: unknown, segs: PathSegment[], out: SourceField[], depth: number): void {
  if (depth > 16 || v === null || v === undefined) return;
  if (Array.isArray(v)) {
    if (v.length && typeof v[0] === "object" && v[0] !== null && !Array.isArray(v[0])) collect(v[0], [...segs, { kind: "wildcard" }], out, depth + 1);
    else if (segs.length) out.push(field(segs, "array"));
    return;
  }
  if (typeof v === "object") {
    for (const [k, child] of Object.entries(v)) collect(child, [...segs, { kind: "key", key: k }], out, depth + 1);
    return;
  }
  if (!segs.length) return;
  const kind: SourceKind =
    typeof v === "boolean"
      ? "boolean"
      : typeof v === "number"
        ? Number.isInteger(v)
          ? "integer"
          : "number"
        : typeof v === "string" && /\d{4}/.test(v) && parseDateAuto(v)
          ? "date-string"
          : "string";
  out.push(field(segs, kind));
}

function field(segs: PathSegment[], kind: SourceKind): SourceField {
  const keys = segs.filter((s): s is { kind: "key"; key: string } => s.kind === "key").map((s) => s.key);
  return { path: formatPath(segs), name: keys[keys.length - 1] ?? "", parents: keys.slice(0, -1), kind };
}

/** 1 = same type, <1 = Data Prep converts it, 0 = incompatible. */
function typeFit(kind: SourceKind, t: XdmNode): [number, string] {
  const fmt = t.format;
  if (t.type === "string" && (fmt === "date-time" || fmt === "date"))
    return kind === "date-string" ? [1, "date"] : kind === "integer" ? [0.6, "epoch number → date"] : [0, ""];
  if (t.type === "string") return kind === "string" || kind === "date-string" ? [1, "string"] : kind === "array" ? [0, ""] : [0.7, `${kind} → string`];
  if (t.type === "integer") return kind === "integer" ? [1, "integer"] : kind === "string" ? [0.5, "string → integer"] : [0, ""];
  if (t.type === "number") return kind === "integer" || kind === "number" ? [1, "number"] : kind === "string" ? [0.5, "string → number"] : [0, ""];
  if (t.type === "boolean") return kind === "boolean" ? [1, "boolean"] : kind === "string" ? [0.6, "string → boolean (y/yes/on/true…)"] : [0, ""];
  if (t.type === "array") return kind === "array" ? [1, "array"] : [0, ""];
  return [0, ""];
}

export function suggestMappings(samplePayload: unknown, target: XdmSchemaModel, minConfidence = 0.5): MappingSuggestion[] {
  const sources: SourceField[] = [];
  collect(samplePayload, [], sources, 0);
  const targets = listFields(target, true).filter((f) => f.node.type !== "map" && !f.path.includes(".*"));
  const candidates: MappingSuggestion[] = [];
  for (const s of sources) {
    for (const t of targets) {
      const tKeys = t.path.split(/\.|\[\*\]/).filter(Boolean);
      const tName = tKeys[tKeys.length - 1];
      const tParents = tKeys.slice(0, -1).filter((k) => !(k.startsWith("_") && k === "_" + target.tenantId));
      const nameSim = norm(s.name) === norm(tName) ? 1 : bigramDice(norm(s.name), norm(tName));
      if (nameSim < 0.5) continue;
      const [fit, fitWhy] = typeFit(s.kind, t.node);
      if (fit === 0) continue;
      const ctx = contextSim(s.parents, tParents);
      const confidence = Math.round((0.65 * nameSim + 0.35 * ctx) * fit * 100) / 100;
      if (confidence < minConfidence) continue;
      const reason = `${nameSim === 1 ? "same name" : `similar name (${Math.round(nameSim * 100)}%)`}${ctx === 1 ? ", same parent" : ctx > 0.3 ? ", related parent" : ""}; type ${fitWhy}`;
      candidates.push({ source: s.path, target: t.path, confidence, reason });
    }
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.source.localeCompare(b.source));
  const usedS = new Set<string>(),
    usedT = new Set<string>();
  const out: MappingSuggestion[] = [];
  for (const c of candidates) {
    if (usedS.has(c.source) || usedT.has(c.target)) continue;
    usedS.add(c.source);
    usedT.add(c.target);
    out.push(c);
  }
  return out;
}
