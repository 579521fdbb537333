import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILE = path.join(process.cwd(), ".local", "secrets.json");

type Secrets = { AUTH_SECRET: string; APP_ENCRYPTION_KEY: string };
type Stored = Partial<Secrets> & { EMBEDDED_DB_PASSWORD?: string } & Record<string, string | undefined>;

const read = (): Stored => (existsSync(FILE) ? JSON.parse(readFileSync(FILE, "utf8")) : {});

/** Fills the missing generated values and writes the file back (mode 600), keeping every other key. */
function ensure(generate: Record<string, () => string>): Stored {
  const stored = read();
  const missing = Object.keys(generate).filter((key) => !stored[key]);
  if (missing.length === 0) return stored;
  const next: Stored = { ...stored };
  for (const key of missing) next[key] = generate[key]();
  mkdirSync(path.dirname(FILE), { recursive: true });
  writeFileSync(FILE, JSON.stringify(next, null, 2) + "\n", { mode: 0o600 });
  return next;
}

/**
 * AUTH_SECRET and APP_ENCRYPTION_KEY, generated on first start when the environment has none and
 * kept in a git-ignored file (mode 600) so sessions and sealed secrets survive restarts.
 * Losing .local/secrets.json means signing in again and re-entering sealed credentials.
 */
export function ensureLocalSecrets(): Secrets {
  const next = ensure({ AUTH_SECRET: () => randomBytes(32).toString("base64url"), APP_ENCRYPTION_KEY: () => randomBytes(32).toString("base64") });
  return {
    AUTH_SECRET: process.env.AUTH_SECRET || next.AUTH_SECRET!,
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY || next.APP_ENCRYPTION_KEY!,
  };
}

/**
 * The embedded PostgreSQL's password (user postgres): EMBEDDED_DB_PASSWORD, else generated on first
 * start and kept beside the other local secrets. The data folder is initialised with it, so losing
 * the file means resetting the password by hand (README).
 */
export function embeddedDbPassword(): string {
  return process.env.EMBEDDED_DB_PASSWORD || ensure({ EMBEDDED_DB_PASSWORD: () => randomBytes(24).toString("base64url") }).EMBEDDED_DB_PASSWORD!;
}
