/** A library function: arity bounds and the implementation (args already evaluated). */
export interface FunctionDef {
  min: number;
  max: number;
  fn: (...args: unknown[]) => unknown;
  /** False for now/uuid/timestamp: never constant-folded. */
  deterministic?: boolean;
}

export const def = (min: number, max: number, fn: (...args: never[]) => unknown, deterministic = true): FunctionDef => ({
  min,
  max,
  fn: fn as (...args: unknown[]) => unknown,
  deterministic,
});
