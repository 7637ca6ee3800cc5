import { INTERVENTION_CATALOGUE, INTERVENTIONS, type InterventionType, type Prerequisite } from '../../api/domain/interventions/catalogue';

describe('the tools and powers catalogue', () => {
  it('has one entry for each of the fourteen interventions, filed under its own type', () => {
    expect(INTERVENTIONS).toHaveLength(14);
    for (const [key, entry] of Object.entries(INTERVENTION_CATALOGUE)) expect(entry.type).toBe(key);
  });

  it.each<[InterventionType, number | null, Prerequisite[], string]>([
    ['WARNING_LETTER', null, [], 'EARLY_INTERVENTION'],
    ['ACCEPTABLE_BEHAVIOUR_CONTRACT', 10, [], 'EARLY_INTERVENTION'],
    ['MEDIATION', null, [], 'EARLY_INTERVENTION'],
    ['COMMUNITY_REMEDY', null, [], 'OUT_OF_COURT'],
    ['COMMUNITY_PROTECTION_WARNING', 16, [], 'ENFORCEMENT'],
    ['COMMUNITY_PROTECTION_NOTICE', 16, ['EARLIER_CPW'], 'ENFORCEMENT'],
    ['CIVIL_INJUNCTION', 10, [], 'ENFORCEMENT'],
    ['CRIMINAL_BEHAVIOUR_ORDER', 10, ['CONVICTION'], 'ENFORCEMENT'],
    ['DISPERSAL_DIRECTION', 10, [], 'ENFORCEMENT'],
    ['PUBLIC_SPACES_PROTECTION_ORDER', null, [], 'ENFORCEMENT'],
    ['CLOSURE_NOTICE', null, [], 'ENFORCEMENT'],
    ['CLOSURE_ORDER', null, ['CLOSURE_NOTICE'], 'ENFORCEMENT'],
    ['ABSOLUTE_POSSESSION', null, ['POSSESSION_CONDITION'], 'ENFORCEMENT'],
    ['SUPPORT_REFERRAL', null, [], 'SUPPORT'],
  ])('records %s with minimum age %s, prerequisites %j and kind %s', (type, minimumAge, requires, kind) => {
    expect(INTERVENTION_CATALOGUE[type]).toMatchObject({ minimumAge, requires, kind });
  });

  it.each<[InterventionType, string]>([
    ['COMMUNITY_PROTECTION_NOTICE', 'fixed penalty of £100'],
    ['CRIMINAL_BEHAVIOUR_ORDER', 'up to 5 years on indictment'],
    ['CIVIL_INJUNCTION', 'not a criminal offence'],
    ['PUBLIC_SPACES_PROTECTION_ORDER', 'level 3 (£1,000)'],
    ['CLOSURE_ORDER', 'appeal within 21 days'],
  ])('tells the panel what breaching a %s leads to', (type, words) => {
    expect(INTERVENTION_CATALOGUE[type].breach).toContain(words);
  });

  it('says who may issue, what the test is and how long it lasts for every entry', () => {
    for (const entry of INTERVENTIONS) {
      expect([entry.whoMayIssue, entry.test, entry.duration.inWords, entry.breach].every((text) => text.trim().length > 0)).toBe(true);
    }
  });

  it('keeps place powers off the perpetrator ladder', () => {
    const offLadder = INTERVENTIONS.filter((entry) => entry.rung === null).map((entry) => entry.type);
    expect(offLadder).toEqual(['DISPERSAL_DIRECTION', 'PUBLIC_SPACES_PROTECTION_ORDER', 'CLOSURE_NOTICE', 'CLOSURE_ORDER']);
  });
});
