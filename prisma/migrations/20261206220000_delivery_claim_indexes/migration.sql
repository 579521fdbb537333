-- The claim's indexes hold only the rows a worker may claim (lib/queue/claim.ts). Delivery(status,
-- nextAttemptAt) indexed every delivery in every status, so each one was entered three times
-- (QUEUED, DELIVERING, DELIVERED) and the claim's range scans walked the entries of versions the
-- claim and the settle had left behind. Partial indexes are written here, not in schema.prisma
-- (Prisma 6 cannot express them, and migrate leaves indexes with a WHERE clause alone).
DROP INDEX "Delivery_status_nextAttemptAt_idx";

-- Due work: QUEUED and RETRYING, in due order per status (the claim, the backpressure count, metrics).
CREATE INDEX "Delivery_due_idx" ON "Delivery"("status", "nextAttemptAt") WHERE status IN ('QUEUED', 'RETRYING');

-- Leases being held: the claim takes back those whose lease has run out.
CREATE INDEX "Delivery_lease_idx" ON "Delivery"("leaseUntil") WHERE status = 'DELIVERING';

-- Delivery is a queue: every event is written three times: two dead row versions per event.
-- PostgreSQL's defaults vacuum a table once 20% of it is dead, by which point the claim's scans
-- step over hundreds of thousands of dead entries. Vacuum and analyze it after 2% (and 1,000 rows)
-- so the planner also sees how many rows are waiting while a backlog builds.
ALTER TABLE "Delivery" SET (
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_vacuum_threshold = 1000,
  autovacuum_analyze_scale_factor = 0.02,
  autovacuum_analyze_threshold = 1000
);
