import { DEFAULT_TEMPLATES, DEFAULT_VICTIM_TEMPLATE } from '../../api/domain/risk/default-templates';
import {
  bandForScore,
  checkTemplate,
  maximumScore,
  publishingProblems,
  questionIdFor,
  reachableScores,
  type RiskTemplate,
} from '../../api/domain/risk/template';

const small: RiskTemplate = {
  id: 't',
  name: 'Small matrix',
  version: 1,
  subjectType: 'VICTIM',
  referralThreshold: 6,
  bands: [
    { band: 'LOW', from: 0, to: 2 },
    { band: 'MEDIUM', from: 3, to: 5 },
    { band: 'HIGH', from: 6, to: 8 },
  ],
  questions: [
    {
      id: 'q1',
      section: 'PERSONAL',
      topic: 'health',
      wording: 'Health?',
      helpText: '',
      required: true,
      options: [
        { id: 'no', label: 'No', weight: 0 },
        { id: 'yes', label: 'Yes', weight: 4 },
      ],
    },
    {
      id: 'q2',
      section: 'HARM_AND_IMPACT',
      topic: 'fear',
      wording: 'Fear?',
      helpText: '',
      required: true,
      options: [
        { id: 'no', label: 'No', weight: 0 },
        { id: 'yes', label: 'Yes', weight: 4 },
      ],
    },
  ],
};

describe('default risk templates', () => {
  it.each(DEFAULT_TEMPLATES.map((t) => [t.name, t] as const))('%s is well formed', (_name, template) => {
    expect(checkTemplate(template)).toEqual([]);
  });

  it('the default victim template scores out of 60 and treats above 31 as high, as Islington does', () => {
    expect(maximumScore(DEFAULT_VICTIM_TEMPLATE)).toBe(60);
    expect(DEFAULT_VICTIM_TEMPLATE.referralThreshold).toBe(32);
    expect(bandForScore(DEFAULT_VICTIM_TEMPLATE, 31)).toBe('MEDIUM');
    expect(bandForScore(DEFAULT_VICTIM_TEMPLATE, 32)).toBe('HIGH');
  });
});

