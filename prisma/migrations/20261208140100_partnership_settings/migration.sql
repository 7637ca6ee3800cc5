-- Local rules become settings per partnership (issue 17): what a partnership changed from the defaults,
-- and, on each submitted referral, the rules that decided it, so changing a setting never rewrites history.
ALTER TABLE "Partnership" ADD COLUMN "localRules" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Referral" ADD COLUMN "rulesApplied" JSONB;
