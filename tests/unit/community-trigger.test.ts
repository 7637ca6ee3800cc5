import {
  DEFAULT_CASE_REVIEW_POLICY,
  assessCaseReviewThreshold,
  caseReviewDeadlines,
  type AsbComplaint,
  type CaseReviewDeadlines,
  type ThresholdAssessment,
} from '../../api/domain/referrals/community-trigger';

// Noon in London on a given day (dates used here are all in winter, so London is UTC).
const noon = (date: string): Date => new Date(`${date}T12:00:00Z`);
const complaint = (
  incidentId: string,
  incidentOn: string,
  reportedOn: string,
  reportedTo = 'Police',
  complainant = 'Mrs A',
): AsbComplaint => ({
  incidentId,
  incidentAt: noon(incidentOn),
  reportedAt: noon(reportedOn),
  complainant,
  reportedTo,
  concerning: '14 Elm Street, Burnley',
});

const applicationOn = noon('2025-02-14');
const BANK_HOLIDAYS_2025_26 = ['2025-12-25', '2025-12-26', '2026-01-01', '2025-04-18', '2025-04-21', '2025-05-05'];

function assess(complaints: AsbComplaint[], qualifyingComplaints = 3): ThresholdAssessment {
  const result = assessCaseReviewThreshold(complaints, applicationOn, { ...DEFAULT_CASE_REVIEW_POLICY, qualifyingComplaints });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('whether an ASB case review application meets the threshold', () => {
  const a = complaint('inc-1', '2024-11-01', '2024-11-02');
  const b = complaint('inc-2', '2024-12-10', '2024-12-10');
  const c = complaint('inc-3', '2025-01-20', '2025-01-21');

  it.each<[string, AsbComplaint[], number, boolean]>([
    ['three separate incidents, each reported promptly', [a, b, c], 3, true],
    ['two incidents', [a, b], 3, false],
    ['two incidents where the partnership has lowered the threshold to two', [a, b], 2, true],
    [
      'three reports of one incident to police, council and landlord',
      [a, { ...a, reportedTo: 'Council' }, { ...a, reportedTo: 'Calico Homes' }],
      3,
      false,
    ],
    [
      'an incident reported exactly one month later, on the day of the application, still counts',
      [a, b, complaint('inc-3', '2025-01-14', '2025-02-14')],
      3,
      true,
    ],
    ['an incident on 15 December reported on 15 January counts', [a, b, complaint('inc-3', '2024-12-15', '2025-01-15')], 3, true],
    ['an incident on 15 December reported on 16 January does not', [a, b, complaint('inc-3', '2024-12-15', '2025-01-16')], 3, false],
    ['a report made exactly six months before the application counts', [b, c, complaint('inc-0', '2024-08-10', '2024-08-14')], 3, true],
    [
      'a report made six months and a day before the application does not',
      [b, c, complaint('inc-0', '2024-08-10', '2024-08-13')],
      3,
      false,
    ],
    ['a report made after the application does not', [a, b, complaint('inc-4', '2025-02-14', '2025-02-15')], 3, false],
  ])('%s: threshold met is %s', (_case, complaints, threshold, met) => {
    expect(assess(complaints, threshold).met).toBe(met);
  });

  it('counts an incident reported to several agencies once, listing who heard about it', () => {
    const result = assess([a, { ...a, reportedTo: 'Council', complainant: 'Mr A' }, b, c]);
    expect(result.qualifying).toHaveLength(3);
    expect(result.qualifying[0]).toEqual({
      incidentId: 'inc-1',
      incidentOn: '2024-11-01',
      reportedOn: '2024-11-02',
      concerning: '14 Elm Street, Burnley',
      reportedTo: ['Police', 'Council'],
      complainants: ['Mrs A', 'Mr A'],
    });
  });

  it('says why a complaint did not qualify', () => {
    const late = complaint('inc-9', '2024-12-01', '2025-01-05');
    expect(assess([a, late]).notQualifying).toEqual([
      { complaint: late, reason: 'it was reported more than one month after the incident' },
    ]);
  });

  it('explains a decision in plain words', () => {
    expect(assess([a, b, c]).explanation).toBe(
      'Threshold met: 3 qualifying incidents reported within a month of happening and within six months before the application on 14 February 2025 (threshold 3).',
    );
    expect(assess([a]).explanation).toMatch(
      /^Threshold not met: 1 qualifying incident of the 3 needed\. The partnership may still hold a review/,
    );
  });

  it.each([[4], [0], [2.5]])('refuses a threshold of %p qualifying complaints', (n) => {
    const result = assessCaseReviewThreshold([], applicationOn, { ...DEFAULT_CASE_REVIEW_POLICY, qualifyingComplaints: n });
    expect(!result.ok && result.error.field).toBe('qualifyingComplaints');
  });

  it('names the law when a partnership asks for a threshold above three', () => {
    const result = assessCaseReviewThreshold([], applicationOn, { ...DEFAULT_CASE_REVIEW_POLICY, qualifyingComplaints: 5 });
    expect(!result.ok && result.error).toEqual({
      code: 'CASE_REVIEW_THRESHOLD_TOO_HIGH',
      message: 'The law does not allow a threshold above 3 qualifying complaints; 5 was asked for.',
      field: 'qualifyingComplaints',
    });
  });
});

describe('case review deadlines', () => {
  function deadlines(receivedOn: string, decidedOn?: string): CaseReviewDeadlines {
    const result = caseReviewDeadlines(
      noon(receivedOn),
      BANK_HOLIDAYS_2025_26,
      DEFAULT_CASE_REVIEW_POLICY,
      decidedOn ? noon(decidedOn) : undefined,
    );
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it.each<[string, string, CaseReviewDeadlines]>([
    ['received on a Monday', '2025-03-03', { acknowledgeBy: '2025-03-05', decideThresholdBy: '2025-03-21', holdReviewBy: '2025-04-11' }],
    [
      'received on a Friday: the weekend does not count',
      '2025-11-28',
      { acknowledgeBy: '2025-12-02', decideThresholdBy: '2025-12-18', holdReviewBy: '2026-01-08' },
    ],
    [
      'received on a Saturday: counting starts on Monday',
      '2025-11-29',
      { acknowledgeBy: '2025-12-02', decideThresholdBy: '2025-12-18', holdReviewBy: '2026-01-08' },
    ],
    [
      'received on 23 December: Christmas, Boxing Day and the weekend are skipped',
      '2025-12-23',
      { acknowledgeBy: '2025-12-29', decideThresholdBy: '2026-01-15', holdReviewBy: '2026-02-05' },
    ],
    [
      'received on the Thursday before Easter: Good Friday, Easter Monday and the May bank holiday are skipped',
      '2025-04-17',
      { acknowledgeBy: '2025-04-23', decideThresholdBy: '2025-05-12', holdReviewBy: '2025-06-02' },
    ],
  ])('%s', (_case, receivedOn, expected) => {
    expect(deadlines(receivedOn)).toEqual(expected);
  });

  it('counts the 21 days to the review from the day the threshold was actually decided', () => {
    expect(deadlines('2025-03-03', '2025-03-10').holdReviewBy).toBe('2025-03-31');
  });

  it('uses the partnership\u2019s own timescales, such as acknowledging within 3 working days', () => {
    const result = caseReviewDeadlines(noon('2025-03-03'), [], { ...DEFAULT_CASE_REVIEW_POLICY, acknowledgeWithinWorkingDays: 3 });
    expect(result.ok && result.value.acknowledgeBy).toBe('2025-03-06');
  });

  it('refuses a bank holiday that is not a date', () => {
    const result = caseReviewDeadlines(noon('2025-03-03'), ['25/12/2025']);
    expect(!result.ok && result.error.code).toBe('BANK_HOLIDAY_INVALID');
  });
});
