import { dateFunctions } from "./date-functions";
import { hashFunctions } from "./hash-functions";
import { stringFunctions } from "./string-functions";
import type { FunctionDef } from "./types";
import { valueFunctions } from "./value-functions";

export type { FunctionDef } from "./types";

/** contains_key is resolved by the compiler (it inspects a path, not a value). */
export const SPECIAL_FUNCTIONS = new Set(["contains_key"]);

// Null-prototype registry: a function name like `constructor` must not resolve to Object's.
export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = Object.assign(
  Object.create(null) as Record<string, FunctionDef>,
  stringFunctions,
  hashFunctions,
  dateFunctions,
  valueFunctions,
);

/** Every callable name, for the editor's autocomplete and error messages. */
export const FUNCTION_NAMES: readonly string[] = [...Object.keys(FUNCTIONS), ...SPECIAL_FUNCTIONS].sort();
