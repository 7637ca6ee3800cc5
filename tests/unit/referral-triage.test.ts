import {
  checkCompleteness,
  checkDecision,
  type MissingItem,
  type TriageDecision,
  type TriageFacts,
} from '../../api/domain/referrals/triage';

const complete: TriageFacts = {
  subjectType: 'VICTIM',
  hasSubject: true,
  concerns: 'Repeated intimidation on the stairwell.',
  assessments: 1,
  answeredQuestions: 12,
  hasCase: true,
  hasSharingBasis: true,
};

describe('the completeness check a chair sees before deciding', () => {
  it.each<[string, Partial<TriageFacts>, MissingItem[]]>([
    ['a complete victim referral misses nothing', {}, []],
    ['a victim referral with no consent or sharing basis names it', { hasSharingBasis: false }, ['SHARING_BASIS']],
    ['a place needs no sharing basis of its own', { subjectType: 'LOCATION', hasSharingBasis: false }, []],
    ['blank concerns count as none', { concerns: '   ' }, ['CONCERNS']],
    ['no assessment is named, not its answers', { assessments: 0, answeredQuestions: 0 }, ['RISK_ASSESSMENT']],
    ['an assessment with no answers is named', { answeredQuestions: 0 }, ['ASSESSMENT_ANSWERS']],
    [
      'everything missing is named at once, in the order a chair reads it',
      { hasSubject: false, concerns: null, assessments: 0, hasCase: false, hasSharingBasis: false },
      ['SUBJECT', 'CONCERNS', 'RISK_ASSESSMENT', 'CASE', 'SHARING_BASIS'],
    ],
  ])('%s', (_name, change, missing) => {
    expect(checkCompleteness({ ...complete, ...change }).map((gap) => gap.item)).toEqual(missing);
  });

  it('says which subject is missing in words for a place', () => {
    expect(checkCompleteness({ ...complete, subjectType: 'LOCATION', hasSubject: false })[0]?.message).toBe('No place is named.');
  });
});

describe('checking a triage decision', () => {
  const context = { currentPanelId: 'cmarac', activePanelIds: ['cmarac', 'offender'], today: '2026-11-20' };
  it.each<[string, TriageDecision, string | null]>([
    ['accepting needs nothing more', { decision: 'ACCEPT' }, null],
    ['declining needs a reason', { decision: 'DECLINE', reason: ' ' }, 'reason'],
    ['declining with a reason is fine', { decision: 'DECLINE', reason: 'Heard at the domestic abuse MARAC.' }, null],
    ['redirecting needs a reason', { decision: 'REDIRECT', to: 'PANEL', panelId: 'offender', reason: '' }, 'reason'],
    [
      'redirecting to another panel is fine',
      { decision: 'REDIRECT', to: 'PANEL', panelId: 'offender', reason: 'The perpetrator is the concern.' },
      null,
    ],
    ['redirecting to the same panel is refused', { decision: 'REDIRECT', to: 'PANEL', panelId: 'cmarac', reason: 'x' }, 'panelId'],
    [
      'redirecting to an unknown or inactive panel is refused',
      { decision: 'REDIRECT', to: 'PANEL', panelId: 'closed', reason: 'x' },
      'panelId',
    ],
    [
      'casework needs a review date after today',
      { decision: 'REDIRECT', to: 'LEAD_AGENCY_CASEWORK', reviewDate: '2026-11-20', reason: 'Medium risk.' },
      'reviewDate',
    ],
    [
      'casework refuses a date that does not exist',
      { decision: 'REDIRECT', to: 'LEAD_AGENCY_CASEWORK', reviewDate: '2026-02-30', reason: 'Medium risk.' },
      'reviewDate',
    ],
    [
      'casework with a later review date is fine',
      { decision: 'REDIRECT', to: 'LEAD_AGENCY_CASEWORK', reviewDate: '2026-12-18', reason: 'Medium risk.' },
      null,
    ],
  ])('%s', (_name, decision, field) => {
    const checked = checkDecision(decision, context);
    expect(checked.ok ? null : checked.error.field).toBe(field);
  });

  it('keeps the reason trimmed', () => {
    const checked = checkDecision({ decision: 'DECLINE', reason: '  Not ASB.  ' }, context);
    expect(checked.ok && checked.value).toEqual({ decision: 'DECLINE', reason: 'Not ASB.' });
  });
});
