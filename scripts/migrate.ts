/** `npm run migrate`: apply migrations to DATABASE_URL (deploy pipelines) or the embedded database. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrateDeploy } from "./lib/migrate";
import { startEmbeddedDb } from "./lib/embedded-db";

async function main() {
  let url = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  const marker = path.join(".data", "embedded-db.json");
  if (!url && existsSync(marker)) url = JSON.parse(readFileSync(marker, "utf8")).url;
  if (!url) {
    const db = await startEmbeddedDb({ dataDir: path.resolve(".data", "pglite"), port: 0 });
    url = db.url;
    stop = db.stop;
  }
  await migrateDeploy(url);
  await stop?.();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
