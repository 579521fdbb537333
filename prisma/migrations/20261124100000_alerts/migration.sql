-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "failureEnabled" BOOLEAN NOT NULL DEFAULT true,
    "failurePercent" DOUBLE PRECISION NOT NULL DEFAULT 5,
    "failureWindowMinutes" INTEGER NOT NULL DEFAULT 15,
    "failureMinDeliveries" INTEGER NOT NULL DEFAULT 20,
    "queueEnabled" BOOLEAN NOT NULL DEFAULT true,
    "queueAgeMinutes" INTEGER NOT NULL DEFAULT 10,
    "webhookUrl" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION,
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "webhookStatus" INTEGER,
    "webhookError" TEXT,

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertEvent_kind_at_idx" ON "AlertEvent"("kind", "at");
