// The bounds a partnership's local rules must stay within.
import { checkPartnershipSettings, defaultPartnershipSettings, type PartnershipSettings } from '../../api/domain/partnership/settings';
import { DEFAULT_REMINDER_POLICY } from '../../api/domain/reminders/policy';

const defaults = defaultPartnershipSettings(DEFAULT_REMINDER_POLICY);
const fieldsWrong = (change: Partial<PartnershipSettings>) => checkPartnershipSettings({ ...defaults, ...change }).map((p) => p.field);

describe('partnership settings bounds', () => {
  it('accepts the shipped rules', () => {
    expect(checkPartnershipSettings(defaults)).toEqual([]);
  });

  it.each<[string, Partial<PartnershipSettings>, string[]]>([
    [
      'Burnley repeat-victim rules, 2 in 14 or 5 in 180 days',
      {
        repeatVictimRules: [
          { atLeast: 2, withinDays: 14 },
          { atLeast: 5, withinDays: 180 },
        ],
      },
      [],
    ],
    ['no repeat-victim rule at all', { repeatVictimRules: [] }, ['repeatVictimRules']],
    ['an escalation window of three years, the longest allowed', { escalation: { atLeast: 3, withinDays: 1095 } }, []],
    ['an escalation window of four years', { escalation: { atLeast: 3, withinDays: 1460 } }, ['escalation.withinDays']],
    ['escalation on no incidents', { escalation: { atLeast: 0, withinDays: 365 } }, ['escalation.atLeast']],
    ['a repeat referral window of half a day', { repeatReferralWithinDays: 0.5 }, ['repeatReferralWithinDays']],
    ['weekly high-risk reviews', { review: { highRiskReviewDays: 7, mediumRiskReviewDays: 28 } }, []],
    [
      'medium risk reviewed more often than high',
      { review: { highRiskReviewDays: 28, mediumRiskReviewDays: 14 } },
      ['review.mediumRiskReviewDays'],
    ],
    [
      'a case review threshold above the statutory three',
      { caseReview: { ...defaults.caseReview, qualifyingComplaints: 4 } },
      ['caseReview.qualifyingComplaints'],
    ],
    [
      'a case review held within 91 days',
      { caseReview: { ...defaults.caseReview, holdReviewWithinDays: 91 } },
      ['caseReview.holdReviewWithinDays'],
    ],
    ['a blank confidentiality statement', { confidentialityStatement: '   ' }, ['confidentialityStatement']],
    ['reminders every day once overdue', { reminders: { ...DEFAULT_REMINDER_POLICY, overdueEveryDays: 1 } }, []],
    [
      'overdue reminders never repeating',
      { reminders: { ...DEFAULT_REMINDER_POLICY, overdueEveryDays: 0 } },
      ['reminders.overdueEveryDays'],
    ],
    ['no wait between chases', { chaseCooldownHours: 0 }, []],
    ['a week and a day between chases', { chaseCooldownHours: 192 }, ['chaseCooldownHours']],
  ])('%s', (_case, change, fields) => {
    expect(fieldsWrong(change)).toEqual(fields);
  });
});
