import type { InterventionType } from '../../api/domain/interventions/catalogue';
import {
  ageOn,
  checkIntervention,
  interventionLadder,
  possessionConditionsMet,
  type InterventionProposal,
  type PastIntervention,
  type PerpetratorHistory,
} from '../../api/domain/interventions/checks';

const today = '2026-11-22';
const note = 'Letters and an ABC have not stopped the noise; the CPN targets only the late-night parties.';

const adult: PerpetratorHistory = { dateOfBirth: '1990-04-01', convictions: [], interventions: [] };
const aged = (dateOfBirth: string | null): PerpetratorHistory => ({ ...adult, dateOfBirth });
const withPast = (history: PerpetratorHistory, ...interventions: PastIntervention[]): PerpetratorHistory => ({ ...history, interventions });
const convicted: PerpetratorHistory = { ...adult, convictions: [{ convictedOn: '2026-10-01', kind: 'OTHER' }] };
const cpw: PastIntervention = { type: 'COMMUNITY_PROTECTION_WARNING', issuedOn: '2026-09-01' };
const notice: PastIntervention = { type: 'CLOSURE_NOTICE', issuedOn: '2026-11-21', duration: { amount: 24, unit: 'HOURS' } };
const order: PastIntervention = { type: 'CLOSURE_ORDER', issuedOn: '2026-09-01', duration: { amount: 3, unit: 'MONTHS' } };

function proposal(type: InterventionType, changes: Partial<InterventionProposal> = {}): InterventionProposal {
  return { type, target: 'PERSON', proportionalityNote: note, ...changes };
}

