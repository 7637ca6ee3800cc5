import { DEFAULT_LOCATION_TEMPLATE, DEFAULT_VICTIM_TEMPLATE } from '../../api/domain/risk/default-templates';
import {
  applyProfessionalJudgement,
  checkAnswers,
  scoreAssessment,
  type Answers,
  type ScoredAssessment,
} from '../../api/domain/risk/scoring';
import type { RiskBand } from '../../api/domain/risk/template';

const allAnswered = (optionId: string, overrides: Record<string, string> = {}): Answers => ({
  ...Object.fromEntries(DEFAULT_VICTIM_TEMPLATE.questions.map((q) => [q.id, optionId])),
  ...overrides,
});

// A disabled victim targeted at home by a neighbour, threatened, afraid and getting worse.
const clearlyHighRisk = allAnswered('some', {
  'v-health': 'serious',
  'v-targeted': 'serious',
  'v-at-home': 'serious',
  'v-perpetrator-near': 'serious',
  'v-threats': 'serious',
  'v-escalation': 'serious',
  'v-fear': 'serious',
  'v-support': 'none',
  'v-children': 'none',
});

// Noisy neighbours every week for a couple of months; annoying, not frightening.
const persistentNuisance = allAnswered('none', {
  'v-at-home': 'serious',
  'v-frequency': 'some',
  'v-duration': 'some',
  'v-wellbeing': 'some',
});

function scored(answers: Answers): ScoredAssessment {
  const result = scoreAssessment(DEFAULT_VICTIM_TEMPLATE, answers);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('scoring a victim risk assessment with the default template', () => {
  it.each<[string, Answers, number, RiskBand]>([
    ['a victim with no concerns at all', allAnswered('none'), 0, 'LOW'],
    ['a persistent nuisance that annoys but does not frighten', persistentNuisance, 10, 'LOW'],
    ['some concern on every question', allAnswered('some'), 30, 'MEDIUM'],
    ['a disabled victim targeted at home, threatened and afraid', clearlyHighRisk, 40, 'HIGH'],
    ['serious concern on every question', allAnswered('serious'), 60, 'HIGH'],
  ])('%s scores %i (%s)', (_case, answers, score, band) => {
    const result = scored(answers);
    expect(result.score).toBe(score);
    expect(result.calculatedBand).toBe(band);
    expect(result.finalBand).toBe(band);
  });

  it('explains the score, the band, the threshold and the largest contributions in plain words', () => {
    expect(scored(clearlyHighRisk).reasons).toEqual([
      'Scored 40 of 60: high (threshold 32).',
      'Largest contributions: illness, disability or mental health (4, "Yes, and the ASB is making it worse"); targeted for who they are (4, "Yes"); directed at their home (4, "At or aimed at the home").',
    ]);
  });

  it('adds up each section separately', () => {
    expect(scored(clearlyHighRisk).sectionSubtotals).toEqual({ PERSONAL: 6, SITUATIONAL: 14, INCIDENTAL: 12, HARM_AND_IMPACT: 8 });
  });

  it('snapshots each answer with the wording and label the assessor saw', () => {
    const threats = scored(clearlyHighRisk).answers.find((a) => a.questionId === 'v-threats');
    expect(threats).toEqual({
      questionId: 'v-threats',
      section: 'INCIDENTAL',
      topic: 'threats or violence',
      wording: 'Have there been threats or violence towards the victim or their household?',
      helpText: 'Include threats made online or through others.',
      optionId: 'serious',
      optionLabel: 'Violence, or threats of serious harm',
      weight: 4,
    });
    expect(scored(clearlyHighRisk).answers).toHaveLength(15);
  });

  it('records which template and version the score was made with', () => {
    expect(scored(clearlyHighRisk)).toMatchObject({
      templateId: 'default-victim',
      templateVersion: 1,
      subjectType: 'VICTIM',
      threshold: 32,
      maximumScore: 60,
    });
  });
});

describe('refusing answers that do not fit the template', () => {
  const { 'v-fear': _dropped, ...withoutFear } = allAnswered('none');

  it.each<[string, Answers, string, string]>([
    ['a required question is unanswered', withoutFear, 'ANSWER_MISSING', 'v-fear'],
    [
      'an answer is to a question the template does not have',
      allAnswered('none', { 'v-shoe-size': 'none' }),
      'ANSWER_TO_UNKNOWN_QUESTION',
      'v-shoe-size',
    ],
    [
      'an answer is not one of the question\u2019s options',
      allAnswered('none', { 'v-threats': 'maybe' }),
      'ANSWER_OPTION_UNKNOWN',
      'v-threats',
    ],
  ])('refuses to score when %s, naming the question', (_case, answers, code, field) => {
    const result = scoreAssessment(DEFAULT_VICTIM_TEMPLATE, answers);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code, field }) });
  });

  it('names the question in words a practitioner can act on', () => {
    const result = scoreAssessment(DEFAULT_VICTIM_TEMPLATE, withoutFear);
    expect(!result.ok && result.error.message).toBe('Please answer "Does the victim feel unsafe at home or afraid to go out?"');
  });

  it('lists every problem at once so a form can highlight them all', () => {
    const { 'v-health': _a, 'v-crisis': _b, ...twoMissing } = allAnswered('none');
    expect(checkAnswers(DEFAULT_VICTIM_TEMPLATE, twoMissing).map((p) => p.field)).toEqual(['v-health', 'v-crisis']);
  });

  it('refuses victim answers scored against the location template', () => {
    const result = scoreAssessment(DEFAULT_LOCATION_TEMPLATE, allAnswered('none'));
    expect(!result.ok && result.error.code).toBe('ANSWER_TO_UNKNOWN_QUESTION');
  });

  it('refuses to score with a template that is not well formed', () => {
    const result = scoreAssessment({ ...DEFAULT_VICTIM_TEMPLATE, referralThreshold: 61 }, allAnswered('none'));
    expect(!result.ok && result.error.code).toBe('TEMPLATE_INVALID');
  });
});

