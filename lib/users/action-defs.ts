import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { listUsers } from "./queries";
import { CAN } from "@/lib/auth/roles";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { clearLoginFailures } from "@/lib/auth/login-guard";
import { writeAudit } from "@/lib/audit/write-audit";
import { ActionError, defineAction } from "@/lib/actions/define-action";
import { ChangeRoleSchema, CreateUserSchema, ResetPasswordSchema, SetDisabledSchema } from "./schemas";

const PUBLIC_FIELDS = { id: true, email: true, name: true, role: true, disabled: true } as const;

async function getUserOrThrow(id: string) {
  const user = await db.user.findUnique({ where: { id }, select: PUBLIC_FIELDS });
  if (!user) throw new ActionError("That user no longer exists.", "not_found");
  return user;
}

export const createUser = defineAction({
  name: "users.create",
  roles: CAN.manageUsers,
  input: CreateUserSchema,
  async handler(input, { actor, ip }) {
    if (await db.user.findUnique({ where: { email: input.email } })) {
      throw new ActionError("A user with this email already exists.", "conflict", { email: ["Already in use."] });
    }
    const password = input.password || generatePassword();
    const passwordHash = await hashPassword(password);
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: PUBLIC_FIELDS });
      await writeAudit(tx, { actor, action: "user.create", targetType: "User", targetId: created.id, after: created, ip });
      return created;
    });
    // The generated password is returned once so the admin can hand it over; it is stored only hashed.
    return { user, generatedPassword: input.password ? null : password };
  },
});

export const changeUserRole = defineAction({
  name: "users.changeRole",
  roles: CAN.manageUsers,
  input: ChangeRoleSchema,
  async handler({ userId, role }, { actor, ip }) {
    if (userId === actor.id) throw new ActionError("You cannot change your own role.", "forbidden");
    const before = await getUserOrThrow(userId);
    return db.$transaction(async (tx) => {
      const after = await tx.user.update({ where: { id: userId }, data: { role }, select: PUBLIC_FIELDS });
      await writeAudit(tx, { actor, action: "user.role", targetType: "User", targetId: userId, before, after, ip });
      return after;
    });
  },
});

export const setUserDisabled = defineAction({
  name: "users.setDisabled",
  roles: CAN.manageUsers,
  input: SetDisabledSchema,
  async handler({ userId, disabled }, { actor, ip }) {
    if (userId === actor.id) throw new ActionError("You cannot disable your own account.", "forbidden");
    const before = await getUserOrThrow(userId);
    return db.$transaction(async (tx) => {
      const after = await tx.user.update({ where: { id: userId }, data: { disabled }, select: PUBLIC_FIELDS });
      if (disabled) await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
      await writeAudit(tx, { actor, action: disabled ? "user.disable" : "user.enable", targetType: "User", targetId: userId, before, after, ip });
      return after;
    });
  },
});

export const resetUserPassword = defineAction({
  name: "users.resetPassword",
  roles: CAN.manageUsers,
  input: ResetPasswordSchema,
  async handler({ userId }, { actor, ip }) {
    const user = await getUserOrThrow(userId);
    const password = generatePassword();
    // A new session version signs the user out everywhere: whoever knew the old password loses access
    // now. A reset is what one does when the credentials may be known to someone else, so the user's
    // API tokens are revoked too; and the sign-in delays on the account are lifted.
    const passwordHash = await hashPassword(password);
    const revokedAt = new Date();
    const revoked = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      const tokens = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt } });
      // (Not "apiTokens…": the audit log redacts keys that name secrets, token included.)
      await writeAudit(tx, {
        actor,
        action: "user.resetPassword",
        targetType: "User",
        targetId: userId,
        after: { revokedAccessKeys: tokens.count, signInDelaysLifted: true },
        ip,
      });
      return tokens.count;
    });
    await clearLoginFailures(user.email);
    return { email: user.email, generatedPassword: password, apiTokensRevoked: revoked };
  },
});

export const listUsersDef = defineAction({
  name: "users.list",
  roles: CAN.manageUsers,
  input: z.object({}).optional(),
  async handler() {
    return listUsers();
  },
});