describe('checking a template is well formed', () => {
  const cases: Array<[string, Partial<RiskTemplate>, string]> = [
    ['two questions share an id', { questions: [small.questions[0]!, { ...small.questions[1]!, id: 'q1' }] }, 'QUESTION_ID_DUPLICATED'],
    [
      'a question repeats an answer id',
      {
        questions: [
          {
            ...small.questions[0]!,
            options: [
              { id: 'a', label: 'A', weight: 0 },
              { id: 'a', label: 'B', weight: 4 },
            ],
          },
          small.questions[1]!,
        ],
      },
      'OPTION_ID_DUPLICATED',
    ],
    [
      'a question has only one answer',
      { questions: [{ ...small.questions[0]!, options: [{ id: 'a', label: 'A', weight: 8 }] }, small.questions[1]!] },
      'QUESTION_NEEDS_OPTIONS',
    ],
    [
      'an answer weighs less than nothing',
      {
        questions: [
          {
            ...small.questions[0]!,
            options: [
              { id: 'a', label: 'A', weight: -1 },
              { id: 'b', label: 'B', weight: 4 },
            ],
          },
          small.questions[1]!,
        ],
      },
      'OPTION_WEIGHT_INVALID',
    ],
    [
      'the bands leave a gap',
      {
        bands: [
          { band: 'LOW', from: 0, to: 2 },
          { band: 'MEDIUM', from: 4, to: 5 },
          { band: 'HIGH', from: 6, to: 8 },
        ],
      },
      'BANDS_NOT_CONTIGUOUS',
    ],
    [
      'the bands overlap',
      {
        bands: [
          { band: 'LOW', from: 0, to: 3 },
          { band: 'MEDIUM', from: 3, to: 5 },
          { band: 'HIGH', from: 6, to: 8 },
        ],
      },
      'BANDS_NOT_CONTIGUOUS',
    ],
    [
      'the high band stops short of the maximum',
      {
        bands: [
          { band: 'LOW', from: 0, to: 2 },
          { band: 'MEDIUM', from: 3, to: 5 },
          { band: 'HIGH', from: 6, to: 7 },
        ],
      },
      'BANDS_DO_NOT_REACH_MAXIMUM',
    ],
    [
      'the low band does not start at zero',
      {
        bands: [
          { band: 'LOW', from: 1, to: 2 },
          { band: 'MEDIUM', from: 3, to: 5 },
          { band: 'HIGH', from: 6, to: 8 },
        ],
      },
      'BANDS_DO_NOT_START_AT_ZERO',
    ],
    [
      'the bands are out of order',
      {
        bands: [
          { band: 'MEDIUM', from: 0, to: 2 },
          { band: 'LOW', from: 3, to: 5 },
          { band: 'HIGH', from: 6, to: 8 },
        ],
      },
      'BANDS_NOT_LOW_MEDIUM_HIGH',
    ],
    ['the threshold is above the maximum score', { referralThreshold: 9 }, 'THRESHOLD_OUT_OF_RANGE'],
    ['the threshold is zero', { referralThreshold: 0 }, 'THRESHOLD_OUT_OF_RANGE'],
    [
      'no set of answers lands in the medium band (answers score 0 or 4 each)',
      {
        bands: [
          { band: 'LOW', from: 0, to: 1 },
          { band: 'MEDIUM', from: 2, to: 3 },
          { band: 'HIGH', from: 4, to: 8 },
        ],
        referralThreshold: 4,
      },
      'BAND_UNREACHABLE',
    ],
    ['the last question is removed', { questions: [] }, 'TEMPLATE_HAS_NO_QUESTIONS'],
    ['the version is not a whole number', { version: 1.5 }, 'TEMPLATE_VERSION_INVALID'],
  ];

  it('accepts a small well-formed matrix', () => {
    expect(checkTemplate(small)).toEqual([]);
    expect(publishingProblems(small)).toEqual([]);
  });

  it('still scores with a stored version whose band no answers reach, but will not publish one', () => {
    const unreachable: RiskTemplate = {
      ...small,
      referralThreshold: 4,
      bands: [
        { band: 'LOW', from: 0, to: 1 },
        { band: 'MEDIUM', from: 2, to: 3 },
        { band: 'HIGH', from: 4, to: 8 },
      ],
    };
    expect(checkTemplate(unreachable)).toEqual([]);
    expect(publishingProblems(unreachable).map((p) => p.code)).toEqual(['BAND_UNREACHABLE']);
  });

  it.each(cases)('reports a problem when %s', (_case, change, code) => {
    const problems = publishingProblems({ ...small, ...change });
    expect(problems.map((p) => p.code)).toContain(code);
    for (const problem of problems) expect(problem.message).toMatch(/^[A-Z"]/);
  });
});

describe('adding and removing questions', () => {
  it('adds up every total the answers can make, counting an optional question left unanswered as 0', () => {
    expect([...reachableScores(small)].sort((a, b) => a - b)).toEqual([0, 4, 8]);
    const optional = {
      ...small.questions[1]!,
      id: 'q3',
      required: false,
      options: [
        { id: 'a', label: 'A', weight: 1 },
        { id: 'b', label: 'B', weight: 2 },
      ],
    };
    expect([...reachableScores({ ...small, questions: [...small.questions, optional] })].sort((a, b) => a - b)).toEqual([
      0, 1, 2, 4, 5, 6, 8, 9, 10,
    ]);
  });

  it.each([
    ['Is the victim afraid to go out?', [], 'is-the-victim-afraid-to-go-out'],
    ['Is the victim afraid to go out?', ['is-the-victim-afraid-to-go-out'], 'is-the-victim-afraid-to-go-out-2'],
    [
      'Is the victim afraid to go out?',
      ['is-the-victim-afraid-to-go-out', 'is-the-victim-afraid-to-go-out-2'],
      'is-the-victim-afraid-to-go-out-3',
    ],
    [
      'Has the household been targeted because of race, religion, disability, sexuality or gender identity?',
      [],
      'has-the-household-been-targeted-because',
    ],
    ['¿Qué?', [], 'que'],
    ['!!!', [], 'question'],
  ])('makes the id of "%s" (ids taken: %j) "%s"', (wording, taken, id) => {
    expect(questionIdFor(wording, taken)).toBe(id);
  });
});
