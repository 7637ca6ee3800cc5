-- Each agency may name its lead for the partnership (issue 15, item 8): the chair sends the lead the
-- note about an action the panel found the agency did not do, through the notification outbox, and
-- the review keeps the note as sent, by whom and when, so it goes once.
ALTER TYPE "NotificationKind" ADD VALUE 'AGENCY_NOT_DONE_NOTE';

ALTER TABLE "Agency" ADD COLUMN "leadMemberId" UUID;
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_leadMemberId_fkey" FOREIGN KEY ("leadMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ActionReview" ADD COLUMN "agencyNoteText" TEXT;
ALTER TABLE "ActionReview" ADD COLUMN "agencyNoteSentAt" TIMESTAMP(3);
ALTER TABLE "ActionReview" ADD COLUMN "agencyNoteSentById" UUID;
ALTER TABLE "ActionReview" ADD CONSTRAINT "ActionReview_agencyNoteSentById_fkey" FOREIGN KEY ("agencyNoteSentById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
