-- Teams sync: the mailbox an event was created in (Graph event ids are per mailbox) and when a
-- pending sync is next due, so the retry job can pick due meetings with one index range scan.
ALTER TABLE "Meeting" ADD COLUMN "graphOrganizerId" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "teamsSyncRetryAt" TIMESTAMP(3);

CREATE INDEX "Meeting_teamsSyncStatus_teamsSyncRetryAt_idx" ON "Meeting"("teamsSyncStatus", "teamsSyncRetryAt");
