// Scores a completed risk assessment against its template, and records professional judgement.

import { fail, ok, type DomainError, type Result } from '../result';
import {
  RISK_BANDS,
  RISK_SECTIONS,
  bandForScore,
  checkTemplate,
  maximumScore,
  type RiskBand,
  type RiskSection,
  type RiskTemplate,
  type SubjectType,
} from './template';

/** Question id → chosen option id. */
export type Answers = Readonly<Record<string, string>>;

/** What the assessor saw and chose, kept so the assessment reads the same after the template changes. */
export interface AnswerSnapshot {
  questionId: string;
  section: RiskSection;
  topic: string;
  wording: string;
  helpText: string;
  optionId: string;
  optionLabel: string;
  weight: number;
}

export interface ProfessionalJudgement {
  fromBand: RiskBand;
  toBand: RiskBand;
  reason: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface ScoredAssessment {
  templateId: string;
  templateVersion: number;
  subjectType: SubjectType;
  score: number;
  maximumScore: number;
  threshold: number;
  calculatedBand: RiskBand;
  /** The calculated band, or the higher band set by professional judgement. */
  finalBand: RiskBand;
  judgement: ProfessionalJudgement | null;
  sectionSubtotals: Record<RiskSection, number>;
  answers: AnswerSnapshot[];
  reasons: string[];
}

const CONTRIBUTIONS_SHOWN = 3;

/** Every problem with the answers, in template order, so a form can show them all at once. */
/** What a referrer reads when a required question is unanswered, in the API and in the tab alike. */
export const answerMissingMessage = (wording: string): string => `Please answer "${wording}"`;

export function checkAnswers(template: RiskTemplate, answers: Answers): DomainError[] {
  const problems: DomainError[] = [];
  const known = new Set(template.questions.map((q) => q.id));
  for (const questionId of Object.keys(answers)) {
    if (!known.has(questionId)) {
      problems.push({
        code: 'ANSWER_TO_UNKNOWN_QUESTION',
        message: `"${questionId}" is not a question in ${template.name} version ${template.version}.`,
        field: questionId,
      });
    }
  }
  for (const question of template.questions) {
    const optionId = answers[question.id];
    if (optionId === undefined) {
      if (question.required) {
        problems.push({ code: 'ANSWER_MISSING', message: answerMissingMessage(question.wording), field: question.id });
      }
    } else if (!question.options.some((o) => o.id === optionId)) {
      problems.push({
        code: 'ANSWER_OPTION_UNKNOWN',
        message: `"${optionId}" is not one of the answers to "${question.wording}"`,
        field: question.id,
      });
    }
  }
  return problems;
}

export function scoreAssessment(template: RiskTemplate, answers: Answers): Result<ScoredAssessment> {
  const templateProblem = checkTemplate(template)[0];
  if (templateProblem) {
    return fail(
      'TEMPLATE_INVALID',
      `The risk template "${template.name}" cannot be used: ${templateProblem.message}`,
      templateProblem.field,
    );
  }
  const answerProblem = checkAnswers(template, answers)[0];
  if (answerProblem) return { ok: false, error: answerProblem };

  const snapshot: AnswerSnapshot[] = [];
  for (const question of template.questions) {
    const option = question.options.find((o) => o.id === answers[question.id]);
    if (!option) continue;
    snapshot.push({
      questionId: question.id,
      section: question.section,
      topic: question.topic,
      wording: question.wording,
      helpText: question.helpText,
      optionId: option.id,
      optionLabel: option.label,
      weight: option.weight,
    });
  }

  const sectionSubtotals = Object.fromEntries(RISK_SECTIONS.map((s) => [s, 0])) as Record<RiskSection, number>;
  for (const answer of snapshot) sectionSubtotals[answer.section] += answer.weight;
  const score = snapshot.reduce((total, a) => total + a.weight, 0);
  const max = maximumScore(template);
  const band = bandForScore(template, score);

  return ok({
    templateId: template.id,
    templateVersion: template.version,
    subjectType: template.subjectType,
    score,
    maximumScore: max,
    threshold: template.referralThreshold,
    calculatedBand: band,
    finalBand: band,
    judgement: null,
    sectionSubtotals,
    answers: snapshot,
    reasons: explainScore(score, max, band, template.referralThreshold, snapshot),
  });
}

function explainScore(score: number, max: number, band: RiskBand, threshold: number, answers: AnswerSnapshot[]): string[] {
  const reasons = [`Scored ${score} of ${max}: ${band.toLowerCase()} (threshold ${threshold}).`];
  // Stable sort keeps template order among equal weights, so the explanation never flickers.
  const largest = answers
    .filter((a) => a.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, CONTRIBUTIONS_SHOWN);
  if (largest.length > 0) {
    reasons.push(`Largest contributions: ${largest.map((a) => `${a.topic} (${a.weight}, "${a.optionLabel}")`).join('; ')}.`);
  }
  return reasons;
}

export interface JudgementRequest {
  band: RiskBand;
  reason: string;
  recordedBy: string;
  recordedAt: Date;
}

/**
 * Professional judgement may raise the band, never lower it (docs/domain.md §3): a lower or equal
 * band is refused rather than silently ignored.
 */
export function applyProfessionalJudgement(assessment: ScoredAssessment, request: JudgementRequest): Result<ScoredAssessment> {
  const reason = request.reason.trim();
  if (reason === '') {
    return fail('JUDGEMENT_REASON_MISSING', 'Say why your professional judgement puts the risk higher than the score.', 'reason');
  }
  if (request.recordedBy.trim() === '') {
    return fail('JUDGEMENT_RECORDER_MISSING', 'Professional judgement must record who made it.', 'recordedBy');
  }
  const from = RISK_BANDS.indexOf(assessment.finalBand);
  const to = RISK_BANDS.indexOf(request.band);
  if (to < from) {
    return fail(
      'JUDGEMENT_CANNOT_LOWER_RISK',
      `Professional judgement can raise the risk but never lower it: the assessment is ${assessment.finalBand.toLowerCase()}, so it cannot be set to ${request.band.toLowerCase()}.`,
      'band',
    );
  }
  if (to === from) {
    return fail(
      'JUDGEMENT_DOES_NOT_RAISE',
      `The assessment is already ${assessment.finalBand.toLowerCase()}; professional judgement can only raise it.`,
      'band',
    );
  }
  const judgement: ProfessionalJudgement = {
    fromBand: assessment.finalBand,
    toBand: request.band,
    reason,
    recordedBy: request.recordedBy,
    recordedAt: request.recordedAt,
  };
  return ok({
    ...assessment,
    finalBand: request.band,
    judgement,
    reasons: [
      ...assessment.reasons,
      `Raised from ${judgement.fromBand.toLowerCase()} to ${judgement.toBand.toLowerCase()} on professional judgement: ${reason}`,
    ],
  });
}
