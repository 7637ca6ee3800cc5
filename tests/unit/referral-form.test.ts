import { concernsProblems, dateOfBirthProblem, subjectProblems } from '../../api/domain/referrals/referral-form';

const TODAY = '2026-12-07';

describe('the referral form rules the API and the tab share', () => {
  test('a date of birth must be a real date, in the past and under 120 years ago', () => {
    expect(dateOfBirthProblem('1958-03-27', TODAY)).toBeNull();
    expect(dateOfBirthProblem('1958-02-30', TODAY)).toBe('Date of birth must be a real date.');
    expect(dateOfBirthProblem('27/03/1958', TODAY)).toBe('Date of birth must be a real date.');
    expect(dateOfBirthProblem(TODAY, TODAY)).toBe('Date of birth must be in the past.');
    expect(dateOfBirthProblem('2026-12-06', TODAY)).toBeNull();
    expect(dateOfBirthProblem('1906-12-07', TODAY)).toBeNull();
    expect(dateOfBirthProblem('1906-12-06', TODAY)).toBe('Date of birth must be less than 120 years ago.');
  });

  test('a person needs both names; a place its address, town and a real postcode; a chosen record nothing', () => {
    expect(subjectProblems('VICTIM', { givenName: ' ' }, false, TODAY).map((p) => p.message)).toEqual([
      "Enter the victim's first name.",
      "Enter the victim's last name.",
    ]);
    expect(subjectProblems('LOCATION', { address: '1 Lorem Road', town: 'Fernbrook', postcode: 'NOPE' }, false, TODAY)).toEqual([
      { field: 'subject.postcode', message: '"NOPE" is not a UK postcode; it should look like BB11 1AA.' },
    ]);
    expect(subjectProblems('PERPETRATOR', {}, true, TODAY)).toEqual([]);
  });

  test.each([
    ['no address at all: it may not be known', 'VICTIM', {}, false, []],
    ['a full home address', 'VICTIM', { address: '12 Willow Court', town: 'Fernbrook', postcode: 'FB1 2AB' }, false, []],
    ['a first line and town, postcode unknown', 'PERPETRATOR', { address: '12 Willow Court', town: 'Fernbrook' }, false, []],
    ['only a postcode', 'VICTIM', { postcode: 'FB1 2AB' }, false, ['subject.address', 'subject.town']],
    ['a first line only', 'PERPETRATOR', { address: '3 Mill Lane' }, false, ['subject.town']],
    ['a wrong postcode', 'VICTIM', { address: '3 Mill Lane', town: 'Fernbrook', postcode: 'NOPE' }, false, ['subject.postcode']],
    ['an existing person, half an address', 'VICTIM', { town: 'Fernbrook' }, true, ['subject.address']],
  ] as const)("a victim's or perpetrator's home: %s", (_, subjectType, home, matched, expected) => {
    const named = matched ? {} : { givenName: 'Maisie', familyName: 'Holloway' };
    expect(subjectProblems(subjectType, { ...named, ...home }, matched, TODAY).map((p) => p.field)).toEqual(expected);
  });

  test('concerns are required and limited; raised judgement needs its reason', () => {
    expect(concernsProblems('', undefined)).toEqual([
      { field: 'concerns', message: 'Describe what is happening and why you are referring.' },
    ]);
    expect(concernsProblems('x'.repeat(5001), undefined)).toEqual([{ field: 'concerns', message: 'Keep this under 5000 characters.' }]);
    expect(concernsProblems('x', { band: 'HIGH' })).toEqual([
      { field: 'judgement.reason', message: 'Say why your professional judgement puts the risk higher than the score.' },
    ]);
    expect(concernsProblems('x', { band: 'HIGH', reason: 'Threats to burn the house.' })).toEqual([]);
  });
});
