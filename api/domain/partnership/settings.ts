// The local rules a partnership sets for itself (issue 17): each has a shipped default and bounds the
// domain enforces, so a setting cannot stop referrals, reviews or reminders from working.
import { CONFIDENTIALITY_STATEMENT } from '../agenda/confidentiality';
import { checkCaseReviewPolicy, DEFAULT_CASE_REVIEW_POLICY, type CaseReviewPolicy } from '../referrals/community-trigger';
import { DEFAULT_REFERRAL_POLICY, type IncidentCountRule } from '../referrals/criteria';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '../referrals/routing';
import { checkReminderPolicy, type ReminderPolicy } from '../reminders/policy';
import type { DomainError } from '../result';

export interface PartnershipSettings {
  /** Potential escalation: at least N incidents within D days. */
  escalation: IncidentCountRule;
  /** Any one of these makes a repeat victim. */
  repeatVictimRules: readonly IncidentCountRule[];
  repeatReferralWithinDays: number;
  review: ReviewPolicy;
  caseReview: CaseReviewPolicy;
  confidentialityStatement: string;
  reminders: ReminderPolicy;
  chaseCooldownHours: number;
}

/** Inclusive bounds, in the units each setting is stated in. */
export const SETTING_BOUNDS = {
  /** Up to three years: longer windows would sweep in incidents no panel would call recent. */
  windowDays: { min: 1, max: 1095 },
  incidents: { min: 1, max: 50 },
  repeatVictimRules: { min: 1, max: 5 },
  reviewDays: { min: 1, max: 365 },
  caseReviewDays: { min: 1, max: 90 },
  chaseCooldownHours: { min: 0, max: 168 },
  confidentialityStatement: { min: 40, max: 2000 },
} as const;

/** The shipped rules; the reminder policy comes from the deployment's own defaults. */
export function defaultPartnershipSettings(reminders: ReminderPolicy): PartnershipSettings {
  return {
    escalation: DEFAULT_REFERRAL_POLICY.escalation,
    repeatVictimRules: DEFAULT_REFERRAL_POLICY.repeatVictimRules,
    repeatReferralWithinDays: DEFAULT_REFERRAL_POLICY.repeatReferralWithinDays,
    review: DEFAULT_REVIEW_POLICY,
    caseReview: DEFAULT_CASE_REVIEW_POLICY,
    confidentialityStatement: CONFIDENTIALITY_STATEMENT,
    reminders,
    chaseCooldownHours: 24,
  };
}

type Bound = { min: number; max: number };

const within = (n: number, bound: Bound): boolean => Number.isInteger(n) && n >= bound.min && n <= bound.max;

/** Every problem with the settings in plain words, each naming its field; an empty list means they can be saved. */
export function checkPartnershipSettings(settings: PartnershipSettings): DomainError[] {
  const problems: DomainError[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ code: 'SETTING_OUT_OF_BOUNDS', message, field });
  };
  const days = SETTING_BOUNDS.windowDays;
  const incidents = SETTING_BOUNDS.incidents;
  const rule = (field: string, words: string, r: IncidentCountRule): void => {
    if (!within(r.atLeast, incidents)) problem(`${field}.atLeast`, `${words} must count ${incidents.min} to ${incidents.max} incidents.`);
    if (!within(r.withinDays, days)) problem(`${field}.withinDays`, `${words} must look back ${days.min} to ${days.max} days.`);
  };
  rule('escalation', 'Potential escalation', settings.escalation);
  const rules = SETTING_BOUNDS.repeatVictimRules;
  if (settings.repeatVictimRules.length < rules.min || settings.repeatVictimRules.length > rules.max) {
    problem('repeatVictimRules', `Give ${rules.min} to ${rules.max} repeat-victim rules.`);
  }
  settings.repeatVictimRules.forEach((r, i) => rule(`repeatVictimRules.${i}`, `Repeat-victim rule ${i + 1}`, r));
  if (!within(settings.repeatReferralWithinDays, days)) {
    problem('repeatReferralWithinDays', `The repeat referral window must be ${days.min} to ${days.max} days.`);
  }

  const review = SETTING_BOUNDS.reviewDays;
  if (!within(settings.review.highRiskReviewDays, review)) {
    problem('review.highRiskReviewDays', `High-risk cases must be reviewed every ${review.min} to ${review.max} days.`);
  }
  if (!within(settings.review.mediumRiskReviewDays, review)) {
    problem('review.mediumRiskReviewDays', `Medium-risk cases must be reviewed every ${review.min} to ${review.max} days.`);
  } else if (
    within(settings.review.highRiskReviewDays, review) &&
    settings.review.mediumRiskReviewDays < settings.review.highRiskReviewDays
  ) {
    problem('review.mediumRiskReviewDays', 'Medium-risk cases cannot be reviewed more often than high-risk ones.');
  }

  const caseReview = checkCaseReviewPolicy(settings.caseReview);
  if (!caseReview.ok) problems.push({ ...caseReview.error, field: `caseReview.${caseReview.error.field ?? 'qualifyingComplaints'}` });
  const timescale = SETTING_BOUNDS.caseReviewDays;
  const timescales: Array<[keyof CaseReviewPolicy, string]> = [
    ['acknowledgeWithinWorkingDays', 'An application must be acknowledged within'],
    ['decideThresholdWithinWorkingDays', 'The threshold decision must come within'],
    ['holdReviewWithinDays', 'The review must be held within'],
  ];
  for (const [field, words] of timescales) {
    if (!within(settings.caseReview[field], timescale)) {
      problem(`caseReview.${field}`, `${words} ${timescale.min} to ${timescale.max} days.`);
    }
  }

  const statement = settings.confidentialityStatement.trim();
  const length = SETTING_BOUNDS.confidentialityStatement;
  if (statement.length < length.min || statement.length > length.max) {
    problem('confidentialityStatement', `The confidentiality statement must be ${length.min} to ${length.max} characters long.`);
  }

  const reminders = checkReminderPolicy(settings.reminders);
  if (!reminders.ok) problems.push({ ...reminders.error, field: `reminders.${reminders.error.field ?? 'daysBeforeDue'}` });

  const chase = SETTING_BOUNDS.chaseCooldownHours;
  if (!within(settings.chaseCooldownHours, chase)) {
    problem('chaseCooldownHours', `The wait between chases must be ${chase.min} to ${chase.max} hours.`);
  }
  return dedupeByField(problems);
}

/** The domain's own checks and the bounds can say the same thing about one field: keep the first. */
function dedupeByField(problems: DomainError[]): DomainError[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = p.field ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
