import {
  governanceFigures,
  repeatReferralCount,
  type ActionFact,
  type CaseFact,
  type GovernanceFacts,
  type ReferralFact,
} from '../../api/domain/governance/figures';
import { governanceCsv } from '../../api/domain/governance/csv';

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const TODAY = '2026-11-20';
const agencies = [
  { id: 'police', name: 'Police' },
  { id: 'housing', name: 'Housing' },
];

const action = (changes: Partial<ActionFact>): ActionFact => ({
  ownerAgencyId: 'housing',
  status: 'ACCEPTED',
  createdOn: '2026-02-01',
  dueDate: '2026-12-31',
  completedOn: null,
  ...changes,
});
const facts = (changes: Partial<GovernanceFacts>): GovernanceFacts => ({
  agencies,
  actions: [],
  cases: [],
  referrals: [],
  interventions: [],
  ...changes,
});
const exact = (f: Partial<GovernanceFacts>) => governanceFigures(facts(f), PERIOD, TODAY, false);

describe('action delivery by agency', () => {
  it('counts actions set in the period, completion rate and median days to complete, ignoring cancelled ones', () => {
    const figures = exact({
      actions: [
        action({ status: 'COMPLETED', createdOn: '2026-02-01', completedOn: '2026-02-11' }), // 10 days
        action({ status: 'COMPLETED', createdOn: '2026-03-01', completedOn: '2026-03-05' }), // 4 days
        action({ status: 'COMPLETED', createdOn: '2026-04-01', completedOn: '2026-04-21' }), // 20 days
        action({ status: 'IN_PROGRESS' }),
        action({ status: 'CANCELLED' }),
        action({ createdOn: '2025-12-31' }), // before the period
        action({ ownerAgencyId: 'police', status: 'COMPLETED', createdOn: '2026-06-30', completedOn: '2026-07-02' }),
      ],
    });
    expect(
      figures.actionsByAgency.map((row) => [
        row.agency.name,
        row.set.value,
        row.completed.value,
        row.completionRate.value,
        row.medianDaysToComplete.value,
      ]),
    ).toEqual([
      ['Housing', 4, 3, 0.75, 10],
      ['Police', 1, 1, 1, 2],
    ]);
    expect(figures.actionTotals.set.value).toBe(5);
    expect(figures.actionTotals.medianDaysToComplete.value).toBe(7); // median of 2, 4, 10, 20
  });

  it.each<[string, Partial<ActionFact>, boolean]>([
    ['open and due before the period ended', { dueDate: '2026-06-29' }, true],
    ['open and due on the last day is not yet late', { dueDate: '2026-06-30' }, false],
    [
      'completed after the period ended, so still open then',
      { status: 'COMPLETED', dueDate: '2026-06-01', completedOn: '2026-07-10' },
      true,
    ],
    ['completed before the period ended', { status: 'COMPLETED', dueDate: '2026-06-01', completedOn: '2026-06-10' }, false],
    ['cancelled', { status: 'CANCELLED', dueDate: '2026-06-01' }, false],
    ['set after the period ended', { createdOn: '2026-07-01', dueDate: '2026-06-01' }, false],
  ])('counts an action as overdue at the end of the period when %s: %s', (_name, changes, overdue) => {
    expect(exact({ actions: [action(changes)] }).actionTotals.overdue.value).toBe(overdue ? 1 : 0);
  });

  it('counts overdue as of today while the period is still running', () => {
    const figures = governanceFigures(facts({ actions: [action({ dueDate: '2026-06-10' })] }), PERIOD, '2026-06-05', false);
    expect(figures.asOf).toBe('2026-06-05');
    expect(figures.actionTotals.overdue.value).toBe(0);
  });
});

const kase = (changes: Partial<CaseFact>): CaseFact => ({
  openedOn: '2026-01-10',
  closedOn: null,
  currentBand: 'HIGH',
  referralBand: 'HIGH',
  ...changes,
});

describe('cases and risk', () => {
  it('bands the cases open at any time in the period', () => {
    const figures = exact({
      cases: [
        kase({}),
        kase({ currentBand: 'LOW' }),
        kase({ currentBand: null }),
        kase({ openedOn: '2026-07-01' }),
        kase({ openedOn: '2025-01-01', closedOn: '2025-12-31' }),
        kase({ openedOn: '2025-01-01', closedOn: '2026-01-01', currentBand: 'MEDIUM' }),
      ],
    });
    expect(figures.casesByRiskBand.map((row) => [row.band, row.cases.value])).toEqual([
      ['HIGH', 1],
      ['MEDIUM', 1],
      ['LOW', 1],
      ['UNASSESSED', 1],
    ]);
  });

  it('compares the band at referral with the band at closure for cases closed in the period', () => {
    const closed = (referralBand: CaseFact['referralBand'], currentBand: CaseFact['currentBand']) =>
      kase({ closedOn: '2026-05-01', referralBand, currentBand });
    const figures = exact({
      cases: [
        closed('HIGH', 'LOW'),
        closed('HIGH', 'MEDIUM'),
        closed('MEDIUM', 'MEDIUM'),
        closed('LOW', 'HIGH'),
        closed(null, 'LOW'),
        kase({ closedOn: '2026-08-01', referralBand: 'HIGH', currentBand: 'LOW' }),
      ],
    });
    expect(figures.riskChange).toEqual({
      closed: { value: 5, suppressed: false },
      reduced: { value: 2, suppressed: false },
      unchanged: { value: 1, suppressed: false },
      increased: { value: 1, suppressed: false },
      unknown: { value: 1, suppressed: false },
    });
  });
});

