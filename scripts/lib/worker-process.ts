import { spawn, type ChildProcess } from "node:child_process";

/**
 * `npm start`'s delivery worker: `scripts/worker.ts` as a child process with the same environment
 * (database, keys, emulator URLs). A separate process keeps mapping and HTTP work off the process
 * that hosts the embedded database, and is exactly what `npm run worker` runs on other machines.
 * Restarted if it dies; stopped with this process. DELIVERY_WORKER=off starts none.
 *
 * Call stop() before closing the database and emulators: SIGTERM makes the worker finish and
 * settle what it claimed, which needs both. Without the wait its last settles would fail and those
 * deliveries would only be sent again once their leases expired.
 */
export function startWorkerProcess(log: (msg: string) => void): { stop(timeoutMs?: number): Promise<void> } {
  const flag = (process.env.DELIVERY_WORKER ?? "on").toLowerCase();
  if (["off", "0", "false", "no"].includes(flag)) return { stop: async () => {} };
  let child: ChildProcess | null = null;
  let exiting = false;
  const launch = () => {
    // node --import tsx rather than the tsx CLI: one process, so SIGTERM reaches the worker itself.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { stdio: ["ignore", "inherit", "inherit"], env: process.env });
    child.on("exit", (code, signal) => {
      if (exiting) return;
      log(`delivery worker exited (${code ?? signal}); restarting in 2 s`);
      setTimeout(launch, 2000).unref();
    });
  };
  launch();
  process.on("exit", () => {
    exiting = true;
    child?.kill("SIGTERM");
  });
  return {
    stop(timeoutMs = 15_000) {
      exiting = true;
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          c.kill("SIGKILL");
          resolve();
        }, timeoutMs);
        c.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        c.kill("SIGTERM");
      });
    },
  };
}
