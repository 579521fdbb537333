/**
 * `npm run rotate-key`: re-seal every stored secret under a new APP_ENCRYPTION_KEY.
 * Without arguments a new key is generated; `--new-key <base64>` uses yours. When the key lives in
 * .local/secrets.json it is replaced there (the old one kept as APP_ENCRYPTION_KEY_PREVIOUS until
 * the next rotation); when it comes from the environment, the new key is printed for you to deploy.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseKey } from "../lib/crypto/seal";
import { resealAll } from "../lib/crypto/rotate";
import { createPrismaClient } from "../lib/db-client";
import { openDatabase } from "./lib/embedded-db";

const SECRETS = path.join(".local", "secrets.json");

async function main() {
  const arg = process.argv.indexOf("--new-key");
  const newMaterial = arg > 0 ? process.argv[arg + 1] : randomBytes(32).toString("base64");
  const file = existsSync(SECRETS) ? JSON.parse(readFileSync(SECRETS, "utf8")) : {};
  const oldMaterial = process.env.APP_ENCRYPTION_KEY || file.APP_ENCRYPTION_KEY;
  if (!oldMaterial) throw new Error("No current APP_ENCRYPTION_KEY (environment or .local/secrets.json).");
  const keys = [parseKey(oldMaterial), ...(file.APP_ENCRYPTION_KEY_PREVIOUS ? [parseKey(file.APP_ENCRYPTION_KEY_PREVIOUS)] : [])];
  const next = parseKey(newMaterial);

  const { url, stop } = await openDatabase((msg) => console.log(msg));
  const db = createPrismaClient(url, 2);
  try {
    const result = await resealAll(db, keys, next);
    console.log(`re-sealed ${result.values} secrets on ${result.profiles} profiles under key ${next.id}`);
  } finally {
    await db.$disconnect();
    await stop?.();
  }
  if (!process.env.APP_ENCRYPTION_KEY) {
    writeFileSync(SECRETS, JSON.stringify({ ...file, APP_ENCRYPTION_KEY: newMaterial, APP_ENCRYPTION_KEY_PREVIOUS: oldMaterial }, null, 2) + "\n", {
      mode: 0o600,
    });
    console.log(`new key written to ${SECRETS}; restart the console and workers.`);
  } else {
    console.log(
      "APP_ENCRYPTION_KEY came from the environment. Deploy this new key, with the old one as APP_ENCRYPTION_KEY_PREVIOUS until every process restarted:",
    );
    console.log(newMaterial);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
