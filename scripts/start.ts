/**
 * `npm start`: the whole product on one machine. Embedded database unless DATABASE_URL is set,
 * migrations, seed, build when sources changed, the local Adobe and RainFocus emulators unless
 * EMULATORS=off, and the console on PORT (default 3000).
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureLocalSecrets } from "./lib/local-secrets";
import { defaultEmbeddedDir, startEmbeddedDb, type EmbeddedDb } from "./lib/embedded-db";
import { migrateDeploy, prismaGenerate } from "./lib/migrate";
import { BUILD_STAMP, buildIsCurrent, sourceHash } from "./lib/build-hash";
import { BIN, run } from "./lib/run";
import { startEmulatorsIfEnabled, type RunningEmulators } from "./lib/emulators";
import { startWorkerProcess } from "./lib/worker-process";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = Number(process.env.PORT || 3000);
const log = (msg: string) => console.log(`[relay] ${msg}`);

async function main() {
  Object.assign(process.env, ensureLocalSecrets());

  let embedded: EmbeddedDb | null = null;
  if (!process.env.DATABASE_URL) {
    const dataDir = defaultEmbeddedDir();
    embedded = await startEmbeddedDb({ dataDir, port: Number(process.env.EMBEDDED_DB_PORT || 0), say: log });
    process.env.DATABASE_URL = embedded.url;
    log(`${embedded.description} on 127.0.0.1:${new URL(embedded.url).port}, data in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    if (embedded.kind === "postgres" && !process.env.EMBEDDED_DB_DIR && existsSync(path.join(".data", "pglite"))) {
      log("note: .data/pglite holds data from the earlier PGlite default; it is not used any more (README: moving the embedded data)");
    }
  } else {
    log("using DATABASE_URL");
  }

  if (!existsSync(path.join("lib", "generated", "prisma", "client.ts"))) await prismaGenerate();
  await migrateDeploy(process.env.DATABASE_URL!, true);
  log("migrations applied");

  const emulators: RunningEmulators | null = await startEmulatorsIfEnabled();
  const seeded = await runSeed(emulators);
  const worker = startWorkerProcess(log);

  if (process.argv.includes("--dev")) {
    await serve(["dev", "-p", String(port)], embedded, emulators, worker, seeded);
    return;
  }
  if (!buildIsCurrent()) {
    log("building the console (first start or sources changed)…");
    await run(BIN("next"), ["build"], { env: process.env });
    writeFileSync(BUILD_STAMP, sourceHash());
  }
  await serve(["start", "-p", String(port)], embedded, emulators, worker, seeded);
}

async function runSeed(emulators: RunningEmulators | null): Promise<string[]> {
  const { createPrismaClient } = await import("../lib/db-client");
  const { seed } = await import("../lib/seed/seed");
  const { ensureDemoProfile } = await import("../lib/seed/demo-profile");
  const db = createPrismaClient(process.env.DATABASE_URL!, 2);
  try {
    const adminEmail = process.env.SEED_ADMIN_EMAIL || "admin@example.com";
    const result = await seed(db, { adminEmail, adminPassword: process.env.SEED_ADMIN_PASSWORD, apiToken: process.env.SEED_API_TOKEN });
    const lines: string[] = [];
    if (result.createdAdmin?.password) lines.push(`admin login: ${result.createdAdmin.email} / ${result.createdAdmin.password}  (generated once: save it now)`);
    else if (result.createdAdmin) lines.push(`admin login: ${result.createdAdmin.email} / (SEED_ADMIN_PASSWORD)`);
    else lines.push(`admin login: ${adminEmail} (password as printed on first start, or SEED_ADMIN_PASSWORD)`);
    if (result.ensuredApiToken) lines.push("API token from SEED_API_TOKEN is active (admin)");
    if (
      emulators &&
      process.env.SEED_DEMO !== "off" &&
      (await ensureDemoProfile(db, { adobeUrl: emulators.adobeUrl, encryptionKey: process.env.APP_ENCRYPTION_KEY! }))
    ) {
      lines.push("demo profile created: a SOURCE profile wired to the local emulators (Profiles → Demo)");
    }
    return lines;
  } finally {
    await db.$disconnect();
  }
}

async function serve(nextArgs: string[], embedded: EmbeddedDb | null, emulators: RunningEmulators | null, worker: { stop(): Promise<void> }, seeded: string[]) {
  const clientIp = path.join(process.cwd(), "scripts", "lib", "client-ip.cjs");
  const child = spawn(BIN("next"), nextArgs, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${clientIp}`.trim() },
  });
  // RELAY_LOG_FILE keeps a copy of the server's output (tests search it for leaked secrets).
  const logFile = process.env.RELAY_LOG_FILE ? createWriteStream(process.env.RELAY_LOG_FILE, { flags: "a" }) : null;
  child.stdout!.on("data", (chunk) => {
    process.stdout.write(chunk);
    logFile?.write(chunk);
  });
  child.stderr!.on("data", (chunk) => {
    process.stderr.write(chunk);
    logFile?.write(chunk);
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    // The worker settles what it claimed first: it needs the database and the emulators for that.
    await worker.stop();
    await emulators?.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 1));
  await waitForHealth(port);
  console.log("");
  log(`console:   http://localhost:${port}`);
  for (const line of seeded) log(line);
  if (emulators) {
    log(`Adobe emulator:     ${emulators.adobeUrl}`);
    log(`RainFocus emulator: ${emulators.rainfocusUrl}`);
  }
  log("ready");
}

async function waitForHealth(p: number) {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${p}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("console did not become healthy in 120 s");
}

main().catch((err) => {
  console.error(`[relay] start failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
