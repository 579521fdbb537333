import { compileForSchema, MappingCompileError, resolveSchemaModel, type MappingRule } from "@/lib/mapping-engine";
import { mapAndValidate } from "@/lib/mapping-engine/preview";

export { checkSample } from "./sample-check";

export type SampleCheck = { sample: string; ok: boolean; problems: string[] };

/**
 * What Publish checks: the rules compile, and every sample maps without transform errors to
 * valid XDM (SOURCE) — the same compile/apply/validate path the worker runs.
 */
export function checkMapping(
  rules: MappingRule[],
  samples: { name: string; payload: unknown }[],
  opts: { schema: unknown | null; tenantId: string | null; direction: "SOURCE" | "DESTINATION" },
): { compileError: string | null; samples: SampleCheck[] } {
  let model;
  try {
    model = opts.direction === "SOURCE" ? resolveSchemaModel(opts.schema ?? undefined, opts.tenantId ?? undefined) : undefined;
  } catch (e) {
    return { compileError: `The XDM schema is not usable: ${(e as Error).message}`, samples: [] };
  }
  let compiled;
  try {
    compiled = compileForSchema(rules, model);
  } catch (e) {
    const msg = e instanceof MappingCompileError ? e.issues.map((i) => `${i.target}: ${i.message}`).join("; ") : (e as Error).message;
    return { compileError: msg, samples: [] };
  }
  const checks = samples.map(({ name, payload }) => {
    const result = mapAndValidate(compiled, model, payload as Record<string, unknown>);
    const problems = [
      ...result.errors.map((e) => `${e.target}: ${e.message}`),
      ...result.validation.map((v) => `${v.pointerToViolation} ${v.keyword}: ${v.message}`),
    ];
    return { sample: name, ok: problems.length === 0, problems };
  });
  return { compileError: null, samples: checks };
}
