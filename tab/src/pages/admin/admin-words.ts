// The choices the admin pages offer, typed from the API's schema.
import type { Answer } from '../../api/answers';

export type AgencyType = Answer<'/api/agencies'>[number]['type'];
export type MemberRole = Answer<'/api/members'>[number]['roles'][number];

export const AGENCY_TYPES: readonly AgencyType[] = [
  'POLICE',
  'COUNCIL_ASB',
  'HOUSING_PROVIDER',
  'ADULT_SOCIAL_CARE',
  'CHILDRENS_SOCIAL_CARE',
  'MENTAL_HEALTH',
  'HEALTH',
  'FIRE',
  'VICTIM_SUPPORT',
  'YOUTH_JUSTICE',
  'PROBATION',
  'DRUG_ALCOHOL',
  'EDUCATION',
  'OTHER',
];

export const ROLE_CHOICES: readonly { role: MemberRole; label: string }[] = [
  { role: 'REFERRER', label: 'Referrer' },
  { role: 'PANEL_MEMBER', label: 'Panel member' },
  { role: 'PANEL_CHAIR', label: 'Chair' },
  { role: 'MINUTE_TAKER', label: 'Minute-taker' },
  { role: 'AUDITOR', label: 'Auditor' },
  { role: 'PARTNERSHIP_ADMIN', label: 'Partnership admin' },
];

export type PanelType = Answer<'/api/panels'>[number]['type'];

export const PANEL_TYPES: readonly { type: PanelType; label: string }[] = [
  { type: 'CMARAC', label: 'Community MARAC' },
  { type: 'OFFENDER_PANEL', label: 'Offender panel' },
  { type: 'PROBLEM_SOLVING_FORUM', label: 'Problem-solving forum' },
];
