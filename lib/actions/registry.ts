import "server-only";
import { isActionDef, type AnyActionDef } from "./define-action";
import * as account from "@/lib/account/action-defs";
import * as alerts from "@/lib/alerts/action-defs";
import * as apiTokens from "@/lib/api-tokens/action-defs";
import * as audit from "@/lib/audit/action-defs";
import * as dashboard from "@/lib/dashboard/action-defs";
import * as deliveries from "@/lib/delivery-log/action-defs";
import * as refusals from "@/lib/inbound-refusals/action-defs";
import * as mappings from "@/lib/mappings/action-defs";
import * as profiles from "@/lib/profiles/action-defs";
import * as users from "@/lib/users/action-defs";

/**
 * The modules that define actions. Every defineAction() they export is an action, so adding one to
 * a module needs no entry here; a new module is one line. The role-matrix test fails for a
 * "use server" export whose definition is not found here.
 */
const ACTION_MODULES: readonly Record<string, unknown>[] = [account, alerts, apiTokens, audit, dashboard, deliveries, refusals, mappings, profiles, users];

function collect(modules: readonly Record<string, unknown>[]): Record<string, AnyActionDef> {
  const byName: Record<string, AnyActionDef> = {};
  for (const def of modules.flatMap((m) => Object.values(m)).filter(isActionDef)) {
    if (byName[def.name] && byName[def.name] !== def) throw new Error(`Two actions are named ${def.name}.`);
    byName[def.name] = def;
  }
  return byName;
}

/** Every action, by its definition's name (e.g. "profiles.create"), derived from ACTION_MODULES. */
export const ACTIONS: Readonly<Record<string, AnyActionDef>> = collect(ACTION_MODULES);

/** "use server" exports that are public by design: how one gets (or leaves) a session. */
export const PUBLIC_ACTIONS = ["loginAction", "ssoLoginAction", "signOutAction"] as const;
