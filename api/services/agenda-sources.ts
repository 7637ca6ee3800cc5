// Gathers what waits to be heard at a meeting, in the shapes the pure agenda builder takes:
// accepted referrals, cases due for review, cases with overdue or blocked actions, and cases that
// were deferred or did not fit at an earlier meeting of the same panel.
import {
  referralsToHear,
  type AcceptedReferral,
  type AgendaInputs,
  type CaseDueForReview,
  type CaseWithActionProblems,
  type DeferredCase,
} from '../domain/agenda/builder';
import { referralCutOff } from '../domain/agenda/cadence';
import { formatLongDate, londonDateOf, type CalendarDate } from '../domain/agenda/calendar-date';
import { isOverdue, UNFINISHED_ACTION_STATUSES } from '../domain/actions/lifecycle';
import type { Tx } from './context';
import { partnershipPolicies } from './referrals/policy-settings';
import { calendarDateOfColumn, dateColumnOf } from '../store/calendar-dates';

/** The previous meeting's open actions are reviewed first; a panel that set none skips the review. */
export const ACTIONS_REVIEW_MINUTES = 10;

export interface MeetingForAgenda {
  id: string;
  panelId: string;
  startsAt: Date;
  panel: { partnershipId: string; meetingMinutes: number; defaultItemMinutes: number; referralCutoffDays: number };
}

export interface AgendaSources {
  inputs: AgendaInputs;
  /** The referral each new or repeat item comes from, to link the agenda row to it. */
  referralByCase: Map<string, string>;
  /** Earlier agenda rows whose case this build hears, to mark them as carried to this meeting. */
  carriedItemIds: string[];
}

export async function loadAgendaSources(tx: Tx, meeting: MeetingForAgenda, today: CalendarDate): Promise<AgendaSources> {
  const meetingDate = londonDateOf(meeting.startsAt);
  const cutOff = referralCutOff(meetingDate, meeting.panel.referralCutoffDays);
  const onThisPanel = {
    status: 'OPEN' as const,
    OR: [
      { referrals: { some: { panelId: meeting.panelId, status: 'ACCEPTED' as const } } },
      { agendaItems: { some: { meeting: { panelId: meeting.panelId } } } },
    ],
  };

  const referrals = await tx.referral.findMany({
    where: {
      panelId: meeting.panelId,
      status: 'ACCEPTED',
      caseId: { not: null },
      submittedAt: { not: null, lt: meeting.startsAt },
      case: { status: 'OPEN' },
      // A referral already placed on a meeting's agenda is heard there, or carried on as deferred.
      agendaItems: { none: { meetingId: { not: meeting.id } } },
    },
    orderBy: { submittedAt: 'asc' },
    select: {
      id: true,
      caseId: true,
      submittedAt: true,
      criteriaMet: true,
      assessments: { orderBy: { assessedAt: 'desc' }, take: 1, select: { score: true, finalBand: true } },
      case: { select: { currentRiskBand: true } },
    },
  });
  const accepted: AcceptedReferral[] = [];
  const referralIds = new Map<AcceptedReferral, string>();
  for (const referral of referrals) {
    const assessment = referral.assessments[0];
    const entry: AcceptedReferral = {
      caseId: referral.caseId!,
      submittedAt: referral.submittedAt!,
      riskBand: assessment?.finalBand ?? referral.case?.currentRiskBand ?? 'MEDIUM',
      score: assessment?.score ?? 0,
      isRepeat: referral.criteriaMet.includes('REPEAT_REFERRAL'),
    };
    accepted.push(entry);
    referralIds.set(entry, referral.id);
  }
  const hearingsByCase = await hearingsOf(tx, [...new Set(accepted.map((entry) => entry.caseId))], meeting.startsAt);

  const reviewCases = await tx.case.findMany({
    where: { ...onThisPanel, nextReviewDue: { not: null, lte: dateColumnOf(meetingDate) } },
    select: { id: true, nextReviewDue: true },
  });
  const reviewsDue: CaseDueForReview[] = reviewCases.map((kase) => ({
    caseId: kase.id,
    reviewDue: calendarDateOfColumn(kase.nextReviewDue!),
  }));

  const openActions = await tx.action.findMany({
    where: { status: { in: [...UNFINISHED_ACTION_STATUSES] }, case: onThisPanel },
    select: { caseId: true, status: true, dueDate: true },
  });
  const problems = new Map<string, CaseWithActionProblems>();
  for (const action of openActions) {
    const entry = problems.get(action.caseId) ?? { caseId: action.caseId, overdueActions: 0, blockedActions: 0 };
    if (action.status === 'BLOCKED') entry.blockedActions += 1;
    else if (isOverdue({ status: action.status, dueDate: calendarDateOfColumn(action.dueDate) }, today)) entry.overdueActions += 1;
    problems.set(action.caseId, entry);
  }

  const carried = await tx.agendaItem.findMany({
    where: {
      status: { in: ['DEFERRED', 'SPILLED_OVER'] },
      meeting: { panelId: meeting.panelId, startsAt: { lt: meeting.startsAt } },
      OR: [{ deferredToMeetingId: null }, { deferredToMeetingId: meeting.id }],
      case: { status: 'OPEN' },
    },
    orderBy: { meeting: { startsAt: 'desc' } },
    select: { id: true, caseId: true, status: true, deferralReason: true, meeting: { select: { startsAt: true } } },
  });
  const deferred: DeferredCase[] = [];
  for (const item of carried) {
    if (deferred.some((entry) => entry.caseId === item.caseId)) continue;
    const from = londonDateOf(item.meeting.startsAt);
    deferred.push({
      caseId: item.caseId,
      deferredFrom: from,
      reason:
        item.status === 'DEFERRED'
          ? (item.deferralReason ?? 'Deferred by the chair.')
          : `It did not fit on the agenda of ${formatLongDate(from)}.`,
    });
  }

  const caseIds = [
    ...new Set([
      ...accepted.map((r) => r.caseId),
      ...reviewsDue.map((r) => r.caseId),
      ...problems.keys(),
      ...deferred.map((d) => d.caseId),
    ]),
  ];
  const involvement = await tx.case.findMany({
    where: { id: { in: caseIds } },
    select: { id: true, leadAgencyId: true, agencies: { select: { agencyId: true } } },
  });
  const agenciesByCase: Record<string, string[]> = {};
  const inputs: AgendaInputs = {
    meeting: {
      date: meetingDate,
      lengthMinutes: meeting.panel.meetingMinutes,
      minutesPerItem: meeting.panel.defaultItemMinutes,
      actionsReviewMinutes: await actionsReviewMinutes(tx, meeting),
    },
    cutOff,
    referrals: accepted,
    reviewsDue,
    actionProblems: [...problems.values()],
    deferred,
    agenciesByCase,
    hearingsByCase,
    repeatReferralWithinDays: (await partnershipPolicies(tx, meeting.panel.partnershipId)).referral.repeatReferralWithinDays,
  };
  // The agenda row links to the referral it hears, never to one an earlier meeting already heard.
  const referralByCase = new Map(referralsToHear(inputs).map(({ referral }) => [referral.caseId, referralIds.get(referral)!]));
  for (const kase of involvement) agenciesByCase[kase.id] = [...new Set([kase.leadAgencyId, ...kase.agencies.map((a) => a.agencyId)])];

  return {
    inputs,
    referralByCase,
    carriedItemIds: carried.map((item) => item.id),
  };
}

