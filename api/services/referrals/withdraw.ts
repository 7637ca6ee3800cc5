// Withdrawing a referral that is no longer needed (the victim moved, a duplicate, sent in error).
// The referrer may withdraw their draft or their submitted referral; the chair of the panel it was
// sent to may withdraw a submitted one. Once a panel has accepted it, it is the panel's to close.
import { audit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { conflict, forbidden, staleVersion, validationFailed } from '../errors';
import { leaveCaseWithLeadAgency } from './decide';
import type { TeamsSender } from '../ports/teams-sender';
import { isChairOf, referralView, requireVisibleReferral } from './referrals';
import { refreshTriageCards } from './triage-delivery';

export async function withdrawReferral(ctx: ServiceContext, sender: TeamsSender, referralId: string, input: { reason: string }) {
  const withdrawn = await inTransaction(ctx, async (tx) => {
    // Drafts are visible to their referrer alone, so anyone else is told there is no such referral.
    const referral = await requireVisibleReferral(tx, ctx, referralId);
    const isReferrer = referral.referrerId === ctx.actor.memberId;
    if (!isReferrer && !(await isChairOf(tx, ctx.actor, referral.panelId))) {
      throw forbidden('withdraw a referral you did not make and whose panel you do not chair');
    }
    if (referral.status !== 'DRAFT' && referral.status !== 'SUBMITTED') {
      throw conflict(`This referral has already been ${referral.status.toLowerCase()} and can no longer be withdrawn.`);
    }
    const reason = input.reason.trim();
    if (reason === '') throw validationFailed([{ field: 'reason', message: 'Say why the referral is withdrawn.' }]);
    const now = ctx.now();
    // Only the version read above is withdrawn: a chair's decision committed meanwhile is never overwritten.
    const saved = await tx.referral.updateMany({
      where: { id: referralId, version: referral.version },
      data: {
        status: 'WITHDRAWN',
        withdrawnAt: now,
        withdrawnById: ctx.actor.memberId,
        withdrawalReason: reason,
        version: referral.version + 1,
      },
    });
    if (saved.count !== 1) throw staleVersion('Someone has changed this referral since you opened it. Refresh and try again.');
    if (referral.status === 'SUBMITTED' && referral.caseId) await leaveCaseWithLeadAgency(tx, referral.caseId, referralId);
    await audit(tx, ctx, {
      event: 'referral.withdraw',
      entityType: 'Referral',
      entityId: referralId,
      before: { status: referral.status },
      after: { status: 'WITHDRAWN', reason, by: isReferrer ? 'referrer' : 'chair' },
    });
    return referralView(await requireVisibleReferral(tx, ctx, referralId));
  });
  // The chairs' triage cards stop offering a decision on it.
  await refreshTriageCards(ctx.db, sender, referralId);
  return withdrawn;
}
