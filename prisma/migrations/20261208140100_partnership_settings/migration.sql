-- Local rules become settings per partnership (issue 17): what a partnership changed from the defaults,
-- and, on each submitted referral and each accepted confidentiality statement, the rule or wording that
-- applied then, so changing a setting never rewrites history.
ALTER TABLE "Partnership" ADD COLUMN "localRules" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Referral" ADD COLUMN "rulesApplied" JSONB;
ALTER TABLE "Attendance" ADD COLUMN "confidentialityStatement" TEXT;
