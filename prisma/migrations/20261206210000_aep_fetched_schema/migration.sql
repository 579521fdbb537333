-- The schema fetched from the Schema Registry for the discovered dataset (issue 14).
ALTER TABLE "IntegrationProfile" ADD COLUMN "aepSchema" JSONB,
ADD COLUMN "aepSchemaTitle" TEXT,
ADD COLUMN "aepSchemaFetchedAt" TIMESTAMP(3);
