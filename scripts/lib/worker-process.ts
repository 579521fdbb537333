import { spawn, type ChildProcess } from "node:child_process";

/**
 * `npm start`'s delivery worker: `scripts/worker.ts` as a child process with the same environment
 * (database, keys, emulator URLs). A separate process keeps mapping and HTTP work off the process
 * that hosts the embedded database, and is exactly what `npm run worker` runs on other machines.
 * Restarted if it dies; stopped with this process. DELIVERY_WORKER=off starts none.
 */
export function startWorkerProcess(log: (msg: string) => void): void {
  const flag = (process.env.DELIVERY_WORKER ?? "on").toLowerCase();
  if (["off", "0", "false", "no"].includes(flag)) return;
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
}
