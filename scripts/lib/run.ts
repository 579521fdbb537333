import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command to completion, inheriting output; rejects with its exit code. */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...opts });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}

export const BIN = (name: string) => `node_modules/.bin/${name}`;
