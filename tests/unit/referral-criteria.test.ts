import {
  BURNLEY_REPEAT_VICTIM_RULES,
  DEFAULT_REFERRAL_POLICY,
  assessReferralCriteria,
  findRepeatVictimisation,
  incidentsWithin,
  type Incident,
  type IncidentCategory,
  type ReferralCriteriaDecision,
  type ReferralCriteriaInput,
  type ReferralCriterion,
  type ReferralPolicy,
  type RiskSummary,
} from '../../api/domain/referrals/criteria';

// Assessed at 10:00 on 1 July 2025 (BST); incidents are placed by days before that date in London.
const assessedAt = new Date('2025-07-01T09:00:00Z');
const daysAgo = (days: number, category: IncidentCategory = 'PERSONAL', londonTime = '09:00'): Incident => {
  const [h, m] = londonTime.split(':').map(Number) as [number, number];
  // Treats London as UTC+1: exact for summer dates, an hour early (same day) for winter ones.
  return { occurredAt: new Date(Date.UTC(2025, 6, 1 - days, h - 1, m)), category };
};

const mediumVictim: RiskSummary = {
  subjectType: 'VICTIM',
  score: 20,
  threshold: 32,
  calculatedBand: 'MEDIUM',
  finalBand: 'MEDIUM',
  judgement: null,
};

