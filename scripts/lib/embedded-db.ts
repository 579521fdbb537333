import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { embeddedDbPassword } from "./local-secrets";
import { postgresBinDir, startPostgres } from "./embedded-postgres";

export type EmbeddedDb = { url: string; kind: "postgres" | "pglite"; description: string; stop: () => Promise<void> };

/** Where `npm start` keeps the embedded database unless EMBEDDED_DB_DIR says otherwise. */
export const defaultEmbeddedDir = () => path.resolve(process.env.EMBEDDED_DB_DIR || path.join(".data", "postgres"));

const markerOf = (dataDir: string) => path.join(dataDir, "..", "embedded-db.json");
const urlOf = (port: number, password: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;

/**
 * The embedded database: real PostgreSQL 17 (the @embedded-postgres binary package for this
 * platform), or PGlite when no binary package exists for it. Loopback only; its port is
 * advertised in <dataDir>/../embedded-db.json (without the password, which stays in
 * .local/secrets.json) so `npm run worker`, `migrate` and `rotate-key` find it.
 */
export async function startEmbeddedDb(opts: { dataDir: string; port: number; password?: string; say?: (msg: string) => void }): Promise<EmbeddedDb> {
  const say = opts.say ?? (() => {});
  const password = opts.password ?? embeddedDbPassword();
  const binDir = postgresBinDir();
  let running: { port: number; stop: () => Promise<void> };
  let kind: EmbeddedDb["kind"];
  if (binDir) {
    running = await startPostgres({ binDir, dataDir: opts.dataDir, port: opts.port, password, say });
    kind = "postgres";
  } else {
    say(
      `no embedded PostgreSQL binary is published for ${process.platform}-${process.arch}: falling back to PGlite (WebAssembly, one query at a time, slower under load); set DATABASE_URL to use a PostgreSQL server`,
    );
    const { startPglite } = await import("./embedded-pglite");
    // Its own folder beside the PostgreSQL one: the two data formats are not interchangeable.
    running = await startPglite({ dataDir: path.join(path.dirname(opts.dataDir), "pglite"), port: opts.port });
    kind = "pglite";
  }
  const marker = markerOf(opts.dataDir);
  writeFileSync(marker, JSON.stringify({ kind, port: running.port, pid: process.pid }) + "\n");
  return {
    url: urlOf(running.port, password),
    kind,
    description: kind === "postgres" ? "embedded PostgreSQL 17" : "embedded PGlite (fallback)",
    async stop() {
      rmSync(marker, { force: true });
      await running.stop();
    },
  };
}

/** The URL of the embedded database a running `npm start` advertises, if any. */
export function runningEmbeddedUrl(dataDir = defaultEmbeddedDir()): string | undefined {
  const marker = markerOf(dataDir);
  if (!existsSync(marker)) return undefined;
  const { port, pid } = JSON.parse(readFileSync(marker, "utf8")) as { port: number; pid: number };
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // left by an npm start that was killed
  }
  return urlOf(port, embeddedDbPassword());
}

/** DATABASE_URL, else the running embedded database, else one started for the caller (stop it after). */
export async function openDatabase(say?: (msg: string) => void): Promise<{ url: string; stop?: () => Promise<void> }> {
  const url = process.env.DATABASE_URL || runningEmbeddedUrl();
  if (url) return { url };
  const db = await startEmbeddedDb({ dataDir: defaultEmbeddedDir(), port: 0, say });
  return { url: db.url, stop: db.stop };
}
