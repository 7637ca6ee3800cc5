-- Issue 19, growth at 100,000 cases.
-- Governance figures: the actions set in a period, read from the index alone (owner, status and
-- completion are in it), rather than every action the partnership ever set.
CREATE INDEX "Action_partnershipId_createdAt_covering_idx" ON "Action"("partnershipId", "createdAt", "ownerAgencyId", "status", "completedAt");

-- Governance figures: the open actions overdue on a day, counted per owner from the index alone.
CREATE INDEX "Action_partnershipId_status_dueDate_covering_idx" ON "Action"("partnershipId", "status", "dueDate", "createdAt", "ownerAgencyId");

-- Governance figures: the actions completed after the day the overdue count is taken on.
CREATE INDEX "Action_partnershipId_completedAt_idx" ON "Action"("partnershipId", "completedAt");

-- Filter choices: is there an unfinished action of this agency at this meeting (a panel's choice),
-- one probe per meeting instead of reading every action of the panel. It also serves the meeting
-- foreign key, so the index on the meeting alone goes.
DROP INDEX "Action_meetingId_idx";
CREATE INDEX "Action_meetingId_ownerAgencyId_status_idx" ON "Action"("meetingId", "ownerAgencyId", "status");
