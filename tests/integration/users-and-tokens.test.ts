import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/users/action-defs";
import { createApiToken, listAllApiTokensDef, revokeApiToken } from "@/lib/api-tokens/action-defs";
import { actorFromBearer } from "@/lib/api-tokens/bearer";
import { verifyPassword } from "@/lib/auth/password";
import { isLoginThrottled, loginThrottle, recordLoginAttempt } from "@/lib/auth/login-guard";
import { seed } from "@/lib/seed/seed";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

describe("users, API tokens and audit", () => {
  let actors: Record<Role, Actor>;
  beforeAll(async () => {
    actors = await createActors("users");
  });

  it("creates a user with a generated password, stored only hashed, and audits it without secrets", async () => {
    const result = await executeAction(createUser, actors.ADMIN, { email: "New.Ops@Example.test", role: "OPS", password: "" }, "10.0.0.1");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.user.email).toBe("new.ops@example.test");
    const stored = await db.user.findUniqueOrThrow({ where: { email: "new.ops@example.test" } });
    expect(stored.passwordHash).not.toContain(result.data.generatedPassword!);
    expect(await verifyPassword(result.data.generatedPassword!, stored.passwordHash)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", targetId: stored.id } });
    expect(audit.actorEmail).toBe(actors.ADMIN.email);
    expect(audit.ip).toBe("10.0.0.1");
    expect(JSON.stringify(audit.after)).not.toContain("scrypt");
  });

  it("rejects a duplicate email and a short password with field errors", async () => {
    const dup = await executeAction(createUser, actors.ADMIN, { email: "new.ops@example.test", role: "QA" });
    expect(dup).toMatchObject({ ok: false, code: "conflict", fieldErrors: { email: ["Already in use."] } });
    const short = await executeAction(createUser, actors.ADMIN, { email: "x@example.test", role: "QA", password: "short" });
    expect(short).toMatchObject({ ok: false, code: "invalid" });
    if (!short.ok) expect(short.fieldErrors?.password?.[0]).toMatch(/12/);
  });

  it("changes a role with before/after in the audit log, and refuses changing one's own", async () => {
    const target = await db.user.findUniqueOrThrow({ where: { email: "new.ops@example.test" } });
    const res = await executeAction(changeUserRole, actors.ADMIN, { userId: target.id, role: "AUDITOR" });
    expect(res).toMatchObject({ ok: true, data: { role: "AUDITOR" } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role", targetId: target.id } });
    expect(audit.before).toMatchObject({ role: "OPS" });
    expect(audit.after).toMatchObject({ role: "AUDITOR" });
    const self = await executeAction(changeUserRole, actors.ADMIN, { userId: actors.ADMIN.id, role: "QA" });
    expect(self).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("issues an API token once, authenticates with it, and refuses it after revocation", async () => {
    const created = await executeAction(createApiToken, actors.ADMIN, { name: "ci" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.tokenHash).not.toBe(created.data.token);
    const actor = await actorFromBearer(`Bearer ${created.data.token}`);
    expect(actor).toMatchObject({ id: actors.ADMIN.id, role: "ADMIN", via: "token" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
    await executeAction(revokeApiToken, actors.ADMIN, { tokenId: row.id });
    expect(await actorFromBearer(`Bearer ${created.data.token}`)).toBeNull();
    expect(await actorFromBearer("Bearer rfk_not-a-token")).toBeNull();
  });

  it("an admin lists every user's tokens and revokes another user's, audited with its owner", async () => {
    const other = await db.user.create({ data: { email: "other-user@example.test", role: "QA" } });
    const { generateApiToken, hashApiToken } = await import("@/lib/api-tokens/token");
    const secret = generateApiToken();
    const token = await db.apiToken.create({ data: { userId: other.id, name: "theirs", tokenHash: hashApiToken(secret), prefix: secret.slice(0, 10) } });
    const all = await executeAction(listAllApiTokensDef, actors.ADMIN, {});
    expect(all.ok && all.data.find((t) => t.id === token.id)).toMatchObject({ name: "theirs", user: { email: "other-user@example.test" } });
    expect(JSON.stringify(all)).not.toContain(hashApiToken(secret));
    expect(await executeAction(revokeApiToken, actors.ADMIN, { tokenId: token.id })).toMatchObject({ ok: true });
    expect(await actorFromBearer(`Bearer ${secret}`)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "apiToken.revoke", targetId: token.id } });
    expect(audit).toMatchObject({ actorId: actors.ADMIN.id, after: { ownerEmail: "other-user@example.test" } });
    for (const role of ["OPS", "QA", "AUDITOR"] as const) {
      expect(await executeAction(listAllApiTokensDef, actors[role], {})).toMatchObject({ ok: false, code: "forbidden" });
      expect(await executeAction(revokeApiToken, actors[role], { tokenId: token.id })).toMatchObject({ ok: false, code: "forbidden" });
    }
  });

  it("a token with an expiry stops working when it expires", async () => {
    const made = await executeAction(createApiToken, actors.ADMIN, { name: "short-lived", expiresInDays: "7" });
    if (!made.ok) throw new Error(made.error);
    expect(made.data.expiresAt!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await actorFromBearer(`Bearer ${made.data.token}`)).toMatchObject({ id: actors.ADMIN.id });
    await db.apiToken.update({ where: { id: made.data.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorFromBearer(`Bearer ${made.data.token}`)).toBeNull();
    expect(await executeAction(createApiToken, actors.ADMIN, { name: "odd", expiresInDays: "3" })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("disabling a user revokes their tokens and their token stops working", async () => {
    const user = await db.user.create({ data: { email: "to-disable@example.test", role: "QA" } });
    const { generateApiToken, hashApiToken } = await import("@/lib/api-tokens/token");
    const token = generateApiToken();
    await db.apiToken.create({ data: { userId: user.id, name: "t", tokenHash: hashApiToken(token), prefix: token.slice(0, 10) } });
    expect(await actorFromBearer(`Bearer ${token}`)).not.toBeNull();
    await executeAction(setUserDisabled, actors.ADMIN, { userId: user.id, disabled: true });
    expect(await actorFromBearer(`Bearer ${token}`)).toBeNull();
  });

  it("delays sign-in progressively per account and address; others cannot lock the account", async () => {
    const email = "victim@example.test";
    // Failures from many addresses do not lock the account for its owner elsewhere.
    for (let i = 0; i < 8; i++) await recordLoginAttempt(email, `192.0.2.${i}`, false);
    expect(await isLoginThrottled(email, "198.51.100.7")).toBe(false);
    // From one address: five are free, then 30 s after the last failure, then 60 s, …
    const ip = "192.0.2.200";
    for (let i = 0; i < 5; i++) await recordLoginAttempt(email, ip, false);
    const t = Date.now();
    expect(await loginThrottle(email, ip, t)).toMatchObject({ throttled: true, retryAfterSeconds: expect.any(Number) });
    expect(await isLoginThrottled(email, ip, t + 31_000)).toBe(false);
    expect(await isLoginThrottled("someone-else@example.test", ip, t)).toBe(false);
    await recordLoginAttempt(email, ip, false);
    expect(await isLoginThrottled(email, ip, Date.now() + 31_000)).toBe(true);
    expect(await isLoginThrottled(email, ip, Date.now() + 61_000)).toBe(false);
  });

  it("an admin's password reset revokes the user's API tokens and lifts the sign-in delays", async () => {
    const created = await executeAction(createUser, actors.ADMIN, { email: "locked.out@example.test", role: "QA", password: "" });
    if (!created.ok) throw new Error(created.error);
    const user = created.data.user;
    const { generateApiToken, hashApiToken } = await import("@/lib/api-tokens/token");
    const token = generateApiToken();
    await db.apiToken.create({ data: { userId: user.id, name: "t", tokenHash: hashApiToken(token), prefix: token.slice(0, 10) } });
    for (let i = 0; i < 7; i++) await recordLoginAttempt(user.email, "203.0.113.9", false);
    expect(await isLoginThrottled(user.email, "203.0.113.9")).toBe(true);
    const reset = await executeAction(resetUserPassword, actors.ADMIN, { userId: user.id }, "10.0.0.1");
    expect(reset).toMatchObject({ ok: true, data: { apiTokensRevoked: 1 } });
    expect(await isLoginThrottled(user.email, "203.0.113.9")).toBe(false);
    expect(await actorFromBearer(`Bearer ${token}`)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.resetPassword", targetId: user.id } });
    expect(audit.after).toMatchObject({ revokedAccessKeys: 1, signInDelaysLifted: true });
  });

  it("seeds the admin once and makes SEED_API_TOKEN valid", async () => {
    await db.apiToken.deleteMany();
    await db.user.deleteMany();
    const first = await seed(db, { adminEmail: "Boss@Example.test", apiToken: "rfk_seeded-token-value-0123456789abcdef" });
    expect(first.createdAdmin?.email).toBe("boss@example.test");
    expect(first.createdAdmin?.password).toMatch(/^\S{20}$/);
    const second = await seed(db, { adminEmail: "boss@example.test", apiToken: "rfk_seeded-token-value-0123456789abcdef" });
    expect(second.createdAdmin).toBeNull();
    expect(await actorFromBearer("Bearer rfk_seeded-token-value-0123456789abcdef")).toMatchObject({ email: "boss@example.test", role: "ADMIN" });
    expect(await db.apiToken.count()).toBe(1);
    // Revoked by an admin, it stays revoked across restarts (seed runs on every start).
    await db.apiToken.updateMany({ data: { revokedAt: new Date() } });
    expect((await seed(db, { adminEmail: "boss@example.test", apiToken: "rfk_seeded-token-value-0123456789abcdef" })).ensuredApiToken).toBe(false);
    expect(await actorFromBearer("Bearer rfk_seeded-token-value-0123456789abcdef")).toBeNull();
    await expect(seed(db, { adminEmail: "boss@example.test", apiToken: "short" })).rejects.toThrow(/32 characters/);
  });
});
