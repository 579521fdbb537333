import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient };

// Kept on the client under a registry symbol, not in a module-level map: Next can load this module
// more than once (route handlers, server actions), while lib/db.ts shares one client through
// globalThis, so a map in one module instance would not know a client made by another.
const POOL = Symbol.for("relay.db-client.pg-pool");
type WithPool = PrismaClient & { [POOL]?: pg.Pool };

/**
 * Every session in UTC, whatever the server's or the database's TimeZone: adapter-pg reads a
 * timestamptz by relabelling its offset as +00:00 without shifting the time (prisma/orm#26786) and
 * writes a DateTime without an offset, which PostgreSQL reads in the session's zone (prisma/orm#28629).
 * In a UTC session both are right. Raw SQL does not depend on it: it compares timestamptz values
 * only. A startup option, so it costs no round trip; a DATABASE_URL's own `options` come after it
 * (pg would otherwise let them replace it), so one naming TimeZone itself still wins.
 */
function sessionInUtc(databaseUrl: string): pg.PoolConfig {
  const pin = "-c TimeZone=UTC";
  if (!/[?&]options=/.test(databaseUrl)) return { connectionString: databaseUrl, options: pin };
  const url = new URL(databaseUrl);
  const own = url.searchParams.get("options");
  url.searchParams.delete("options");
  return { connectionString: url.toString(), options: `${pin} ${own}` };
}

/** A Prisma client over adapter-pg; used by the app (lib/db.ts), scripts, workers and tests. */
export function createPrismaClient(databaseUrl: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ ...sessionInUtc(databaseUrl), max });
  // disposeExternalPool: $disconnect() ends the pool, as when the adapter owns it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  (client as WithPool)[POOL] = pool;
  return client;
}

/**
 * The pg pool under a client, for the few hot paths where Prisma's per-query CPU cost (~0.5–2 ms
 * against ~0.05 ms for the same statement on pg, measured here) is the bottleneck: the delivery
 * queue's inbound store, claim and settle (STACK.md: raw SQL through the same pool).
 */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = (client as WithPool)[POOL];
  if (!pool) throw new Error("This Prisma client was not made by createPrismaClient.");
  return pool;
}
