import type { Getter, Indices } from "./accessors";
import type { PathSegment } from "./path";
import type { TargetType } from "./values";

/** One mapping rule as stored (JSON, versioned with the mapping). Exactly one of source/value/expression. */
export interface MappingRule {
  target: string;
  source?: string;
  value?: unknown;
  expression?: string;
  required?: boolean;
}

export interface MappingIssue {
  target: string;
  message: string;
}

export interface ApplyResult {
  output: Record<string, unknown>;
  errors: MappingIssue[];
}

/** Resolves a target path to its schema type so values are converted the way Data Prep does. */
export type TargetTypeResolver = (segments: readonly PathSegment[]) => TargetType | undefined;

export interface CompileOptions {
  targetType?: TargetTypeResolver;
}

export interface Leaf {
  target: string;
  segments: PathSegment[];
  required: boolean;
  evaluate: Getter;
  lengthAt: (root: unknown, indices: Indices) => number;
  coerce?: (v: unknown) => unknown;
  /** The target's schema type when `coerce` is set (lets apply skip coercions that are no-ops). */
  type?: TargetType;
  /** For `value` rules with a primitive value: that value (apply may precompute the result). */
  constant?: { value: string | number | boolean };
}

/** A compiled walk of a target (sub)tree: returns the output value, or undefined to omit it. */
export type Builder = (root: unknown, indices: Indices, errors: MappingIssue[]) => unknown;

export type TargetNode =
  | { kind: "leaf"; leaf: Leaf }
  | { kind: "object"; children: { key: string; unsafe: boolean; node: TargetNode }[] }
  | { kind: "array"; items: { index: number; node: TargetNode }[]; each?: TargetNode; leaves: Leaf[] };

/** Result of compile(): immutable, safe to share between concurrent applies. */
export interface CompiledMapping {
  readonly rules: readonly MappingRule[];
  readonly root: TargetNode & { kind: "object" };
  readonly leafCount: number;
  /** The compiled walk of `root` (set by compile(); apply builds it on first use otherwise). */
  readonly build?: Builder;
}
