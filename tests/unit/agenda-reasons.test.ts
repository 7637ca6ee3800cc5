// Agenda reasons follow the case's history over several meeting cycles: a referral heard at an
// earlier meeting never comes back as new or repeat; a heard case returns as a review, an
// overdue-action follow-up, or a genuinely new referral received since, and says which.
import {
  buildAgenda,
  type AcceptedReferral,
  type AgendaInputs,
  type AgendaItem,
  type AgendaReason,
  type CaseDueForReview,
  type CaseWithActionProblems,
} from '../../api/domain/agenda/builder';
import { referralCutOff } from '../../api/domain/agenda/cadence';
import type { CalendarDate } from '../../api/domain/agenda/calendar-date';

const MEETINGS: CalendarDate[] = ['2026-09-10', '2026-10-08', '2026-11-12', '2026-12-10'];

/** Referrals as the store keeps them: accepted, never linked to the item that heard them. */
const REFERRALS: AcceptedReferral[] = [
  { caseId: 'reviewed', riskBand: 'HIGH', score: 40, isRepeat: false, submittedAt: new Date('2026-08-20T10:00:00Z') },
  { caseId: 'referred-again', riskBand: 'HIGH', score: 35, isRepeat: false, submittedAt: new Date('2026-08-21T10:00:00Z') },
  { caseId: 'referred-again', riskBand: 'HIGH', score: 38, isRepeat: false, submittedAt: new Date('2026-10-20T10:00:00Z') },
  { caseId: 'actions-overdue', riskBand: 'MEDIUM', score: 22, isRepeat: false, submittedAt: new Date('2026-09-15T10:00:00Z') },
  { caseId: 'newcomer', riskBand: 'HIGH', score: 44, isRepeat: false, submittedAt: new Date('2026-11-25T10:00:00Z') },
];

/** What else the case history holds at each meeting: reviews falling due and actions gone overdue. */
const REVIEWS_DUE: Record<CalendarDate, CaseDueForReview[]> = {
  '2026-11-12': [{ caseId: 'reviewed', reviewDue: '2026-11-10' }],
};
const ACTION_PROBLEMS: Record<CalendarDate, CaseWithActionProblems[]> = {
  '2026-11-12': [{ caseId: 'actions-overdue', overdueActions: 2, blockedActions: 0 }],
  '2026-12-10': [{ caseId: 'actions-overdue', overdueActions: 1, blockedActions: 0 }],
};

function inputsFor(date: CalendarDate, hearingsByCase: Record<string, Date[]>): AgendaInputs {
  const startsAt = new Date(`${date}T10:00:00Z`);
  return {
    meeting: { date, lengthMinutes: 180, minutesPerItem: 15, actionsReviewMinutes: 0 },
    cutOff: referralCutOff(date),
    referrals: REFERRALS.filter((referral) => referral.submittedAt < startsAt),
    reviewsDue: REVIEWS_DUE[date] ?? [],
    actionProblems: ACTION_PROBLEMS[date] ?? [],
    deferred: [],
    agenciesByCase: {},
    hearingsByCase,
  };
}

/** The oracle, from the history alone: the referrals of a case received after it was last heard. */
function unheardReferrals(caseId: string, hearings: readonly Date[], meetingStartsAt: Date) {
  const lastHeard = hearings.length > 0 ? Math.max(...hearings.map((date) => date.getTime())) : -Infinity;
  return REFERRALS.filter(
    (referral) => referral.caseId === caseId && referral.submittedAt.getTime() > lastHeard && referral.submittedAt < meetingStartsAt,
  );
}

describe('agenda reasons over several meeting cycles', () => {
  test("every item's reason matches its case's history, and a heard referral is never new or repeat", () => {
    const hearingsByCase: Record<string, Date[]> = {};
    const reasonsByMeeting: Record<CalendarDate, Record<string, AgendaReason[]>> = {};
    const whyByMeeting: Record<CalendarDate, Record<string, string>> = {};
    for (const date of MEETINGS) {
      const built = buildAgenda(inputsFor(date, hearingsByCase));
      if (!built.ok) throw new Error(built.error.message);
      const startsAt = new Date(`${date}T10:00:00Z`);
      const items: AgendaItem[] = built.value.items;
      expect(built.value.spillOver).toEqual([]);
      for (const item of items) {
        const unheard = unheardReferrals(item.caseId, hearingsByCase[item.caseId] ?? [], startsAt);
        const byReferral = item.reasons.filter((reason) => reason === 'NEW_REFERRAL' || reason === 'REPEAT_REFERRAL');
        // A referral reason needs a referral received since the last hearing; one such must be named.
        expect([date, item.caseId, byReferral.length > 0]).toEqual([date, item.caseId, unheard.length > 0]);
        if (byReferral.includes('REPEAT_REFERRAL')) expect(item.why).toMatch(/The case was last heard on /);
      }
      reasonsByMeeting[date] = Object.fromEntries(items.map((item) => [item.caseId, item.reasons]));
      whyByMeeting[date] = Object.fromEntries(items.map((item) => [item.caseId, item.why]));
      // Everything on the agenda is heard at the meeting, and becomes history for the next one.
      for (const item of items) (hearingsByCase[item.caseId] ??= []).push(startsAt);
    }

    expect(reasonsByMeeting).toEqual({
      '2026-09-10': { reviewed: ['NEW_REFERRAL'], 'referred-again': ['NEW_REFERRAL'] },
      '2026-10-08': { 'actions-overdue': ['NEW_REFERRAL'] },
      '2026-11-12': { 'referred-again': ['REPEAT_REFERRAL'], 'actions-overdue': ['OVERDUE_ACTIONS'], reviewed: ['REVIEW_DUE'] },
      '2026-12-10': { newcomer: ['NEW_REFERRAL'], 'actions-overdue': ['OVERDUE_ACTIONS'] },
    });
    expect(whyByMeeting['2026-11-12']).toEqual({
      'referred-again': 'Repeat referral, high risk (score 38), received 20 October 2026. The case was last heard on 10 September 2026.',
      'actions-overdue': '2 overdue actions to resolve.',
      reviewed: 'Review due 10 November 2026.',
    });
  });

  test('a referral received after a hearing longer ago than the repeat window is new, and says when the case was last heard', () => {
    const built = buildAgenda({
      ...inputsFor('2026-12-10', { old: [new Date('2025-06-12T10:00:00Z')] }),
      referrals: [{ caseId: 'old', riskBand: 'HIGH', score: 41, isRepeat: false, submittedAt: new Date('2026-11-20T10:00:00Z') }],
      reviewsDue: [],
      actionProblems: [],
    });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.items.map((item) => [item.reasons, item.why])).toEqual([
      [['NEW_REFERRAL'], 'New high-risk referral (score 41), received 20 November 2026. The case was last heard on 12 June 2025.'],
    ]);
  });

  test('a hearing on the meeting day itself is not history yet: rebuilding during the meeting keeps the referral', () => {
    const built = buildAgenda(inputsFor('2026-09-10', { reviewed: [new Date('2026-09-10T11:00:00Z')] }));
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.items.find((item) => item.caseId === 'reviewed')?.reasons).toEqual(['NEW_REFERRAL']);
  });
});
