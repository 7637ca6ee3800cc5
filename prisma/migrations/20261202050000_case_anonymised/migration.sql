-- Retention: when a closed case's people, places and free text were anonymised. The case row, its
-- dates, bands and agencies stay, so governance figures do not change.
ALTER TABLE "Case" ADD COLUMN "anonymisedAt" TIMESTAMP(3);
