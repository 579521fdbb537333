import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// Workaround for prisma/orm#27403 (https://github.com/prisma/prisma/issues/27403): through
// adapter-pg the wasm schema engine cannot deserialize catalog column types ("Column type 'name'
// could not be deserialized"). Reporting those columns as text/text[] makes every migrate command work.
const CATALOG_TO_TEXT = new Set([18, 19, 22, 24, 28, 30, 194, 2205, 2206]);
const CATALOG_ARRAY_TO_TEXT_ARRAY = new Set([1002, 1003, 1034]);

function rewriteFields(result: unknown) {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as Array<{ fields?: Array<{ dataTypeID: number }> }>) {
    for (const field of r?.fields ?? []) {
      if (CATALOG_TO_TEXT.has(field.dataTypeID)) field.dataTypeID = 25;
      else if (CATALOG_ARRAY_TO_TEXT_ARRAY.has(field.dataTypeID)) field.dataTypeID = 1009;
    }
  }
  return result;
}

class CatalogTextPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this passes every one through unchanged
  query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const out = (super.query as any)(...args);
    return out && typeof out.then === "function" ? out.then(rewriteFields) : out;
  }
}

function poolConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  // Host/port/user/db passed separately: with a connectionString pg ignores an overridden database.
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: database ?? (u.pathname.replace(/^\//, "") || "postgres"),
    max: 4,
    allowExitOnIdle: true,
  };
}

/** Adapter for the Prisma CLI only (migrate deploy/dev/diff), never for the app's client. */
export function createMigrationAdapter(url: string) {
  const pool = new CatalogTextPool(poolConfig(url));
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool);
  // migrate dev needs a throwaway shadow database; create it on the same server and drop it after.
  adapter.connectToShadowDb = async () => {
    const name = `prisma_shadow_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client(poolConfig(url, "postgres"));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowPool = new CatalogTextPool(poolConfig(url, name));
    shadowPool.on("error", () => {}); // idle clients are terminated when the shadow is dropped
    const conn = await new PrismaPg(shadowPool).connect();
    const dispose = conn.dispose.bind(conn);
    conn.dispose = async () => {
      await dispose();
      await shadowPool.end().catch(() => {});
      const dropper = new pg.Client(poolConfig(url, "postgres"));
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return conn;
  };
  return adapter;
}
