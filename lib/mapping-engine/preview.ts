import { z } from "zod";
import { buildSchemaModel, defaultSchemaModel, targetTypeResolver, validateXdm, type XdmSchemaModel } from "@/lib/xdm";
import { apply } from "./apply";
import { compile, MAX_RULES } from "./compile";
import { MappingCompileError, PayloadRejectedError } from "./errors";
import { MAX_EXPRESSION_LENGTH } from "./expression-parser";
import type { CompiledMapping, MappingIssue, MappingRule } from "./types";

// The one mapping pipeline: the editor preview (POST /api/v1/mapping/preview) and the delivery
// worker both call compileForSchema + mapAndValidate, so what QA sees is what is sent.

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
  tenantId: z.string().regex(/^_?[A-Za-z0-9][A-Za-z0-9_]{0,63}$/).optional(),
});
export type MappingPreviewInput = z.infer<typeof MappingPreviewInputSchema>;

export interface PreviewValidationIssue {
  pointerToViolation: string;
  keyword: string;
  message: string;
}

export interface MappingPreviewResult {
  output: Record<string, unknown>;
  errors: MappingIssue[];
  validation: PreviewValidationIssue[];
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

/** apply + validate: the worker's path. Validation uses Adobe's 5-error cap. */
export function mapAndValidate(compiled: CompiledMapping, model: XdmSchemaModel | undefined, payload: unknown): MappingPreviewResult {
  const { output, errors } = apply(compiled, payload);
  const validation = model
    ? validateXdm(model, output).map(({ pointerToViolation, keyword, message }) => ({ pointerToViolation, keyword, message }))
    : [];
  return { output, errors, validation };
}

/** Pure preview: never throws for bad rules, schemas or payloads; reports them instead. */
export function previewMapping(input: MappingPreviewInput): MappingPreviewResult {
  let model: XdmSchemaModel | undefined;
  try {
    model = resolveSchemaModel(input.schema, input.tenantId);
  } catch (e) {
    return { output: {}, errors: [{ target: "(schema)", message: (e as Error).message }], validation: [] };
  }
  let compiled: CompiledMapping;
  try {
    compiled = compileForSchema(input.rules as MappingRule[], model);
  } catch (e) {
    if (e instanceof MappingCompileError) return { output: {}, errors: e.issues.map((i) => ({ target: i.target, message: i.message })), validation: [] };
    throw e;
  }
  try {
    return mapAndValidate(compiled, model, input.payload);
  } catch (e) {
    if (e instanceof PayloadRejectedError) return { output: {}, errors: [{ target: "(payload)", message: e.message }], validation: [] };
    throw e;
  }
}
