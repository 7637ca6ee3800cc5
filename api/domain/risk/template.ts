// A partnership's risk assessment matrix: versioned, because a stored assessment must always be
// readable against the exact questions and weights it was scored with.

import type { DomainError } from '../result';

export type SubjectType = 'VICTIM' | 'PERPETRATOR' | 'LOCATION';

/** Personal, situational and incidental vulnerability (UPSI/Cardiff 2013), plus harm and impact. */
export type RiskSection = 'PERSONAL' | 'SITUATIONAL' | 'INCIDENTAL' | 'HARM_AND_IMPACT';
export const RISK_SECTIONS: readonly RiskSection[] = ['PERSONAL', 'SITUATIONAL', 'INCIDENTAL', 'HARM_AND_IMPACT'];

export type RiskBand = 'LOW' | 'MEDIUM' | 'HIGH';
export const RISK_BANDS: readonly RiskBand[] = ['LOW', 'MEDIUM', 'HIGH'];

export interface AnswerOption {
  id: string;
  label: string;
  weight: number;
}

export interface RiskQuestion {
  id: string;
  section: RiskSection;
  /** A few words used when explaining a score, e.g. "threats or violence". */
  topic: string;
  wording: string;
  helpText: string;
  required: boolean;
  options: readonly AnswerOption[];
}

/** Inclusive whole-number score range, e.g. { band: 'HIGH', from: 32, to: 60 }. */
export interface BandRange {
  band: RiskBand;
  from: number;
  to: number;
}

export interface RiskTemplate {
  id: string;
  name: string;
  version: number;
  subjectType: SubjectType;
  questions: readonly RiskQuestion[];
  /** LOW, MEDIUM and HIGH in that order, contiguous, from 0 to the maximum score. */
  bands: readonly BandRange[];
  /** A score at or above this meets the "visible high risk" referral criterion. */
  referralThreshold: number;
}

/** Every option weight is zero or more, so a template's scores run from 0 to the sum of the largest weights. */
export function maximumScore(template: RiskTemplate): number {
  return template.questions.reduce((total, question) => total + Math.max(0, ...question.options.map((o) => o.weight)), 0);
}

export function bandForScore(template: RiskTemplate, score: number): RiskBand {
  const range = template.bands.find((b) => score >= b.from && score <= b.to);
  // A well-formed template covers every reachable score; clamp rather than guess for safety.
  if (range) return range.band;
  return score <= 0 ? 'LOW' : 'HIGH';
}

const isWholeNumber = (n: number): boolean => Number.isInteger(n);

/** Returns the problems in plain words; an empty list means the template is fit to use. */
export function checkTemplate(template: RiskTemplate): DomainError[] {
  const problems: DomainError[] = [];
  const problem = (code: string, message: string, field: string): void => {
    problems.push({ code, message, field });
  };

  if (template.id.trim() === '') problem('TEMPLATE_ID_MISSING', 'The template needs an id.', 'id');
  if (template.name.trim() === '') problem('TEMPLATE_NAME_MISSING', 'The template needs a name.', 'name');
  if (!isWholeNumber(template.version) || template.version < 1) {
    problem('TEMPLATE_VERSION_INVALID', 'The version must be a whole number of 1 or more.', 'version');
  }
  if (template.questions.length === 0) problem('TEMPLATE_HAS_NO_QUESTIONS', 'The template has no questions.', 'questions');

  const questionIds = new Set<string>();
  for (const question of template.questions) {
    const field = `questions.${question.id}`;
    if (question.id.trim() === '') problem('QUESTION_ID_MISSING', `A question ("${question.wording}") has no id.`, 'questions');
    if (questionIds.has(question.id)) problem('QUESTION_ID_DUPLICATED', `Two questions share the id "${question.id}".`, field);
    questionIds.add(question.id);
    if (!RISK_SECTIONS.includes(question.section)) {
      problem('QUESTION_SECTION_UNKNOWN', `Question "${question.id}" is in an unknown section "${question.section}".`, field);
    }
    if (question.wording.trim() === '') problem('QUESTION_WORDING_MISSING', `Question "${question.id}" has no wording.`, field);
    if (question.options.length < 2) {
      problem('QUESTION_NEEDS_OPTIONS', `Question "${question.id}" needs at least two answers to choose from.`, field);
    }
    const optionIds = new Set<string>();
    for (const option of question.options) {
      if (optionIds.has(option.id)) {
        problem('OPTION_ID_DUPLICATED', `Question "${question.id}" has two answers with the id "${option.id}".`, field);
      }
      optionIds.add(option.id);
      if (option.label.trim() === '')
        problem('OPTION_LABEL_MISSING', `Answer "${option.id}" of question "${question.id}" has no label.`, field);
      if (!isWholeNumber(option.weight) || option.weight < 0) {
        problem(
          'OPTION_WEIGHT_INVALID',
          `Answer "${option.label}" of question "${question.id}" must weigh a whole number of 0 or more.`,
          field,
        );
      }
    }
  }

  checkBands(template, problem);
  return problems;
}

