/** A library function: arity bounds and the implementation (args already evaluated). */
export interface FunctionDef {
  min: number;
  max: number;
  fn: (...args: unknown[]) => unknown;
  /** False for now/uuid/timestamp: never constant-folded. */
  deterministic?: boolean;
  /**
   * Compile-time specialisation: given which arguments are literals (and their values), may return
   * an implementation to use instead of `fn` for this call site. It must behave exactly like `fn`
   * for every argument list whose literal positions hold those values.
   */
  /** Argument index that may be written as a bare attribute name (object_to_map(addresses, type)). */
  nameArg?: number;
  specialize?: (literal: readonly boolean[], values: readonly unknown[]) => ((...args: unknown[]) => unknown) | undefined;
}

export const def = (min: number, max: number, fn: (...args: never[]) => unknown, deterministic = true): FunctionDef => ({
  min,
  max,
  fn: fn as (...args: unknown[]) => unknown,
  deterministic,
});
