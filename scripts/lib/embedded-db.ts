import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

/**
 * The embedded default: PGlite (real PostgreSQL 17 in WebAssembly) persisted in a data folder and
 * served on a loopback port, so Prisma, the worker and psql connect to it like any server.
 * PGlite runs one query at a time; the socket server queues the others.
 */
export async function startEmbeddedDb(opts: { dataDir: string; port: number }): Promise<EmbeddedDb> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: opts.dataDir });
  const server = new PGLiteSocketServer({ db, port: opts.port, host: "127.0.0.1", maxConnections: 32 });
  await server.start();
  const port = opts.port || Number((server as unknown as { server?: { address(): { port: number } } }).server?.address().port);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable&connection_limit=8`;
  // Other processes (npm run worker, npm run migrate) find the running embedded database here.
  const marker = path.join(opts.dataDir, "..", "embedded-db.json");
  writeFileSync(marker, JSON.stringify({ url, pid: process.pid }) + "\n");
  return {
    url,
    async stop() {
      rmSync(marker, { force: true });
      await server.stop();
      await db.close();
    },
  };
}
