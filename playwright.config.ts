import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The e2e run starts the real product with `npm start`: built app, database, emulators.
// scripts/test.ts sets E2E_DATABASE_URL to a fresh database on TEST_DATABASE_URL's server; without
// it the app uses the embedded PostgreSQL in a fresh temp folder, on a fixed port and with a
// per-run password the fixtures know.
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_EMBEDDED_DB_PORT = Number(process.env.E2E_EMBEDDED_DB_PORT || 54329);
// Emulator ports of the e2e server; specs read them from the environment (E2E_ADOBE_PORT).
process.env.E2E_ADOBE_PORT ??= "4110";
process.env.E2E_RAINFOCUS_PORT ??= "4120";
process.env.E2E_RUN_DIR ??= mkdtempSync(path.join(os.tmpdir(), "relay-e2e-"));
process.env.E2E_EMBEDDED_DB_PASSWORD ??= randomBytes(12).toString("hex");
process.env.E2E_DB_URL ??=
  process.env.E2E_DATABASE_URL || `postgresql://postgres:${process.env.E2E_EMBEDDED_DB_PASSWORD}@127.0.0.1:${E2E_EMBEDDED_DB_PORT}/postgres?sslmode=disable`;

const serverEnv: Record<string, string> = {
  PORT: String(E2E_PORT),
  SEED_ADMIN_EMAIL: "admin@example.com",
  SEED_ADMIN_PASSWORD: "e2e-admin-password-123",
  SEED_API_TOKEN: "rfk_e2e_seeded_admin_token_0123456789",
  ADOBE_EMULATOR_PORT: process.env.E2E_ADOBE_PORT,
  RAINFOCUS_EMULATOR_PORT: process.env.E2E_RAINFOCUS_PORT,
  NEXT_TELEMETRY_DISABLED: "1",
  // Retries within seconds, so a spec can watch a 503 being retried to success (default base is 30 s).
  DELIVERY_RETRY_BASE_MS: "1500",
  DELIVERY_RETRY_CAP_MS: "3000",
  // The worker evaluates alerts every 2 s instead of 30 s, so e2e/alerts sees a transition promptly.
  ALERTS_EVAL_INTERVAL_MS: "2000",
  RELAY_LOG_FILE: path.join(process.env.E2E_RUN_DIR, "server.log"),
  // e2e/ops/metrics.spec.ts scrapes /api/metrics with it.
  METRICS_TOKEN: "e2e-metrics-token-0123456789",
  // Every spec calls from 127.0.0.1, and the fuzz and route-matrix specs make many refused inbound
  // requests: at the default limit the specs after them would get 429s for a minute. The limits
  // are tested on their own (tests/integration/inbound-rate-limits.test.ts).
  INBOUND_AUTH_FAILURES_PER_MINUTE: "1000000",
  ...(process.env.E2E_DATABASE_URL
    ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
    : {
        EMBEDDED_DB_DIR: path.join(process.env.E2E_RUN_DIR, "postgres"),
        EMBEDDED_DB_PORT: String(E2E_EMBEDDED_DB_PORT),
        EMBEDDED_DB_PASSWORD: process.env.E2E_EMBEDDED_DB_PASSWORD,
      }),
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "node_modules/.bin/tsx scripts/start.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: serverEnv,
  },
});
