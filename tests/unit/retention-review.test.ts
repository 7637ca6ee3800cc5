import { anonymiseMinutesItems, ANONYMISED_TEXT, isDueForReview, retentionReviewOn } from '../../api/domain/retention/review';

describe('when a closed case comes up for retention review', () => {
  it.each<[string, { closedOn: string; recordedReviewOn: string | null }, number, string, boolean]>([
    ['not the day before the period ends', { closedOn: '2024-11-02', recordedReviewOn: null }, 24, '2026-11-01', false],
    ['on the day the period ends', { closedOn: '2024-11-02', recordedReviewOn: null }, 24, '2026-11-02', true],
    ['from the last day of a shorter month when closed on the 31st', { closedOn: '2026-08-31', recordedReviewOn: null }, 1, '2026-09-30', true],
    ['from 28 February when closed on 29 February of a leap year', { closedOn: '2024-02-29', recordedReviewOn: null }, 12, '2025-02-28', true],
    ['on the date recorded on the case, whatever the period', { closedOn: '2024-01-10', recordedReviewOn: '2027-01-10' }, 3, '2026-11-02', false],
  ])('is due %s', (_case, dates, months, today, due) => {
    expect(isDueForReview(dates, months, today)).toBe(due);
  });

  it('takes the closure date plus the period when no date was recorded', () => {
    expect(retentionReviewOn({ closedOn: '2026-10-13', recordedReviewOn: null }, 3)).toBe('2027-01-13');
  });
});

describe('anonymising a case in the minutes', () => {
  const minutes = {
    panel: 'Fernbrook Community MARAC',
    attendance: [{ name: 'Helen Placeholder' }],
    items: [
      { position: 1, caseReference: 'ASB-2026-0001', decisions: 'Mr Example to be visited', actions: [{ id: 'a1', title: 'Visit Mr Example', owner: 'Police' }] },
      { position: 2, caseReference: 'ASB-2026-0002', decisions: 'Keep on', actions: [{ id: 'a2', title: 'Fit a door viewer', owner: 'Housing' }] },
    ],
  };

  it("replaces the case's decisions and action titles and keeps every other item and field", () => {
    expect(anonymiseMinutesItems(minutes, 'ASB-2026-0001')).toEqual({
      ...minutes,
      items: [
        { position: 1, caseReference: 'ASB-2026-0001', decisions: ANONYMISED_TEXT, actions: [{ id: 'a1', title: 'Anonymised action', owner: 'Police' }] },
        minutes.items[1],
      ],
    });
  });

  it.each([null, 'text', { items: 'not a list' }, {}])('leaves minutes of an unknown shape (%j) as they are', (content) => {
    expect(anonymiseMinutesItems(content, 'ASB-2026-0001')).toEqual(content);
  });
});
