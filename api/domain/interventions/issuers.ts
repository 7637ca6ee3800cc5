// Which kinds of agency may issue (or apply to court for) each intervention: the catalogue's "who may
// issue" (docs/domain.md §5) as a rule over agency types. Where a power rests on statute
// knowledge not yet confirmed, or the power is open to an agency in one circumstance alone, the
// agency is let through with a caution saying what to confirm, rather than refused on a doubt.
import type { DomainError } from '../result';
import { INTERVENTION_CATALOGUE, type InterventionType } from './catalogue';

export type AgencyKind =
  | 'POLICE'
  | 'COUNCIL_ASB'
  | 'HOUSING_PROVIDER'
  | 'ADULT_SOCIAL_CARE'
  | 'CHILDRENS_SOCIAL_CARE'
  | 'MENTAL_HEALTH'
  | 'HEALTH'
  | 'FIRE'
  | 'VICTIM_SUPPORT'
  | 'YOUTH_JUSTICE'
  | 'PROBATION'
  | 'DRUG_ALCOHOL'
  | 'EDUCATION'
  | 'OTHER';

/** How the refusal names an agency type, after "a" or "the". */
const AGENCY_IN_WORDS: Readonly<Record<AgencyKind, string>> = {
  POLICE: 'the police',
  COUNCIL_ASB: 'the council',
  HOUSING_PROVIDER: 'a housing provider',
  ADULT_SOCIAL_CARE: 'adult social care',
  CHILDRENS_SOCIAL_CARE: "children's social care",
  MENTAL_HEALTH: 'a mental health service',
  HEALTH: 'a health service',
  FIRE: 'the fire service',
  VICTIM_SUPPORT: 'a victim support service',
  YOUTH_JUSTICE: 'the youth justice service',
  PROBATION: 'probation',
  DRUG_ALCOHOL: 'a drug and alcohol service',
  EDUCATION: 'an education service',
  OTHER: 'another kind of agency',
};

interface IssuerRule {
  agencies: readonly AgencyKind[] | 'ANY';
  /** Agencies allowed only on a condition the app cannot see, with what the member must confirm. */
  onCondition?: Partial<Record<AgencyKind, string>>;
}

const POLICE_OR_COUNCIL: readonly AgencyKind[] = ['POLICE', 'COUNCIL_ASB'];
const POLICE_COUNCIL_OR_LANDLORD: readonly AgencyKind[] = ['POLICE', 'COUNCIL_ASB', 'HOUSING_PROVIDER'];
const DESIGNATED_LANDLORD =
  'A housing provider may issue this only if the council has designated it to; confirm the designation before issuing.';

/** The Record type makes a missing intervention a compile error. */
export const ISSUING_AGENCIES: Readonly<Record<InterventionType, IssuerRule>> = {
  SUPPORT_REFERRAL: { agencies: 'ANY' },
  WARNING_LETTER: { agencies: POLICE_COUNCIL_OR_LANDLORD },
  // "Commissioned services" are recorded as agencies of another kind.
  MEDIATION: { agencies: [...POLICE_COUNCIL_OR_LANDLORD, 'OTHER'] },
  ACCEPTABLE_BEHAVIOUR_CONTRACT: { agencies: POLICE_COUNCIL_OR_LANDLORD },
  COMMUNITY_REMEDY: {
    agencies: ['POLICE'],
    onCondition: {
      COUNCIL_ASB: "Only where the community remedy document lets a partner offer it; confirm the PCC's document allows it.",
      HOUSING_PROVIDER: "Only where the community remedy document lets a partner offer it; confirm the PCC's document allows it.",
    },
  },
  COMMUNITY_PROTECTION_WARNING: { agencies: POLICE_OR_COUNCIL, onCondition: { HOUSING_PROVIDER: DESIGNATED_LANDLORD } },
  COMMUNITY_PROTECTION_NOTICE: { agencies: POLICE_OR_COUNCIL, onCondition: { HOUSING_PROVIDER: DESIGNATED_LANDLORD } },
  CIVIL_INJUNCTION: {
    agencies: POLICE_COUNCIL_OR_LANDLORD,
    onCondition: {
      OTHER:
        'Only the bodies the Act names (such as the Environment Agency or Transport for London) may apply; confirm the agency is one of them.',
    },
  },
  CRIMINAL_BEHAVIOUR_ORDER: { agencies: POLICE_OR_COUNCIL },
  ABSOLUTE_POSSESSION: {
    agencies: ['HOUSING_PROVIDER'],
    onCondition: {
      COUNCIL_ASB: "Only a council that is the tenant's landlord may seek possession; confirm the council holds the tenancy.",
    },
  },
  DISPERSAL_DIRECTION: { agencies: ['POLICE'] },
  PUBLIC_SPACES_PROTECTION_ORDER: { agencies: ['COUNCIL_ASB'] },
  CLOSURE_NOTICE: { agencies: POLICE_OR_COUNCIL },
  CLOSURE_ORDER: { agencies: POLICE_OR_COUNCIL },
};

export type IssuerCheck = { allowed: true; caution: string | null } | { allowed: false; refusal: DomainError };

function isAgencyKind(value: string): value is AgencyKind {
  return value in AGENCY_IN_WORDS;
}

function listed(kinds: readonly AgencyKind[]): string {
  const words = kinds.map((kind) => AGENCY_IN_WORDS[kind]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** Whether an agency of this type may issue the intervention; `field` names the input that chose the agency. */
export function checkIssuer(type: InterventionType, agencyType: string, field: string): IssuerCheck {
  const rule = ISSUING_AGENCIES[type];
  if (rule.agencies === 'ANY') return { allowed: true, caution: null };
  const condition = isAgencyKind(agencyType) ? rule.onCondition?.[agencyType] : undefined;
  if (condition) return { allowed: true, caution: condition };
  if (isAgencyKind(agencyType) && rule.agencies.includes(agencyType)) return { allowed: true, caution: null };
  const name = INTERVENTION_CATALOGUE[type].name;
  const who = isAgencyKind(agencyType) ? AGENCY_IN_WORDS[agencyType] : 'an agency of this kind';
  return {
    allowed: false,
    refusal: {
      code: 'NOT_AN_ISSUING_AGENCY',
      message: `${/^[AEIOU]/.test(name) ? 'An' : 'A'} ${name} can be issued only by ${listed(rule.agencies)}, not by ${who}. Ask a partner agency that may issue it to record it.`,
      field,
    },
  };
}
