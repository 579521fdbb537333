import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./scripts/lib/prisma-cli-adapter";

// Prisma does not load .env when a config file exists, and falls back to downloading an engine
// when DATABASE_URL is missing: scripts/migrate.ts always sets it before invoking the CLI.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => createMigrationAdapter(process.env.DATABASE_URL!),
});
