-- The meeting chat comes from Graph (chatInfo.threadId) or from the meeting details Teams gives the
-- bot, matched on the join link; the app installs itself in that chat and pins its side panel tab.
ALTER TABLE "Meeting" ADD COLUMN "joinUrlKey" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "graphEventStale" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Meeting" ADD COLUMN "chatAppInstalledAt" TIMESTAMP(3);
ALTER TABLE "Meeting" ADD COLUMN "chatTabId" TEXT;

CREATE INDEX "Meeting_joinUrlKey_idx" ON "Meeting"("joinUrlKey");

-- A move still waiting for Teams when this runs keeps its PATCH.
UPDATE "Meeting" SET "graphEventStale" = true WHERE "graphEventId" IS NOT NULL AND "teamsSyncStatus" = 'PENDING';

-- Meetings already in Teams and still to come get one more pass: their chat from Graph, the app and its tab.
UPDATE "Meeting" SET "teamsSyncStatus" = 'PENDING', "teamsSyncRetryAt" = now(), "teamsSyncAttempts" = 0
WHERE "teamsSyncStatus" = 'SYNCED' AND "graphEventId" IS NOT NULL AND "status" = 'SCHEDULED' AND "startsAt" > now();
