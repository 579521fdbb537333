import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILE = path.join(process.cwd(), ".local", "secrets.json");

type Secrets = { AUTH_SECRET: string; APP_ENCRYPTION_KEY: string };

/**
 * AUTH_SECRET and APP_ENCRYPTION_KEY, generated on first start when the environment has none and
 * kept in a git-ignored file (mode 600) so sessions and sealed secrets survive restarts.
 * Losing .local/secrets.json means signing in again and re-entering sealed credentials.
 */
export function ensureLocalSecrets(): Secrets {
  let stored: Partial<Secrets> = {};
  if (existsSync(FILE)) stored = JSON.parse(readFileSync(FILE, "utf8"));
  const next: Secrets = {
    AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    APP_ENCRYPTION_KEY: stored.APP_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  };
  if (next.AUTH_SECRET !== stored.AUTH_SECRET || next.APP_ENCRYPTION_KEY !== stored.APP_ENCRYPTION_KEY) {
    mkdirSync(path.dirname(FILE), { recursive: true });
    writeFileSync(FILE, JSON.stringify(next, null, 2) + "\n", { mode: 0o600 });
  }
  return {
    AUTH_SECRET: process.env.AUTH_SECRET || next.AUTH_SECRET,
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY || next.APP_ENCRYPTION_KEY,
  };
}
