import "server-only";
import type { z } from "zod";
import { currentIp, getActor } from "@/lib/auth/session";
import { executeAction, type ActionDef, type ActionResult } from "./define-action";

/** The bridge from a "use server" export to its definition: resolves the actor from the session. */
export async function runAction<S extends z.ZodType, T>(def: ActionDef<S, T>, input: unknown): Promise<ActionResult<T>> {
  return executeAction(def, await getActor(), input, await currentIp());
}
