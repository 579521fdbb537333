-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN     "authFailuresEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "authFailuresPerWindow" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "authFailuresWindowMinutes" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "outcome" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "replayedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "InboundRefusal" (
    "id" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "endpoint" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "requestId" TEXT NOT NULL,

    CONSTRAINT "InboundRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundRefusal_lastAt_idx" ON "InboundRefusal"("lastAt");

-- CreateIndex
CREATE INDEX "InboundRefusal_profileId_lastAt_idx" ON "InboundRefusal"("profileId", "lastAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundRefusal_minute_endpoint_profileId_code_ip_key" ON "InboundRefusal"("minute", "endpoint", "profileId", "code", "ip");

-- CreateIndex
CREATE INDEX "Attempt_startedAt_idx" ON "Attempt"("startedAt");

-- Attempts logged before outcomes were stored: an attempt without an error delivered, one with an
-- error failed (whether it was then retried is not known). The rejected first exchange of a token refresh
-- is not an attempt of its own.
UPDATE "Attempt" SET "outcome" = CASE WHEN "errorClass" IS NULL THEN 'DELIVERED' ELSE 'FAILED' END
 WHERE "errorClass" IS DISTINCT FROM 'token_rejected';
