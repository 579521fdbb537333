-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "note" TEXT;