describe('checking a proposed intervention against the 2014 Act', () => {
  it.each<[string, InterventionProposal, PerpetratorHistory, string[]]>([
    [
      'allows a warning letter to anyone without a proportionality note',
      proposal('WARNING_LETTER', { proportionalityNote: '' }),
      aged(null),
      [],
    ],
    ['allows a CPW for someone who turned 16 today', proposal('COMMUNITY_PROTECTION_WARNING'), aged('2010-11-22'), []],
    [
      'refuses a CPW for someone who turns 16 tomorrow',
      proposal('COMMUNITY_PROTECTION_WARNING'),
      aged('2010-11-23'),
      ['BELOW_MINIMUM_AGE'],
    ],
    ['asks for a date of birth before a CPW', proposal('COMMUNITY_PROTECTION_WARNING'), aged(null), ['AGE_UNKNOWN']],
    [
      'allows a CPN to a business that had a CPW, without an age',
      proposal('COMMUNITY_PROTECTION_NOTICE', { target: 'BUSINESS_OR_ORGANISATION' }),
      withPast(aged(null), cpw),
      [],
    ],
    ['refuses a CPN with no CPW', proposal('COMMUNITY_PROTECTION_NOTICE'), adult, ['NO_EARLIER_WARNING']],
    [
      'refuses a CPN on the same day as the CPW, leaving no time to comply',
      proposal('COMMUNITY_PROTECTION_NOTICE'),
      withPast(adult, { ...cpw, issuedOn: today }),
      ['NO_EARLIER_WARNING'],
    ],
    ['allows a CPN two months after a CPW', proposal('COMMUNITY_PROTECTION_NOTICE'), withPast(adult, cpw), []],
    [
      'requires a proportionality note for a CPN',
      proposal('COMMUNITY_PROTECTION_NOTICE', { proportionalityNote: '  ' }),
      withPast(adult, cpw),
      ['PROPORTIONALITY_NOTE_REQUIRED'],
    ],
    [
      'refuses a CBO with no conviction',
      proposal('CRIMINAL_BEHAVIOUR_ORDER', { duration: { amount: 2, unit: 'YEARS' } }),
      adult,
      ['NO_CONVICTION'],
    ],
    [
      'allows an indefinite CBO for an adult on conviction',
      proposal('CRIMINAL_BEHAVIOUR_ORDER', { duration: 'UNTIL_FURTHER_ORDER' }),
      convicted,
      [],
    ],
    [
      'refuses a one-year CBO for an adult',
      proposal('CRIMINAL_BEHAVIOUR_ORDER', { duration: { amount: 1, unit: 'YEARS' } }),
      convicted,
      ['DURATION_TOO_SHORT'],
    ],
    [
      'allows a one-year CBO for a 15-year-old',
      proposal('CRIMINAL_BEHAVIOUR_ORDER', { duration: { amount: 12, unit: 'MONTHS' } }),
      { ...convicted, dateOfBirth: '2011-01-01' },
      [],
    ],
    [
      'refuses a four-year CBO for a 15-year-old',
      proposal('CRIMINAL_BEHAVIOUR_ORDER', { duration: { amount: 4, unit: 'YEARS' } }),
      { ...convicted, dateOfBirth: '2011-01-01' },
      ['DURATION_TOO_LONG'],
    ],
    [
      'refuses an open-ended CBO for a 15-year-old',
      proposal('CRIMINAL_BEHAVIOUR_ORDER', { duration: 'UNTIL_FURTHER_ORDER' }),
      { ...convicted, dateOfBirth: '2011-01-01' },
      ['PERIOD_REQUIRED'],
    ],
    [
      'refuses a civil injunction for a 9-year-old',
      proposal('CIVIL_INJUNCTION', { duration: { amount: 6, unit: 'MONTHS' } }),
      aged('2017-03-01'),
      ['BELOW_MINIMUM_AGE'],
    ],
    [
      'refuses an 18-month injunction for a 15-year-old',
      proposal('CIVIL_INJUNCTION', { duration: { amount: 18, unit: 'MONTHS' } }),
      aged('2011-01-01'),
      ['DURATION_TOO_LONG'],
    ],
    ['allows an adult injunction until further order', proposal('CIVIL_INJUNCTION', { duration: 'UNTIL_FURTHER_ORDER' }), adult, []],
    ['asks how long an injunction lasts', proposal('CIVIL_INJUNCTION'), adult, ['DURATION_REQUIRED']],
    [
      'allows a dispersal direction of two days, which is 48 hours',
      proposal('DISPERSAL_DIRECTION', { duration: { amount: 2, unit: 'DAYS' } }),
      adult,
      [],
    ],
    [
      'refuses a 72-hour dispersal direction',
      proposal('DISPERSAL_DIRECTION', { duration: { amount: 72, unit: 'HOURS' } }),
      adult,
      ['DURATION_TOO_LONG'],
    ],
    [
      'refuses a PSPO aimed at a person rather than a place',
      proposal('PUBLIC_SPACES_PROTECTION_ORDER', { duration: { amount: 3, unit: 'YEARS' } }),
      adult,
      ['WRONG_TARGET'],
    ],
    [
      'refuses a four-year PSPO',
      proposal('PUBLIC_SPACES_PROTECTION_ORDER', { target: 'PUBLIC_PLACE', duration: { amount: 4, unit: 'YEARS' } }),
      aged(null),
      ['DURATION_TOO_LONG'],
    ],
    [
      'refuses a 36-hour closure notice that is not an extension',
      proposal('CLOSURE_NOTICE', { target: 'PREMISES', duration: { amount: 36, unit: 'HOURS' } }),
      aged(null),
      ['DURATION_TOO_LONG'],
    ],
    [
      'allows a closure notice extended to 48 hours',
      proposal('CLOSURE_NOTICE', { target: 'PREMISES', isExtension: true, duration: { amount: 48, unit: 'HOURS' } }),
      withPast(aged(null), notice),
      [],
    ],
    [
      'refuses a closure order with no closure notice',
      proposal('CLOSURE_ORDER', { target: 'PREMISES', duration: { amount: 3, unit: 'MONTHS' } }),
      aged(null),
      ['NO_CLOSURE_NOTICE'],
    ],
    [
      'allows a three-month closure order after a notice',
      proposal('CLOSURE_ORDER', { target: 'PREMISES', duration: { amount: 3, unit: 'MONTHS' } }),
      withPast(aged(null), notice),
      [],
    ],
    [
      'refuses a first closure order of four months',
      proposal('CLOSURE_ORDER', { target: 'PREMISES', duration: { amount: 4, unit: 'MONTHS' } }),
      withPast(aged(null), notice),
      ['DURATION_TOO_LONG'],
    ],
    [
      'allows a closure order extended to six months in all',
      proposal('CLOSURE_ORDER', { target: 'PREMISES', isExtension: true, duration: { amount: 6, unit: 'MONTHS' } }),
      withPast(aged(null), order),
      [],
    ],
    [
      'refuses a closure order extended to 183 days, past six months on the calendar',
      proposal('CLOSURE_ORDER', { target: 'PREMISES', isExtension: true, duration: { amount: 183, unit: 'DAYS' } }),
      withPast(aged(null), order),
      ['DURATION_TOO_LONG'],
    ],
    [
      'refuses to extend a closure order that was never made',
      proposal('CLOSURE_ORDER', { target: 'PREMISES', isExtension: true, duration: { amount: 6, unit: 'MONTHS' } }),
      aged(null),
      ['NOTHING_TO_EXTEND'],
    ],
    [
      'refuses absolute possession when none of the five conditions is met',
      proposal('ABSOLUTE_POSSESSION', { target: 'TENANCY' }),
      adult,
      ['NO_POSSESSION_CONDITION'],
    ],
    [
      'allows absolute possession after a conviction for breaching a CBO',
      proposal('ABSOLUTE_POSSESSION', { target: 'TENANCY' }),
      { ...adult, convictions: [{ convictedOn: '2026-06-01', kind: 'BREACH_OF_CBO' }] },
      [],
    ],
    [
      'lists every reason at once',
      proposal('COMMUNITY_PROTECTION_NOTICE', { proportionalityNote: '' }),
      aged('2012-01-01'),
      ['BELOW_MINIMUM_AGE', 'NO_EARLIER_WARNING', 'PROPORTIONALITY_NOTE_REQUIRED'],
    ],
  ])('%s', (_name, proposed, history, codes) => {
    const check = checkIntervention(proposed, history, today);
    expect(check.refusals.map((refusal) => refusal.code)).toEqual(codes);
    expect(check.allowed).toBe(codes.length === 0);
  });

  it.each<[string, InterventionProposal, PerpetratorHistory, string]>([
    [
      'an ABC for an 8-year-old',
      proposal('ACCEPTABLE_BEHAVIOUR_CONTRACT'),
      aged('2018-05-01'),
      'An Acceptable Behaviour Contract is only for people aged 10 or over; this person is 8. For a child under 10, use a parental agreement instead.',
    ],
    [
      'a CPN without a warning',
      proposal('COMMUNITY_PROTECTION_NOTICE'),
      adult,
      'A Community Protection Notice needs a Community Protection Warning given on an earlier day, with time to put things right.',
    ],
    [
      'a long closure order',
      proposal('CLOSURE_ORDER', { target: 'PREMISES', duration: { amount: 4, unit: 'MONTHS' } }),
      withPast(aged(null), notice),
      'A closure order can last at most 3 months (6 months in all only when extended); 4 months was proposed.',
    ],
    [
      'an injunction with no end',
      proposal('CIVIL_INJUNCTION'),
      adult,
      'Set how long the civil injunction lasts: Under-18s: a set period of at most 12 months. Adults: a set period or until further order.',
    ],
  ])('explains the refusal of %s in plain words', (_name, proposed, history, message) => {
    expect(checkIntervention(proposed, history, today).refusals[0]?.message).toBe(message);
  });

  it.each<[string, InterventionProposal, PerpetratorHistory, string[]]>([
    [
      'reminds the applicant to consult the youth offending team for a CBO on a 15-year-old',
      proposal('CRIMINAL_BEHAVIOUR_ORDER', { duration: { amount: 2, unit: 'YEARS' } }),
      { ...convicted, dateOfBirth: '2011-01-01' },
      ['Consult the youth offending team before applying; it has no veto.'],
    ],
    [
      'warns that a closure notice served a week ago is past the 48-hour hearing window',
      proposal('CLOSURE_ORDER', { target: 'PREMISES', duration: { amount: 3, unit: 'MONTHS' } }),
      withPast(aged(null), { ...notice, issuedOn: '2026-11-15' }),
      ["The magistrates' court must hear the application within 48 hours of the closure notice being served."],
    ],
  ])('%s', (_name, proposed, history, cautions) => {
    expect(checkIntervention(proposed, history, today).cautions).toEqual(cautions);
  });
});

