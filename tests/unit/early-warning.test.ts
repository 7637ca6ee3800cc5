import { DEFAULT_CASE_REVIEW_POLICY } from '../../api/domain/referrals/community-trigger';
import { BURNLEY_REPEAT_VICTIM_RULES, DEFAULT_REFERRAL_POLICY, type IncidentCategory } from '../../api/domain/referrals/criteria';
import { findNearMisses, type EarlyWarningInput, type NearMiss } from '../../api/domain/referrals/early-warning';

// Noon in London on a given day (winter dates: London is UTC).
const noon = (date: string): Date => new Date(`${date}T12:00:00Z`);
const today = noon('2026-11-20');

/** An incident on `on`, reported the same day unless `reportedOn` says otherwise. */
const incident = (id: string, on: string, category: IncidentCategory = 'PERSONAL', reportedOn = on) => ({
  incidentId: id,
  occurredAt: noon(on),
  reportedAt: noon(reportedOn),
  category,
});

function nearMisses(incidents: ReturnType<typeof incident>[], overrides: Partial<EarlyWarningInput> = {}): NearMiss[] {
  const result = findNearMisses({
    subjectType: 'VICTIM',
    incidents: incidents.map(({ occurredAt, category }) => ({ occurredAt, category })),
    complaints: incidents.map((i) => ({
      incidentId: i.incidentId,
      incidentAt: i.occurredAt,
      reportedAt: i.reportedAt,
      complainant: 'Mrs A',
      reportedTo: 'Police',
      concerning: 'Mrs A',
    })),
    today,
    referral: DEFAULT_REFERRAL_POLICY,
    caseReview: DEFAULT_CASE_REVIEW_POLICY,
    ...overrides,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const thresholds = (misses: NearMiss[]) => misses.map((miss) => [miss.threshold, miss.counted, miss.needed, miss.windowClosesOn]);

describe('early warning: one step short of a threshold', () => {
  test('two qualifying complaints of three: a case review is one complaint away until six months after the older report', () => {
    const misses = nearMisses([incident('a', '2026-08-10', 'NUISANCE'), incident('b', '2026-10-01', 'PERSONAL')]);
    expect(thresholds(misses)).toEqual([
      ['CASE_REVIEW', 2, 3, '2027-02-10'],
      ['ESCALATION', 2, 3, '2027-08-10'],
    ]);
    expect(misses[0]!.explanation).toBe(
      'One more qualifying complaint by 10 February 2027 would meet the ASB case review threshold (3 qualifying complaints within six months).',
    );
  });

  test('a complaint reported more than a month after the incident does not count towards a case review', () => {
    const misses = nearMisses([incident('a', '2026-08-01', 'NUISANCE', '2026-10-15'), incident('b', '2026-10-01', 'PERSONAL')]);
    expect(misses.map((miss) => miss.threshold)).toEqual(['ESCALATION']);
  });

  test('a partnership that lowered the case review threshold to two is warned after one complaint', () => {
    const misses = nearMisses([incident('a', '2026-11-01')], { caseReview: { ...DEFAULT_CASE_REVIEW_POLICY, qualifyingComplaints: 2 } });
    expect(thresholds(misses)).toEqual([['CASE_REVIEW', 1, 2, '2027-05-01']]);
  });

  test('two similar incidents in 90 days: one more makes a repeat victim until the older is 90 days old', () => {
    const misses = nearMisses([incident('a', '2026-10-01'), incident('b', '2026-11-10')], {
      complaints: [],
      referral: { ...DEFAULT_REFERRAL_POLICY, escalation: { atLeast: 5, withinDays: 365 } },
    });
    expect(thresholds(misses)).toEqual([['REPEAT_VICTIM', 2, 3, '2026-12-30']]);
    expect(misses[0]!.explanation).toBe(
      'One more similar incident by 30 December 2026 would make a repeat victim (3 similar incidents within 90 days).',
    );
  });

  test('incidents of different kinds are not similar, so they bring no repeat-victim warning', () => {
    const misses = nearMisses([incident('a', '2026-10-01', 'PERSONAL'), incident('b', '2026-11-10', 'ENVIRONMENTAL')], { complaints: [] });
    expect(misses.map((miss) => miss.threshold)).toEqual(['ESCALATION']);
  });

  test('a victim already repeat under one of the rules is not warned of another', () => {
    // Burnley: 2 in 14 days (met here) or 5 in 180 days (two short, and one short would be four).
    const misses = nearMisses([incident('a', '2026-11-10'), incident('b', '2026-11-15')], {
      complaints: [],
      referral: { ...DEFAULT_REFERRAL_POLICY, repeatVictimRules: BURNLEY_REPEAT_VICTIM_RULES },
    });
    expect(misses.map((miss) => miss.threshold)).toEqual(['ESCALATION']);
  });

  test('a perpetrator is warned of escalation only', () => {
    const misses = nearMisses([incident('a', '2026-10-01'), incident('b', '2026-11-10')], { subjectType: 'PERPETRATOR', complaints: [] });
    expect(thresholds(misses)).toEqual([['ESCALATION', 2, 3, '2027-10-01']]);
  });

  test('nothing is said of a subject with no incidents, or one already past every threshold', () => {
    expect(nearMisses([])).toEqual([]);
    const many = ['2026-11-01', '2026-11-05', '2026-11-09'].map((on, index) => incident(String(index), on));
    expect(nearMisses(many)).toEqual([]);
  });

  test("incidents older than a rule's window are not counted towards it", () => {
    const misses = nearMisses([incident('a', '2025-06-01'), incident('b', '2026-11-10')], { complaints: [] });
    expect(misses).toEqual([]);
  });
});
