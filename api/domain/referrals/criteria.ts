// Referral criteria on the Marac model (docs/domain.md §2): visible high risk, potential
// escalation, professional judgement and repeat referral; plus repeat victimisation, which local
// definitions describe as "at least N similar incidents within D days".
//
// Windows are inclusive and counted in whole calendar days in London: an incident is "within D
// days" of the assessment if it happened on the assessment day or up to D days before it. With
// 90 days, an incident 90 days before counts and one 91 days before does not. Incidents after the
// assessment day are ignored. "12 months" is taken as 365 days.

import { daysBetween, londonDateOf } from '../agenda/calendar-date';
import { fail, ok, type Result } from '../result';
import type { RiskBand, SubjectType } from '../risk/template';

export type IncidentCategory = 'PERSONAL' | 'NUISANCE' | 'ENVIRONMENTAL';

export interface Incident {
  occurredAt: Date;
  category: IncidentCategory;
}

/** "At least `atLeast` incidents within `withinDays` days." */
export interface IncidentCountRule {
  atLeast: number;
  withinDays: number;
}

export interface ReferralPolicy {
  /** Potential escalation; 3 in 12 months is common practice (docs/domain.md §2). */
  escalation: IncidentCountRule;
  /** Any one of these makes a repeat victim; incidents must share a category to count as similar. */
  repeatVictimRules: readonly IncidentCountRule[];
  /** A new incident this many days after the case was last heard makes a repeat referral. */
  repeatReferralWithinDays: number;
}

/** Police training definition: 3 similar incidents in the last 3 months. */
export const DEFAULT_REPEAT_VICTIM_RULES: readonly IncidentCountRule[] = [{ atLeast: 3, withinDays: 90 }];

/** Burnley: the same or similar incidents 2 times in 14 days or 5 times in 180 days. */
export const BURNLEY_REPEAT_VICTIM_RULES: readonly IncidentCountRule[] = [
  { atLeast: 2, withinDays: 14 },
  { atLeast: 5, withinDays: 180 },
];

export const DEFAULT_REFERRAL_POLICY: ReferralPolicy = {
  escalation: { atLeast: 3, withinDays: 365 },
  repeatVictimRules: DEFAULT_REPEAT_VICTIM_RULES,
  repeatReferralWithinDays: 365,
};

export type ReferralCriterion = 'VISIBLE_HIGH_RISK' | 'POTENTIAL_ESCALATION' | 'PROFESSIONAL_JUDGEMENT' | 'REPEAT_REFERRAL';

export interface CriterionMet {
  criterion: ReferralCriterion;
  /** Completes "Referred because …", e.g. "the victim scored 36 (high, threshold 32)". */
  because: string;
}

export interface RepeatVictimisation {
  rule: IncidentCountRule;
  category: IncidentCategory;
  count: number;
}

/** The parts of a scored assessment the criteria need; a ScoredAssessment fits. */
export interface RiskSummary {
  subjectType: SubjectType;
  score: number;
  threshold: number;
  calculatedBand: RiskBand;
  finalBand: RiskBand;
  judgement: { toBand: RiskBand; reason: string } | null;
}

export interface ReferralCriteriaInput {
  assessedAt: Date;
  risk: RiskSummary;
  incidents: readonly Incident[];
  /** When the case was last heard at panel, if it has been. */
  lastHeardAt?: Date;
}

export interface ReferralCriteriaDecision {
  meetsCriteria: boolean;
  met: CriterionMet[];
  /** The first repeat-victimisation rule met, in policy order, or null. */
  repeatVictimisation: RepeatVictimisation | null;
}

export const SUBJECT_NOUN: Record<SubjectType, string> = { VICTIM: 'victim', PERPETRATOR: 'perpetrator', LOCATION: 'location' };
const CATEGORIES: readonly IncidentCategory[] = ['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL'];

