// The partnership's own referral settings, read from its row and turned into the domain's policy.
import { z } from 'zod';
import { DEFAULT_CASE_REVIEW_POLICY, type CaseReviewPolicy } from '../../domain/referrals/community-trigger';
import { DEFAULT_REFERRAL_POLICY, DEFAULT_REPEAT_VICTIM_RULES, type ReferralPolicy } from '../../domain/referrals/criteria';
import type { Tx } from '../context';

// Stored as [{"incidents": 3, "withinDays": 90}], the wording partnerships use ("3 incidents in 90 days").
const storedRules = z.array(z.object({ incidents: z.number().int().min(1), withinDays: z.number().int().min(1) })).min(1);

export async function partnershipPolicies(
  tx: Tx,
  partnershipId: string,
): Promise<{ referral: ReferralPolicy; caseReview: CaseReviewPolicy }> {
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { repeatVictimisationRules: true, communityTriggerThreshold: true },
  });
  const rules = storedRules.safeParse(partnership.repeatVictimisationRules);
  return {
    referral: {
      ...DEFAULT_REFERRAL_POLICY,
      // A malformed setting falls back to the default (docs/domain.md §2) rather than stopping every referral.
      repeatVictimRules: rules.success
        ? rules.data.map((r) => ({ atLeast: r.incidents, withinDays: r.withinDays }))
        : DEFAULT_REPEAT_VICTIM_RULES,
    },
    caseReview: { ...DEFAULT_CASE_REVIEW_POLICY, qualifyingComplaints: partnership.communityTriggerThreshold },
  };
}
