import "server-only";
import { createPrismaClient, type PrismaClient } from "./db-client";
import { env } from "./env";

// One client per process; kept on globalThis so dev-mode reloads don't open a pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient(env().DATABASE_URL);
globalForPrisma.prisma = db;
