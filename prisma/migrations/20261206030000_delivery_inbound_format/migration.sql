ALTER TABLE "Delivery" ADD COLUMN "inboundFormat" TEXT;
