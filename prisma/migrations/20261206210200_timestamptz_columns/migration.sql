-- Every DateTime column becomes timestamptz(3). The old columns were timestamp(3) without a time
-- zone holding UTC wall-clock times (as Prisma writes them), so each value is read AT TIME ZONE UTC:
-- the same instant whatever the TimeZone of the server or the session (a bare SET DATA TYPE would read
-- them in the zone of the session). MetricCounter."updatedAt" was already declared Timestamptz(3) in the
-- schema but had been created as timestamp(3), so it is converted too.
--
-- Cost: changing the type rewrites each table and rebuilds its indexes under an ACCESS EXCLUSIVE
-- lock (the USING expression rules out the no-rewrite path of PostgreSQL for a UTC session). One ALTER
-- TABLE per table, so each table is rewritten once. The large tables are "Delivery" and "Attempt"
-- (millions of rows in production): expect their rewrite to take minutes, during which inbound
-- requests and workers wait on the lock. Stop the workers and run it in a quiet window.

ALTER TABLE "AlertEvent" ALTER COLUMN "at" SET DATA TYPE TIMESTAMPTZ(3) USING "at" AT TIME ZONE 'UTC';

ALTER TABLE "AlertRule" ALTER COLUMN "updatedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "updatedAt" AT TIME ZONE 'UTC';

ALTER TABLE "ApiToken" ALTER COLUMN "lastUsedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "lastUsedAt" AT TIME ZONE 'UTC',
ALTER COLUMN "revokedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "revokedAt" AT TIME ZONE 'UTC',
ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMPTZ(3) USING "createdAt" AT TIME ZONE 'UTC',
ALTER COLUMN "expiresAt" SET DATA TYPE TIMESTAMPTZ(3) USING "expiresAt" AT TIME ZONE 'UTC';

ALTER TABLE "Attempt" ALTER COLUMN "startedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "startedAt" AT TIME ZONE 'UTC';

ALTER TABLE "AuditEvent" ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMPTZ(3) USING "createdAt" AT TIME ZONE 'UTC';

ALTER TABLE "CustomPushType" ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMPTZ(3) USING "createdAt" AT TIME ZONE 'UTC';

ALTER TABLE "Delivery" ALTER COLUMN "nextAttemptAt" SET DATA TYPE TIMESTAMPTZ(3) USING "nextAttemptAt" AT TIME ZONE 'UTC',
ALTER COLUMN "leaseUntil" SET DATA TYPE TIMESTAMPTZ(3) USING "leaseUntil" AT TIME ZONE 'UTC',
ALTER COLUMN "receivedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "receivedAt" AT TIME ZONE 'UTC',
ALTER COLUMN "deliveredAt" SET DATA TYPE TIMESTAMPTZ(3) USING "deliveredAt" AT TIME ZONE 'UTC',
ALTER COLUMN "replayedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "replayedAt" AT TIME ZONE 'UTC';

ALTER TABLE "InboundRefusal" ALTER COLUMN "minute" SET DATA TYPE TIMESTAMPTZ(3) USING "minute" AT TIME ZONE 'UTC',
ALTER COLUMN "firstAt" SET DATA TYPE TIMESTAMPTZ(3) USING "firstAt" AT TIME ZONE 'UTC',
ALTER COLUMN "lastAt" SET DATA TYPE TIMESTAMPTZ(3) USING "lastAt" AT TIME ZONE 'UTC';

ALTER TABLE "IntegrationProfile" ALTER COLUMN "inboundSecretRotatedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "inboundSecretRotatedAt" AT TIME ZONE 'UTC',
ALTER COLUMN "deletedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "deletedAt" AT TIME ZONE 'UTC',
ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMPTZ(3) USING "createdAt" AT TIME ZONE 'UTC',
ALTER COLUMN "updatedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "updatedAt" AT TIME ZONE 'UTC',
ALTER COLUMN "previousInboundSecretUntil" SET DATA TYPE TIMESTAMPTZ(3) USING "previousInboundSecretUntil" AT TIME ZONE 'UTC',
ALTER COLUMN "aepDiscoveredAt" SET DATA TYPE TIMESTAMPTZ(3) USING "aepDiscoveredAt" AT TIME ZONE 'UTC',
ALTER COLUMN "previousInletUntil" SET DATA TYPE TIMESTAMPTZ(3) USING "previousInletUntil" AT TIME ZONE 'UTC',
ALTER COLUMN "aepSchemaFetchedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "aepSchemaFetchedAt" AT TIME ZONE 'UTC';

ALTER TABLE "LoginAttempt" ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMPTZ(3) USING "createdAt" AT TIME ZONE 'UTC';

ALTER TABLE "MappingDraft" ALTER COLUMN "updatedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "updatedAt" AT TIME ZONE 'UTC';

ALTER TABLE "MappingVersion" ALTER COLUMN "publishedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "publishedAt" AT TIME ZONE 'UTC';

ALTER TABLE "MetricCounter" ALTER COLUMN "updatedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "updatedAt" AT TIME ZONE 'UTC';

ALTER TABLE "ProfilePushType" ALTER COLUMN "enabledAt" SET DATA TYPE TIMESTAMPTZ(3) USING "enabledAt" AT TIME ZONE 'UTC';

ALTER TABLE "User" ALTER COLUMN "lastLoginAt" SET DATA TYPE TIMESTAMPTZ(3) USING "lastLoginAt" AT TIME ZONE 'UTC',
ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMPTZ(3) USING "createdAt" AT TIME ZONE 'UTC',
ALTER COLUMN "updatedAt" SET DATA TYPE TIMESTAMPTZ(3) USING "updatedAt" AT TIME ZONE 'UTC';
