import path from "node:path";
import { BIN, run } from "./run";

/** `prisma migrate deploy` with the offline wasm engine (see prisma.config.ts and STACK.md). */
export async function migrateDeploy(databaseUrl: string, quiet = false): Promise<void> {
  const preload = path.join(process.cwd(), "scripts", "lib", "unref-timers.cjs");
  await run(BIN("prisma"), ["migrate", "deploy"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim(),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
}

export async function prismaGenerate(): Promise<void> {
  await run(BIN("prisma"), ["generate"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } });
}
