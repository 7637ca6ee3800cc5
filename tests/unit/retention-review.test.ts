import { anonymiseMinutesItems, ANONYMISED_TEXT, isDueForReview, retentionReviewOn } from '../../api/domain/retention/review';

describe('when a closed case comes up for retention review', () => {
  it.each<[string, { closedOn: string; recordedReviewOn: string | null }, number, string, boolean]>([
    ['not the day before the period ends', { closedOn: '2024-11-02', recordedReviewOn: null }, 24, '2026-11-01', false],
    ['on the day the period ends', { closedOn: '2024-11-02', recordedReviewOn: null }, 24, '2026-11-02', true],
    [
      'from the last day of a shorter month when closed on the 31st',
      { closedOn: '2026-08-31', recordedReviewOn: null },
      1,
      '2026-09-30',
      true,
    ],
    [
      'from 28 February when closed on 29 February of a leap year',
      { closedOn: '2024-02-29', recordedReviewOn: null },
      12,
      '2025-02-28',
      true,
    ],
    [
      'on the date recorded on the case, whatever the period',
      { closedOn: '2024-01-10', recordedReviewOn: '2027-01-10' },
      3,
      '2026-11-02',
      false,
    ],
  ])('is due %s', (_case, dates, months, today, due) => {
    expect(isDueForReview(dates, months, today)).toBe(due);
  });

  it('takes the closure date plus the period when no date was recorded', () => {
    expect(retentionReviewOn({ closedOn: '2026-10-13', recordedReviewOn: null }, 3)).toBe('2027-01-13');
  });
});

describe('anonymising a case in the minutes', () => {
  const minutes = {
    title: 'Fernbrook Community MARAC: minutes of the meeting on 2 November 2026',
    present: ['Helen Placeholder (Police)'],
    actionReview: [
      'Case ASB-2026-0001: Visit Mr Example (Police, due 1 November 2026): done',
      'Case ASB-2026-0002: Fit a door viewer (Housing, due 1 November 2026): done',
    ],
    cases: [
      {
        heading: '1. Case ASB-2026-0001',
        why: 'New referral',
        decisions: 'Mr Example to be visited',
        outcome: 'Kept on the panel.',
        actions: ['Visit Mr Example: Police, by 9 November 2026'],
      },
      {
        heading: '2. Case ASB-2026-0002',
        why: 'Review',
        decisions: 'Keep on',
        outcome: 'Kept on the panel.',
        actions: ['Fit a door viewer: Housing, by 9 November 2026'],
      },
      { heading: '3. Case ASB-2026-00011', why: 'Review', decisions: 'Keep on', outcome: 'Kept on the panel.', actions: [] },
    ],
    notHeard: ['Case ASB-2026-0001: deferred (Mr Example is in hospital)'],
  };

  it("replaces the case's decisions, action titles and review and deferral lines, and keeps every other case and field", () => {
    expect(anonymiseMinutesItems(minutes, 'ASB-2026-0001')).toEqual({
      ...minutes,
      actionReview: [`Case ASB-2026-0001: ${ANONYMISED_TEXT}`, minutes.actionReview[1]],
      cases: [{ ...minutes.cases[0], decisions: ANONYMISED_TEXT, actions: ['Anonymised action'] }, minutes.cases[1], minutes.cases[2]],
      notHeard: [`Case ASB-2026-0001: ${ANONYMISED_TEXT}`],
    });
  });

  it.each([null, 'text', { cases: 'not a list' }, {}])('leaves minutes of an unknown shape (%j) as they are', (content) => {
    expect(anonymiseMinutesItems(content, 'ASB-2026-0001')).toEqual(content);
  });
});
