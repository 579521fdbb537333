-- Test deliveries (QA's test events) alone: the alert evaluator leaves their attempts out with an
-- anti-join on this index instead of joining every attempt in its window to a scan of the whole
-- Delivery table (lib/dashboard/aggregates.ts, attemptCounts). Production rows are never entered,
-- so the delivery path does not maintain it.
CREATE INDEX "Delivery_test_idx" ON "Delivery"("id") WHERE test;
