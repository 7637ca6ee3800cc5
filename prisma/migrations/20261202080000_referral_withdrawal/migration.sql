-- A referral withdrawn before a panel accepted it keeps who withdrew it, when and why.
ALTER TABLE "Referral" ADD COLUMN "withdrawnAt" TIMESTAMP(3),
ADD COLUMN "withdrawnById" UUID,
ADD COLUMN "withdrawalReason" TEXT;

ALTER TABLE "Referral" ADD CONSTRAINT "Referral_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
