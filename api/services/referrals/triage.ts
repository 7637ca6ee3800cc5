// The chair's triage of referrals sent to the panels they chair: the queue per panel and status, one
// referral with its completeness check, and the triage card's view of it for a given viewer.
import { mayUse, type Actor } from '../../domain/access/policy';
import { formatLongDate } from '../../domain/agenda/calendar-date';
import { calendarDateOfColumn } from '../../store/calendar-dates';
import { checkCompleteness, type CompletenessGap, type TriageFacts } from '../../domain/referrals/triage';
import type { ReferralStatus } from '../../store/generated/client';
import { audit } from '../audit';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { forbidden, notFound } from '../errors';
import type { CardNotice, TriageCardView, TriageCommand } from '../ports/card-views';
import { isChairOf, loadReferral, referralView, requireVisibleReferral, type LoadedReferral } from './referrals';

export const TRIAGE_STATUSES = ['SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

const QUEUE_LIMIT = 200;
const REFRESH_USER_LIMIT = 60;

/** The facts the completeness check needs, loaded for one referral. */
async function triageFacts(tx: Tx, referral: LoadedReferral): Promise<TriageFacts> {
  const latest = referral.assessments.at(-1);
  const answers = latest
    ? ((await tx.riskAssessment.findUnique({ where: { id: latest.id }, select: { answers: true } }))?.answers ?? {})
    : {};
  // Consent that was refused or withdrawn is no basis when consent was the only basis given.
  const sharingBases = referral.personId
    ? await tx.consentRecord.count({
        where: { personId: referral.personId, NOT: { lawfulBasis: 'CONSENT', consent: { not: 'GIVEN' } } },
      })
    : 0;
  return {
    subjectType: referral.subjectType,
    hasSubject: referral.personId !== null || referral.locationId !== null,
    concerns: referral.reason,
    assessments: referral.assessments.length,
    answeredQuestions: typeof answers === 'object' && answers !== null ? Object.keys(answers).length : 0,
    hasCase: referral.caseId !== null,
    hasSharingBasis: sharingBases > 0,
  };
}

/** Active panels of the partnership other than the referral's own: where it can be redirected. */
export async function redirectPanelsFor(tx: Tx, partnershipId: string, panelId: string | null) {
  return tx.panel.findMany({
    where: { partnershipId, isActive: true, ...(panelId ? { id: { not: panelId } } : {}) },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

export interface TriageRecord {
  referral: LoadedReferral;
  completeness: CompletenessGap[];
  /** The viewer chairs the panel the referral is sent to and it still awaits a decision. */
  mayDecide: boolean;
  redirectPanels: { id: string; name: string }[];
  /** Teams user ids of the chairs of the referral's panel, for the card's refresh list. */
  chairTeamsUserIds: string[];
}

/** One referral as triage shows it; NOT_FOUND alike for a missing referral and one the actor may not see. */
export async function loadTriageRecord(tx: Tx, ctx: ServiceContext, referralId: string): Promise<TriageRecord> {
  const referral = await requireVisibleReferral(tx, ctx, referralId);
  if (referral.status === 'DRAFT') throw notFound('referral');
  return triageRecordOf(tx, referral, ctx.actor);
}

/** The triage record for `viewer` (null: nobody in particular, the read-only view of a posted copy). */
export async function triageRecordOf(tx: Tx, referral: LoadedReferral, viewer: Actor | null): Promise<TriageRecord> {
  const chairs = viewer !== null && (await isChairOf(tx, viewer, referral.panelId));
  return {
    referral,
    completeness: checkCompleteness(await triageFacts(tx, referral)),
    mayDecide: chairs && mayUse(viewer, 'referral.decide') && referral.status === 'SUBMITTED',
    redirectPanels: await redirectPanelsFor(tx, referral.partnershipId, referral.panelId),
    chairTeamsUserIds: await chairTeamsUserIds(tx, referral.panelId),
  };
}

async function chairTeamsUserIds(tx: Tx, panelId: string | null): Promise<string[]> {
  if (!panelId) return [];
  const rows = await tx.conversationReference.findMany({
    where: { kind: 'PERSONAL', userId: { not: null }, member: { isActive: true, chairs: { some: { panelId } } } },
    select: { userId: true },
    orderBy: { lastSeenAt: 'desc' },
    take: REFRESH_USER_LIMIT,
  });
  return [...new Set(rows.map((row) => row.userId!))];
}

/** GET /referrals/:id/triage: the referral, what is missing from it, and whether the viewer may decide. */
export async function readReferralTriage(ctx: ServiceContext, referralId: string) {
  if (!mayUse(ctx.actor, 'referral.decide')) throw forbidden('triage referrals');
  return inTransaction(ctx, async (tx) => {
    const record = await loadTriageRecord(tx, ctx, referralId);
    await audit(tx, ctx, { event: 'referral.read', entityType: 'Referral', entityId: referralId, after: { view: 'triage' } });
    return {
      referral: referralView(record.referral),
      completeness: record.completeness,
      mayDecide: record.mayDecide,
      redirectPanels: record.redirectPanels,
    };
  });
}

/** The same read for the triage card (audited as a read). */
export async function readTriageForCard(ctx: ServiceContext, referralId: string): Promise<TriageRecord> {
  if (!mayUse(ctx.actor, 'case.read')) throw notFound('referral');
  return inTransaction(ctx, async (tx) => {
    const record = await loadTriageRecord(tx, ctx, referralId);
    await audit(tx, ctx, { event: 'referral.read', entityType: 'Referral', entityId: referralId, after: { view: 'triage card' } });
    return record;
  });
}

/**
 * The card answering the chair's own decision: the referral as it now stands for them, even when they
 * redirected it to a panel they do not chair (the decision was audited; this read adds nothing to it).
 */
export async function triageAfterDecision(ctx: ServiceContext, referralId: string): Promise<TriageRecord> {
  const referral = await loadReferral(ctx.db.prisma, referralId);
  if (!referral || referral.partnershipId !== ctx.actor.partnershipId) throw notFound('referral');
  return triageRecordOf(ctx.db.prisma, referral, ctx.actor);
}

/**
 * GET /referral-triage: the panels the chair chairs, how many referrals each holds in each status,
 * and the referrals of one panel (the first, unless named) in one status (awaiting decision, unless named).
 */
export async function listTriageQueue(ctx: ServiceContext, filter: { panelId?: string | undefined; status?: TriageStatus | undefined }) {
  if (!mayUse(ctx.actor, 'referral.decide')) throw forbidden('triage referrals');
  return inTransaction(ctx, async (tx) => {
    const panels = await tx.panel.findMany({
      where: { partnershipId: ctx.actor.partnershipId, chairs: { some: { memberId: ctx.actor.memberId } } },
      select: { id: true, name: true, type: true },
      orderBy: { name: 'asc' },
    });
    if (filter.panelId && !panels.some((panel) => panel.id === filter.panelId)) throw notFound('panel');
    const panelId = filter.panelId ?? panels[0]?.id ?? null;
    const status: TriageStatus = filter.status ?? 'SUBMITTED';
    const counted = await tx.referral.groupBy({
      by: ['panelId', 'status'],
      where: { panelId: { in: panels.map((panel) => panel.id) }, status: { in: [...TRIAGE_STATUSES] } },
      _count: { _all: true },
    });
    const countOf = (id: string, s: ReferralStatus) => counted.find((row) => row.panelId === id && row.status === s)?._count._all ?? 0;
    const rows = panelId
      ? await tx.referral.findMany({
          where: { panelId, status },
          orderBy: [{ submittedAt: status === 'SUBMITTED' ? 'asc' : 'desc' }, { id: 'asc' }],
          take: QUEUE_LIMIT,
          select: {
            id: true,
            subjectType: true,
            status: true,
            version: true,
            submittedAt: true,
            decidedAt: true,
            withdrawnAt: true,
            redirect: true,
            redirectedFrom: { select: { id: true, name: true } },
            referrerAgency: { select: { id: true, name: true } },
            case: { select: { id: true, reference: true } },
            assessments: { orderBy: { assessedAt: 'desc' }, take: 1, select: { finalBand: true } },
          },
        })
      : [];
    await audit(tx, ctx, {
      event: 'referral.list',
      entityType: 'Referral',
      after: { view: 'triage', panelId, status, count: rows.length },
    });
    return {
      panels: panels.map((panel) => ({
        ...panel,
        counts: {
          SUBMITTED: countOf(panel.id, 'SUBMITTED'),
          ACCEPTED: countOf(panel.id, 'ACCEPTED'),
          DECLINED: countOf(panel.id, 'DECLINED'),
          WITHDRAWN: countOf(panel.id, 'WITHDRAWN'),
        },
      })),
      panelId,
      status,
      referrals: rows.map(({ assessments, ...row }) => ({ ...row, finalBand: assessments[0]?.finalBand ?? null })),
    };
  });
}

/** What happened to the referral, in a line for the card and the referrer; null while it awaits a decision. */
export function outcomeLine(referral: LoadedReferral): string | null {
  const by = referral.decidedBy ? ` by ${referral.decidedBy.displayName}` : '';
  switch (referral.status) {
    case 'ACCEPTED':
      return `Accepted${by} for ${referral.panel?.name ?? 'the panel'}.`;
    case 'DECLINED':
      return referral.redirect === 'LEAD_AGENCY_CASEWORK'
        ? `Sent to the lead agency's casework${by}${referral.case?.nextReviewDue ? `, to be reviewed by ${formatLongDate(calendarDateOfColumn(referral.case.nextReviewDue))}` : ''}: ${referral.redirectReason ?? ''}`
        : `Declined${by}: ${referral.declineReason ?? ''}`;
    case 'WITHDRAWN':
      return `Withdrawn: ${referral.withdrawalReason ?? ''}`;
    case 'SUBMITTED':
      return referral.redirect === 'PANEL' && referral.redirectedFrom
        ? `Redirected from ${referral.redirectedFrom.name}: ${referral.redirectReason ?? ''}`
        : null;
    default:
      return null;
  }
}

/** The triage card as `viewer` sees it: a chair of the referral's panel gets the decision buttons while it awaits one. */
export function triageCardViewOf(record: TriageRecord, viewer: Actor | null, notice: CardNotice | null = null): TriageCardView {
  const { referral } = record;
  const commands: TriageCommand[] = viewer !== null && record.mayDecide ? ['ACCEPT', 'DECLINE', 'REDIRECT'] : [];
  return {
    referralId: referral.id,
    version: referral.version,
    caseReference: referral.case?.reference ?? null,
    subjectType: referral.subjectType,
    panelName: referral.panel?.name ?? null,
    referrerAgencyName: referral.referrerAgency.name,
    finalBand: referral.assessments.at(-1)?.finalBand ?? null,
    submittedAt: referral.submittedAt,
    status: referral.status,
    outcome: outcomeLine(referral),
    missing: record.completeness.map((gap) => gap.message),
    commands,
    redirectPanels: commands.length > 0 ? record.redirectPanels : [],
    refreshUserIds: record.chairTeamsUserIds,
    notice,
  };
}
