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
import { OPEN_ACTION_STATUSES, UNFINISHED_ACTION_STATUSES, type ActionStatus } from '../domain/actions/lifecycle';
import { Prisma } from '../store/generated/client';
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

const statusList = (statuses: readonly ActionStatus[]) => Prisma.join(statuses.map((status) => Prisma.sql`${status}::"ActionStatus"`));

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

  // Counted in the database, per case, and only the cases with something to resolve: a county's
  // panel has tens of thousands of unfinished actions, and the builder needs a few numbers a case.
  const problemRows = await tx.$queryRaw<{ caseId: string; overdue: number; blocked: number }[]>`
    SELECT a."caseId"::text AS "caseId",
           count(*) FILTER (WHERE a.status IN (${statusList(OPEN_ACTION_STATUSES)}) AND a."dueDate" < ${today}::date)::int AS "overdue",
           count(*) FILTER (WHERE a.status = 'BLOCKED')::int AS "blocked"
      FROM "Action" a
      JOIN "Case" c ON c.id = a."caseId"
     WHERE a.status IN (${statusList(UNFINISHED_ACTION_STATUSES)}) AND c.status = 'OPEN'
       AND (EXISTS (SELECT 1 FROM "Referral" r WHERE r."caseId" = c.id AND r."panelId" = ${meeting.panelId}::uuid AND r.status = 'ACCEPTED')
            OR EXISTS (SELECT 1 FROM "AgendaItem" ai JOIN "Meeting" am ON am.id = ai."meetingId"
                        WHERE ai."caseId" = c.id AND am."panelId" = ${meeting.panelId}::uuid))
     GROUP BY a."caseId"
    HAVING count(*) FILTER (WHERE a.status = 'BLOCKED') > 0
        OR count(*) FILTER (WHERE a.status IN (${statusList(OPEN_ACTION_STATUSES)}) AND a."dueDate" < ${today}::date) > 0`;
  const problems = new Map<string, CaseWithActionProblems>(
    problemRows.map((row) => [row.caseId, { caseId: row.caseId, overdueActions: row.overdue, blockedActions: row.blocked }]),
  );

  // The panel's earlier meetings first, then their rows by meeting: a county's meeting stores tens of
  // thousands of spilled rows, and a filter on the meeting's panel and date alone scans them all.
  const earlierMeetings = await tx.meeting.findMany({
    where: { panelId: meeting.panelId, startsAt: { lt: meeting.startsAt } },
    select: { id: true, startsAt: true },
  });
  const startsAtOf = new Map(earlierMeetings.map((earlier) => [earlier.id, earlier.startsAt]));
  const carried = (
    await tx.agendaItem.findMany({
      where: {
        meetingId: { in: [...startsAtOf.keys()] },
        status: { in: ['DEFERRED', 'SPILLED_OVER'] },
        OR: [{ deferredToMeetingId: null }, { deferredToMeetingId: meeting.id }],
        case: { status: 'OPEN' },
      },
      select: { id: true, caseId: true, status: true, deferralReason: true, meetingId: true },
    })
  )
    .map((item) => ({ ...item, meeting: { startsAt: startsAtOf.get(item.meetingId)! } }))
    .sort((a, b) => b.meeting.startsAt.getTime() - a.meeting.startsAt.getTime());
  const deferred: DeferredCase[] = [];
  const seen = new Set<string>();
  for (const item of carried) {
    // The latest meeting's row speaks for the case; a county carries thousands, so no scan per row.
    if (seen.has(item.caseId)) continue;
    seen.add(item.caseId);
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
  const involvement = await tx.$queryRaw<{ id: string; leadAgencyId: string; agencies: string[] }[]>`
    SELECT c.id::text AS "id", c."leadAgencyId"::text AS "leadAgencyId",
           coalesce((SELECT array_agg(ca."agencyId"::text) FROM "CaseAgency" ca WHERE ca."caseId" = c.id), '{}') AS "agencies"
      FROM "Case" c WHERE c.id = ANY(${caseIds}::uuid[])`;
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
  for (const kase of involvement) agenciesByCase[kase.id] = [...new Set([kase.leadAgencyId, ...kase.agencies])];

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
  // Ids as one array parameter: a county's candidates are thousands, too many for an IN list.
  const discussed = await tx.$queryRaw<{ caseId: string; startsAt: Date }[]>`
    SELECT ai."caseId"::text AS "caseId", m."startsAt"
      FROM "AgendaItem" ai JOIN "Meeting" m ON m.id = ai."meetingId"
     WHERE ai."caseId" = ANY(${caseIds}::uuid[]) AND ai.status = 'DISCUSSED' AND m."startsAt" < ${before}`;
  for (const item of discussed) (hearings[item.caseId] ??= []).push(item.startsAt);
  const recorded = await tx.$queryRaw<{ id: string; lastHeardAt: Date }[]>`
    SELECT c.id::text AS "id", c."lastHeardAt" FROM "Case" c
     WHERE c.id = ANY(${caseIds}::uuid[]) AND c."lastHeardAt" < ${before}`;
  for (const kase of recorded) (hearings[kase.id] ??= []).push(kase.lastHeardAt);
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
