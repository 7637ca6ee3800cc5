// Early warning: a case one step short of a threshold, so the panel can act before it is crossed.
// One more qualifying complaint would entitle the victim to an ASB case review (s104 of the 2014 Act);
// one more incident would make a repeat victim under the partnership's own rule, or meet the rule for
// potential escalation. Each warning says by when the step would have to come: after that day the
// oldest counted incident leaves the window, and one more would no longer be enough.
import { addDays, addMonths, formatLongDate, londonDateOf, type CalendarDate } from '../agenda/calendar-date';
import { assessCaseReviewThreshold, type AsbComplaint, type CaseReviewPolicy } from './community-trigger';
import {
  findRepeatVictimisation,
  incidentsWithin,
  type Incident,
  type IncidentCategory,
  type IncidentCountRule,
  type ReferralPolicy,
} from './criteria';
import { ok, type Result } from '../result';
import type { SubjectType } from '../risk/template';

/** A complaint stays usable for a case review application for six months after it was reported. */
const APPLICATION_WITHIN_MONTHS = 6;

export type NearThreshold = 'CASE_REVIEW' | 'REPEAT_VICTIM' | 'ESCALATION';

export interface NearMiss {
  threshold: NearThreshold;
  /** The rule in the partnership's words: "3 qualifying complaints within six months". */
  rule: string;
  counted: number;
  needed: number;
  /** The last day on which one more would still cross the threshold. */
  windowClosesOn: CalendarDate;
  /** One sentence for the chair, with the rule and the date. */
  explanation: string;
}

export interface EarlyWarningInput {
  subjectType: SubjectType;
  /** The subject's incidents with their category (a person's, or a place's). */
  incidents: readonly Incident[];
  /** The same incidents as complaints, for the case review threshold; none for a perpetrator. */
  complaints: readonly AsbComplaint[];
  today: Date;
  referral: ReferralPolicy;
  caseReview: CaseReviewPolicy;
}

const CATEGORIES: readonly IncidentCategory[] = ['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL'];

const plural = (count: number, word: string) => `${count} ${count === 1 ? word : `${word}s`}`;
const ruleWords = (rule: IncidentCountRule, what: string) => `${plural(rule.atLeast, what)} within ${rule.withinDays} days`;

/** One short of `rule`, counting `incidents`: when the oldest counted one ages out of the window. */
function oneShortOf(
  rule: IncidentCountRule,
  incidents: readonly Incident[],
  today: Date,
): { counted: number; closes: CalendarDate } | null {
  const counted = incidentsWithin(incidents, today, rule.withinDays);
  if (rule.atLeast < 2 || counted.length !== rule.atLeast - 1) return null;
  const oldest = counted.map((incident) => londonDateOf(incident.occurredAt)).sort()[0]!;
  return { counted: counted.length, closes: addDays(oldest, rule.withinDays) };
}

export function findNearMisses(input: EarlyWarningInput): Result<NearMiss[]> {
  const misses: NearMiss[] = [];
  const { today, referral } = input;

  if (input.complaints.length > 0) {
    const assessed = assessCaseReviewThreshold(input.complaints, today, input.caseReview);
    if (!assessed.ok) return assessed;
    const { met, required, qualifying } = assessed.value;
    if (!met && qualifying.length === required - 1 && qualifying.length > 0) {
      const oldestReport = qualifying.map((incident) => incident.reportedOn).sort()[0]!;
      const closes = addMonths(oldestReport, APPLICATION_WITHIN_MONTHS);
      const rule = `${plural(required, 'qualifying complaint')} within six months`;
      misses.push({
        threshold: 'CASE_REVIEW',
        rule,
        counted: qualifying.length,
        needed: required,
        windowClosesOn: closes,
        explanation: `One more qualifying complaint by ${formatLongDate(closes)} would meet the ASB case review threshold (${rule}).`,
      });
    }
  }

  if (input.subjectType === 'VICTIM') {
    // Already a repeat victim under one rule: warning of another would tell the chair nothing new.
    if (findRepeatVictimisation(input.incidents, today, referral.repeatVictimRules) === null) {
      for (const rule of referral.repeatVictimRules) {
        const short = CATEGORIES.map((category) =>
          oneShortOf(
            rule,
            input.incidents.filter((i) => i.category === category),
            today,
          ),
        ).find((found) => found !== null);
        if (!short) continue;
        const words = ruleWords(rule, 'similar incident');
        misses.push({
          threshold: 'REPEAT_VICTIM',
          rule: words,
          counted: short.counted,
          needed: rule.atLeast,
          windowClosesOn: short.closes,
          explanation: `One more similar incident by ${formatLongDate(short.closes)} would make a repeat victim (${words}).`,
        });
        break;
      }
    }
  }

  const escalation = oneShortOf(referral.escalation, input.incidents, today);
  if (escalation) {
    const words = ruleWords(referral.escalation, 'incident');
    misses.push({
      threshold: 'ESCALATION',
      rule: words,
      counted: escalation.counted,
      needed: referral.escalation.atLeast,
      windowClosesOn: escalation.closes,
      explanation: `One more incident by ${formatLongDate(escalation.closes)} would meet the rule for potential escalation (${words}).`,
    });
  }
  return ok(misses);
}
