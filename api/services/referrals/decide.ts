// A chair accepts or declines a referral sent to a panel they chair. Declined, the case stays with
// the lead agency's casework (the panel is not an agency and owns no case); the reason is kept.
import { mayUse } from '../../domain/access/policy';
import { audit } from '../audit';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { conflict, forbidden, validationFailed } from '../errors';
import { referralView, requireVisibleReferral } from './referrals';

export type ReferralDecision = { decision: 'ACCEPT' } | { decision: 'DECLINE'; reason: string };

export async function decideReferral(ctx: ServiceContext, referralId: string, decision: ReferralDecision) {
  if (!mayUse(ctx.actor, 'referral.decide')) throw forbidden('accept or decline referrals');
  return inTransaction(ctx, async (tx) => {
    const referral = await requireVisibleReferral(tx, ctx, referralId);
    const chairs = referral.panelId
      ? (await tx.panelChair.findFirst({
          where: { panelId: referral.panelId, memberId: ctx.actor.memberId },
          select: { panelId: true },
        })) !== null
      : false;
    // Someone who can see the referral (through its case) but does not chair its panel learns nothing new from being told so.
    if (!chairs) throw forbidden('decide on a referral sent to a panel you do not chair');
    if (referral.status !== 'SUBMITTED') {
      throw conflict(
        `This referral has already been ${referral.status.toLowerCase()}${referral.decidedBy ? ` by ${referral.decidedBy.displayName}` : ''}.`,
      );
    }
    if (decision.decision === 'DECLINE' && decision.reason.trim() === '') {
      throw validationFailed([{ field: 'reason', message: 'Say why the panel will not hear this referral; the referrer will read it.' }]);
    }
    const now = ctx.now();
    const status = decision.decision === 'ACCEPT' ? 'ACCEPTED' : 'DECLINED';
    await tx.referral.update({
      where: { id: referralId },
      data: {
        status,
        decidedAt: now,
        decidedById: ctx.actor.memberId,
        declineReason: decision.decision === 'DECLINE' ? decision.reason.trim() : null,
      },
    });
    if (decision.decision === 'DECLINE' && referral.caseId) await leaveCaseWithLeadAgency(tx, referral.caseId, referralId);
    await audit(tx, ctx, {
      event: decision.decision === 'ACCEPT' ? 'referral.accept' : 'referral.decline',
      entityType: 'Referral',
      entityId: referralId,
      before: { status: referral.status },
      after: { status, ...(decision.decision === 'DECLINE' ? { reason: decision.reason.trim() } : {}) },
    });
    return referralView(await requireVisibleReferral(tx, ctx, referralId));
  });
}

/** A case no other referral asks a panel to hear goes back to the lead agency's own casework. */
export async function leaveCaseWithLeadAgency(tx: Tx, caseId: string, referralId: string): Promise<void> {
  const otherHearing = await tx.referral.count({ where: { caseId, id: { not: referralId }, status: { in: ['SUBMITTED', 'ACCEPTED'] } } });
  if (otherHearing === 0) await tx.case.updateMany({ where: { id: caseId, status: 'OPEN' }, data: { status: 'LEAD_AGENCY_CASEWORK' } });
}
