ALTER TABLE "IntegrationProfile" ADD COLUMN "rainfocusSettings" JSONB;