describe('ages and possession conditions', () => {
  it.each<[string, string, number]>([
    ['1990-04-01', '2026-11-22', 36],
    ['2010-11-23', '2026-11-22', 15],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('someone born on %s is aged %s on %s', (dateOfBirth, on, age) => {
    expect(ageOn(dateOfBirth, on)).toBe(age);
  });

  it.each<[string, PerpetratorHistory, number[]]>([
    ['none for a clean record', adult, []],
    ['condition 1 for a serious offence', { ...adult, convictions: [{ convictedOn: '2026-01-10', kind: 'SERIOUS_OFFENCE' }] }, [1]],
    [
      'condition 2 only when a court found the injunction breached',
      withPast(
        adult,
        { type: 'CIVIL_INJUNCTION', issuedOn: '2026-01-10', breached: true },
        { type: 'CIVIL_INJUNCTION', issuedOn: '2026-05-10', breachFoundByCourt: true },
      ),
      [2],
    ],
    [
      'condition 4 for a closure order over 48 hours, not for a 24-hour one',
      withPast(adult, order, { type: 'CLOSURE_ORDER', issuedOn: '2026-02-01', duration: { amount: 24, unit: 'HOURS' } }),
      [4],
    ],
    [
      'conditions 3 and 5 together',
      {
        ...adult,
        convictions: [
          { convictedOn: '2026-01-10', kind: 'BREACH_OF_CBO' },
          { convictedOn: '2026-03-10', kind: 'BREACH_OF_NOISE_ABATEMENT' },
        ],
      },
      [3, 5],
    ],
  ])('finds %s', (_name, history, conditions) => {
    expect(possessionConditionsMet(history, today)).toEqual(conditions);
  });
});

describe('the intervention ladder', () => {
  const letter: PastIntervention = { type: 'WARNING_LETTER', issuedOn: '2026-03-02' };
  const abc: PastIntervention = { type: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', issuedOn: '2026-05-11', breached: true };
  const support: PastIntervention = { type: 'SUPPORT_REFERRAL', issuedOn: '2026-05-11' };
  const cpn: PastIntervention = { type: 'COMMUNITY_PROTECTION_NOTICE', issuedOn: '2026-10-01' };

  it.each<[string, PerpetratorHistory, InterventionType[]]>([
    ['starts with support, a warning letter or mediation', adult, ['SUPPORT_REFERRAL', 'WARNING_LETTER', 'MEDIATION']],
    [
      'after a warning letter offers mediation, an ABC or a Community Remedy',
      withPast(adult, letter),
      ['SUPPORT_REFERRAL', 'MEDIATION', 'ACCEPTABLE_BEHAVIOUR_CONTRACT', 'COMMUNITY_REMEDY'],
    ],
    [
      'after a broken ABC and support offers a Community Remedy or a CPW',
      withPast(adult, letter, abc, support),
      ['COMMUNITY_REMEDY', 'COMMUNITY_PROTECTION_WARNING'],
    ],
    [
      'skips the CPW for a 15-year-old and offers an injunction',
      withPast(aged('2011-01-01'), letter, abc, support),
      ['COMMUNITY_REMEDY', 'CIVIL_INJUNCTION'],
    ],
    [
      'after a CPW offers a CPN or an injunction',
      withPast(adult, letter, abc, support, cpw),
      ['COMMUNITY_PROTECTION_NOTICE', 'CIVIL_INJUNCTION'],
    ],
    ['after a CPN without a conviction offers only the injunction', withPast(adult, letter, support, cpw, cpn), ['CIVIL_INJUNCTION']],
    [
      'after a CPN and a conviction offers the injunction or a CBO',
      withPast(convicted, letter, support, cpw, cpn),
      ['CIVIL_INJUNCTION', 'CRIMINAL_BEHAVIOUR_ORDER'],
    ],
  ])('%s', (_name, history, expected) => {
    expect(interventionLadder(history, today).nextSteps.map((step) => step.type)).toEqual(expected);
  });

  it('lists what has been tried in date order and says why each next step is suggested', () => {
    const ladder = interventionLadder(withPast(adult, abc, letter, support), today);
    expect(ladder.steps).toEqual([
      { type: 'WARNING_LETTER', name: 'Warning letter', issuedOn: '2026-03-02', breached: false },
      { type: 'SUPPORT_REFERRAL', name: 'Support referral', issuedOn: '2026-05-11', breached: false },
      { type: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', name: 'Acceptable Behaviour Contract', issuedOn: '2026-05-11', breached: true },
    ]);
    expect(ladder.nextSteps.map((step) => step.why)).toEqual([
      'An alternative at the same level (last step: Acceptable Behaviour Contract, 11 May 2026).',
      'The next step up if the behaviour continues (last step: Acceptable Behaviour Contract, 11 May 2026).',
    ]);
  });
});
