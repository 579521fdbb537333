import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";

/** `database` says what it runs on, for benchmark output. */
export type TestDatabase = { url: string; database: string; drop: () => Promise<void> };

function adminConfig(serverUrl: string): pg.ClientConfig {
  const u = new URL(serverUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password || undefined,
    database: "postgres",
  };
}

/**
 * A fresh, migrated database for one test run: a new database on TEST_DATABASE_URL's server (never
 * assuming the server is empty), or the embedded database (PostgreSQL 17; PGlite where no binary
 * package exists) in a temp folder when it is not set.
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
    const drop = async () => {
      const c = new pg.Client(adminConfig(server));
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
    const version = await orDrop(
      migrateDeploy(u.toString(), true).then(() => serverVersion(u.toString())),
      drop,
    );
    return { url: u.toString(), database: `PostgreSQL ${version} server (TEST_DATABASE_URL), fresh database`, drop };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const embedded = await startEmbeddedDb({ dataDir: path.join(dir, "postgres"), port: 0, password: randomBytes(12).toString("hex") });
  const drop = async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  await orDrop(migrateDeploy(embedded.url, true), drop);
  return { url: embedded.url, database: `${embedded.description} (the default), fresh data folder`, drop };
}

/** A database whose migration failed is dropped (a shared server keeps no leftovers); the error stands. */
async function orDrop<T>(work: Promise<T>, drop: () => Promise<void>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    await drop().catch(() => {});
    throw err;
  }
}

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v.split(" ")[0]!;
  } finally {
    await c.end();
  }
}
