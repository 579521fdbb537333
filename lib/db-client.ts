import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient };

/** A Prisma client over adapter-pg; used by the app (lib/db.ts), scripts, workers and tests. */
export function createPrismaClient(databaseUrl: string, max = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max });
  return new PrismaClient({ adapter });
}
