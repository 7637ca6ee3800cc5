// Referral triage: what a chair checks before deciding (is the referral complete enough to hear?)
// and which decisions are well-formed. Pure: the facts are loaded by api/services/referrals/triage.ts.
import { isCalendarDate, type CalendarDate } from '../agenda/calendar-date';
import { fail, ok, type Result } from '../result';
import type { SubjectType } from '../risk/template';

export interface TriageFacts {
  subjectType: SubjectType;
  /** A person (victim or perpetrator) or a place is linked to the referral. */
  hasSubject: boolean;
  /** The referrer said what is happening and why they refer. */
  concerns: string | null;
  /** Risk assessments scored with the referral; the latest counts. */
  assessments: number;
  /** The latest assessment's answers, by question id. */
  answeredQuestions: number;
  /** A case was opened or linked on submission. */
  hasCase: boolean;
  /**
   * A consent or information-sharing basis is recorded for the person referred. Places have no
   * personal data of their own, so it is not asked for a location referral.
   */
  hasSharingBasis: boolean;
}

export type MissingItem = 'SUBJECT' | 'CONCERNS' | 'RISK_ASSESSMENT' | 'ASSESSMENT_ANSWERS' | 'CASE' | 'SHARING_BASIS';

export interface CompletenessGap {
  item: MissingItem;
  /** What is missing, in words the chair can read out or put to the referrer. */
  message: string;
}

/** Everything missing from the referral for a panel to hear it; empty when it is complete. */
export function checkCompleteness(facts: TriageFacts): CompletenessGap[] {
  const gaps: CompletenessGap[] = [];
  if (!facts.hasSubject) {
    gaps.push({
      item: 'SUBJECT',
      message: facts.subjectType === 'LOCATION' ? 'No place is named.' : 'No person is named (victim or perpetrator).',
    });
  }
  if (!facts.concerns?.trim()) gaps.push({ item: 'CONCERNS', message: 'The referrer has not said what is happening or why they refer.' });
  if (facts.assessments === 0) gaps.push({ item: 'RISK_ASSESSMENT', message: 'No risk assessment was scored with the referral.' });
  else if (facts.answeredQuestions === 0)
    gaps.push({ item: 'ASSESSMENT_ANSWERS', message: 'The risk assessment has no answers recorded.' });
  if (!facts.hasCase) gaps.push({ item: 'CASE', message: 'No case was opened or linked for the subject.' });
  if (facts.subjectType !== 'LOCATION' && !facts.hasSharingBasis) {
    gaps.push({
      item: 'SHARING_BASIS',
      message: 'No consent or information-sharing basis is recorded for the person referred.',
    });
  }
  return gaps;
}

export type TriageDecision =
  | { decision: 'ACCEPT' }
  | { decision: 'DECLINE'; reason: string }
  | { decision: 'REDIRECT'; to: 'PANEL'; panelId: string; reason: string }
  | { decision: 'REDIRECT'; to: 'LEAD_AGENCY_CASEWORK'; reviewDate: CalendarDate; reason: string };

export interface DecisionContext {
  /** The panel the referral is sent to now. */
  currentPanelId: string | null;
  /** Active panels of the partnership a referral may be redirected to. */
  activePanelIds: readonly string[];
  today: CalendarDate;
}

/**
 * Whether a decision can be recorded as given: declining and redirecting need a reason (the referrer
 * reads it), a redirect to a panel names another active panel of the partnership, and a redirect to
 * casework a review date after today.
 */
export function checkDecision(decision: TriageDecision, context: DecisionContext): Result<TriageDecision> {
  if (decision.decision === 'ACCEPT') return ok(decision);
  const reason = decision.reason.trim();
  if (reason === '') {
    return fail(
      'REASON_REQUIRED',
      decision.decision === 'DECLINE'
        ? 'Say why the panel will not hear this referral; the referrer will read it.'
        : 'Say why the referral goes elsewhere; the referrer will read it.',
      'reason',
    );
  }
  if (decision.decision === 'DECLINE') return ok({ ...decision, reason });
  if (decision.to === 'PANEL') {
    if (decision.panelId === context.currentPanelId)
      return fail('SAME_PANEL', 'Choose a different panel: the referral is already sent to this one.', 'panelId');
    if (!context.activePanelIds.includes(decision.panelId))
      return fail('UNKNOWN_PANEL', 'Choose an active panel of the partnership.', 'panelId');
    return ok({ ...decision, reason });
  }
  if (!isCalendarDate(decision.reviewDate)) return fail('BAD_DATE', 'Give a real date as YYYY-MM-DD.', 'reviewDate');
  if (decision.reviewDate <= context.today)
    return fail('REVIEW_NOT_AHEAD', 'Choose a review date after today for the lead agency to look at the case again.', 'reviewDate');
  return ok({ ...decision, reason });
}
