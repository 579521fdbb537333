import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { test, expect } from "../fixtures";
import { parseKey, seal } from "../../lib/crypto/seal";
import { signBody } from "../../lib/inbound/signature";
import { generatePushEvent } from "../../lib/push-types/catalog";

// The whole `npm start` (console, worker, emulators and the embedded PostgreSQL) killed with
// SIGKILL, process groups and all, while events are being pushed and delivered; started again on
// the same data folder, every event it acknowledged (202) ends DELIVERED. A second `npm start` of
// this spec's own (ports, data folder, keys), on the build the e2e server made.

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function until<T>(what: string, ms: number, check: () => Promise<T | false>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await check().catch(() => false as const);
    if (got !== false) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test.describe("npm start killed with SIGKILL", () => {
  test.setTimeout(240_000);

  test("every acknowledged event is DELIVERED after a restart on the embedded PostgreSQL", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "relay-kill-"));
    const [port, dbPort, adobePort, rainfocusPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const key = randomBytes(32).toString("base64");
    const dbPassword = randomBytes(12).toString("hex");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      ADOBE_EMULATOR_PORT: String(adobePort),
      RAINFOCUS_EMULATOR_PORT: String(rainfocusPort),
      EMBEDDED_DB_DIR: path.join(dir, "postgres"),
      EMBEDDED_DB_PORT: String(dbPort),
      EMBEDDED_DB_PASSWORD: dbPassword,
      APP_ENCRYPTION_KEY: key,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SEED_ADMIN_PASSWORD: "kill-spec-admin-password",
      LOG_LEVEL: "warn",
      DELIVERY_LEASE_MS: "3000",
      DELIVERY_RETRY_BASE_MS: "200",
      DELIVERY_RETRY_CAP_MS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    delete env.DATABASE_URL;
    delete env.RELAY_LOG_FILE;
    let output = "";
    // detached: a process group of its own, so the whole of it can be killed at once.
    const start = (): ChildProcess => {
      const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout!.on("data", (c) => (output += c));
      child.stderr!.on("data", (c) => (output += c));
      return child;
    };
    const base = `http://127.0.0.1:${port}`;
    const ready = () => until(`npm start on ${port}:\n${output.slice(-2000)}`, 120_000, async () => (await fetch(`${base}/api/health`)).ok || false);
    const db = new pg.Pool({ connectionString: `postgresql://postgres:${dbPassword}@127.0.0.1:${dbPort}/postgres`, max: 2 });
    db.on("error", () => {}); // the server goes away under it on purpose

    let relay = start();
    try {
      await ready();
      // The seeded demo profile (wired to this server's emulators) with an inbound secret we know.
      const secret = "rfin_" + randomBytes(18).toString("base64url");
      const demo = await db.query(`UPDATE "IntegrationProfile" SET status = 'ACTIVE', "inboundSecretSealed" = $1 WHERE demo RETURNING id`, [
        seal(secret, parseKey(key)),
      ]);
      const profileId = demo.rows[0].id as string;
      // Slow deliveries, so a backlog is queued and some are in flight when the kill comes.
      await fetch(`http://127.0.0.1:${adobePort}/_emulator/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ route: "dcs", latencyMs: 30 }),
      });

      const acknowledged: string[] = [];
      let pushing = true;
      let n = 0;
      const pusher = (async () => {
        while (pushing) {
          const body = JSON.stringify(Array.from({ length: 10 }, () => generatePushEvent("SessionScheduled", 70_000 + n++)));
          try {
            const res = await fetch(`${base}/api/v1/inbound/rainfocus/${profileId}`, {
              method: "POST",
              headers: { "Content-Type": "application/json", "X-RF-Signature": signBody(body, secret) },
              body,
            });
            if (res.status === 202) acknowledged.push(...((await res.json()) as { deliveryIds: string[] }).deliveryIds);
          } catch {
            /* the server was killed mid-request: not acknowledged */
          }
        }
      })();
      const delivered = async () =>
        Number((await db.query(`SELECT count(*) FROM "Delivery" WHERE "profileId" = $1 AND status = 'DELIVERED'`, [profileId])).rows[0].count);
      await until("some deliveries before the kill", 60_000, async () => (await delivered()) >= 50 && acknowledged.length >= 300);

      // PostgreSQL runs in a process group of its own (scripts/lib/postgres-guardian.cjs), which
      // would shut it down cleanly once npm start is gone; kill that group too, so the restart
      // also goes through PostgreSQL's crash recovery.
      const postmaster = Number(readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
      const pgGroup = Number(readFileSync(`/proc/${postmaster}/stat`, "utf8").split(") ")[1]!.split(" ")[2]);
      process.kill(-relay.pid!, "SIGKILL");
      process.kill(-pgGroup, "SIGKILL");
      await new Promise((r) => relay.once("exit", r));
      pushing = false;
      await pusher;
      const ids = [...acknowledged];
      expect(ids.length).toBeGreaterThanOrEqual(300);

      relay = start();
      await ready();
      const notDelivered = async () =>
        Number(
          (
            await db.query(
              `SELECT count(*) FROM unnest($1::text[]) AS a(id) LEFT JOIN "Delivery" d ON d.id = a.id WHERE d.status IS DISTINCT FROM 'DELIVERED'`,
              [ids],
            )
          ).rows[0].count,
        );
      // Missing rows count too (LEFT JOIN): an acknowledged event that was not stored is a failure.
      await until(`all ${ids.length} acknowledged events DELIVERED`, 120_000, async () => (await notDelivered()) === 0 || false);
    } finally {
      await db.end().catch(() => {});
      try {
        process.kill(-relay.pid!, "SIGTERM");
        await until("npm start to stop", 30_000, async () => relay.exitCode !== null || relay.signalCode !== null);
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