const referral = (subjectKey: string, submitted: string, changes: Partial<ReferralFact> = {}): ReferralFact => ({
  subjectKey,
  referrerAgencyId: 'police',
  submittedAt: new Date(`${submitted}T10:00:00Z`),
  criteria: [],
  ...changes,
});

describe('referrals', () => {
  it.each<[string, ReferralFact[], number, number]>([
    ['a first referral is not a repeat', [referral('a', '2026-03-01')], 1, 0],
    ['a second referral within twelve months is', [referral('a', '2025-04-01'), referral('a', '2026-03-01')], 1, 1],
    ['a referral more than twelve months after the last is not', [referral('a', '2025-02-28'), referral('a', '2026-03-01')], 1, 0],
    ['two in the period: the second is the repeat', [referral('a', '2026-02-01'), referral('a', '2026-03-01')], 2, 1],
    ['a referrer who ticked "repeat referral" is believed', [referral('b', '2026-03-01', { criteria: ['REPEAT_REFERRAL'] })], 1, 1],
    ['different subjects are not repeats of each other', [referral('a', '2026-02-01'), referral('b', '2026-03-01')], 2, 0],
  ])('%s', (_name, referrals, inPeriod, repeats) => {
    expect(repeatReferralCount(referrals, PERIOD)).toEqual({ inPeriod, repeats });
  });

  it('counts referrals by the agency that made them, within the period only', () => {
    const figures = exact({
      referrals: [
        referral('a', '2026-02-01'),
        referral('b', '2026-02-02', { referrerAgencyId: 'housing' }),
        referral('c', '2026-02-03'),
        referral('d', '2025-12-01'),
      ],
    });
    expect(figures.referralsBySourceAgency.map((row) => [row.agency.name, row.referrals.value])).toEqual([
      ['Housing', 1],
      ['Police', 2],
    ]);
  });
});

describe('tools and powers', () => {
  it('counts interventions issued in the period, not proposals or withdrawn ones', () => {
    const figures = exact({
      interventions: [
        { type: 'CIVIL_INJUNCTION', status: 'ACTIVE', issuedOn: '2026-03-01' },
        { type: 'CIVIL_INJUNCTION', status: 'BREACHED', issuedOn: '2026-04-01' },
        { type: 'WARNING_LETTER', status: 'EXPIRED', issuedOn: '2026-01-05' },
        { type: 'MEDIATION', status: 'PROPOSED', issuedOn: null },
        { type: 'CLOSURE_ORDER', status: 'WITHDRAWN', issuedOn: '2026-03-01' },
        { type: 'WARNING_LETTER', status: 'ACTIVE', issuedOn: '2026-07-01' },
      ],
    });
    expect(figures.toolsAndPowers.map((row) => [row.name, row.used.value])).toEqual([
      ['Warning letter', 1],
      ['Civil injunction', 2],
    ]);
  });
});

describe('figures for a member who may not see the cases', () => {
  it('withholds every count from 1 to 4 and keeps zeros and larger counts', () => {
    const figures = governanceFigures(
      facts({
        actions: [
          action({}),
          action({}),
          action({ ownerAgencyId: 'police' }),
          ...Array.from({ length: 5 }, () => action({ ownerAgencyId: 'police', status: 'COMPLETED', completedOn: '2026-02-03' })),
        ],
      }),
      PERIOD,
      TODAY,
      true,
    );
    const housing = figures.actionsByAgency.find((row) => row.agency.id === 'housing')!;
    expect(housing.set).toEqual({ value: null, suppressed: true });
    expect(housing.completed).toEqual({ value: 0, suppressed: false });
    expect(housing.completionRate).toEqual({ value: null, suppressed: true });
    const police = figures.actionsByAgency.find((row) => row.agency.id === 'police')!;
    // Police's 6 would give Housing's 2 away as the total (8) less 6, so it is withheld as well
    // (secondary suppression), and its completion rate with it; its completions stay.
    expect([police.set, police.completionRate]).toEqual([
      { value: null, suppressed: true, secondary: true },
      { value: null, suppressed: true, secondary: true },
    ]);
    expect([police.completed.value, police.medianDaysToComplete.value, figures.actionTotals.set.value]).toEqual([5, 2, 8]);
    expect(governanceCsv(figures)).toContain('Actions by agency,Housing,actions set,<5\r\n');
  });
});

describe('the CSV export', () => {
  it('quotes commas and defuses formulas in agency names', () => {
    const csv = governanceCsv(exact({ agencies: [{ id: 'housing', name: '=HYPERLINK("x"), Homes' }], actions: [action({})] }));
    expect(csv.split('\r\n')[0]).toBe('section,group,measure,value');
    expect(csv).toContain(`Actions by agency,"'=HYPERLINK(""x""), Homes",actions set,1\r\n`);
  });
});
