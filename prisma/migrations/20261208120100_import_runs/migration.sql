-- Import of existing cases from other systems (ECINS, Sentinel, spreadsheets): each upload is a run
-- that is mapped, dry-run and committed; every record it creates is keyed by its source system and
-- source id, so importing the same file again finds it and changes nothing.
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'RUNNING', 'DONE', 'FAILED');

CREATE TABLE "ImportRun" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "headers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rows" JSONB NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ImportRun_partnershipId_createdAt_idx" ON "ImportRun"("partnershipId", "createdAt");
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ImportKey" (
    "partnershipId" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "importRunId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportKey_pkey" PRIMARY KEY ("partnershipId", "sourceSystem", "entityType", "sourceId")
);
CREATE INDEX "ImportKey_importRunId_idx" ON "ImportKey"("importRunId");
ALTER TABLE "ImportKey" ADD CONSTRAINT "ImportKey_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