function decide(input: Partial<ReferralCriteriaInput>, policy?: ReferralPolicy): ReferralCriteriaDecision {
  const result = assessReferralCriteria({ assessedAt, risk: mediumVictim, incidents: [], ...input }, policy);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const criteria = (decision: ReferralCriteriaDecision): ReferralCriterion[] => decision.met.map((m) => m.criterion);

describe('counting incidents within a window of calendar days', () => {
  it.each<[string, Incident, number, boolean]>([
    ['an incident on the assessment day', daysAgo(0), 90, true],
    ['an incident 90 days before, with a 90-day window', daysAgo(90), 90, true],
    ['an incident 91 days before, with a 90-day window', daysAgo(91), 90, false],
    ['an incident at 00:30 London time 90 days before (23:30 UTC the day before)', daysAgo(90, 'PERSONAL', '00:30'), 90, true],
    ['an incident after the assessment', daysAgo(-1), 90, false],
  ])('%s: counted is %s', (_case, incident, days, counted) => {
    expect(incidentsWithin([incident], assessedAt, days)).toHaveLength(counted ? 1 : 0);
  });
});

describe('the four referral criteria', () => {
  it.each<[string, Partial<ReferralCriteriaInput>, ReferralCriterion[]]>([
    ['a medium score with two incidents this year meets none', { incidents: [daysAgo(10), daysAgo(200)] }, []],
    [
      'a score exactly at the threshold is visible high risk',
      { risk: { ...mediumVictim, score: 32, calculatedBand: 'HIGH', finalBand: 'HIGH' } },
      ['VISIBLE_HIGH_RISK'],
    ],
    ['a score one below the threshold is not', { risk: { ...mediumVictim, score: 31 } }, []],
    [
      '3 incidents in 12 months is potential escalation',
      { incidents: [daysAgo(5, 'NUISANCE'), daysAgo(100), daysAgo(365, 'ENVIRONMENTAL')] },
      ['POTENTIAL_ESCALATION'],
    ],
    ['3 incidents where the oldest is 366 days ago is not', { incidents: [daysAgo(5, 'NUISANCE'), daysAgo(100), daysAgo(366)] }, []],
    [
      'judgement raising the risk to high is professional judgement',
      { risk: { ...mediumVictim, finalBand: 'HIGH', judgement: { toBand: 'HIGH', reason: 'Weapons seen' } } },
      ['PROFESSIONAL_JUDGEMENT'],
    ],
    [
      'judgement raising the risk only to medium is not',
      { risk: { ...mediumVictim, calculatedBand: 'LOW', judgement: { toBand: 'MEDIUM', reason: 'Isolated' } } },
      [],
    ],
    [
      'a new incident 365 days after last being heard is a repeat referral',
      { lastHeardAt: new Date('2024-07-01T13:00:00Z'), incidents: [daysAgo(0)] },
      ['REPEAT_REFERRAL'],
    ],
    [
      'a new incident 366 days after last being heard is not',
      { lastHeardAt: new Date('2024-06-30T13:00:00Z'), incidents: [daysAgo(0)] },
      [],
    ],
    [
      'an incident before the case was heard is not a repeat referral',
      { lastHeardAt: new Date('2025-06-20T13:00:00Z'), incidents: [daysAgo(20)] },
      [],
    ],
  ])('%s', (_case, input, expected) => {
    expect(criteria(decide(input))).toEqual(expected);
  });

  it('lists every criterion met, with a reason a chair can read', () => {
    const decision = decide({
      risk: { subjectType: 'VICTIM', score: 36, threshold: 32, calculatedBand: 'HIGH', finalBand: 'HIGH', judgement: null },
      incidents: [daysAgo(3), daysAgo(30), daysAgo(60), daysAgo(80)],
      lastHeardAt: new Date('2025-05-20T10:00:00Z'),
    });
    expect(decision.meetsCriteria).toBe(true);
    expect(decision.met).toEqual([
      { criterion: 'VISIBLE_HIGH_RISK', because: 'the victim scored 36 (high, threshold 32)' },
      { criterion: 'POTENTIAL_ESCALATION', because: 'there were 4 incidents in the last 365 days' },
      { criterion: 'REPEAT_REFERRAL', because: 'there was a new incident 12 days after the case was last heard at panel' },
    ]);
  });

  it('lets a partnership use its own escalation count, such as 5 police call-outs in 12 months', () => {
    const policy = { ...DEFAULT_REFERRAL_POLICY, escalation: { atLeast: 5, withinDays: 365 } };
    const four = [daysAgo(1), daysAgo(2), daysAgo(3), daysAgo(4)];
    expect(criteria(decide({ incidents: four }, policy))).toEqual([]);
    expect(criteria(decide({ incidents: [...four, daysAgo(5)] }, policy))).toEqual(['POTENTIAL_ESCALATION']);
  });

  it('refuses a rule that counts nothing', () => {
    const result = assessReferralCriteria(
      { assessedAt, risk: mediumVictim, incidents: [] },
      { ...DEFAULT_REFERRAL_POLICY, repeatVictimRules: [{ atLeast: 0, withinDays: 90 }] },
    );
    expect(!result.ok && result.error).toMatchObject({ code: 'REFERRAL_RULE_INVALID', field: 'repeatVictimRules.0' });
  });
});

describe('repeat victims', () => {
  it.each<[string, Incident[], boolean]>([
    ['3 personal incidents in 90 days', [daysAgo(0), daysAgo(45), daysAgo(90)], true],
    ['3 personal incidents where the oldest is 91 days ago', [daysAgo(0), daysAgo(45), daysAgo(91)], false],
    ['3 incidents of different kinds are not similar', [daysAgo(1), daysAgo(2, 'NUISANCE'), daysAgo(3, 'ENVIRONMENTAL')], false],
    ['3 nuisance incidents in a week', [daysAgo(1, 'NUISANCE'), daysAgo(2, 'NUISANCE'), daysAgo(3, 'NUISANCE')], true],
  ])('default definition (3 similar in 90 days): %s → repeat victim is %s', (_case, incidents, repeat) => {
    expect(findRepeatVictimisation(incidents, assessedAt, DEFAULT_REFERRAL_POLICY.repeatVictimRules) !== null).toBe(repeat);
  });

  it.each<[string, Incident[], string | null]>([
    ['2 incidents 14 days apart, the latest today', [daysAgo(0), daysAgo(14)], '2 in 14'],
    ['2 incidents, the older 15 days ago', [daysAgo(0), daysAgo(15)], null],
    ['5 incidents over 180 days', [daysAgo(0), daysAgo(40), daysAgo(80), daysAgo(120), daysAgo(180)], '5 in 180'],
    ['5 incidents, the oldest 181 days ago', [daysAgo(20), daysAgo(40), daysAgo(80), daysAgo(120), daysAgo(181)], null],
  ])('Burnley\u2019s "2 in 14 days or 5 in 180 days": %s', (_case, incidents, rule) => {
    const found = findRepeatVictimisation(incidents, assessedAt, BURNLEY_REPEAT_VICTIM_RULES);
    expect(found && `${found.rule.atLeast} in ${found.rule.withinDays}`).toBe(rule);
  });

  it('reports repeat victimisation alongside the criteria', () => {
    expect(decide({ incidents: [daysAgo(1), daysAgo(2), daysAgo(3)] }).repeatVictimisation).toEqual({
      rule: { atLeast: 3, withinDays: 90 },
      category: 'PERSONAL',
      count: 3,
    });
  });
});
