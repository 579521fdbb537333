import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";

export type TestDatabase = { url: string; drop: () => Promise<void> };

function adminConfig(serverUrl: string): pg.ClientConfig {
  const u = new URL(serverUrl);
  return { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username || "postgres"), password: u.password || undefined, database: "postgres" };
}

/**
 * A fresh, migrated database for one test run: a new database on TEST_DATABASE_URL's server (never
 * assuming the server is empty), or an embedded PGlite in a temp folder when it is not set.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client(adminConfig(server));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    await migrateDeploy(u.toString(), true);
    return {
      url: u.toString(),
      async drop() {
        const c = new pg.Client(adminConfig(server));
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const embedded = await startEmbeddedDb({ dataDir: path.join(dir, "pglite"), port: 0 });
  await migrateDeploy(embedded.url, true);
  return {
    url: embedded.url,
    async drop() {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
