import { INTERVENTIONS, type InterventionType } from '../../api/domain/interventions/catalogue';
import { checkIssuer, ISSUING_AGENCIES } from '../../api/domain/interventions/issuers';

describe('who may issue an intervention', () => {
  it.each<[string, InterventionType, string, 'allowed' | 'allowed with a caution' | 'refused']>([
    ['any agency may refer for support', 'SUPPORT_REFERRAL', 'DRUG_ALCOHOL', 'allowed'],
    ['a housing provider may send a warning letter', 'WARNING_LETTER', 'HOUSING_PROVIDER', 'allowed'],
    ['probation may not send a warning letter', 'WARNING_LETTER', 'PROBATION', 'refused'],
    ['a commissioned service may run mediation', 'MEDIATION', 'OTHER', 'allowed'],
    ['the council may agree an Acceptable Behaviour Contract', 'ACCEPTABLE_BEHAVIOUR_CONTRACT', 'COUNCIL_ASB', 'allowed'],
    [
      'the youth justice service attends an Acceptable Behaviour Contract but does not make it',
      'ACCEPTABLE_BEHAVIOUR_CONTRACT',
      'YOUTH_JUSTICE',
      'refused',
    ],
    ['the police offer a Community Remedy', 'COMMUNITY_REMEDY', 'POLICE', 'allowed'],
    [
      'the council offers a Community Remedy only where the PCC document allows',
      'COMMUNITY_REMEDY',
      'COUNCIL_ASB',
      'allowed with a caution',
    ],
    ['a council officer gives a Community Protection Warning', 'COMMUNITY_PROTECTION_WARNING', 'COUNCIL_ASB', 'allowed'],
    ['a housing provider gives one only when designated', 'COMMUNITY_PROTECTION_NOTICE', 'HOUSING_PROVIDER', 'allowed with a caution'],
    ['the fire service may not give a Community Protection Notice', 'COMMUNITY_PROTECTION_NOTICE', 'FIRE', 'refused'],
    ['a social landlord applies for a civil injunction', 'CIVIL_INJUNCTION', 'HOUSING_PROVIDER', 'allowed'],
    ['a body the Act names applies for an injunction, once confirmed', 'CIVIL_INJUNCTION', 'OTHER', 'allowed with a caution'],
    ['mental health services may not apply for an injunction', 'CIVIL_INJUNCTION', 'MENTAL_HEALTH', 'refused'],
    ['the police ask for a Criminal Behaviour Order', 'CRIMINAL_BEHAVIOUR_ORDER', 'POLICE', 'allowed'],
    ['a housing provider may not ask for a Criminal Behaviour Order', 'CRIMINAL_BEHAVIOUR_ORDER', 'HOUSING_PROVIDER', 'refused'],
    ['a social landlord seeks possession', 'ABSOLUTE_POSSESSION', 'HOUSING_PROVIDER', 'allowed'],
    ['the council seeks possession only as the landlord', 'ABSOLUTE_POSSESSION', 'COUNCIL_ASB', 'allowed with a caution'],
    ['the police may not seek possession', 'ABSOLUTE_POSSESSION', 'POLICE', 'refused'],
    ['only the police give a dispersal direction', 'DISPERSAL_DIRECTION', 'COUNCIL_ASB', 'refused'],
    ['only the council makes a Public Spaces Protection Order', 'PUBLIC_SPACES_PROTECTION_ORDER', 'POLICE', 'refused'],
    ['the police issue a closure notice', 'CLOSURE_NOTICE', 'POLICE', 'allowed'],
    ['the council applies for a closure order', 'CLOSURE_ORDER', 'COUNCIL_ASB', 'allowed'],
    ['a housing provider may not apply for a closure order', 'CLOSURE_ORDER', 'HOUSING_PROVIDER', 'refused'],
    ['an agency type the app does not know is refused', 'WARNING_LETTER', 'PARISH_COUNCIL', 'refused'],
  ])('%s', (_name, type, agencyType, expected) => {
    const check = checkIssuer(type, agencyType, 'type');
    expect(check.allowed ? (check.caution ? 'allowed with a caution' : 'allowed') : 'refused').toBe(expected);
  });

  it('says who may issue it and who tried, on the field that chose the agency', () => {
    const check = checkIssuer('ACCEPTABLE_BEHAVIOUR_CONTRACT', 'EDUCATION', 'issuedByAgencyId');
    expect(check.allowed ? null : check.refusal).toEqual({
      code: 'NOT_AN_ISSUING_AGENCY',
      message:
        'An Acceptable Behaviour Contract can be issued only by the police, the council or a housing provider, not by an education service. Ask a partner agency that may issue it to record it.',
      field: 'issuedByAgencyId',
    });
  });

  it('has a rule for every intervention in the catalogue, naming at least one agency', () => {
    for (const entry of INTERVENTIONS) {
      const rule = ISSUING_AGENCIES[entry.type];
      expect(rule.agencies === 'ANY' || rule.agencies.length > 0).toBe(true);
    }
  });
});
