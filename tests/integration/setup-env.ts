import { inject } from "vitest";

// Runs before each integration test file imports lib/: lib/env.ts reads DATABASE_URL at first use.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-test-secret-0123456789";
process.env.APP_ENCRYPTION_KEY ??= "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
process.env.EMULATORS ??= "off";
// Inbound and worker log lines (lib/log.ts) would flood the output; tests that read them raise it.
process.env.LOG_LEVEL ??= "error";
// Fuzz and reliability tests send thousands of refused requests from one address; the limits
// themselves are tested with their own limiter (inbound-rate-limits.test.ts).
process.env.INBOUND_AUTH_FAILURES_PER_MINUTE ??= "1000000";
process.env.INBOUND_RATE_PER_SEC ??= "1000000";
process.env.INBOUND_BURST ??= "1000000";
