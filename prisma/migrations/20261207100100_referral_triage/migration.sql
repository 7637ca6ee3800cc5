-- Referral triage: decisions are versioned like actions, a chair may redirect a referral (to another
-- panel or to the lead agency's casework), and the triage cards sent to chairs are remembered so a
-- decision made elsewhere updates every copy.
CREATE TYPE "ReferralRedirect" AS ENUM ('PANEL', 'LEAD_AGENCY_CASEWORK');
ALTER TABLE "Referral" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Referral" ADD COLUMN "redirect" "ReferralRedirect";
ALTER TABLE "Referral" ADD COLUMN "redirectedAt" TIMESTAMP(3);
ALTER TABLE "Referral" ADD COLUMN "redirectedFromPanelId" UUID;
ALTER TABLE "Referral" ADD COLUMN "redirectReason" TEXT;
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_redirectedFromPanelId_fkey" FOREIGN KEY ("redirectedFromPanelId") REFERENCES "Panel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TYPE "NotificationKind" ADD VALUE 'REFERRAL_TRIAGE';
ALTER TYPE "NotificationKind" ADD VALUE 'REFERRAL_DECIDED';

CREATE TABLE "ReferralCard" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "conversationId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralCard_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReferralCard_conversationId_activityId_key" ON "ReferralCard"("conversationId", "activityId");
CREATE INDEX "ReferralCard_referralId_idx" ON "ReferralCard"("referralId");
ALTER TABLE "ReferralCard" ADD CONSTRAINT "ReferralCard_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
