// Public surface of the mapping engine. Pure: runs unchanged in the browser preview and the worker.
// Browser-safe: the mapping editor imports it.
export { compile, MAX_RULES } from "./compile";
export { apply } from "./apply";
export { parsePath, formatPath, type PathSegment } from "./path";
export { parseExpression, MAX_EXPRESSION_LENGTH, type Expr } from "./expression-parser";
export { compileExpression } from "./compile-expression";
export { FUNCTIONS, FUNCTION_NAMES } from "./functions";
export { FUNCTION_CATALOG, type FunctionDoc } from "./function-catalog";
export { MappingSyntaxError, MappingCompileError, TransformError, PayloadRejectedError, type RuleCompileIssue } from "./errors";
export { MAX_PAYLOAD_BYTES, MAX_PAYLOAD_DEPTH, admitPayload } from "./payload-guard";
export { toBooleanValue, toDateValue, isEmptyValue, type TargetType } from "./values";
export { compileDatePattern, parseDateAuto } from "./dates";
export { sha256Hex } from "./hash/sha256";
export { sha512Hex } from "./hash/sha512";
export { sha1Hex, md5Hex } from "./hash/sha1-md5";
export { unsafeRegexReason } from "./functions/regex-guard";
export type { MappingRule, MappingIssue, ApplyResult, CompiledMapping, CompileOptions, TargetTypeResolver } from "./types";
export { defaultSourceMapping, defaultDestinationMapping, RAINFOCUS_ATTENDEE_FIELDS, DESTINATION_IDENTITY_EXPRESSION } from "./default-mappings";
export { suggestMappings, type MappingSuggestion } from "./suggest";
export {
  mapPreview,
  MappingPreviewInputSchema,
  MappingRuleSchema,
  MappingRulesSchema,
  resolveSchemaModel,
  compileForSchema,
  type MappingPreviewInput,
  type MappedPreview,
  type PreviewValidationIssue,
} from "./map-preview";
// Not here: previewMapping, mapAndValidate and validateMappedOutput, which validate XDM with ajv
// (new Function, forbidden by the pages' CSP). Server code imports them from "@/lib/mapping-engine/preview".