export function checkReferralPolicy(policy: ReferralPolicy): Result<ReferralPolicy> {
  const rules: Array<[string, IncidentCountRule]> = [
    ['escalation', policy.escalation],
    ...policy.repeatVictimRules.map((rule, i): [string, IncidentCountRule] => [`repeatVictimRules.${i}`, rule]),
  ];
  for (const [field, rule] of rules) {
    if (!Number.isInteger(rule.atLeast) || rule.atLeast < 1 || !Number.isInteger(rule.withinDays) || rule.withinDays < 1) {
      return fail(
        'REFERRAL_RULE_INVALID',
        `"At least ${rule.atLeast} within ${rule.withinDays} days" must use whole numbers of 1 or more.`,
        field,
      );
    }
  }
  if (!Number.isInteger(policy.repeatReferralWithinDays) || policy.repeatReferralWithinDays < 1) {
    return fail(
      'REFERRAL_RULE_INVALID',
      'The repeat referral period must be a whole number of days, 1 or more.',
      'repeatReferralWithinDays',
    );
  }
  return ok(policy);
}

/** Incidents on the assessment day or up to `withinDays` calendar days before it, in London. */
export function incidentsWithin(incidents: readonly Incident[], assessedAt: Date, withinDays: number): Incident[] {
  const today = londonDateOf(assessedAt);
  return incidents.filter((incident) => {
    const age = daysBetween(londonDateOf(incident.occurredAt), today);
    return age >= 0 && age <= withinDays;
  });
}

export function findRepeatVictimisation(
  incidents: readonly Incident[],
  assessedAt: Date,
  rules: readonly IncidentCountRule[],
): RepeatVictimisation | null {
  for (const rule of rules) {
    const recent = incidentsWithin(incidents, assessedAt, rule.withinDays);
    for (const category of CATEGORIES) {
      const count = recent.filter((i) => i.category === category).length;
      if (count >= rule.atLeast) return { rule, category, count };
    }
  }
  return null;
}

export function assessReferralCriteria(
  input: ReferralCriteriaInput,
  policy: ReferralPolicy = DEFAULT_REFERRAL_POLICY,
): Result<ReferralCriteriaDecision> {
  const checked = checkReferralPolicy(policy);
  if (!checked.ok) return checked;

  const { risk, assessedAt } = input;
  const met: CriterionMet[] = [];
  if (risk.score >= risk.threshold) {
    met.push({
      criterion: 'VISIBLE_HIGH_RISK',
      because: `the ${SUBJECT_NOUN[risk.subjectType]} scored ${risk.score} (${risk.calculatedBand.toLowerCase()}, threshold ${risk.threshold})`,
    });
  }

  const recent = incidentsWithin(input.incidents, assessedAt, policy.escalation.withinDays);
  if (recent.length >= policy.escalation.atLeast) {
    met.push({
      criterion: 'POTENTIAL_ESCALATION',
      because: `there were ${recent.length} incidents in the last ${policy.escalation.withinDays} days`,
    });
  }

  if (risk.judgement && risk.judgement.toBand === 'HIGH') {
    met.push({ criterion: 'PROFESSIONAL_JUDGEMENT', because: `professional judgement put the risk at high: ${risk.judgement.reason}` });
  }

  const repeat = repeatReferral(input, policy.repeatReferralWithinDays);
  if (repeat) met.push(repeat);

  return ok({
    meetsCriteria: met.length > 0,
    met,
    repeatVictimisation: findRepeatVictimisation(input.incidents, assessedAt, policy.repeatVictimRules),
  });
}

function repeatReferral(input: ReferralCriteriaInput, withinDays: number): CriterionMet | null {
  const { lastHeardAt } = input;
  if (!lastHeardAt) return null;
  const heardOn = londonDateOf(lastHeardAt);
  const newIncidents = input.incidents
    .filter((i) => i.occurredAt.getTime() > lastHeardAt.getTime() && i.occurredAt.getTime() <= input.assessedAt.getTime())
    .map((i) => daysBetween(heardOn, londonDateOf(i.occurredAt)))
    .filter((days) => days <= withinDays);
  if (newIncidents.length === 0) return null;
  const first = Math.min(...newIncidents);
  const when = first === 0 ? 'on the day' : `${first} ${first === 1 ? 'day' : 'days'} after`;
  return { criterion: 'REPEAT_REFERRAL', because: `there was a new incident ${when} the case was last heard at panel` };
}
