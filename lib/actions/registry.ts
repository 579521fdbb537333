import "server-only";
import { changeUserRole, createUser, listUsersDef, resetUserPassword, setUserDisabled } from "@/lib/users/action-defs";
import { createApiToken, listApiTokensDef, revokeApiToken } from "@/lib/api-tokens/action-defs";
import { listAuditDef } from "@/lib/audit/action-defs";

/**
 * Every server action, by the name of its "use server" export. The role-matrix test walks this
 * table and also fails when a "use server" export is missing from it, so a new action cannot ship
 * without its refusal being tested. Public actions (sign-in, sign-out) are listed in PUBLIC_ACTIONS.
 */
export const ACTIONS = {
  createUserAction: createUser,
  changeUserRoleAction: changeUserRole,
  setUserDisabledAction: setUserDisabled,
  resetUserPasswordAction: resetUserPassword,
  listUsersAction: listUsersDef,
  createApiTokenAction: createApiToken,
  revokeApiTokenAction: revokeApiToken,
  listApiTokensAction: listApiTokensDef,
  listAuditAction: listAuditDef,
} as const;

export const PUBLIC_ACTIONS = ["loginAction", "ssoLoginAction", "signOutAction"] as const;
