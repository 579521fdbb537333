-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('SOURCE', 'DESTINATION');

-- CreateEnum
CREATE TYPE "ProfileStatus" AS ENUM ('DRAFT', 'READY', 'ACTIVE', 'PAUSED');

-- CreateEnum
CREATE TYPE "AdobeAuthMethod" AS ENUM ('OAUTH_S2S', 'JWT');

-- CreateEnum
CREATE TYPE "RainfocusEnvironment" AS ENUM ('dev', 'prod');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'DELIVERING', 'DELIVERED', 'RETRYING', 'FAILED', 'DEAD');

-- CreateTable
CREATE TABLE "IntegrationProfile" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "direction" "Direction" NOT NULL,
    "status" "ProfileStatus" NOT NULL DEFAULT 'DRAFT',
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "eventCode" TEXT NOT NULL,
    "tenantId" TEXT,
    "adobeAuthMethod" "AdobeAuthMethod" NOT NULL DEFAULT 'OAUTH_S2S',
    "adobeClientId" TEXT,
    "adobeClientSecretSealed" TEXT,
    "adobeTechnicalAccountId" TEXT,
    "adobeOrgId" TEXT,
    "adobeSandboxName" TEXT,
    "adobeScopes" TEXT,
    "adobePrivateKeySealed" TEXT,
    "streamingEndpointUrl" TEXT,
    "dataflowId" TEXT,
    "rainfocusClientId" TEXT,
    "rainfocusSecretSealed" TEXT,
    "rainfocusOrgId" TEXT,
    "rainfocusEnvironment" "RainfocusEnvironment" NOT NULL DEFAULT 'prod',
    "inboundSecretSealed" TEXT,
    "inboundSecretRotatedAt" TIMESTAMP(3),
    "adobeTest" JSONB,
    "rainfocusTest" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfilePushType" (
    "profileId" TEXT NOT NULL,
    "pushType" TEXT NOT NULL,
    "enabledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProfilePushType_pkey" PRIMARY KEY ("profileId","pushType")
);

-- CreateTable
CREATE TABLE "CustomPushType" (
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sample" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomPushType_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "direction" "Direction" NOT NULL,
    "pushType" TEXT,
    "transmissionId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "sourcePayload" JSONB,
    "mappedPayload" JSONB,
    "mappingVersion" INTEGER,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attempt" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "requestUrl" TEXT NOT NULL,
    "requestHeaders" JSONB NOT NULL,
    "requestBody" JSONB,
    "responseStatus" INTEGER,
    "responseHeaders" JSONB,
    "responseBody" TEXT,
    "durationMs" INTEGER NOT NULL,
    "errorClass" TEXT,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrationProfile_deletedAt_status_idx" ON "IntegrationProfile"("deletedAt", "status");

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_profileId_receivedAt_idx" ON "Delivery"("profileId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_profileId_transmissionId_key" ON "Delivery"("profileId", "transmissionId");

-- CreateIndex
CREATE INDEX "Attempt_deliveryId_number_idx" ON "Attempt"("deliveryId", "number");

-- AddForeignKey
ALTER TABLE "ProfilePushType" ADD CONSTRAINT "ProfilePushType_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "IntegrationProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "IntegrationProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
