-- CreateTable
CREATE TABLE "MappingDraft" (
    "profileId" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "samples" JSONB NOT NULL,
    "schema" JSONB,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MappingDraft_pkey" PRIMARY KEY ("profileId")
);

-- CreateTable
CREATE TABLE "MappingVersion" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "schema" JSONB,
    "publishedById" TEXT,
    "publishedByEmail" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MappingVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MappingVersion_profileId_version_key" ON "MappingVersion"("profileId", "version");
