import { formatPath, type PathSegment } from "@/lib/mapping-engine";

export type SampleField = {
  /** Data Prep path: dots, `[*]` for array elements, `${…}` for odd names. */
  path: string;
  name: string;
  depth: number;
  type: "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";
  example?: string;
  leaf: boolean;
  parent: string | null;
};

const MAX_FIELDS = 5000;

function typeOf(v: unknown): SampleField["type"] {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v as SampleField["type"];
}

function example(v: unknown): string | undefined {
  if (v === null || typeof v === "object") return undefined;
  const s = String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * The source tree of a sample payload, depth first. Arrays show their element shape (merged over
 * up to the first 20 elements) under `name[*]`, so a user maps `items[*].id` element-wise.
 */
export function sampleFields(sample: unknown): SampleField[] {
  const out: SampleField[] = [];
  const walk = (value: unknown, segments: PathSegment[], name: string, depth: number, parent: string | null) => {
    if (out.length >= MAX_FIELDS) return;
    const path = formatPath(segments);
    const type = typeOf(value);
    const isContainer = type === "object" || type === "array";
    if (segments.length) out.push({ path, name, depth, type, example: example(value), leaf: !isContainer, parent });
    if (type === "object") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        walk(v, [...segments, { kind: "key", key: k }], k, depth + 1, segments.length ? path : null);
    } else if (type === "array") {
      const items = (value as unknown[]).slice(0, 20);
      const merged = items.every((i) => i && typeof i === "object" && !Array.isArray(i)) && items.length ? Object.assign({}, ...items) : items[0];
      if (merged !== undefined) walk(merged, [...segments, { kind: "wildcard" }], `${name}[*]`, depth + 1, path);
    }
  };
  walk(sample, [], "", -1, null);
  return out;
}
