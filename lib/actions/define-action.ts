import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { ForbiddenError, UnauthorizedError } from "@/lib/auth/errors";
import { DomainError, fieldErrorsOf, type DomainErrorCode } from "@/lib/errors";
import { hasRole, type Actor, type Role } from "@/lib/auth/roles";
import { currentRequestId, log } from "@/lib/log";
import { installReadableZodMessages } from "@/lib/zod-messages";

// Also installed at server start (instrumentation.ts); here so every caller of an action, tests and
// scripts included, gets the same plain-words validation messages.
installReadableZodMessages();
import { inputProblem } from "./input-guard";

export type ActionErrorCode = DomainErrorCode;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; code: ActionErrorCode; fieldErrors?: Record<string, string[]> };

export type ActionContext = { actor: Actor; ip: string | null };

/**
 * An expected failure raised by an action or route handler itself; services throw its base,
 * DomainError (lib/errors.ts), and both reach the user the same way.
 */
export class ActionError extends DomainError {}

export type ActionDef<S extends z.ZodType, T> = {
  name: string;
  roles: readonly Role[];
  input: S;
  // Method syntax on purpose: the registry holds definitions of every input type as AnyActionDef.
  handler(input: z.infer<S>, ctx: ActionContext): Promise<T>;
};

export type AnyActionDef = ActionDef<z.ZodType, unknown>;

const DEFINED = new WeakSet<object>();

/** An action: its name, the roles that may call it, its zod input and its handler. */
export function defineAction<S extends z.ZodType, T>(def: ActionDef<S, T>): ActionDef<S, T> {
  DEFINED.add(def);
  return def;
}

/** True for what defineAction returned: how the registry tells actions from other exports. */
export function isActionDef(value: unknown): value is AnyActionDef {
  return typeof value === "object" && value !== null && DEFINED.has(value);
}

export { fieldErrorsOf };

/** How an action call ended, as logged: refused for the caller, refused for its input, failed. */
type Outcome = "ok" | "denied" | "invalid" | "error";

function outcomeOf(result: ActionResult<unknown>): Outcome {
  if (result.ok) return "ok";
  if (result.code === "unauthorized" || result.code === "forbidden") return "denied";
  return result.code === "error" ? "error" : "invalid";
}

/**
 * Runs an action for an actor: role check first (before parsing, so nothing about the input leaks
 * to those who may not call it), then what no input may carry (input-guard.ts), then the shared
 * zod schema, then the handler. Expected errors
 * reach the user; anything else is logged with an id and the user gets a generic message. Each
 * call is logged (action, actor, role, outcome, duration; never the input) under the request id of
 * the /api/v1 request that made it, or an id of its own.
 */
export async function executeAction<S extends z.ZodType, T>(
  def: ActionDef<S, T>,
  actor: Actor | null,
  rawInput: unknown,
  ip: string | null = null,
): Promise<ActionResult<T>> {
  const started = performance.now();
  const requestId = currentRequestId() ?? randomUUID();
  const result = await runAction(def, actor, rawInput, ip, requestId);
  const outcome = outcomeOf(result);
  log[outcome === "ok" || outcome === "invalid" ? "info" : "warn"]("action", {
    requestId,
    action: def.name,
    actorId: actor?.id,
    role: actor?.role,
    outcome,
    code: result.ok ? undefined : result.code,
    durationMs: Math.round(performance.now() - started),
  });
  return result;
}

async function runAction<S extends z.ZodType, T>(
  def: ActionDef<S, T>,
  actor: Actor | null,
  rawInput: unknown,
  ip: string | null,
  requestId: string,
): Promise<ActionResult<T>> {
  if (!actor) return { ok: false, code: "unauthorized", error: new UnauthorizedError().message };
  if (!hasRole(actor, def.roles)) return { ok: false, code: "forbidden", error: new ForbiddenError().message };
  const problem = inputProblem(rawInput);
  if (problem) return { ok: false, code: "invalid", error: problem.message, fieldErrors: { [problem.path || "_"]: [problem.message] } };
  const parsed = def.input.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, code: "invalid", error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    return { ok: true, data: await def.handler(parsed.data, { actor, ip }) };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code, error: err.message, fieldErrors: err.fieldErrors };
    log.error("action failed", { requestId, action: def.name, actorId: actor.id, error: err });
    return { ok: false, code: "error", error: `Something went wrong (reference ${requestId.slice(0, 8)}).` };
  }
}
