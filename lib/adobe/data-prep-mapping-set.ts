// Relay's mapping rules ⇄ an AEP Data Prep mapping set. Pure.
//
// Format: AdobeDocs/experience-platform.en help/data-prep/mapping-set.md (each mapping is
// {sourceType: ATTRIBUTE | STATIC | EXPRESSION, source, destination}; a STATIC source is a string,
// an EXPRESSION source is the function call) and help/data-prep/api/mapping-set.md (the set:
// {name, outputSchema:{schemaRef:{id, contentType}}, mappings:[…]}). Relay's expression language
// and path syntax are Data Prep's own (lib/mapping-engine), so sources and destinations carry over.
import type { MappingRule } from "../mapping-engine/types";
import type { SchemaRef } from "./xdm-envelope";

export type DataPrepMapping = { sourceType: "ATTRIBUTE" | "STATIC" | "EXPRESSION"; source: string; destination: string; name?: string; description?: string };

export interface DataPrepMappingSet {
  name?: string;
  outputSchema: { schemaRef: SchemaRef };
  mappings: DataPrepMapping[];
}

/**
 * The mapping set AEP's Data Prep runs on a raw dataflow. Data Prep has no "required" flag (a row
 * missing a required XDM field is dropped by AEP's validation instead), and a static value is a
 * string converted to the destination's type, so objects and arrays cannot be static: they are
 * reported and left out.
 */
export function toMappingSet(rules: readonly MappingRule[], opts: { schemaRef: SchemaRef; name: string }): { set: DataPrepMappingSet; warnings: string[] } {
  const mappings: DataPrepMapping[] = [];
  const warnings: string[] = [];
  for (const r of rules) {
    if (r.source !== undefined) mappings.push({ sourceType: "ATTRIBUTE", source: r.source, destination: r.target });
    else if (r.expression !== undefined) mappings.push({ sourceType: "EXPRESSION", source: r.expression, destination: r.target });
    else if (r.value !== null && typeof r.value === "object") warnings.push(`${r.target}: an object or array cannot be a Data Prep static value; left out.`);
    else if (r.value !== undefined) mappings.push({ sourceType: "STATIC", source: String(r.value), destination: r.target });
    if (r.required) warnings.push(`${r.target}: Data Prep has no "required" flag; AEP drops a record whose required XDM field is missing.`);
  }
  return { set: { name: opts.name, outputSchema: { schemaRef: opts.schemaRef }, mappings }, warnings };
}

/** A stored mapping set back as rules (the Adobe emulator runs them with Relay's engine, as Data Prep would). */
export function rulesFromMappingSet(set: unknown): { ok: true; rules: MappingRule[] } | { ok: false; error: string } {
  const mappings = (set as { mappings?: unknown } | null)?.mappings;
  if (!Array.isArray(mappings) || mappings.length === 0) return { ok: false, error: "mappings must be a non-empty array" };
  const rules: MappingRule[] = [];
  for (const [i, m] of mappings.entries()) {
    const { sourceType, source, destination } = (m ?? {}) as Partial<DataPrepMapping>;
    if (typeof source !== "string" || typeof destination !== "string" || !destination)
      return { ok: false, error: `mappings[${i}]: source and destination are required strings` };
    if (sourceType === "ATTRIBUTE") rules.push({ target: destination, source });
    else if (sourceType === "EXPRESSION") rules.push({ target: destination, expression: source });
    else if (sourceType === "STATIC") rules.push({ target: destination, value: source });
    else return { ok: false, error: `mappings[${i}]: sourceType must be ATTRIBUTE, STATIC or EXPRESSION` };
  }
  return { ok: true, rules };
}
