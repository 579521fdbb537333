/** JSON type of a schema node as the UI and the mapper see it. `map` = XDM map (free keys). */
export type XdmType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "map";

export interface XdmIdentity {
  namespace: string;
  primary: boolean;
}

/** One field of a schema. `path` uses the mapping path syntax (`a.b`, `list[*].id`). */
export interface XdmNode {
  name: string;
  path: string;
  type: XdmType;
  /** Adobe's `meta:xdmType` (long, int, short, byte, date-time, date, map…) when known. */
  xdmType?: string;
  format?: string;
  required: boolean;
  title?: string;
  description?: string;
  identity?: XdmIdentity;
  enum?: (string | number | boolean)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** object: fields in declaration order. */
  properties?: XdmNode[];
  /** array: the element schema; map: the value schema. */
  items?: XdmNode;
}

export interface XdmSchemaModel {
  id?: string;
  title?: string;
  /** Tenant namespace found at the root (`_acme` → `acme`), if any. */
  tenantId?: string;
  root: XdmNode;
  /** Stable hash of the source schema: validators are cached by it. */
  hash: string;
  /** Things that could not be resolved (external $refs, unsafe patterns) — shown in the UI. */
  warnings: string[];
}

/** One violation in Adobe's sync-validation shape. */
export interface XdmValidationError {
  schemaLocation: string;
  pointerToViolation: string;
  keyword: string;
  message: string;
}
