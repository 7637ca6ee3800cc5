// Consent and the lawful basis for sharing a person's information with the partnership, shared by the
// API (which refuses a record or referral that breaks the rule) and the tab (which asks the questions).
// Consent is sought but not required: without it, the referrer names the basis the law gives for
// sharing anyway and says why it applies (s115 Crime and Disorder Act 1998; UK GDPR and DPA 2018).
import type { FormProblem } from './referral-form';

export const CONSENT_STATUSES = ['GIVEN', 'REFUSED', 'NOT_SOUGHT', 'WITHDRAWN'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Asked in a referral: consent can only be withdrawn once it has been given, later on the case. */
export const REFERRAL_CONSENT_STATUSES = ['GIVEN', 'REFUSED', 'NOT_SOUGHT'] as const satisfies readonly ConsentStatus[];

export const CONSENT_LABELS: Record<ConsentStatus, string> = {
  GIVEN: 'Yes, they consented to their information being shared',
  REFUSED: 'No, they refused',
  NOT_SOUGHT: 'Consent was not sought',
  WITHDRAWN: 'They have withdrawn the consent they gave',
};

/** The bases for sharing without consent. Consent itself is the basis when it is given. */
export const BASES_WITHOUT_CONSENT = ['PUBLIC_TASK', 'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'LAW_ENFORCEMENT'] as const;
export type BasisWithoutConsent = (typeof BASES_WITHOUT_CONSENT)[number];
export type LawfulBasis = BasisWithoutConsent | 'CONSENT';
export type SharingRegime = 'UK_GDPR_DPA_PART_2' | 'DPA_PART_3_LAW_ENFORCEMENT';

export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, string> = {
  CONSENT: 'Consent (UK GDPR Article 6(1)(a))',
  PUBLIC_TASK:
    'Public task (UK GDPR Article 6(1)(e)): sharing with a relevant authority to reduce crime and disorder, under section 115 of the Crime and Disorder Act 1998',
  LEGAL_OBLIGATION: 'Legal obligation (UK GDPR Article 6(1)(c)): a law requires the information to be shared',
  VITAL_INTERESTS: "Vital interests (UK GDPR Article 6(1)(d)): sharing is needed to protect someone's life",
  LAW_ENFORCEMENT:
    'Law enforcement (Data Protection Act 2018 Part 3): a competent authority, such as the police, shares for law-enforcement purposes',
};

export const SHARING_REGIME_LABELS: Record<SharingRegime, string> = {
  UK_GDPR_DPA_PART_2: 'UK GDPR and Data Protection Act 2018 Part 2',
  DPA_PART_3_LAW_ENFORCEMENT: 'Data Protection Act 2018 Part 3 (law enforcement)',
};

export const JUSTIFICATION_LIMIT = 2000;

/** Consent as the referrer or a case's agency records it; parts may be missing while it is typed. */
export interface ConsentAnswer {
  status?: string | undefined;
  lawfulBasis?: string | undefined;
  justification?: string | undefined;
}

export interface ConsentDecision {
  consent: ConsentStatus;
  lawfulBasis: LawfulBasis;
  regime: SharingRegime;
  justification: string | null;
}

const isOneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (values as readonly string[]).includes(value);

/** Part 3 covers a competent authority sharing for law enforcement; everything else is UK GDPR. */
export const regimeOf = (basis: LawfulBasis): SharingRegime =>
  basis === 'LAW_ENFORCEMENT' ? 'DPA_PART_3_LAW_ENFORCEMENT' : 'UK_GDPR_DPA_PART_2';

/**
 * What is missing or wrong in a consent answer, with fields under `prefix`. Without consent, the
 * lawful basis and why it applies are both required: sharing without them is not lawful.
 */
export function consentProblems(
  answer: ConsentAnswer | undefined,
  prefix: string,
  allowed: readonly ConsentStatus[] = REFERRAL_CONSENT_STATUSES,
): FormProblem[] {
  const status = answer?.status;
  if (!isOneOf(allowed, status))
    return [{ field: `${prefix}.status`, message: 'Say whether the person consented to sharing their information.' }];
  if (status === 'GIVEN') return [];
  const problems: FormProblem[] = [];
  if (!isOneOf(BASES_WITHOUT_CONSENT, answer?.lawfulBasis))
    problems.push({ field: `${prefix}.lawfulBasis`, message: 'Choose the lawful basis for sharing their information without consent.' });
  const justification = answer?.justification?.trim() ?? '';
  if (justification === '')
    problems.push({ field: `${prefix}.justification`, message: 'Say why sharing without consent is necessary and proportionate.' });
  else if (justification.length > JUSTIFICATION_LIMIT)
    problems.push({ field: `${prefix}.justification`, message: `Keep this under ${JUSTIFICATION_LIMIT} characters.` });
  return problems;
}

/** The record to keep for a complete answer (check it with consentProblems first), or null. */
export function consentDecision(
  answer: ConsentAnswer | undefined,
  allowed: readonly ConsentStatus[] = REFERRAL_CONSENT_STATUSES,
): ConsentDecision | null {
  if (consentProblems(answer, 'consent', allowed).length > 0 || !answer?.status) return null;
  const consent = answer.status as ConsentStatus;
  if (consent === 'GIVEN') return { consent, lawfulBasis: 'CONSENT', regime: 'UK_GDPR_DPA_PART_2', justification: null };
  const lawfulBasis = answer.lawfulBasis as BasisWithoutConsent;
  return { consent, lawfulBasis, regime: regimeOf(lawfulBasis), justification: answer.justification!.trim() };
}
