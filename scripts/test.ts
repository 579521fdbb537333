/**
 * `npm test`: every test. Import rules, Biome (biome.jsonc: lint and format check), type check, Vitest (unit,
 * contract against the emulators, integration on a fresh database), then Playwright end-to-end
 * against the real built app in Debian's Chromium.
 * With TEST_DATABASE_URL the integration and e2e runs each create and drop their own database on
 * that server; without it they use the embedded PostgreSQL (scripts/lib/embedded-db.ts).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { BIN, run } from "./lib/run";
import { prismaGenerate } from "./lib/migrate";
import { createTestDatabase } from "../tests/support/test-database";

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

async function step(name: string, fn: () => Promise<void>) {
  console.log(`\n=== ${name} ===`);
  try {
    await fn();
  } catch (err) {
    failures.push(`${name}: ${err instanceof Error ? err.message : err}`);
  }
}

function addVitest(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  total.passed += r.numPassedTests ?? 0;
  total.failed += r.numFailedTests ?? 0;
  total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function addPlaywright(file: string) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, "utf8")).stats ?? {};
  total.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  total.failed += s.unexpected ?? 0;
  total.skipped += s.skipped ?? 0;
}

async function main() {
  const only = process.argv.slice(2);
  const want = (s: string) => only.length === 0 || only.includes(s);
  rmSync("test-results", { recursive: true, force: true });
  if (!existsSync("lib/generated/prisma/client.ts")) await prismaGenerate();

  if (want("imports")) await step("import rules (docs/ARCHITECTURE.md)", () => run(BIN("tsx"), ["scripts/check-imports.ts"]));
  // biome ci: the linter and the formatter check in one pass (a file not as `npm run format` writes it fails).
  if (want("lint")) await step("lint and format (biome)", () => run(BIN("biome"), ["ci", "--error-on-warnings", "."]));
  if (want("typecheck")) await step("typecheck", () => run(BIN("tsc"), ["--noEmit"]));
  if (want("vitest")) {
    await step("vitest (unit, contract, integration)", () =>
      run(BIN("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]),
    );
    addVitest("test-results/vitest.json");
  }
  if (want("e2e")) {
    await step("playwright (end-to-end)", async () => {
      const database = process.env.TEST_DATABASE_URL ? await createTestDatabase("relay_e2e") : null;
      try {
        await run(BIN("playwright"), ["test"], { env: { ...process.env, ...(database ? { E2E_DATABASE_URL: database.url } : {}) } });
      } finally {
        await database?.drop();
      }
    });
    addPlaywright("test-results/e2e.json");
  }

  console.log("");
  for (const f of failures) console.log(`FAILED ${f}`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(failures.length > 0 || total.failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
