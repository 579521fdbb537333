import type { XdmSchemaModel } from "@/lib/xdm";
import { validateXdm } from "@/lib/xdm/validator";
import { apply } from "./apply";
import { mapPreview, type MappingPreviewInput, type PreviewValidationIssue } from "./map-preview";
import type { CompiledMapping, MappingIssue } from "./types";

// The one mapping pipeline: the preview API (POST /api/v1/mapping/preview) and the delivery worker
// both call compileForSchema + mapAndValidate, so what QA sees is what is sent; the mapping editor
// runs map-preview.ts's mapPreview in the browser and has the server complete it here with
// validateMappedOutput (validateMappingOutputAction). Server code only: XDM validation is ajv, which
// compiles schemas with new Function (forbidden by the pages' CSP), and a client module importing
// anything from this file puts ajv in the browser bundle.

// The whole pipeline from one module, for server code.
export {
  MappingRuleSchema,
  MappingRulesSchema,
  MappingPreviewInputSchema,
  resolveSchemaModel,
  compileForSchema,
  mapPreview,
  type MappingPreviewInput,
  type MappedPreview,
  type PreviewValidationIssue,
} from "./map-preview";

export interface MappingPreviewResult {
  output: Record<string, unknown>;
  errors: MappingIssue[];
  validation: PreviewValidationIssue[];
}

/** XDM validation of a mapped output, as the worker does it: Adobe's 5-error cap. */
export function validateMappedOutput(model: XdmSchemaModel, output: unknown): PreviewValidationIssue[] {
  return validateXdm(model, output).map(({ pointerToViolation, keyword, message }) => ({ pointerToViolation, keyword, message }));
}

/** apply + validate: the worker's path. Validation uses Adobe's 5-error cap. */
export function mapAndValidate(compiled: CompiledMapping, model: XdmSchemaModel | undefined, payload: unknown): MappingPreviewResult {
  const { output, errors } = apply(compiled, payload);
  const validation = model ? validateMappedOutput(model, output) : [];
  return { output, errors, validation };
}

/** Pure preview: never throws for bad rules, schemas or payloads; reports them instead. */
export function previewMapping(input: MappingPreviewInput): MappingPreviewResult {
  const { output, errors, model } = mapPreview(input);
  return { output, errors, validation: model ? validateMappedOutput(model, output) : [] };
}
