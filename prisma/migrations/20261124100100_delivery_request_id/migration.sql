-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "requestId" TEXT;
