// Field-level difference between two JSON documents (the XDM a delivery was sent with and what
// the current mapping makes of the same payload). Pure; paths use dots and [i] like the editor.

export type FieldChange = { path: string; kind: "added" | "removed" | "changed"; before?: unknown; after?: unknown };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

export function diffJson(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in before)) return [{ path: p, kind: "added" as const, after: after[k] }];
      if (!(k in after)) return [{ path: p, kind: "removed" as const, before: before[k] }];
      return diffJson(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => {
      const p = `${path}[${i}]`;
      if (i >= before.length) return [{ path: p, kind: "added" as const, after: after[i] }];
      if (i >= after.length) return [{ path: p, kind: "removed" as const, before: before[i] }];
      return diffJson(before[i], after[i], p);
    }).flat();
  }
  if (before === undefined && after !== undefined) return [{ path, kind: "added", after }];
  if (after === undefined && before !== undefined) return [{ path, kind: "removed", before }];
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, kind: "changed", before, after }];
}
