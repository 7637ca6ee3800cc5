-- The review of an earlier action is versioned like the other records a chair edits, so a stale side
-- panel is told what was recorded since instead of overwriting it. 0 is "not yet reviewed".
ALTER TABLE "ActionReview" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
