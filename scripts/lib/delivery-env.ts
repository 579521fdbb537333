import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runningEmbeddedUrl } from "./embedded-db";

// What `npm run worker` and `npm run retention` need from their surroundings: DATABASE_URL, else
// the embedded database a running `npm start` advertises; APP_ENCRYPTION_KEY, else the local one.

function fromFile(file: string, key: string): string | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>)[key] : undefined;
}

export function resolveDatabaseUrl(): string {
  const url = process.env.DATABASE_URL || runningEmbeddedUrl();
  if (!url) throw new Error("Set DATABASE_URL, or run `npm start` first so the embedded database is up.");
  return url;
}

export function loadEncryptionKey(): void {
  process.env.APP_ENCRYPTION_KEY ||= fromFile(path.join(".local", "secrets.json"), "APP_ENCRYPTION_KEY");
}
