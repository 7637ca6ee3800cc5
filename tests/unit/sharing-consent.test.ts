// The consent rule as a referrer or a case's agency meets it: consent given needs nothing more;
// without it, the lawful basis and why it applies are both required.
import { consentDecision, consentProblems, CONSENT_STATUSES } from '../../api/domain/referrals/sharing-consent';

const fields = (answer: Parameters<typeof consentProblems>[0], allowed?: Parameters<typeof consentProblems>[2]) =>
  consentProblems(answer, 'consent', allowed).map((p) => p.field);

describe('consent and the lawful basis for sharing', () => {
  it.each([
    ['nothing said yet', undefined, ['consent.status']],
    ['consent given', { status: 'GIVEN' }, []],
    ['consent given, with a stray basis left from an earlier answer', { status: 'GIVEN', lawfulBasis: 'PUBLIC_TASK' }, []],
    ['refused, nothing else', { status: 'REFUSED' }, ['consent.lawfulBasis', 'consent.justification']],
    [
      'not sought, basis but no reason',
      { status: 'NOT_SOUGHT', lawfulBasis: 'PUBLIC_TASK', justification: '  ' },
      ['consent.justification'],
    ],
    ['refused, reason but no basis', { status: 'REFUSED', justification: 'Threats to kill.' }, ['consent.lawfulBasis']],
    ['refused, consent named as the basis', { status: 'REFUSED', lawfulBasis: 'CONSENT', justification: 'x' }, ['consent.lawfulBasis']],
    ['not sought, basis and reason', { status: 'NOT_SOUGHT', lawfulBasis: 'VITAL_INTERESTS', justification: 'Risk to life.' }, []],
    ['withdrawn, in a referral', { status: 'WITHDRAWN', lawfulBasis: 'PUBLIC_TASK', justification: 'x' }, ['consent.status']],
    [
      'a reason too long to read',
      { status: 'REFUSED', lawfulBasis: 'PUBLIC_TASK', justification: 'x'.repeat(2001) },
      ['consent.justification'],
    ],
  ])('%s', (_, answer, expected) => {
    expect(fields(answer)).toEqual(expected);
  });

  it('accepts withdrawn consent later on the case, with a basis and reason', () => {
    expect(fields({ status: 'WITHDRAWN', lawfulBasis: 'PUBLIC_TASK', justification: 'Still at risk.' }, CONSENT_STATUSES)).toEqual([]);
  });

  it.each([
    [{ status: 'GIVEN', lawfulBasis: 'PUBLIC_TASK', justification: 'ignored' }, 'GIVEN', 'CONSENT', 'UK_GDPR_DPA_PART_2', null],
    [
      { status: 'REFUSED', lawfulBasis: 'PUBLIC_TASK', justification: ' s115 sharing. ' },
      'REFUSED',
      'PUBLIC_TASK',
      'UK_GDPR_DPA_PART_2',
      's115 sharing.',
    ],
    [
      { status: 'NOT_SOUGHT', lawfulBasis: 'LAW_ENFORCEMENT', justification: 'Police investigation.' },
      'NOT_SOUGHT',
      'LAW_ENFORCEMENT',
      'DPA_PART_3_LAW_ENFORCEMENT',
      'Police investigation.',
    ],
  ])('keeps %j as %s under %s (%s)', (answer, consent, lawfulBasis, regime, justification) => {
    expect(consentDecision(answer)).toEqual({ consent, lawfulBasis, regime, justification });
  });

  it('keeps nothing for an incomplete answer', () => {
    expect(consentDecision({ status: 'REFUSED' })).toBeNull();
  });
});
