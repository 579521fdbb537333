/**
 * `node --import tsx scripts/seed.ts`: what `npm start` does after migrating, for deployments that
 * do not run `npm start` (docker-compose.yml's migrate service): the first admin when there is no
 * user (SEED_ADMIN_EMAIL, SEED_ADMIN_PASSWORD or a generated password printed once) and
 * SEED_API_TOKEN. Idempotent: safe on every deploy.
 */
import { createPrismaClient } from "../lib/db-client";
import { seed } from "../lib/seed/seed";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL.");
  const db = createPrismaClient(url, 2);
  try {
    const result = await seed(db, {
      adminEmail: process.env.SEED_ADMIN_EMAIL || "admin@example.com",
      adminPassword: process.env.SEED_ADMIN_PASSWORD,
      apiToken: process.env.SEED_API_TOKEN,
    });
    if (result.createdAdmin?.password)
      console.log(`[seed] admin login: ${result.createdAdmin.email} / ${result.createdAdmin.password}  (generated once: save it now)`);
    else if (result.createdAdmin) console.log(`[seed] admin created: ${result.createdAdmin.email} (SEED_ADMIN_PASSWORD)`);
    else console.log("[seed] users exist; nothing to create");
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(`[seed] failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
