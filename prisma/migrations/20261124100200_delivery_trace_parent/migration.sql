-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "traceParent" TEXT;
