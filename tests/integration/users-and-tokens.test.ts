import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import { changeUserRole, createUser, setUserDisabled } from "@/lib/users/action-defs";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/action-defs";
import { actorFromBearer } from "@/lib/auth/api-tokens";
import { verifyPassword } from "@/lib/auth/password";
import { isLoginThrottled, recordLoginAttempt } from "@/lib/auth/login-guard";
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

  it("cannot revoke someone else's token (ownership comes from the record)", async () => {
    const other = await db.user.create({ data: { email: "other-admin@example.test", role: "ADMIN" } });
    const token = await db.apiToken.create({ data: { userId: other.id, name: "theirs", tokenHash: "h-" + Date.now(), prefix: "rfk_x" } });
    const res = await executeAction(revokeApiToken, actors.ADMIN, { tokenId: token.id });
    expect(res).toMatchObject({ ok: false, code: "not_found" });
  });

  it("disabling a user revokes their tokens and their token stops working", async () => {
    const user = await db.user.create({ data: { email: "to-disable@example.test", role: "QA" } });
    const { generateApiToken, hashApiToken } = await import("@/lib/auth/api-tokens");
    const token = generateApiToken();
    await db.apiToken.create({ data: { userId: user.id, name: "t", tokenHash: hashApiToken(token), prefix: token.slice(0, 10) } });
    expect(await actorFromBearer(`Bearer ${token}`)).not.toBeNull();
    await executeAction(setUserDisabled, actors.ADMIN, { userId: user.id, disabled: true });
    expect(await actorFromBearer(`Bearer ${token}`)).toBeNull();
  });

  it("throttles sign-in after repeated failures for one account", async () => {
    const email = "victim@example.test";
    for (let i = 0; i < 5; i++) await recordLoginAttempt(email, `192.0.2.${i}`, false);
    expect(await isLoginThrottled(email, "192.0.2.99")).toBe(true);
    expect(await isLoginThrottled("someone-else@example.test", "192.0.2.99")).toBe(false);
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
