// A chair triages a referral sent to a panel they chair: accepts it, declines it with a reason, or
// redirects it (to another panel of the partnership, or to the lead agency's casework with a review
// date). Declined, the case stays with the lead agency's casework (the panel is not an agency and owns
// no case). Decisions are versioned: a stale tab or card is told how the referral stands now.
import { mayUse } from '../../domain/access/policy';
import { londonDateOf } from '../../domain/agenda/calendar-date';
import { checkDecision, type TriageDecision } from '../../domain/referrals/triage';
import { dateColumnOf } from '../../store/calendar-dates';
import type { Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { conflict, forbidden, staleVersion, validationFailed } from '../errors';
import type { PostedCopy } from '../action-delivery';
import type { DeliveryPorts } from '../reminders/delivery';
import { isChairOf, loadReferral, referralView, requireVisibleReferral, type LoadedReferral } from './referrals';
import { refreshTriageCards, sendTriageCards, tellReferrer } from './triage-delivery';

export type ReferralDecision = TriageDecision & {
  /** The version the decision was made from: required, so a stale tab or card never decides unseen. */
  expectedVersion: number;
};

export interface DecisionOptions {
  /** The card clicked in the chair's personal chat: the invoke answer already replaces it. */
  clickedInPersonalChat?: PostedCopy | undefined;
}

const AUDIT_EVENT = { ACCEPT: 'referral.accept', DECLINE: 'referral.decline', REDIRECT: 'referral.redirect' } as const;

function alreadyDecided(referral: LoadedReferral): string {
  const by = referral.decidedBy
    ? ` by ${referral.decidedBy.displayName}`
    : referral.withdrawnBy
      ? ` by ${referral.withdrawnBy.displayName}`
      : '';
  return `This referral has already been ${referral.status.toLowerCase()}${by}.`;
}

export async function decideReferral(
  ctx: ServiceContext,
  ports: DeliveryPorts,
  referralId: string,
  decision: ReferralDecision,
  options: DecisionOptions = {},
) {
  if (!mayUse(ctx.actor, 'referral.decide')) throw forbidden('accept or decline referrals');
  const now = ctx.now();
  const decided = await inTransaction(ctx, async (tx) => {
    // Two chairs deciding at once take turns, so the second sees the first's decision.
    await tx.$queryRaw`SELECT "id" FROM "Referral" WHERE "id" = ${referralId}::uuid FOR UPDATE`;
    const referral = await requireVisibleReferral(tx, ctx, referralId);
    // Someone who can see the referral (through its case) but does not chair its panel learns nothing new from being told so.
    if (!(await isChairOf(tx, ctx.actor, referral.panelId))) throw forbidden('decide on a referral sent to a panel you do not chair');
    if (referral.status !== 'SUBMITTED') throw conflict(alreadyDecided(referral));
    if (decision.expectedVersion !== referral.version)
      throw staleVersion('Someone else has changed this referral since you opened it (it was redirected). This is how it stands now.');
    const activePanels = await tx.panel.findMany({
      where: { partnershipId: referral.partnershipId, isActive: true },
      select: { id: true },
    });
    const checked = checkDecision(decision, {
      currentPanelId: referral.panelId,
      activePanelIds: activePanels.map((panel) => panel.id),
      today: londonDateOf(now),
    });
    if (!checked.ok) throw validationFailed([{ field: checked.error.field ?? 'decision', message: checked.error.message }]);
    const valid = checked.value;

    const data = changesFor(valid, ctx.actor.memberId, referral, now);
    const saved = await tx.referral.updateMany({ where: { id: referralId, version: referral.version }, data });
    if (saved.count !== 1) throw staleVersion('Someone else has changed this referral since you opened it. This is how it stands now.');
    if (referral.caseId && (valid.decision === 'DECLINE' || (valid.decision === 'REDIRECT' && valid.to === 'LEAD_AGENCY_CASEWORK'))) {
      await leaveCaseWithLeadAgency(tx, referral.caseId, referralId);
      if (valid.decision === 'REDIRECT')
        await tx.case.updateMany({
          where: { id: referral.caseId, status: 'LEAD_AGENCY_CASEWORK' },
          data: { nextReviewDue: dateColumnOf(valid.reviewDate) },
        });
    }
    await audit(tx, ctx, {
      event: AUDIT_EVENT[valid.decision],
      entityType: 'Referral',
      entityId: referralId,
      before: { status: referral.status, panelId: referral.panelId, version: referral.version },
      after: {
        status: 'status' in data ? data.status : referral.status,
        panelId: 'panelId' in data ? data.panelId : referral.panelId,
        version: data.version,
        ...decisionFacts(valid),
      },
    });
    return valid;
  });

  // Sent after the commit, so a slow Teams never holds the transaction. The referral is answered as it
  // now stands even to a chair who redirected it away, and so may no longer read it: they just decided it.
  await refreshTriageCards(ctx.db, ports.sender, referralId, options.clickedInPersonalChat);
  if (decided.decision === 'REDIRECT' && decided.to === 'PANEL') await sendTriageCards(ctx.db, ports, referralId, now);
  await tellReferrer(ctx.db, ports, referralId, now);
  return referralView((await loadReferral(ctx.db.prisma, referralId))!);
}

function changesFor(decision: TriageDecision, memberId: string, referral: LoadedReferral, now: Date) {
  const version = referral.version + 1;
  switch (decision.decision) {
    case 'ACCEPT':
      return { status: 'ACCEPTED', decidedAt: now, decidedById: memberId, version } satisfies Prisma.ReferralUncheckedUpdateManyInput;
    case 'DECLINE':
      return {
        status: 'DECLINED',
        decidedAt: now,
        decidedById: memberId,
        declineReason: decision.reason,
        version,
      } satisfies Prisma.ReferralUncheckedUpdateManyInput;
    case 'REDIRECT':
      return decision.to === 'PANEL'
        ? ({
            // It now awaits the other panel's chairs, who see it as any referral sent to them.
            panelId: decision.panelId,
            redirect: 'PANEL',
            redirectedAt: now,
            redirectedFromPanelId: referral.panelId,
            redirectReason: decision.reason,
            version,
          } satisfies Prisma.ReferralUncheckedUpdateManyInput)
        : ({
            status: 'DECLINED',
            decidedAt: now,
            decidedById: memberId,
            redirect: 'LEAD_AGENCY_CASEWORK',
            redirectedAt: now,
            redirectReason: decision.reason,
            version,
          } satisfies Prisma.ReferralUncheckedUpdateManyInput);
  }
}

function decisionFacts(decision: TriageDecision) {
  switch (decision.decision) {
    case 'ACCEPT':
      return {};
    case 'DECLINE':
      return { reason: decision.reason };
    case 'REDIRECT':
      return decision.to === 'PANEL'
        ? { redirect: 'PANEL', toPanelId: decision.panelId, reason: decision.reason }
        : { redirect: 'LEAD_AGENCY_CASEWORK', reviewDate: decision.reviewDate, reason: decision.reason };
  }
}

/** A case no other referral asks a panel to hear goes back to the lead agency's own casework. */
export async function leaveCaseWithLeadAgency(tx: Tx, caseId: string, referralId: string): Promise<void> {
  const otherHearing = await tx.referral.count({ where: { caseId, id: { not: referralId }, status: { in: ['SUBMITTED', 'ACCEPTED'] } } });
  if (otherHearing === 0) await tx.case.updateMany({ where: { id: caseId, status: 'OPEN' }, data: { status: 'LEAD_AGENCY_CASEWORK' } });
}
