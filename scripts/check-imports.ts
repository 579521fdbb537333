/**
 * Import rules between the rooms of the code base (docs/ARCHITECTURE.md), checked by `npm test`
 * and so by CI. A lower room never imports a higher one:
 *
 *   pure (engine, XDM, push-type catalog)  <  emulators  <  lib (server)  <  components  <  app
 *
 * and inside lib, the delivery rooms: queue  <  inbound, worker (not each other)  <  delivery log, test events.
 *
 * plus: nothing ships code that imports tests or e2e specs, and the pure rooms import no Node
 * built-ins, because the mapping editor runs them in the browser. Inside lib, the foundations
 * (lib/env.ts, lib/log.ts) import no domain room, the REST helpers (lib/api) no inbound code,
 * sign-in (lib/auth) no delivery code, services no action layer; and only lib/env.ts (with the
 * worker's plain-Node lib/log.ts and lib/telemetry) reads process.env. Known exceptions are listed
 * below with the reason; the check fails when one is no longer needed, so the list only shrinks.
 *
 * Usage: `tsx scripts/check-imports.ts` (exit 1 and one line per broken rule).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const PURE = ["lib/mapping-engine/", "lib/xdm/", "lib/push-types/", "lib/prng.ts", "lib/demo-credentials.ts", "lib/errors.ts"];
// Packages the pure rooms may use: they run in the browser as well as in Node.
const PURE_PACKAGES = new Set(["@pkg/ua-parser-js", "@pkg/ajv", "@pkg/ajv-formats", "@pkg/ajv/dist/2020", "@pkg/zod"]);

type Rule = { name: string; from: (f: string) => boolean; to: (t: string) => boolean };

const isTest = (f: string) => /\.test\.tsx?$/.test(f);
const isPure = (f: string) => PURE.some((p) => f.startsWith(p));
const under =
  (...dirs: string[]) =>
  (f: string) =>
    dirs.some((d) => f.startsWith(d));
// Where deliveries are received, queued, sent and listed.
const DELIVERY_ROOMS = ["lib/inbound/", "lib/queue/", "lib/worker/", "lib/delivery-log/", "lib/test-events/"];
// The only lib files that read process.env: the web server's reader, and the two plain-Node
// modules the worker shares, which default to process.env because it cannot import lib/env.ts.
const ENV_READERS = new Set(["lib/env.ts", "lib/log.ts", "lib/telemetry/index.ts"]);

const RULES: Rule[] = [
  {
    name: "pure code imports only pure code",
    from: (f) => isPure(f) && !isTest(f),
    to: (t) => t.startsWith("node:") || (t.startsWith("@pkg/") ? !PURE_PACKAGES.has(t) : !isPure(t)),
  },
  { name: "emulators import only pure lib code", from: under("emulators/"), to: (t) => t.startsWith("lib/") && !isPure(t) },
  { name: "lib does not import emulators", from: (f) => f.startsWith("lib/") && !isTest(f), to: under("emulators/") },
  { name: "lib does not import components or app", from: (f) => f.startsWith("lib/") && !isTest(f), to: under("components/", "app/") },
  { name: "components do not import app", from: under("components/"), to: under("app/") },
  { name: "shipped code does not import tests or e2e", from: under("lib/", "app/", "components/", "emulators/", "scripts/"), to: under("tests/", "e2e/") },
  { name: "integration tests do not import e2e specs", from: under("tests/"), to: under("e2e/") },
  // The delivery rooms: queue < inbound, worker < delivery log, test events.
  {
    name: "the queue imports no other delivery room",
    from: under("lib/queue/"),
    to: under("lib/inbound/", "lib/worker/", "lib/delivery-log/", "lib/test-events/"),
  },
  {
    name: "inbound does not import the worker, the delivery log or test events",
    from: under("lib/inbound/"),
    to: under("lib/worker/", "lib/delivery-log/", "lib/test-events/"),
  },
  {
    name: "the worker does not import inbound, the delivery log or test events",
    from: under("lib/worker/"),
    to: under("lib/inbound/", "lib/delivery-log/", "lib/test-events/"),
  },
  // A domain room is any folder under lib/; the foundations every room uses must not need one.
  { name: "lib/env.ts and lib/log.ts import no domain room", from: (f) => f === "lib/env.ts" || f === "lib/log.ts", to: (t) => /^lib\/[^/]+\//.test(t) },
  { name: "lib/auth imports no delivery code", from: (f) => f.startsWith("lib/auth/") && !isTest(f), to: under(...DELIVERY_ROOMS) },
  { name: "lib/api imports no inbound code", from: (f) => f.startsWith("lib/api/") && !isTest(f), to: under("lib/inbound/") },
  // Services throw DomainError (lib/errors.ts); the action layer maps it. A room's action-defs.ts
  // and actions.ts are that layer, and lib/api adapts the same actions to REST.
  {
    name: "services do not import lib/actions",
    from: (f) => f.startsWith("lib/") && !isTest(f) && !under("lib/actions/", "lib/api/")(f) && !/\/(action-defs|actions)\.ts$/.test(f),
    to: under("lib/actions/"),
  },
];

// file -> imported file: why it is still allowed. Remove an entry when its import goes away.
const EXCEPTIONS: Record<string, string> = {
  "scripts/test.ts -> tests/support/test-database.ts": "the test runner creates the test databases",
};

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g;
const NODE_BUILTINS = new Set([
  "crypto",
  "fs",
  "path",
  "os",
  "http",
  "https",
  "net",
  "url",
  "util",
  "stream",
  "zlib",
  "worker_threads",
  "child_process",
  "events",
  "buffer",
]);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel, out);
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(rel);
  }
  return out;
}

function resolveTarget(from: string, spec: string): string {
  if (spec.startsWith("node:") || NODE_BUILTINS.has(spec)) return `node:${spec.replace(/^node:/, "")}`;
  let rel: string;
  if (spec.startsWith("@/")) rel = spec.slice(2);
  else if (spec.startsWith(".")) rel = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return `@pkg/${spec}`;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const candidate = rel + ext;
    try {
      if (statSync(path.join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      /* try the next extension */
    }
  }
  return rel;
}

function main() {
  const files = ["lib", "app", "components", "emulators", "scripts", "tests", "e2e"].flatMap((d) => walk(d));
  const problems: string[] = [];
  const usedExceptions = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(IMPORT_RE)) {
      const target = resolveTarget(file, m[1] ?? m[2] ?? m[3]);
      for (const rule of RULES) {
        if (!rule.from(file) || !rule.to(target)) continue;
        const key = `${file} -> ${target}`;
        if (EXCEPTIONS[key]) usedExceptions.add(key);
        else problems.push(`${rule.name}: ${key}`);
      }
    }
  }
  for (const file of files) {
    if (!file.startsWith("lib/") || isTest(file) || ENV_READERS.has(file)) continue;
    // Comments may mention process.env; code may not (a URL's // is not a comment).
    const code = readFileSync(path.join(ROOT, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|[^:])\/\/.*$/gm, "$1");
    if (/process\.env\b/.test(code))
      problems.push(`only lib/env.ts reads the environment (lib/integrations parses what it returns): ${file} reads process.env`);
  }
  for (const key of Object.keys(EXCEPTIONS)) if (!usedExceptions.has(key)) problems.push(`exception no longer needed, remove it: ${key}`);
  for (const p of problems) console.error(`import rule broken — ${p}`);
  console.log(`[check-imports] ${files.length} files, ${RULES.length + 1} rules, ${problems.length} problem(s)`);
  process.exit(problems.length ? 1 : 0);
}

main();
