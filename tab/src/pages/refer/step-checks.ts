// What stops the referrer going on from a step: the same rules, in the same words, as the API applies on
// submit (api/domain/referrals/referral-form.ts), checked before *Next* so each step is right as it is left.
import { concernsProblems, subjectProblems, type FormProblem } from '../../../../api/domain/referrals/referral-form';
import { consentProblems } from '../../../../api/domain/referrals/sharing-consent';
import { answerMissingMessage } from '../../../../api/domain/risk/scoring';
import { missingPartMessage, partsOf } from './DateOfBirthInput';
import type { ReferralDraft, RiskQuestion, SubjectType } from './referral-types';

export interface StepCheckInput {
  subjectType: SubjectType | null;
  draft: ReferralDraft;
  /** The questions of the step being left, when it is a group of risk questions. */
  questions: RiskQuestion[];
  /** Whether existing records were found that the referrer must choose between. */
  mustChooseMatch: boolean;
  /** Whether known addresses were found for the person's home that the referrer must choose between. */
  mustChooseHome?: boolean;
  today: string;
}

export function problemsOfSubjectStep({ subjectType, draft, mustChooseMatch, mustChooseHome, today }: StepCheckInput): FormProblem[] {
  if (!subjectType) return [{ field: 'subjectType', message: 'Choose who or what you are referring.' }];
  const matched = Boolean(subjectType === 'LOCATION' ? draft.match?.locationId : draft.match?.personId);
  const parts = draft.dateOfBirthParts ?? partsOf(draft.subject?.dateOfBirth);
  const partMissing = subjectType === 'LOCATION' ? null : missingPartMessage(parts, 'Date of birth');
  const typedButNoDate = !partMissing && !draft.subject?.dateOfBirth && [parts.day, parts.month, parts.year].some((p) => p.trim() !== '');
  const problems = subjectProblems(subjectType, draft.subject ?? {}, matched, today);
  if (partMissing) problems.push({ field: 'subject.dateOfBirth', message: partMissing });
  else if (typedButNoDate) problems.push({ field: 'subject.dateOfBirth', message: 'Date of birth must be a real date.' });
  if (mustChooseMatch && !draft.match) problems.push({ field: 'match', message: 'Choose the matching record, or say it is a new one.' });
  if (mustChooseHome && !draft.homeMatch)
    problems.push({ field: 'homeMatch', message: 'Choose the matching address, or say it is a new one.' });
  return problems;
}

export function problemsOfQuestionsStep({ draft, questions }: StepCheckInput): FormProblem[] {
  const answers = draft.answers ?? {};
  return questions
    .filter((question) => question.required && answers[question.id] === undefined)
    .map((question) => ({ field: `answers.${question.id}`, message: answerMissingMessage(question.wording) }));
}

export function problemsOfConcernsStep({ draft }: StepCheckInput): FormProblem[] {
  return concernsProblems(draft.concerns, draft.judgement);
}

export function problemsOfConsentStep({ draft }: StepCheckInput): FormProblem[] {
  return consentProblems(draft.consent, 'consent');
}
