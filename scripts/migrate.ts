/** `npm run migrate`: apply migrations to DATABASE_URL (deploy pipelines) or the embedded database. */
import { migrateDeploy } from "./lib/migrate";
import { openDatabase } from "./lib/embedded-db";

async function main() {
  const { url, stop } = await openDatabase((msg) => console.log(msg));
  try {
    await migrateDeploy(url);
  } finally {
    await stop?.();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
