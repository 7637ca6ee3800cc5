-- Reaching every member: guests' second identities, members gone from the directory, and e-mail as
-- the way a notice reached someone Teams could not.
ALTER TABLE "Member" ADD COLUMN "leftTenantAt" TIMESTAMP(3);

CREATE TABLE "MemberIdentity" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "tenantId" TEXT NOT NULL,
    "entraObjectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberIdentity_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "MemberIdentity_tenantId_entraObjectId_key" ON "MemberIdentity"("tenantId", "entraObjectId");
CREATE INDEX "MemberIdentity_memberId_idx" ON "MemberIdentity"("memberId");
ALTER TABLE "MemberIdentity" ADD CONSTRAINT "MemberIdentity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TYPE "NotificationChannel" AS ENUM ('TEAMS', 'EMAIL');
ALTER TABLE "Notification" ADD COLUMN "sentVia" "NotificationChannel";
UPDATE "Notification" SET "sentVia" = 'TEAMS' WHERE "status" = 'SENT';
