// Error types with enough context for the editor: syntax errors carry the 0-based character
// position so the UI can underline it; transform errors become `{ target, message }` entries.

export class MappingSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = "MappingSyntaxError";
  }
}

/** Thrown by functions at apply time; the engine nulls the field and records the message. */
export class TransformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransformError";
  }
}

/** A rule that cannot be compiled (bad path, bad expression, unknown function, bad shape). */
export interface RuleCompileIssue {
  index: number;
  target: string;
  message: string;
  position?: number;
}

export class MappingCompileError extends Error {
  constructor(readonly issues: RuleCompileIssue[]) {
    super(`mapping does not compile: ${issues.map((i) => `rule ${i.index} (${i.target}): ${i.message}`).join("; ")}`);
    this.name = "MappingCompileError";
  }
}

/** Payload refused before mapping (too large, too deep, not JSON). */
export class PayloadRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadRejectedError";
  }
}
