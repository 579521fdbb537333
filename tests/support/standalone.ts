import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sourceHash } from "../../scripts/lib/build-hash";
import type { PrismaClient } from "@/lib/db-client";
import { parseKey, seal } from "@/lib/crypto/seal";
import { DEMO_ADOBE, DEMO_RAINFOCUS, demoStreamingEndpoint } from "@/emulators/index";

// The Docker start sequence without Docker: `next build` with standalone output, `node server.js`
// from that output and `scripts/worker.ts` processes, as the Dockerfile and docker-compose.yml run
// them. Shared by the ops-standalone and ops-scale-out integration tests.

export const DIST = ".next-standalone";
export const STANDALONE = path.join(DIST, "standalone");
const STAMP = path.join(DIST, "relay-source-hash");

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "inherit"], env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

/** Builds the standalone output unless one from the same sources is there already. */
export async function ensureStandaloneBuild(): Promise<void> {
  const hash = sourceHash();
  if (existsSync(path.join(STANDALONE, "server.js")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) return;
  rmSync(DIST, { recursive: true, force: true });
  // Page-data collection imports lib/env.ts, which wants a DATABASE_URL; nothing connects to it.
  await run(path.join("node_modules", ".bin", "next"), ["build"], {
    ...process.env,
    NEXT_OUTPUT: "standalone",
    NEXT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "postgresql://build@127.0.0.1:1/build",
  });
  // What the Dockerfile's runtime stage copies next to server.js.
  cpSync(path.join(DIST, "static"), path.join(STANDALONE, DIST, "static"), { recursive: true });
  cpSync("public", path.join(STANDALONE, "public"), { recursive: true });
  cpSync(path.join("prisma", "migrations"), path.join(STANDALONE, "prisma", "migrations"), { recursive: true });
  writeFileSync(STAMP, hash);
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function until(check: () => Promise<boolean>, ms: number, what: string, everyMs = 200): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null || c.signalCode !== null ? r(c.exitCode) : c.once("exit", (code) => r(code))));

/** What web servers and workers share, as in docker-compose.yml. */
export function commonEnv(databaseUrl: string) {
  return { PATH: process.env.PATH, DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY, NODE_ENV: "production" as const };
}

/** `node server.js` from the standalone output on `port`; wait for /api/ready before using it. */
export function startStandaloneServer(databaseUrl: string, port: number, env: Record<string, string | undefined> = {}): ChildProcess {
  return spawn(process.execPath, ["server.js"], {
    cwd: STANDALONE,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...commonEnv(databaseUrl),
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_SECRET: process.env.AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: `--require ${path.resolve("scripts/lib/client-ip.cjs")}`,
      ...env,
    },
  });
}

/** One `scripts/worker.ts` process (no tsx CLI wrapper in between, so signals reach the worker). */
export function startWorkerProcess(databaseUrl: string, emu: { adobeUrl: string; rainfocusUrl: string }, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...commonEnv(databaseUrl),
      EMULATORS: "on",
      ADOBE_IMS_URL: emu.adobeUrl,
      ADOBE_PLATFORM_URL: emu.adobeUrl,
      RAINFOCUS_API_URL: emu.rainfocusUrl,
      DELIVERY_POLL_MS: "50",
      ...env,
    },
  });
}

/** An ACTIVE source profile on the Adobe emulator's demo inlet; its inbound secret in clear, to sign pushes. */
export async function createActiveDemoProfile(client: PrismaClient, name: string, adobeUrl: string): Promise<{ id: string; secret: string }> {
  const secret = "rfin_" + randomBytes(12).toString("base64url");
  const key = parseKey(process.env.APP_ENCRYPTION_KEY!);
  const profile = await client.integrationProfile.create({
    data: {
      name,
      direction: "SOURCE",
      status: "ACTIVE",
      eventCode: DEMO_RAINFOCUS.eventCode,
      tenantId: DEMO_ADOBE.tenantId,
      adobeClientId: DEMO_ADOBE.clientId,
      adobeClientSecretSealed: seal(DEMO_ADOBE.clientSecret, key),
      adobeOrgId: DEMO_ADOBE.orgId,
      streamingEndpointUrl: demoStreamingEndpoint(adobeUrl),
      dataflowId: DEMO_ADOBE.flowId,
      inboundSecretSealed: seal(secret, key),
      pushTypes: { create: [{ pushType: "SessionScheduled" }] },
    },
  });
  return { id: profile.id, secret };
}
