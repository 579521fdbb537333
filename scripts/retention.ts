/**
 * `npm run retention [-- --days N]`: prunes delivery and attempt payload bodies older than
 * DELIVERY_RETENTION_DAYS (default 30) now, keeping the rows. Workers do this hourly on their own;
 * this is for a cron job, or to apply a shorter retention at once. Also deletes sign-in attempts
 * older than LOGIN_ATTEMPT_RETENTION_DAYS (default 30). Prints one JSON line.
 */
import { createPrismaClient } from "../lib/db-client";
import { deliveryConfigFromEnv } from "../lib/worker/config";
import { pruneDeliveryPayloads, pruneInboundRefusals, pruneLoginAttempts } from "../lib/queue/retention";
import { resolveDatabaseUrl } from "./lib/delivery-env";

async function main() {
  const i = process.argv.indexOf("--days");
  const days = i > 0 ? Number(process.argv[i + 1]) : deliveryConfigFromEnv(process.env).retentionDays;
  if (!Number.isFinite(days) || days <= 0) throw new Error("--days must be a positive number");
  const db = createPrismaClient(resolveDatabaseUrl(), 2);
  try {
    const t0 = performance.now();
    const r = await pruneDeliveryPayloads(db, { retentionDays: days });
    const loginAttemptRetentionDays = deliveryConfigFromEnv(process.env).loginAttemptRetentionDays;
    const loginAttempts = await pruneLoginAttempts(db, { days: loginAttemptRetentionDays });
    const inboundRefusals = await pruneInboundRefusals(db, { days: loginAttemptRetentionDays });
    console.log(
      JSON.stringify({ retentionDays: days, ...r, loginAttemptRetentionDays, loginAttempts, inboundRefusals, ms: Math.round(performance.now() - t0) }),
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(`[retention] failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
