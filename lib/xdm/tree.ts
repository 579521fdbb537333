import type { PathSegment } from "@/lib/mapping-engine/path";
import type { TargetType } from "@/lib/mapping-engine/values";
import type { XdmNode, XdmSchemaModel } from "./types";

// Views of the schema model: a flat field list for the mapping editor's target picker and
// auto-suggest, and the type resolver the mapping engine uses for Data Prep-style conversions.

export interface XdmField {
  path: string;
  depth: number;
  node: XdmNode;
}

/** Every field (objects included) in display order, depth-first. Map value schemas are skipped. */
export function listFields(model: XdmSchemaModel, leavesOnly = false): XdmField[] {
  const out: XdmField[] = [];
  const walk = (n: XdmNode, depth: number) => {
    for (const p of n.properties ?? []) {
      const container = p.type === "object" || (p.type === "array" && p.items?.type === "object");
      if (!leavesOnly || !container) out.push({ path: p.path, depth, node: p });
      if (p.type === "object") walk(p, depth + 1);
      else if (p.type === "array" && p.items?.type === "object") walk(p.items, depth + 1);
    }
  };
  walk(model.root, 0);
  return out;
}

/** Finds the node for a mapping target path (indexes and `[*]` both step into array items). */
export function nodeAt(model: XdmSchemaModel, segments: readonly PathSegment[]): XdmNode | undefined {
  let cur: XdmNode | undefined = model.root;
  for (const s of segments) {
    if (!cur) return undefined;
    if (s.kind === "key") {
      if (cur.type === "map") cur = cur.items;
      else cur = cur.properties?.find((p) => p.name === s.key);
    } else {
      cur = cur.type === "array" ? cur.items : undefined;
    }
  }
  return cur;
}

export function targetTypeOf(n: XdmNode): TargetType {
  if (n.type === "string") {
    if (n.format === "date-time") return "date-time";
    if (n.format === "date") return "date";
    return "string";
  }
  if (n.type === "map") return "object";
  return n.type;
}

/** The mapping engine's TargetTypeResolver for this schema. */
export function targetTypeResolver(model: XdmSchemaModel) {
  return (segments: readonly PathSegment[]): TargetType | undefined => {
    const n = nodeAt(model, segments);
    return n ? targetTypeOf(n) : undefined;
  };
}
