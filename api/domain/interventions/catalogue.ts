// The tools and powers a panel can choose from, early interventions to the 2014 Act's powers.
// docs/domain.md §5 summarises these facts; where a fact is local practice or unconfirmed, the
// wording says so rather than enforcing it.

export type InterventionType =
  | 'WARNING_LETTER'
  | 'ACCEPTABLE_BEHAVIOUR_CONTRACT'
  | 'MEDIATION'
  | 'COMMUNITY_REMEDY'
  | 'COMMUNITY_PROTECTION_WARNING'
  | 'COMMUNITY_PROTECTION_NOTICE'
  | 'CIVIL_INJUNCTION'
  | 'CRIMINAL_BEHAVIOUR_ORDER'
  | 'DISPERSAL_DIRECTION'
  | 'PUBLIC_SPACES_PROTECTION_ORDER'
  | 'CLOSURE_NOTICE'
  | 'CLOSURE_ORDER'
  | 'ABSOLUTE_POSSESSION'
  | 'SUPPORT_REFERRAL';

/** Enforcement powers need a recorded proportionality note; the others are voluntary or informal. */
export type InterventionKind = 'SUPPORT' | 'EARLY_INTERVENTION' | 'OUT_OF_COURT' | 'ENFORCEMENT';

export type InterventionTarget = 'PERSON' | 'BUSINESS_OR_ORGANISATION' | 'PREMISES' | 'PUBLIC_PLACE' | 'TENANCY';

export type Prerequisite = 'EARLIER_CPW' | 'CONVICTION' | 'CLOSURE_NOTICE' | 'POSSESSION_CONDITION';

export interface Duration {
  amount: number;
  unit: 'HOURS' | 'DAYS' | 'MONTHS' | 'YEARS';
}

export type ProposedDuration = Duration | 'UNTIL_FURTHER_ORDER';

export interface DurationRule {
  inWords: string;
  /** A period (or "until further order" where allowed) must be set. */
  required: boolean;
  untilFurtherOrder: 'ALLOWED_FOR_ADULTS' | 'NOT_ALLOWED';
  minimum?: Duration;
  minimumUnder18?: Duration;
  maximum?: Duration;
  maximumUnder18?: Duration;
  /** The longest in all once extended by the court or the issuer. */
  maximumWhenExtended?: Duration;
}

export interface Intervention {
  type: InterventionType;
  name: string;
  kind: InterventionKind;
  legislation: string | null;
  targets: readonly InterventionTarget[];
  whoMayIssue: string;
  test: string;
  minimumAge: number | null;
  /** Said to the user when the person is too young. */
  underAgeAdvice?: string;
  duration: DurationRule;
  breach: string;
  requires: readonly Prerequisite[];
  /** Place on a perpetrator's ladder, 1 (informal) to 5 (court orders); null for powers about places. */
  rung: number | null;
}

const NOT_TIMED: DurationRule = { inWords: 'Not applicable', required: false, untilFurtherOrder: 'NOT_ALLOWED' };
const hours = (amount: number): Duration => ({ amount, unit: 'HOURS' });
const months = (amount: number): Duration => ({ amount, unit: 'MONTHS' });
const years = (amount: number): Duration => ({ amount, unit: 'YEARS' });

const CP_ISSUERS =
  'Police officers, council officers and designated PCSOs (designated social landlords too under the statute, not confirmed in the sources researched).';
const CP_TEST =
  'The conduct has a detrimental effect on the quality of life of those in the locality, is persistent or continuing, and is unreasonable.';

