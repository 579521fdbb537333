import { inject } from "vitest";

// Runs before each integration test file imports lib/: lib/env.ts reads DATABASE_URL at first use.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-test-secret-0123456789";
process.env.APP_ENCRYPTION_KEY ??= "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
process.env.EMULATORS ??= "off";
// Inbound and worker log lines (lib/log.ts) would flood the output; tests that read them raise it.
process.env.LOG_LEVEL ??= "error";
