import { listFields, type XdmSchemaModel } from "@/lib/xdm";
import { parsePath, RAINFOCUS_ATTENDEE_FIELDS, type MappingRule } from "@/lib/mapping-engine";
import { sampleFields } from "@/lib/mappings/sample-fields";
import type { TreeRow } from "./field-tree";

const IDENTITY_NAMESPACES = ["Email", "Email_LC_SHA256", "ECID", "Phone", "CRMID"];

/** Target rows: the schema's fields, plus identityMap entries (a map type has no fixed fields). */
export function targetRows(model: XdmSchemaModel | undefined, rules: MappingRule[], direction: "SOURCE" | "DESTINATION"): TreeRow[] {
  const mapped = new Set(rules.map((r) => r.target));
  if (direction === "DESTINATION" || !model) {
    return RAINFOCUS_ATTENDEE_FIELDS.map((f) => ({
      path: f,
      name: f,
      depth: 0,
      type: "string",
      leaf: true,
      parent: null,
      mapped: mapped.has(f),
      required: f === "email",
    }));
  }
  const rows: TreeRow[] = [];
  for (const f of listFields(model)) {
    const n = f.node;
    const parent = f.path.includes(".") ? f.path.slice(0, f.path.lastIndexOf(".")) : null;
    if (n.type === "map" && n.name === "identityMap") {
      rows.push({ path: f.path, name: n.name, depth: f.depth, type: "map", leaf: false, parent, identity: true });
      for (const ns of IDENTITY_NAMESPACES) {
        const base = `identityMap.${ns}[0]`;
        rows.push({ path: `identityMap.${ns}`, name: ns, depth: f.depth + 1, type: "array", leaf: false, parent: "identityMap", identity: true });
        for (const leaf of ["id", "primary", "authenticatedState"]) {
          const path = `${base}.${leaf}`;
          rows.push({
            path,
            name: `[0].${leaf}`,
            depth: f.depth + 2,
            type: leaf === "primary" ? "boolean" : "string",
            leaf: true,
            parent: `identityMap.${ns}`,
            identity: leaf === "id",
            mapped: mapped.has(path),
          });
        }
      }
      continue;
    }
    const leaf = n.type !== "object" && !(n.type === "array" && n.items?.type === "object");
    rows.push({
      path: f.path,
      name: n.name,
      depth: f.depth,
      type: n.format ?? n.xdmType ?? n.type,
      leaf,
      parent,
      required: n.required,
      identity: !!n.identity,
      mapped: mapped.has(f.path),
    });
  }
  return rows;
}

export function sourceRows(sample: unknown, rules: MappingRule[]): TreeRow[] {
  const used = new Set(rules.flatMap((r) => (r.source ? [r.source] : [])));
  return sampleFields(sample).map((f) => ({ ...f, mapped: used.has(f.path) }));
}

/** The value a rule produced: its target path read from the output. */
export function valueAt(output: unknown, target: string): unknown {
  let cur: unknown = output;
  try {
    for (const s of parsePath(target)) {
      if (cur === null || cur === undefined) return undefined;
      if (s.kind === "key") cur = (cur as Record<string, unknown>)[s.key];
      else if (s.kind === "index") cur = (cur as unknown[])[s.index];
      else return cur;
    }
  } catch {
    return undefined;
  }
  return cur;
}

/** AEP-style counters for the header. */
export function counters(rows: TreeRow[], rules: MappingRule[], errorCount: number) {
  const mapped = new Set(rules.map((r) => r.target));
  return {
    mapped: rules.length,
    requiredUnmapped: rows.filter((r) => r.leaf && r.required && !mapped.has(r.path)).length,
    identity: rules.filter((r) => r.target.startsWith("identityMap.")).length,
    errors: errorCount,
  };
}
