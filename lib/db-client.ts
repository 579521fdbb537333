import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient };

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** A Prisma client over adapter-pg; used by the app (lib/db.ts), scripts, workers and tests. */
export function createPrismaClient(databaseUrl: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // disposeExternalPool: $disconnect() ends the pool, as when the adapter owns it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/**
 * The pg pool under a client, for the few hot paths where Prisma's per-query CPU cost (~0.5–2 ms
 * against ~0.05 ms for the same statement on pg, measured here) is the bottleneck: the delivery
 * queue's inbound store, claim and settle (STACK.md: raw SQL through the same pool).
 */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("This Prisma client was not made by createPrismaClient.");
  return pool;
}
