import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);

function walk(p: string, hash: ReturnType<typeof createHash>) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name) && !name.endsWith(".test.ts")) walk(path.join(p, name), hash);
  } else {
    hash.update(p).update(readFileSync(p));
  }
}

/** A hash of everything `next build` depends on, so `npm start` rebuilds only when sources changed. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(input, hash);
  return hash.digest("hex");
}

/** The build folder: `.next`, or NEXT_DIST_DIR when a second build lives beside it (next.config.ts). */
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

export const BUILD_STAMP = path.join(DIST_DIR, "relay-source-hash");

export function buildIsCurrent(): boolean {
  return existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, "utf8") === sourceHash();
}