describe('professional judgement', () => {
  const at = new Date('2025-03-10T10:00:00Z');
  const medium = scored(allAnswered('some'));

  it('raises a medium score to high with the reason recorded', () => {
    const result = applyProfessionalJudgement(medium, {
      band: 'HIGH',
      reason: 'Perpetrator has a knife conviction',
      recordedBy: 'PC 1234 Patel',
      recordedAt: at,
    });
    expect(result.ok && result.value).toMatchObject({
      calculatedBand: 'MEDIUM',
      finalBand: 'HIGH',
      score: 30,
      judgement: {
        fromBand: 'MEDIUM',
        toBand: 'HIGH',
        reason: 'Perpetrator has a knife conviction',
        recordedBy: 'PC 1234 Patel',
        recordedAt: at,
      },
    });
    expect(result.ok && result.value.reasons.at(-1)).toBe(
      'Raised from medium to high on professional judgement: Perpetrator has a knife conviction',
    );
  });

  it.each<[string, ScoredAssessment, RiskBand, string, string]>([
    ['lowering a high score to medium', scored(clearlyHighRisk), 'MEDIUM', 'Victim says it has calmed down', 'JUDGEMENT_CANNOT_LOWER_RISK'],
    ['lowering a medium score to low', medium, 'LOW', 'Known to us, not worried', 'JUDGEMENT_CANNOT_LOWER_RISK'],
    ['"raising" to the band it already has', medium, 'MEDIUM', 'Agree with the score', 'JUDGEMENT_DOES_NOT_RAISE'],
    ['raising without a reason', medium, 'HIGH', '   ', 'JUDGEMENT_REASON_MISSING'],
  ])('refuses %s', (_case, assessment, band, reason, code) => {
    const result = applyProfessionalJudgement(assessment, { band, reason, recordedBy: 'DS Jones', recordedAt: at });
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('cannot be used to lower a band that judgement has already raised', () => {
    const raised = applyProfessionalJudgement(medium, {
      band: 'HIGH',
      reason: 'Escalating threats',
      recordedBy: 'DS Jones',
      recordedAt: at,
    });
    if (!raised.ok) throw new Error(raised.error.message);
    const lowered = applyProfessionalJudgement(raised.value, {
      band: 'MEDIUM',
      reason: 'Second thoughts',
      recordedBy: 'DS Jones',
      recordedAt: at,
    });
    expect(!lowered.ok && lowered.error.message).toBe(
      'Professional judgement can raise the risk but never lower it: the assessment is high, so it cannot be set to medium.',
    );
  });
});
