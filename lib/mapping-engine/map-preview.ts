import { z } from "zod";
import { buildSchemaModel, defaultSchemaModel, targetTypeResolver, type XdmSchemaModel } from "@/lib/xdm";
import { apply } from "./apply";
import { compile, MAX_RULES } from "./compile";
import { MappingCompileError, PayloadRejectedError } from "./errors";
import { MAX_PAYLOAD_BYTES } from "./payload-guard";
import { MAX_EXPRESSION_LENGTH } from "./expression-parser";
import type { CompiledMapping, MappingIssue, MappingRule } from "./types";

// The mapping pipeline up to, not including, XDM validation: what the browser may run. The mapping
// editor calls mapPreview on every edit (the rules compile to closures, no eval) and has the server
// validate the output (validateMappingOutputAction → preview.ts's validateMappedOutput), because
// XDM validation is ajv, which compiles schemas with new Function, and the pages' CSP has no
// 'unsafe-eval'. Nothing here may import lib/xdm/validator or ./preview: this module is in the
// editor's bundle.

export const MappingRuleSchema = z
  .object({
    target: z.string().min(1).max(1024),
    source: z.string().min(1).max(1024).optional(),
    value: z.unknown().optional(),
    expression: z.string().min(1).max(MAX_EXPRESSION_LENGTH).optional(),
    required: z.boolean().optional(),
  })
  .refine((r) => [r.source, r.value, r.expression].filter((x) => x !== undefined).length === 1, {
    message: "a rule needs exactly one of source, value or expression",
  });

export const MappingRulesSchema = z.array(MappingRuleSchema).max(MAX_RULES);

export const MappingPreviewInputSchema = z.object({
  rules: MappingRulesSchema,
  payload: z.union([z.record(z.string(), z.unknown()), z.string().max(1_048_576)]),
  schema: z.record(z.string(), z.unknown()).optional(),
  tenantId: z
    .string()
    .regex(/^_?[A-Za-z0-9][A-Za-z0-9_]{0,63}$/)
    .optional(),
});
export type MappingPreviewInput = z.infer<typeof MappingPreviewInputSchema>;

export interface PreviewValidationIssue {
  pointerToViolation: string;
  keyword: string;
  message: string;
}

/** mapPreview's answer: the output and transform errors, and the schema to validate it against. */
export interface MappedPreview {
  output: Record<string, unknown>;
  errors: MappingIssue[];
  /**
   * Set when the output is to be validated as XDM: a schema (uploaded or the tenant's default)
   * resolved and the rules compiled and ran. Unset for schema, rule or payload errors (the errors
   * say why) and for mappings without a schema (destination profiles).
   */
  model?: XdmSchemaModel;
}

/** The target schema: the uploaded one, else the default RainFocus schema for the tenant, else none. */
export function resolveSchemaModel(schema?: unknown, tenantId?: string): XdmSchemaModel | undefined {
  if (schema !== undefined) return buildSchemaModel(schema);
  return tenantId ? defaultSchemaModel(tenantId) : undefined;
}

/** Compiles rules with the schema's types so values convert as Data Prep does. */
export function compileForSchema(rules: readonly MappingRule[], model?: XdmSchemaModel): CompiledMapping {
  return compile(rules, model ? { targetType: targetTypeResolver(model) } : {});
}

/**
 * previewMapping without the XDM validation: compiles (closures, no eval) and applies the rules.
 * Never throws for bad rules, schemas or payloads; reports them instead. The browser runs this;
 * validateMappedOutput(result.model, result.output) on the server completes it to previewMapping.
 */
export function mapPreview(input: MappingPreviewInput): MappedPreview {
  let model: XdmSchemaModel | undefined;
  try {
    model = resolveSchemaModel(input.schema, input.tenantId);
  } catch (e) {
    return { output: {}, errors: [{ target: "(schema)", message: (e as Error).message }] };
  }
  // A rule that does not compile (an unknown function, a typo) nulls only its own field, as Data
  // Prep does: the other rules still compile and run, and the bad ones are reported first.
  let compiled: CompiledMapping;
  let ruleErrors: MappingIssue[] = [];
  try {
    compiled = compileForSchema(input.rules as MappingRule[], model);
  } catch (e) {
    if (!(e instanceof MappingCompileError)) throw e;
    ruleErrors = e.issues.map((i) => ({ target: i.target, message: i.message }));
    const bad = new Set(e.issues.map((i) => i.index));
    if (bad.has(-1)) return { output: {}, errors: ruleErrors };
    try {
      compiled = compileForSchema(
        (input.rules as MappingRule[]).filter((_, k) => !bad.has(k)),
        model,
      );
    } catch (again) {
      if (again instanceof MappingCompileError) return { output: {}, errors: ruleErrors };
      throw again;
    }
  }
  try {
    const applied = apply(compiled, input.payload);
    let output = applied.output;
    const errors = ruleErrors.length ? [...ruleErrors, ...applied.errors] : applied.errors;
    // The whole record is capped like AEP caps it (1 MB): a bigger output is neither shown nor sent.
    const size = JSON.stringify(output).length;
    if (size > MAX_PAYLOAD_BYTES) {
      errors.unshift({ target: "(output)", message: `the mapped output is ${Math.ceil(size / 1024)} KB; AEP takes at most 1 MB per record` });
      output = {};
      return { output, errors };
    }
    return model ? { output, errors, model } : { output, errors };
  } catch (e) {
    if (e instanceof PayloadRejectedError) return { output: {}, errors: [{ target: "(payload)", message: e.message }] };
    throw e;
  }
}