/** In ladder order, place-based powers last; the Record type makes a missing entry a compile error. */
export const INTERVENTION_CATALOGUE: Readonly<Record<InterventionType, Intervention>> = {
  SUPPORT_REFERRAL: {
    type: 'SUPPORT_REFERRAL',
    name: 'Support referral',
    kind: 'SUPPORT',
    legislation: null,
    targets: ['PERSON'],
    whoMayIssue: 'Any agency at the panel.',
    test: 'A support need is identified, such as mental health, drugs and alcohol, mentoring, education or housing.',
    minimumAge: null,
    duration: NOT_TIMED,
    breach: 'None: support is voluntary.',
    requires: [],
    rung: 0,
  },
  WARNING_LETTER: {
    type: 'WARNING_LETTER',
    name: 'Warning letter',
    kind: 'EARLY_INTERVENTION',
    legislation: null,
    targets: ['PERSON', 'BUSINESS_OR_ORGANISATION'],
    whoMayIssue: 'The council, a social landlord or the police.',
    test: 'Local policy; often the first stage of a staged ladder.',
    minimumAge: null,
    duration: NOT_TIMED,
    breach: 'Leads to the next stage of the ladder.',
    requires: [],
    rung: 1,
  },
  MEDIATION: {
    type: 'MEDIATION',
    name: 'Mediation or restorative approach',
    kind: 'EARLY_INTERVENTION',
    legislation: null,
    targets: ['PERSON'],
    whoMayIssue: 'A landlord, the council, the police or a commissioned service.',
    test: 'Voluntary for everyone taking part.',
    minimumAge: null,
    duration: NOT_TIMED,
    breach: 'None.',
    requires: [],
    rung: 1,
  },
  ACCEPTABLE_BEHAVIOUR_CONTRACT: {
    type: 'ACCEPTABLE_BEHAVIOUR_CONTRACT',
    name: 'Acceptable Behaviour Contract',
    kind: 'EARLY_INTERVENTION',
    legislation: null,
    targets: ['PERSON'],
    whoMayIssue:
      'A voluntary written agreement between the person (and a parent if under 18) and the council, police or landlord; a youth offending team officer may attend.',
    test: 'Agreed at a face-to-face meeting; can include support as well as prohibitions.',
    minimumAge: 10,
    underAgeAdvice: 'For a child under 10, use a parental agreement instead.',
    duration: { inWords: 'Usually 6 months, reviewed about every 4 weeks.', required: false, untilFurtherOrder: 'NOT_ALLOWED' },
    breach: 'Not legally binding, but a breach is evidence for later legal action.',
    requires: [],
    rung: 2,
  },
  COMMUNITY_REMEDY: {
    type: 'COMMUNITY_REMEDY',
    name: 'Community Remedy',
    kind: 'OUT_OF_COURT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, ss101–103',
    targets: ['PERSON'],
    whoMayIssue: "A police officer (or partner) as an out-of-court disposal, from the menu in the PCC's community remedy document.",
    test: 'Evidence of ASB or an offence; the offender admits it and agrees; the victim is consulted; the officer decides.',
    minimumAge: null,
    duration: { inWords: 'Case by case.', required: false, untilFurtherOrder: 'NOT_ALLOWED' },
    breach: 'Failure to comply can support more formal action.',
    requires: [],
    rung: 2,
  },
  COMMUNITY_PROTECTION_WARNING: {
    type: 'COMMUNITY_PROTECTION_WARNING',
    name: 'Community Protection Warning',
    kind: 'ENFORCEMENT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, ss43–58',
    targets: ['PERSON', 'BUSINESS_OR_ORGANISATION'],
    whoMayIssue: CP_ISSUERS,
    test: `${CP_TEST} A written warning must come before any notice.`,
    minimumAge: 16,
    duration: { inWords: 'Local practice: lapses after 6 months (Southend).', required: false, untilFurtherOrder: 'NOT_ALLOWED' },
    breach: 'Not complying opens the way to a Community Protection Notice.',
    requires: [],
    rung: 3,
  },
  COMMUNITY_PROTECTION_NOTICE: {
    type: 'COMMUNITY_PROTECTION_NOTICE',
    name: 'Community Protection Notice',
    kind: 'ENFORCEMENT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, ss43–58',
    targets: ['PERSON', 'BUSINESS_OR_ORGANISATION'],
    whoMayIssue: CP_ISSUERS,
    test: `${CP_TEST} A Community Protection Warning must have been given first, and the notice repeats its conditions.`,
    minimumAge: 16,
    duration: { inWords: 'Local practice: 12 months (Southend).', required: false, untilFurtherOrder: 'NOT_ALLOWED' },
    breach:
      'A criminal offence: a fixed penalty of £100, or on conviction a fine up to level 4 (£2,500) for a person or £20,000 for a business; also remedial orders, works in default, forfeiture or seizure.',
    requires: ['EARLIER_CPW'],
    rung: 4,
  },
  CIVIL_INJUNCTION: {
    type: 'CIVIL_INJUNCTION',
    name: 'Civil injunction',
    kind: 'ENFORCEMENT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, Part 1, s1',
    targets: ['PERSON'],
    whoMayIssue:
      'A court, on application by the council, police (including BTP), a social housing provider, the Environment Agency and others: the youth court for under-18s, the county court or High Court for adults.',
    test: 'On the balance of probabilities the person engaged or threatens to engage in ASB, and it is just and convenient to grant; can prohibit or require things.',
    minimumAge: 10,
    duration: {
      inWords: 'Under-18s: a set period of at most 12 months. Adults: a set period or until further order.',
      required: true,
      untilFurtherOrder: 'ALLOWED_FOR_ADULTS',
      maximumUnder18: months(12),
    },
    breach:
      'Contempt of court, not a criminal offence; a power of arrest can be attached, and an adult can be excluded from home where there is violence or significant risk of harm. A breach found by a court is condition 2 of the absolute ground for possession.',
    requires: [],
    rung: 4,
  },
  CRIMINAL_BEHAVIOUR_ORDER: {
    type: 'CRIMINAL_BEHAVIOUR_ORDER',
    name: 'Criminal Behaviour Order',
    kind: 'ENFORCEMENT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, Part 2',
    targets: ['PERSON'],
    whoMayIssue:
      "A criminal court on conviction, on the prosecution's application (the CPS at the request of the police or council); for under-18s the youth offending team must be consulted, though it has no veto.",
    test: 'Beyond reasonable doubt the behaviour caused or was likely to cause harassment, alarm or distress, and the order will help prevent it.',
    minimumAge: 10,
    // Sources differ for under-18s (one local guide says 1–2 years); the statute gives 1–3.
    duration: {
      inWords: 'Adults: at least 2 years, up to indefinite. Under-18s: 1 to 3 years, reviewed every 12 months.',
      required: true,
      untilFurtherOrder: 'ALLOWED_FOR_ADULTS',
      minimum: years(2),
      minimumUnder18: years(1),
      maximumUnder18: years(3),
    },
    breach:
      'A criminal offence: up to 6 months in prison on summary conviction, up to 5 years on indictment; youth court powers for under-18s.',
    requires: ['CONVICTION'],
    rung: 5,
  },
  ABSOLUTE_POSSESSION: {
    type: 'ABSOLUTE_POSSESSION',
    name: 'Absolute ground for possession',
    kind: 'ENFORCEMENT',
    legislation: 'Housing Act 1985 s84A (secure tenancies); Housing Act 1988 Schedule 2 Ground 7A (assured tenancies)',
    targets: ['TENANCY'],
    whoMayIssue:
      'A social landlord, through the court, after serving notice and offering a review; the tenant can still raise a proportionality defence.',
    test: 'One of five conditions met by the tenant, a household member or a visitor: a conviction for a serious offence; a court finding of a civil injunction breach; a conviction for breaching a CBO; closure for more than 48 hours under a closure order; a conviction for breaching a noise abatement notice or order. The behaviour must relate to the locality, its residents, or the landlord or its staff.',
    minimumAge: null,
    duration: {
      inWords: 'Not applicable; time limits for serving notice vary by condition.',
      required: false,
      untilFurtherOrder: 'NOT_ALLOWED',
    },
    breach: 'A possession order.',
    requires: ['POSSESSION_CONDITION'],
    rung: 5,
  },
  DISPERSAL_DIRECTION: {
    type: 'DISPERSAL_DIRECTION',
    name: 'Dispersal direction',
    kind: 'ENFORCEMENT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, ss34–42',
    targets: ['PERSON'],
    whoMayIssue:
      'An inspector or above authorises the locality for up to 48 hours; a uniformed constable or designated PCSO gives the direction.',
    test: "Reasonable grounds that the person's behaviour contributes to harassment, alarm or distress, or to crime or disorder. Under-16s can be taken home or to a place of safety.",
    minimumAge: 10,
    duration: { inWords: 'Exclusion for up to 48 hours.', required: true, untilFurtherOrder: 'NOT_ALLOWED', maximum: hours(48) },
    breach: 'Failing to comply is an offence.',
    requires: [],
    rung: null,
  },
  PUBLIC_SPACES_PROTECTION_ORDER: {
    type: 'PUBLIC_SPACES_PROTECTION_ORDER',
    name: 'Public Spaces Protection Order',
    kind: 'ENFORCEMENT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, Part 4 chapter 2',
    targets: ['PUBLIC_PLACE'],
    whoMayIssue: 'The local authority, after consulting the chief officer of police, the PCC, the community and landowners.',
    test: 'Activity in a public place that is detrimental to local quality of life, persistent or continuing, and unreasonable; regard must be had to freedom of expression and assembly.',
    minimumAge: null,
    duration: { inWords: 'Up to 3 years, renewable.', required: true, untilFurtherOrder: 'NOT_ALLOWED', maximum: years(3) },
    breach: 'An offence: a fixed penalty up to £100 or a fine up to level 3 (£1,000).',
    requires: [],
    rung: null,
  },
  CLOSURE_NOTICE: {
    type: 'CLOSURE_NOTICE',
    name: 'Closure notice',
    kind: 'ENFORCEMENT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, Part 4 chapter 3',
    targets: ['PREMISES'],
    whoMayIssue: 'A police inspector or above, or the local authority, after consultation.',
    test: 'Nuisance or disorder near the premises linked to their use.',
    minimumAge: null,
    duration: {
      inWords: 'Up to 24 hours, extendable to 48 hours.',
      required: true,
      untilFurtherOrder: 'NOT_ALLOWED',
      maximum: hours(24),
      maximumWhenExtended: hours(48),
    },
    breach:
      "An offence: up to 3 months in prison and an unlimited fine. The magistrates' court must hear the closure order application within 48 hours of service.",
    requires: [],
    rung: null,
  },
  CLOSURE_ORDER: {
    type: 'CLOSURE_ORDER',
    name: 'Closure order',
    kind: 'ENFORCEMENT',
    legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, Part 4 chapter 3',
    targets: ['PREMISES'],
    whoMayIssue: "A magistrates' court, on application by a constable or the council.",
    test: 'Disorderly, offensive or criminal behaviour, serious nuisance or disorder at the premises, and the order is necessary to prevent it.',
    minimumAge: null,
    duration: {
      inWords: 'Up to 3 months, extendable to 6 months in all.',
      required: true,
      untilFurtherOrder: 'NOT_ALLOWED',
      maximum: months(3),
      maximumWhenExtended: months(6),
    },
    breach:
      'An offence: up to 6 months in prison and an unlimited fine; appeal within 21 days. Closure for more than 48 hours is condition 4 of the absolute ground for possession.',
    requires: ['CLOSURE_NOTICE'],
    rung: null,
  },
};

export const INTERVENTIONS: readonly Intervention[] = Object.values(INTERVENTION_CATALOGUE);