/**
 * What stops an edited template being published: every problem checkTemplate finds, then any band no
 * set of answers can reach. A stored version with an unreachable band still scores correctly, so only
 * publishing asks this, and versions already in use keep working.
 */
export function publishingProblems(template: RiskTemplate): DomainError[] {
  const problems = checkTemplate(template);
  if (problems.length === 0) checkBandsReachable(template, (code, message, field) => problems.push({ code, message, field }));
  return problems;
}

/**
 * Every total an assessment can actually add up to: one answer per question, or none (0) for a
 * question that may be left unanswered. Weights are small whole numbers, so this stays a short list.
 */
export function reachableScores(template: RiskTemplate): Set<number> {
  let totals = new Set([0]);
  for (const question of template.questions) {
    const weights = new Set(question.options.map((o) => o.weight));
    if (!question.required) weights.add(0);
    const next = new Set<number>();
    for (const total of totals) for (const weight of weights) next.add(total + weight);
    totals = next;
  }
  return totals;
}

// A band no set of answers can land in would never be given, however worrying the case: an editor
// who adds or removes questions must see that before publishing, not find it in a panel.
function checkBandsReachable(template: RiskTemplate, problem: (code: string, message: string, field: string) => void): void {
  const scores = [...reachableScores(template)];
  for (const range of template.bands) {
    if (!scores.some((score) => score >= range.from && score <= range.to)) {
      problem(
        'BAND_UNREACHABLE',
        `No set of answers scores from ${range.from} to ${range.to}, so the ${range.band.toLowerCase()} band could never be given.`,
        'bands',
      );
    }
  }
}

/**
 * A new question's id, made from its wording ("Is the victim afraid to go out?" → "is-the-victim-afraid-to-go-out"),
 * kept short and made unique among the template's ids, so editors never type ids and answers stay tied to them.
 */
export function questionIdFor(wording: string, takenIds: Iterable<string>): string {
  const taken = new Set(takenIds);
  const words = wording
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let stem = '';
  for (const word of words) {
    if (stem === '') stem = word.slice(0, 40);
    else if (stem.length + word.length + 1 > 40) break;
    else stem = `${stem}-${word}`;
  }
  if (stem === '') stem = 'question';
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n += 1;
  return `${stem}-${n}`;
}

function checkBands(template: RiskTemplate, problem: (code: string, message: string, field: string) => void): void {
  const max = maximumScore(template);
  const order = template.bands.map((b) => b.band).join(',');
  if (order !== RISK_BANDS.join(',')) {
    problem('BANDS_NOT_LOW_MEDIUM_HIGH', 'The bands must be low, medium and high, once each and in that order.', 'bands');
    return;
  }
  const [low, , high] = template.bands;
  if (low && low.from !== 0) problem('BANDS_DO_NOT_START_AT_ZERO', `The low band must start at 0, not ${low.from}.`, 'bands');
  if (high && high.to !== max) {
    problem('BANDS_DO_NOT_REACH_MAXIMUM', `The high band must end at the maximum score ${max}, not ${high.to}.`, 'bands');
  }
  template.bands.forEach((range, index) => {
    const name = range.band.toLowerCase();
    if (!isWholeNumber(range.from) || !isWholeNumber(range.to) || range.from > range.to) {
      problem('BAND_RANGE_INVALID', `The ${name} band must run from a whole number up to a whole number no smaller.`, 'bands');
    }
    const previous = template.bands[index - 1];
    if (previous && range.from !== previous.to + 1) {
      problem(
        'BANDS_NOT_CONTIGUOUS',
        `The ${name} band must start at ${previous.to + 1}, straight after the ${previous.band.toLowerCase()} band ends, not at ${range.from}.`,
        'bands',
      );
    }
  });
  if (!isWholeNumber(template.referralThreshold) || template.referralThreshold < 1 || template.referralThreshold > max) {
    problem(
      'THRESHOLD_OUT_OF_RANGE',
      `The referral threshold must be a whole number from 1 to the maximum score ${max}, not ${template.referralThreshold}.`,
      'referralThreshold',
    );
  }
}
