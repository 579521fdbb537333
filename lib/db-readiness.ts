import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "./db";

/** Deployment readiness (GET /api/ready), not a profile's checklist: ready = the database answers and every migration in prisma/migrations has been applied. */
export async function checkReadiness(): Promise<{ ready: boolean; database: string; pendingMigrations: string[] }> {
  let applied: string[];
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((r) => r.migration_name);
  } catch {
    return { ready: false, database: "unreachable or not migrated", pendingMigrations: [] };
  }
  const dir = path.join(process.cwd(), "prisma", "migrations");
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const expected = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const pending = expected.filter((m) => !applied.includes(m));
  return { ready: pending.length === 0, database: "ok", pendingMigrations: pending };
}
