// Decides where a referral goes, and says why in a sentence a panel chair can read aloud.

import { addDays, formatLongDate, londonDateOf, type CalendarDate } from '../agenda/calendar-date';
import type { SubjectType } from '../risk/template';
import { SUBJECT_NOUN, type ReferralCriteriaDecision, type RiskSummary } from './criteria';

export type PanelType = 'CMARAC' | 'OFFENDER_PANEL' | 'PROBLEM_SOLVING_FORUM';

export type RoutingOutcome = 'PANEL' | 'LEAD_AGENCY_CASEWORK' | 'ADVICE_AND_CLOSURE';

/** One force's review cadence (docs/domain.md §3): high risk every 14 days, medium every 28. */
export interface ReviewPolicy {
  highRiskReviewDays: number;
  mediumRiskReviewDays: number;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { highRiskReviewDays: 14, mediumRiskReviewDays: 28 };

export interface RoutingInput {
  risk: RiskSummary;
  criteria: ReferralCriteriaDecision;
  /** The agency that referred and owns the case outside panel. */
  leadAgency: string;
  decidedAt: Date;
}

export interface RoutingDecision {
  outcome: RoutingOutcome;
  panelType: PanelType | null;
  /** Who carries the case between panels, or on its own casework. */
  leadAgency: string;
  reviewDue: CalendarDate | null;
  explanation: string;
}

const PANEL_FOR: Record<SubjectType, PanelType> = {
  VICTIM: 'CMARAC',
  PERPETRATOR: 'OFFENDER_PANEL',
  LOCATION: 'PROBLEM_SOLVING_FORUM',
};

function listInWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * A case goes to panel when any referral criterion is met or its final band is high. Otherwise a
 * medium case stays with the lead agency's casework; a low case gets advice and is closed, unless
 * the victim is a repeat victim, who is never closed with advice alone (a repeat victim needs an
 * action plan) and so stays in casework too.
 */
export function routeReferral(input: RoutingInput, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): RoutingDecision {
  const { risk, criteria, leadAgency } = input;
  const noun = SUBJECT_NOUN[risk.subjectType];
  const today = londonDateOf(input.decidedAt);
  const scored = `the ${noun} scored ${risk.score} (${risk.calculatedBand.toLowerCase()}, threshold ${risk.threshold})`;
  const repeat = risk.subjectType === 'VICTIM' ? criteria.repeatVictimisation : null;
  const repeatReason = repeat
    ? `the victim had ${repeat.count} ${repeat.category.toLowerCase()} incidents in the last ${repeat.rule.withinDays} days (a repeat victim)`
    : null;

  if (criteria.meetsCriteria || risk.finalBand === 'HIGH') {
    const panelType = PANEL_FOR[risk.subjectType];
    const reasons = criteria.met.map((m) => m.because);
    if (reasons.length === 0) reasons.push(`the ${noun}'s risk is ${risk.finalBand.toLowerCase()}`);
    if (repeatReason) reasons.push(repeatReason);
    const reviewDue = addDays(today, policy.highRiskReviewDays);
    return {
      outcome: 'PANEL',
      panelType,
      leadAgency,
      reviewDue,
      explanation: `Routed to ${panelLabel(panelType)} because ${listInWords(reasons)}. Review by ${formatLongDate(reviewDue)}.`,
    };
  }

  if (risk.finalBand === 'MEDIUM' || repeat) {
    const reviewDue = addDays(today, policy.mediumRiskReviewDays);
    const reasons = [scored];
    if (risk.judgement)
      reasons.push(`professional judgement raised it to ${risk.judgement.toBand.toLowerCase()}: ${risk.judgement.reason}`);
    if (repeatReason) reasons.push(repeatReason);
    return {
      outcome: 'LEAD_AGENCY_CASEWORK',
      panelType: null,
      leadAgency,
      reviewDue,
      explanation: `Kept in ${leadAgency}'s own casework because ${listInWords([...reasons, 'no referral criterion was met'])}. Review by ${formatLongDate(reviewDue)}.`,
    };
  }

  return {
    outcome: 'ADVICE_AND_CLOSURE',
    panelType: null,
    leadAgency,
    reviewDue: null,
    explanation: `Advice given and case closed because ${scored} and no referral criterion was met.`,
  };
}

export function panelLabel(panelType: PanelType): string {
  switch (panelType) {
    case 'CMARAC':
      return 'CMARAC';
    case 'OFFENDER_PANEL':
      return 'the Offender Panel';
    case 'PROBLEM_SOLVING_FORUM':
      return 'the Problem-Solving Forum';
  }
}
