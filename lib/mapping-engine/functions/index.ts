import { dateFunctions } from "./date-functions";
import { hashFunctions } from "./hash-functions";
import { stringFunctions } from "./string-functions";
import type { FunctionDef } from "./types";
import { valueFunctions } from "./value-functions";
import { analyticsFunctions } from "./analytics-functions";
import { arrayFunctions } from "./array-functions";
import { mapFunctions } from "./map-functions";
import { uaFunctions } from "./ua-functions";
import { urlFunctions } from "./url-functions";

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
  arrayFunctions,
  mapFunctions,
  urlFunctions,
  uaFunctions,
  analyticsFunctions,
  // functions.md's table header says arrays_to_object, its example calls arrays_to_objects.
  { arrays_to_object: mapFunctions.arrays_to_objects },
);

/** Every callable name, for the editor's autocomplete and error messages. */
export const FUNCTION_NAMES: readonly string[] = [...Object.keys(FUNCTIONS), ...SPECIAL_FUNCTIONS].sort();
