/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<ts>_<name> for the changes in
 * prisma/schema.prisma. Works offline: a scratch database on a PostgreSQL server
 * (MIGRATION_SERVER_URL, default the local postgres on 127.0.0.1:5432) gets every existing migration,
 * then `migrate dev --create-only` diffs the schema against it; the scratch database is dropped.
 */
import { readdirSync, renameSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BIN, run } from "./lib/run";
import { migrateDeploy, prismaGenerate } from "./lib/migrate";

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:new-migration -- <snake_case_name>");
  const server = new URL(process.env.MIGRATION_SERVER_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
  const scratch = `relay_newmig_${Date.now().toString(36)}`;
  const admin = new pg.Client({
    host: server.hostname,
    port: Number(server.port || 5432),
    user: decodeURIComponent(server.username || "postgres"),
    password: server.password || undefined,
    database: "postgres",
  });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratch}"`);
  const url = new URL(server);
  url.pathname = `/${scratch}`;
  try {
    await migrateDeploy(url.toString(), true);
    const preload = path.join(process.cwd(), "scripts", "lib", "unref-timers.cjs");
    // Prisma may print "null pointer passed to rust" after writing the file; the file is what counts.
    const before = migrationDirs();
    await run(BIN("prisma"), ["migrate", "dev", "--create-only", "--name", name], {
      env: { ...process.env, DATABASE_URL: url.toString(), NODE_OPTIONS: `--require ${preload}` },
    }).catch((e) => console.warn(`prisma: ${e.message} (check prisma/migrations)`));
    keepInOrder(before, name);
    await prismaGenerate();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
  }
}

function migrationDirs(): string[] {
  return readdirSync(path.join("prisma", "migrations"))
    .filter((d) => /^\d{14}_/.test(d))
    .sort();
}

/**
 * Prisma names a migration by the wall clock. Migrations apply in name order, so one named before
 * an existing migration (a clock behind the one that named the others: seen on these machines)
 * would be applied out of order on a fresh database; it is renamed to follow the last one.
 */
function keepInOrder(before: string[], name: string): void {
  const created = migrationDirs().find((d) => !before.includes(d) && d.endsWith(`_${name}`));
  const last = before.at(-1);
  if (!created || !last || created > last) return;
  const stamp = String(Number(last.slice(0, 14)) + 100);
  const renamed = `${stamp}_${name}`;
  renameSync(path.join("prisma", "migrations", created), path.join("prisma", "migrations", renamed));
  console.log(`Renamed ${created} to ${renamed} so it applies after ${last}.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
