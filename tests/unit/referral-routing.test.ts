import type { ReferralCriteriaDecision, RiskSummary } from '../../api/domain/referrals/criteria';
import { routeReferral, type PanelType, type RoutingOutcome } from '../../api/domain/referrals/routing';
import type { RiskBand, SubjectType } from '../../api/domain/risk/template';

const decidedAt = new Date('2025-03-10T10:00:00Z');
const none: ReferralCriteriaDecision = { meetsCriteria: false, met: [], repeatVictimisation: null };
const risk = (subjectType: SubjectType, score: number, band: RiskBand, threshold = 32): RiskSummary => ({
  subjectType,
  score,
  threshold,
  calculatedBand: band,
  finalBand: band,
  judgement: null,
});
const highRisk = (subject: SubjectType, score: number, threshold: number): ReferralCriteriaDecision => ({
  ...none,
  meetsCriteria: true,
  met: [{ criterion: 'VISIBLE_HIGH_RISK', because: `the ${subject.toLowerCase()} scored ${score} (high, threshold ${threshold})` }],
});

describe('routing a referral', () => {
  it.each<[string, RiskSummary, ReferralCriteriaDecision, RoutingOutcome, PanelType | null, string | null]>([
    ['a high-risk victim goes to CMARAC', risk('VICTIM', 36, 'HIGH'), highRisk('VICTIM', 36, 32), 'PANEL', 'CMARAC', '2025-03-24'],
    [
      'a persistent perpetrator goes to the Offender Panel',
      risk('PERPETRATOR', 30, 'HIGH', 28),
      highRisk('PERPETRATOR', 30, 28),
      'PANEL',
      'OFFENDER_PANEL',
      '2025-03-24',
    ],
    [
      'a problem location goes to the Problem-Solving Forum',
      risk('LOCATION', 26, 'HIGH', 24),
      highRisk('LOCATION', 26, 24),
      'PANEL',
      'PROBLEM_SOLVING_FORUM',
      '2025-03-24',
    ],
    [
      'a medium-risk victim stays in agency casework with a 28-day review',
      risk('VICTIM', 20, 'MEDIUM'),
      none,
      'LEAD_AGENCY_CASEWORK',
      null,
      '2025-04-07',
    ],
    ['a low-risk victim gets advice and the case closes', risk('VICTIM', 6, 'LOW'), none, 'ADVICE_AND_CLOSURE', null, null],
    [
      'a medium-risk victim with escalating incidents goes to CMARAC',
      risk('VICTIM', 20, 'MEDIUM'),
      {
        ...none,
        meetsCriteria: true,
        met: [{ criterion: 'POTENTIAL_ESCALATION', because: 'there were 3 incidents in the last 365 days' }],
      },
      'PANEL',
      'CMARAC',
      '2025-03-24',
    ],
    [
      'a low-scoring repeat victim is not closed with advice alone',
      risk('VICTIM', 6, 'LOW'),
      { ...none, repeatVictimisation: { rule: { atLeast: 3, withinDays: 90 }, category: 'NUISANCE', count: 3 } },
      'LEAD_AGENCY_CASEWORK',
      null,
      '2025-04-07',
    ],
  ])('%s', (_case, summary, criteria, outcome, panelType, reviewDue) => {
    const decision = routeReferral({ risk: summary, criteria, leadAgency: 'Burnley Borough Council', decidedAt });
    expect(decision).toMatchObject({ outcome, panelType, reviewDue, leadAgency: 'Burnley Borough Council' });
  });

  it('explains a CMARAC referral with the score and the repeat incidents', () => {
    const decision = routeReferral({
      risk: risk('VICTIM', 36, 'HIGH'),
      criteria: {
        ...highRisk('VICTIM', 36, 32),
        repeatVictimisation: { rule: { atLeast: 3, withinDays: 90 }, category: 'PERSONAL', count: 4 },
      },
      leadAgency: 'Lancashire Police',
      decidedAt,
    });
    expect(decision.explanation).toBe(
      'Routed to CMARAC because the victim scored 36 (high, threshold 32) and the victim had 4 personal incidents in the last 90 days (a repeat victim). Review by 24 March 2025.',
    );
  });

  it('explains casework with the lead agency and the review date', () => {
    const decision = routeReferral({ risk: risk('VICTIM', 20, 'MEDIUM'), criteria: none, leadAgency: 'Calico Homes', decidedAt });
    expect(decision.explanation).toBe(
      "Kept in Calico Homes's own casework because the victim scored 20 (medium, threshold 32) and no referral criterion was met. Review by 7 April 2025.",
    );
  });

  it('explains closure in plain words', () => {
    const decision = routeReferral({ risk: risk('LOCATION', 4, 'LOW', 24), criteria: none, leadAgency: 'Pendle Council', decidedAt });
    expect(decision.explanation).toBe(
      'Advice given and case closed because the location scored 4 (low, threshold 24) and no referral criterion was met.',
    );
  });

  it('mentions professional judgement that raised a low score to medium', () => {
    const raised: RiskSummary = {
      ...risk('VICTIM', 10, 'LOW'),
      finalBand: 'MEDIUM',
      judgement: { toBand: 'MEDIUM', reason: 'Lives alone with dementia' },
    };
    const decision = routeReferral({ risk: raised, criteria: none, leadAgency: 'Hyndburn Council', decidedAt });
    expect(decision.outcome).toBe('LEAD_AGENCY_CASEWORK');
    expect(decision.explanation).toContain('professional judgement raised it to medium: Lives alone with dementia');
  });

  it('uses the partnership\u2019s own review cadence', () => {
    const decision = routeReferral(
      { risk: risk('VICTIM', 36, 'HIGH'), criteria: highRisk('VICTIM', 36, 32), leadAgency: 'Lancashire Police', decidedAt },
      { highRiskReviewDays: 7, mediumRiskReviewDays: 56 },
    );
    expect(decision.reviewDue).toBe('2025-03-17');
  });
});
