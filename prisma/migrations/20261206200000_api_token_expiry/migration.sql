-- An optional expiry per API token: after it, the token no longer authenticates.
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TIMESTAMP(3);
