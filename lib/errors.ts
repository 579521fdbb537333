// Expected failures of the domain services: a message safe to show the user, a code and, for form
// input, errors per field. Services throw DomainError and never import lib/actions; the action
// layer (lib/actions/define-action.ts) and the REST routes (lib/api/route.ts) map it to a typed
// result or an HTTP status. Pure.
import type { z } from "zod";

export type DomainErrorCode = "unauthorized" | "forbidden" | "invalid" | "not_found" | "conflict" | "error";

export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: DomainErrorCode = "invalid",
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** A zod error as the field errors of a DomainError: messages per dotted path ("_" for the whole). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