/**
 * When each case was heard before this meeting, at any panel: the agenda items discussed, and the
 * case's own record of its last hearing (which is all that older or imported cases have).
 */
async function hearingsOf(tx: Tx, caseIds: string[], before: Date): Promise<Record<string, Date[]>> {
  const hearings: Record<string, Date[]> = {};
  const discussed = await tx.agendaItem.findMany({
    where: { caseId: { in: caseIds }, status: 'DISCUSSED', meeting: { startsAt: { lt: before } } },
    select: { caseId: true, meeting: { select: { startsAt: true } } },
  });
  for (const item of discussed) (hearings[item.caseId] ??= []).push(item.meeting.startsAt);
  const recorded = await tx.case.findMany({
    where: { id: { in: caseIds }, lastHeardAt: { not: null, lt: before } },
    select: { id: true, lastHeardAt: true },
  });
  for (const kase of recorded) (hearings[kase.id] ??= []).push(kase.lastHeardAt!);
  return hearings;
}

/** Time for reviewing the previous meeting's actions, when it left any open. */
export async function actionsReviewMinutes(
  tx: Tx,
  meeting: { panelId: string; startsAt: Date; panel: { meetingMinutes: number } },
): Promise<number> {
  const previous = await tx.meeting.findFirst({
    where: { panelId: meeting.panelId, startsAt: { lt: meeting.startsAt }, status: { not: 'CANCELLED' } },
    orderBy: { startsAt: 'desc' },
    select: { _count: { select: { actions: { where: { status: { in: [...UNFINISHED_ACTION_STATUSES] } } } } } },
  });
  return previous && previous._count.actions > 0 ? Math.min(ACTIONS_REVIEW_MINUTES, meeting.panel.meetingMinutes) : 0;
}
