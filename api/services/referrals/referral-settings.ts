// The partnership's own referral rules: what makes a repeat victim ("3 in 90 days", or "2 in 14 days
// or 5 in 180 days") and how many qualifying complaints meet the ASB case review threshold (the law
// allows three or fewer). Checked by the domain's own rules before they are saved.
import { mayUse } from '../../domain/access/policy';
import { checkCaseReviewPolicy, DEFAULT_CASE_REVIEW_POLICY } from '../../domain/referrals/community-trigger';
import { checkReferralPolicy, DEFAULT_REFERRAL_POLICY } from '../../domain/referrals/criteria';
import { audit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { forbidden, validationFailed } from '../errors';
import { partnershipPolicies } from './policy-settings';

export interface ReferralSettings {
  repeatVictimisationRules: Array<{ incidents: number; withinDays: number }>;
  communityTriggerThreshold: number;
}

export async function readReferralSettings(
  ctx: ServiceContext,
): Promise<ReferralSettings & { escalation: { incidents: number; withinDays: number }; repeatReferralWithinDays: number }> {
  return inTransaction(ctx, async (tx) => {
    const { referral, caseReview } = await partnershipPolicies(tx, ctx.actor.partnershipId);
    return {
      repeatVictimisationRules: referral.repeatVictimRules.map((r) => ({ incidents: r.atLeast, withinDays: r.withinDays })),
      communityTriggerThreshold: caseReview.qualifyingComplaints,
      escalation: { incidents: referral.escalation.atLeast, withinDays: referral.escalation.withinDays },
      repeatReferralWithinDays: referral.repeatReferralWithinDays,
    };
  });
}

export async function updateReferralSettings(ctx: ServiceContext, settings: ReferralSettings) {
  if (!mayUse(ctx.actor, 'riskTemplate.manage')) throw forbidden('change the referral rules');
  const rules = checkReferralPolicy({
    ...DEFAULT_REFERRAL_POLICY,
    repeatVictimRules: settings.repeatVictimisationRules.map((r) => ({ atLeast: r.incidents, withinDays: r.withinDays })),
  });
  if (!rules.ok) throw validationFailed([{ field: rules.error.field ?? 'repeatVictimisationRules', message: rules.error.message }]);
  const threshold = checkCaseReviewPolicy({ ...DEFAULT_CASE_REVIEW_POLICY, qualifyingComplaints: settings.communityTriggerThreshold });
  if (!threshold.ok) throw validationFailed([{ field: 'communityTriggerThreshold', message: threshold.error.message }]);
  await inTransaction(ctx, async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({
      where: { id: ctx.actor.partnershipId },
      select: { repeatVictimisationRules: true, communityTriggerThreshold: true },
    });
    await tx.partnership.update({
      where: { id: ctx.actor.partnershipId },
      data: { repeatVictimisationRules: settings.repeatVictimisationRules, communityTriggerThreshold: settings.communityTriggerThreshold },
    });
    await audit(tx, ctx, {
      event: 'referralSettings.update',
      entityType: 'Partnership',
      entityId: ctx.actor.partnershipId,
      before,
      after: settings,
    });
  });
  return readReferralSettings(ctx);
}
