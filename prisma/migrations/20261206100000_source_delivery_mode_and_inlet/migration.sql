-- Issue 14: XDM vs raw delivery per SOURCE profile, the discovered dataset/schema, the
-- AEP-compatible inlet id, and rotation with a grace period for the inlet id and the inbound secret.
CREATE TYPE "SourceDeliveryMode" AS ENUM ('XDM', 'RAW');

ALTER TABLE "IntegrationProfile"
  ADD COLUMN "previousInboundSecretSealed" TEXT,
  ADD COLUMN "previousInboundSecretUntil" TIMESTAMP(3),
  ADD COLUMN "deliveryMode" "SourceDeliveryMode" NOT NULL DEFAULT 'XDM',
  ADD COLUMN "aepDatasetId" TEXT,
  ADD COLUMN "aepSchemaId" TEXT,
  ADD COLUMN "aepSchemaContentType" TEXT,
  ADD COLUMN "aepDiscoveredAt" TIMESTAMP(3),
  ADD COLUMN "inletId" TEXT,
  ADD COLUMN "previousInletId" TEXT,
  ADD COLUMN "previousInletUntil" TIMESTAMP(3);

CREATE UNIQUE INDEX "IntegrationProfile_inletId_key" ON "IntegrationProfile"("inletId");
CREATE UNIQUE INDEX "IntegrationProfile_previousInletId_key" ON "IntegrationProfile"("previousInletId");
