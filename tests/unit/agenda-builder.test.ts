import {
  addToAgenda,
  buildAgenda,
  deferAgendaItem,
  keepEarlierOrder,
  reorderAgenda,
  type AcceptedReferral,
  type Agenda,
  type AgendaInputs,
} from '../../api/domain/agenda/builder';
import { referralCutOff } from '../../api/domain/agenda/cadence';
import type { Result } from '../../api/domain/result';

const meeting = { date: '2026-12-10', lengthMinutes: 120, minutesPerItem: 15, actionsReviewMinutes: 20 };
const cutOff = referralCutOff('2026-12-10'); // last day 30 November

function referral(
  caseId: string,
  riskBand: AcceptedReferral['riskBand'],
  score: number,
  submittedAt = '2026-11-20T10:00:00Z',
  isRepeat = false,
): AcceptedReferral {
  return { caseId, riskBand, score, isRepeat, submittedAt: new Date(submittedAt) };
}

function inputs(overrides: Partial<AgendaInputs>): AgendaInputs {
  return { meeting, cutOff, referrals: [], reviewsDue: [], actionProblems: [], deferred: [], agenciesByCase: {}, ...overrides };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

const order = (agenda: Agenda) => [...agenda.items, ...agenda.spillOver].map((item) => item.caseId);

describe('building the agenda', () => {
  it.each<[string, Partial<AgendaInputs>, string[]]>([
    [
      'hears new high-risk referrals first, then repeats, new medium risk, deferred cases, action problems and reviews',
      {
        reviewsDue: [{ caseId: 'review', reviewDue: '2026-12-08', score: 40 }],
        actionProblems: [{ caseId: 'overdue', overdueActions: 2, blockedActions: 0 }],
        deferred: [{ caseId: 'deferred', deferredFrom: '2026-11-12', reason: 'Referrer could not attend' }],
        referrals: [referral('medium', 'MEDIUM', 25), referral('repeat', 'HIGH', 33, undefined, true), referral('high', 'HIGH', 34)],
      },
      ['high', 'repeat', 'medium', 'deferred', 'overdue', 'review'],
    ],
    [
      'puts the higher score first among new high-risk referrals',
      { referrals: [referral('score-32', 'HIGH', 32), referral('score-45', 'HIGH', 45)] },
      ['score-45', 'score-32'],
    ],
    [
      'breaks an equal score by who was referred first',
      { referrals: [referral('later', 'HIGH', 38, '2026-11-20T10:00:00Z'), referral('earlier', 'HIGH', 38, '2026-11-18T10:00:00Z')] },
      ['earlier', 'later'],
    ],
    [
      'breaks a full tie by case id so the agenda never shuffles between builds',
      {
        reviewsDue: [
          { caseId: 'case-b', reviewDue: '2026-12-01' },
          { caseId: 'case-a', reviewDue: '2026-12-01' },
        ],
      },
      ['case-a', 'case-b'],
    ],
    [
      'ranks a case by its most pressing reason when several apply',
      {
        reviewsDue: [
          { caseId: 'also-referred', reviewDue: '2026-12-01' },
          { caseId: 'review-only', reviewDue: '2026-12-01', score: 50 },
        ],
        referrals: [referral('also-referred', 'HIGH', 31, undefined, true)],
      },
      ['also-referred', 'review-only'],
    ],
    [
      'leaves off a case whose actions are neither overdue nor blocked',
      { actionProblems: [{ caseId: 'on-track', overdueActions: 0, blockedActions: 0 }] },
      [],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(order(value(buildAgenda(inputs(overrides))))).toEqual(expected);
  });

  it('lists a case once with every reason and a sentence for each', () => {
    const agenda = value(
      buildAgenda(
        inputs({
          referrals: [referral('case-7', 'HIGH', 36, '2026-11-24T15:00:00Z', true)],
          actionProblems: [{ caseId: 'case-7', overdueActions: 1, blockedActions: 2 }],
          reviewsDue: [{ caseId: 'case-7', reviewDue: '2026-12-08' }],
          agenciesByCase: { 'case-7': ['police', 'housing'] },
        }),
      ),
    );
    expect(agenda.items).toEqual([
      {
        caseId: 'case-7',
        reasons: ['REPEAT_REFERRAL', 'OVERDUE_ACTIONS', 'REVIEW_DUE'],
        why: 'Repeat referral, high risk (score 36), received 24 November 2026. 1 overdue action and 2 blocked actions to resolve. Review due 8 December 2026.',
        minutes: 15,
        agencies: ['police', 'housing'],
        score: 36,
      },
    ]);
  });

  it.each<[string, string, boolean]>([
    ['keeps a referral made on the last day before the cut-off', '2026-11-30T23:59:00Z', true],
    ['moves a referral made the day after the cut-off to the next meeting', '2026-12-01T09:00:00Z', false],
  ])('%s', (_name, submittedAt, onAgenda) => {
    const agenda = value(buildAgenda(inputs({ referrals: [referral('case-1', 'HIGH', 40, submittedAt)] })));
    expect(order(agenda)).toEqual(onAgenda ? ['case-1'] : []);
    expect(agenda.lateReferrals.map((late) => late.note)).toEqual(
      onAgenda ? [] : ['Received 1 December 2026, after the cut-off of 30 November 2026, so it goes to the next meeting.'],
    );
  });

  it.each<[string, number, number, number]>([
    ['fits six 15-minute cases in two hours after a 20-minute actions review', 20, 6, 2],
    ['fits one more case when the actions review takes 5 minutes', 5, 7, 1],
    ['spills everything when the actions review fills the meeting', 120, 0, 8],
  ])('%s', (_name, actionsReviewMinutes, fitting, spilt) => {
    const referrals = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id, i) => referral(`case-${id}`, 'HIGH', 50 - i));
    const agenda = value(buildAgenda(inputs({ referrals, meeting: { ...meeting, actionsReviewMinutes } })));
    expect([agenda.items.length, agenda.spillOver.length]).toEqual([fitting, spilt]);
    expect(agenda.spillOver[0]?.caseId).toBe(spilt ? `case-${'abcdefgh'[fitting]}` : undefined);
  });

  it.each<[string, Partial<typeof meeting>, string]>([
    ['a meeting with no length', { lengthMinutes: 0 }, 'lengthMinutes'],
    ['zero minutes per case', { minutesPerItem: 0 }, 'minutesPerItem'],
    ['an actions review longer than the meeting', { actionsReviewMinutes: 150 }, 'actionsReviewMinutes'],
  ])('refuses %s', (_name, change, field) => {
    const result = buildAgenda(inputs({ meeting: { ...meeting, ...change } }));
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'INVALID_MEETING', field });
  });
});

