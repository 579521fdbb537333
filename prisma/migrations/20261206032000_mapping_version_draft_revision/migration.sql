-- The draft revision a version was published from: publishing the same revision again (a double
-- click, two tabs, a retried request) returns that version instead of making another.
ALTER TABLE "MappingVersion" ADD COLUMN "draftRevision" INTEGER;

CREATE UNIQUE INDEX "MappingVersion_profileId_draftRevision_key" ON "MappingVersion"("profileId", "draftRevision");
