import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { NOT_FUTURE_KEYWORD, toAjvSchema } from "./ajv-schema";
import type { XdmSchemaModel, XdmValidationError } from "./types";

// AEP-rule validation with ajv. Each schema is compiled once and cached by the model's hash, so
// the worker pays compilation once per published schema, not per event. Messages imitate the
// Everit validator AEP uses ("expected type: String, found: Long").

export interface XdmValidatorOptions {
  /** Sync validation stops at 5 errors per message; 0 = unlimited. */
  maxErrors?: number;
  /** Allowed clock skew for "timestamp not in the future". Default 0. */
  futureToleranceMs?: number;
}

export type XdmValidator = (event: unknown, maxErrors?: number) => XdmValidationError[];

// Server code only: ajv compiles each schema with new Function, which the pages' CSP forbids, so
// the lib/xdm barrel leaves this module out and the mapping editor has the server validate its
// output (validateMappingOutputAction).
const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateFormats: true });
addFormats(ajv, ["date-time", "date", "time", "uri-reference", "uri", "email", "uuid"]);
ajv.addKeyword({
  keyword: NOT_FUTURE_KEYWORD,
  type: "string",
  schemaType: "number",
  validate: (tolerance: number, data: string) => {
    const t = Date.parse(data);
    return Number.isNaN(t) || t <= Date.now() + tolerance; // unparsable is the format rule's job
  },
});

const cache = new Map<string, ValidateFunction>();
const MAX_CACHED = 200;

function everitType(v: unknown): string {
  if (v === null) return "Null";
  if (Array.isArray(v)) return "JSONArray";
  switch (typeof v) {
    case "string":
      return "String";
    case "boolean":
      return "Boolean";
    case "number":
      return Number.isInteger(v) ? (Math.abs(v) > 2147483647 ? "Long" : "Integer") : "BigDecimal";
    case "object":
      return "JSONObject";
    default:
      return typeof v;
  }
}
const AJV_TO_EVERIT: Record<string, string> = {
  string: "String",
  integer: "Integer",
  number: "Number",
  boolean: "Boolean",
  object: "JSONObject",
  array: "JSONArray",
};

function message(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const data = e.data;
  switch (e.keyword) {
    case "type":
      return `expected type: ${AJV_TO_EVERIT[String(p.type)] ?? p.type}, found: ${everitType(data)}`;
    case "required":
      return `required key [${p.missingProperty}] not found`;
    case "additionalProperties":
      return `extraneous key [${p.additionalProperty}] is not permitted`;
    case "minLength":
      return `expected minLength: ${p.limit}, actual: ${typeof data === "string" ? data.length : 0}`;
    case "maxLength":
      return `expected maxLength: ${p.limit}, actual: ${typeof data === "string" ? data.length : 0}`;
    case "minProperties":
      return `minimum size: [${p.limit}], found: [${data && typeof data === "object" ? Object.keys(data).length : 0}]`;
    case "minItems":
      return `expected minimum item count: ${p.limit}, found: ${Array.isArray(data) ? data.length : 0}`;
    case "format":
      return `[${String(data)}] is not a valid ${p.format}`;
    case "enum":
      return `${JSON.stringify(data)} is not a valid enum value`;
    case "pattern":
      return `string [${String(data)}] does not match pattern ${p.pattern}`;
    case "minimum":
      return `${String(data)} is not greater or equal to ${p.limit}`;
    case "maximum":
      return `${String(data)} is not less or equal to ${p.limit}`;
    case NOT_FUTURE_KEYWORD:
      return `[${String(data)}] is in the future; timestamp must be in the past`;
    default:
      return e.message ?? e.keyword;
  }
}

function toAdobe(e: ErrorObject): XdmValidationError {
  // Like Everit (AEP's validator), a missing key is reported on the object that lacks it.
  const pointer = "#" + e.instancePath;
  if (e.keyword === "pattern" && e.instancePath === "/_id") {
    return {
      schemaLocation: "#/properties/_id",
      pointerToViolation: pointer,
      keyword: "format",
      message: `[${String(e.data)}] is not a valid uri-reference (a ':' must follow a URI scheme; remove colons)`,
    };
  }
  const schemaLocation = e.schemaPath.slice(0, e.schemaPath.lastIndexOf("/")) || "#";
  return { schemaLocation, pointerToViolation: pointer, keyword: e.keyword === NOT_FUTURE_KEYWORD ? "format" : e.keyword, message: message(e) };
}

/** Returns a (cached) validator for the model. */
export function getXdmValidator(model: XdmSchemaModel, options: XdmValidatorOptions = {}): XdmValidator {
  const tolerance = options.futureToleranceMs ?? 0;
  const key = `${model.hash}:${tolerance}`;
  let fn = cache.get(key);
  if (!fn) {
    fn = ajv.compile(toAjvSchema(model.root, tolerance));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, fn);
  }
  const compiled = fn;
  const defaultMax = options.maxErrors ?? 5;
  return (event, maxErrors = defaultMax) => {
    if (compiled(event)) return [];
    const errors = (compiled.errors ?? []).map(toAdobe);
    return maxErrors > 0 ? errors.slice(0, maxErrors) : errors;
  };
}

/** Validates one XDM event; [] when valid. */
export function validateXdm(model: XdmSchemaModel, event: unknown, options: XdmValidatorOptions = {}): XdmValidationError[] {
  return getXdmValidator(model, options)(event);
}
