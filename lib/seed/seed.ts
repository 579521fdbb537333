import type { PrismaClient } from "@/lib/db-client";
import { hashApiToken } from "@/lib/api-tokens/token";
import { generatePassword, hashPassword } from "@/lib/auth/password";

export type SeedOptions = { adminEmail: string; adminPassword?: string; apiToken?: string };
export type SeedResult = { createdAdmin: { email: string; password: string | null } | null; ensuredApiToken: boolean };

/**
 * First start: create the admin (password from SEED_ADMIN_PASSWORD or generated and returned once
 * to be printed). SEED_API_TOKEN, when set, is made a valid admin API token (idempotent).
 */
export async function seed(db: PrismaClient, opts: SeedOptions): Promise<SeedResult> {
  let createdAdmin: SeedResult["createdAdmin"] = null;
  if ((await db.user.count()) === 0) {
    const password = opts.adminPassword || generatePassword();
    const email = opts.adminEmail.trim().toLowerCase();
    const admin = await db.user.create({ data: { email, name: "Admin", role: "ADMIN", passwordHash: await hashPassword(password) } });
    await db.auditEvent.create({ data: { action: "user.seed", targetType: "User", targetId: admin.id, after: { email, role: "ADMIN" } } });
    createdAdmin = { email, password: opts.adminPassword ? null : password };
  }
  let ensuredApiToken = false;
  if (opts.apiToken) {
    if (opts.apiToken.length < 32) throw new Error("SEED_API_TOKEN must be at least 32 characters.");
    const tokenHash = hashApiToken(opts.apiToken);
    const existing = await db.apiToken.findUnique({ where: { tokenHash } });
    // A seeded token an admin revoked stays revoked: a restart must not bring a leaked token back.
    if (!existing) {
      const admin = await db.user.findFirst({ where: { role: "ADMIN", disabled: false }, orderBy: { createdAt: "asc" } });
      if (admin) await db.apiToken.create({ data: { userId: admin.id, name: "Seeded (SEED_API_TOKEN)", tokenHash, prefix: opts.apiToken.slice(0, 10) } });
    }
    ensuredApiToken = !existing?.revokedAt;
  }
  return { createdAdmin, ensuredApiToken };
}