describe("the chair's edits", () => {
  const base = value(
    buildAgenda(
      inputs({
        meeting: { ...meeting, lengthMinutes: 50 }, // 30 minutes for cases: two fit
        referrals: [referral('first', 'HIGH', 40), referral('second', 'HIGH', 35), referral('third', 'HIGH', 32)],
      }),
    ),
  );

  it('reorders the agenda and refits the meeting', () => {
    const agenda = value(reorderAgenda(base, ['third', 'first', 'second']));
    expect(agenda.items.map((item) => item.caseId)).toEqual(['third', 'first']);
    expect(agenda.spillOver.map((item) => item.caseId)).toEqual(['second']);
  });

  it('keeps the spill-over the new order leaves out after it, as it stood', () => {
    const longer = value(
      buildAgenda(
        inputs({
          meeting: { ...meeting, lengthMinutes: 50 },
          referrals: ['first', 'second', 'third', 'fourth', 'fifth'].map((id, index) => referral(id, 'HIGH', 40 - index)),
        }),
      ),
    );
    const agenda = value(reorderAgenda(longer, ['second', 'first', 'fourth']));
    expect(agenda.items.map((item) => item.caseId)).toEqual(['second', 'first']);
    expect(agenda.spillOver.map((item) => item.caseId)).toEqual(['fourth', 'third', 'fifth']);
  });

  it.each<[string, string[]]>([
    ['leaves out a case in the running order', ['second', 'third']],
    ['names a case twice', ['first', 'first', 'second']],
    ['names a case not on the agenda', ['first', 'second', 'fourth']],
  ])('refuses a new order that %s', (_name, caseIds) => {
    const result = reorderAgenda(base, caseIds);
    expect(result.ok ? undefined : result.error.code).toBe('NOT_A_REORDERING');
  });

  it("adds a case with the chair's reason at the chosen place", () => {
    const agenda = value(
      addToAgenda(base, {
        caseId: 'urgent',
        reasonText: 'Fire risk raised by the fire service yesterday',
        agencies: ['fire'],
        position: 0,
      }),
    );
    expect(agenda.items[0]).toMatchObject({
      caseId: 'urgent',
      reasons: ['ADDED_BY_CHAIR'],
      why: 'Added by the chair: Fire risk raised by the fire service yesterday.',
      agencies: ['fire'],
    });
    expect(order(agenda)).toEqual(['urgent', 'first', 'second', 'third']);
  });

  it('takes a late referral the chair adds off the late list', () => {
    const withLate = value(buildAgenda(inputs({ referrals: [referral('late', 'HIGH', 44, '2026-12-03T09:00:00Z')] })));
    const agenda = value(addToAgenda(withLate, { caseId: 'late', reasonText: 'Risk escalated since referral', agencies: [] }));
    expect([order(agenda), agenda.lateReferrals]).toEqual([['late'], []]);
  });

  it.each<[string, Parameters<typeof addToAgenda>[1], string]>([
    ['a case already on the agenda', { caseId: 'second', reasonText: 'Again', agencies: [] }, 'ALREADY_ON_AGENDA'],
    ['a case without a reason', { caseId: 'new', reasonText: '  ', agencies: [] }, 'REASON_REQUIRED'],
    ['a place beyond the end of the agenda', { caseId: 'new', reasonText: 'Urgent', agencies: [], position: 9 }, 'POSITION_OUT_OF_RANGE'],
  ])('refuses to add %s', (_name, addition, code) => {
    const result = addToAgenda(base, addition);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it('defers a case to the next meeting with its reason, letting a spilt case fit', () => {
    const agenda = value(deferAgendaItem(base, 'first', 'Police intelligence not yet back'));
    expect(agenda.items.map((item) => item.caseId)).toEqual(['second', 'third']);
    expect(agenda.spillOver).toEqual([]);
    expect(agenda.deferredToNextMeeting).toEqual([
      { caseId: 'first', deferredFrom: '2026-12-10', reason: 'Police intelligence not yet back', score: 40 },
    ]);
  });

  it('puts a deferred case on the next agenda as deferred', () => {
    const deferred = value(deferAgendaItem(base, 'first', 'Referrer on leave')).deferredToNextMeeting;
    const next = value(
      buildAgenda(inputs({ meeting: { ...meeting, date: '2027-01-14' }, cutOff: referralCutOff('2027-01-14'), deferred })),
    );
    expect(next.items[0]).toMatchObject({
      caseId: 'first',
      reasons: ['DEFERRED'],
      why: 'Deferred from the meeting on 10 December 2026: Referrer on leave.',
    });
  });

  it.each<[string, string, string, string]>([
    ['a case not on the agenda', 'missing', 'Referrer on leave', 'NOT_ON_AGENDA'],
    ['a case without a reason', 'first', '', 'REASON_REQUIRED'],
  ])('refuses to defer %s', (_name, caseId, reason, code) => {
    const result = deferAgendaItem(base, caseId, reason);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it('never changes the agenda it was given', () => {
    const before = JSON.stringify(base);
    reorderAgenda(base, ['third', 'second', 'first']);
    addToAgenda(base, { caseId: 'x', reasonText: 'Urgent', agencies: [] });
    deferAgendaItem(base, 'first', 'Later');
    expect(JSON.stringify(base)).toBe(before);
  });
});

describe("a rebuild keeps the chair's running order", () => {
  const fourFit = { ...meeting, lengthMinutes: 80 }; // 60 minutes for cases: four fit
  const waiting = {
    meeting: fourFit,
    referrals: [referral('high', 'HIGH', 40), referral('repeat', 'HIGH', 30, undefined, true)],
    actionProblems: [{ caseId: 'overdue', overdueActions: 1, blockedActions: 0 }],
    reviewsDue: [{ caseId: 'review', reviewDue: '2026-12-01' }],
  };

  it.each<[string, Partial<AgendaInputs>, string[], string[]]>([
    [
      'keeps the order the chair set when nothing new has arrived',
      waiting,
      ['review', 'high', 'overdue', 'repeat'],
      ['review', 'high', 'overdue', 'repeat'],
    ],
    [
      "puts a new high-risk referral first, where the builder places it, and the rest in the chair's order",
      { ...waiting, referrals: [...waiting.referrals!, referral('newcomer', 'HIGH', 45)] },
      ['review', 'high', 'overdue', 'repeat'],
      ['newcomer', 'review', 'high', 'overdue', 'repeat'],
    ],
    [
      'puts a new review last, where the builder places it',
      { ...waiting, reviewsDue: [...waiting.reviewsDue!, { caseId: 'review-2', reviewDue: '2026-12-02' }] },
      ['review', 'high', 'overdue', 'repeat'],
      ['review', 'high', 'overdue', 'repeat', 'review-2'],
    ],
    [
      'closes the gap a withdrawn referral leaves, keeping the others in order',
      { ...waiting, referrals: [referral('repeat', 'HIGH', 30, undefined, true)] },
      ['review', 'high', 'overdue', 'repeat'],
      ['review', 'overdue', 'repeat'],
    ],
    ['follows the builder on a first build, when there is no earlier order', waiting, [], ['high', 'repeat', 'overdue', 'review']],
  ])('%s', (_name, overrides, earlier, expected) => {
    expect(order(keepEarlierOrder(value(buildAgenda(inputs(overrides))), earlier))).toEqual(expected);
  });

  it('keeps a case the chair added where the chair put it', () => {
    const built = value(buildAgenda(inputs(waiting)));
    const readded = value(addToAgenda(built, { caseId: 'added', reasonText: 'Fresh incidents', agencies: [] }));
    expect(order(keepEarlierOrder(readded, ['added', 'high', 'repeat', 'overdue', 'review']))).toEqual([
      'added',
      'high',
      'repeat',
      'overdue',
      'review',
    ]);
  });

  it('refits the meeting, so what the chair moved down spills over', () => {
    const kept = keepEarlierOrder(
      value(buildAgenda(inputs({ ...waiting, reviewsDue: [...waiting.reviewsDue!, { caseId: 'review-2', reviewDue: '2026-12-02' }] }))),
      ['review-2', 'review', 'overdue', 'repeat', 'high'],
    );
    expect([kept.items.map((item) => item.caseId), kept.spillOver.map((item) => item.caseId)]).toEqual([
      ['review-2', 'review', 'overdue', 'repeat'],
      ['high'],
    ]);
  });
});
