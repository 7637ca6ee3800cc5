// The fictional Fernbrook partnership: its agencies, the 20 people who work there, and its three
// panels. These ids do not depend on the seed, so a development sign-in screen can list the demo
// members as plain data.
import type { PanelCadence } from '../../domain/agenda/cadence';
import type { AgencyType, MemberRole, PanelMembership, PanelType } from '../generated/client';
import { nameBasedUuid } from './random';
import type { DemoRows } from './rows';
import type { DemoClock } from './time';

/** The demo's home Entra tenant; fictional. */
export const DEMO_TENANT_ID = '7e570000-0000-4000-8000-00000000c5b0';
/** The housing association that joins as Teams guests from its own (fictional) tenant. */
export const DEMO_GUEST_TENANT_ID = '7e570000-0000-4000-8000-00000000a55c';

export const DEMO_PARTNERSHIP_ID = nameBasedUuid('fernbrook-demo:partnership');
export const DEMO_PARTNERSHIP_NAME = 'Fernbrook Community Safety Partnership';

export type AgencyKey =
  | 'police'
  | 'council'
  | 'fernbrookHomes'
  | 'sampleshireHousing'
  | 'adultCare'
  | 'childrensCare'
  | 'mentalHealth'
  | 'fire'
  | 'victimCare'
  | 'probation';

export interface DemoAgency {
  key: AgencyKey;
  id: string;
  name: string;
  type: AgencyType;
  guestTenantId: string | null;
  /** Reference prefix for incidents reported to this agency. */
  referencePrefix: string;
}

const agency = (
  key: AgencyKey,
  name: string,
  type: AgencyType,
  referencePrefix: string,
  guestTenantId: string | null = null,
): DemoAgency => ({
  key,
  id: nameBasedUuid(`fernbrook-demo:agency:${key}`),
  name,
  type,
  guestTenantId,
  referencePrefix,
});

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  agency('police', 'Sampleshire Police (Fernbrook Neighbourhood Policing)', 'POLICE', 'SP'),
  agency('council', 'Fernbrook District Council ASB Team', 'COUNCIL_ASB', 'FDC-ASB'),
  agency('fernbrookHomes', 'Fernbrook Homes', 'HOUSING_PROVIDER', 'FH'),
  agency('sampleshireHousing', 'Sampleshire Housing Association', 'HOUSING_PROVIDER', 'SHA', DEMO_GUEST_TENANT_ID),
  agency('adultCare', 'Sampleshire County Council Adult Social Care', 'ADULT_SOCIAL_CARE', 'ASC'),
  agency('childrensCare', "Sampleshire County Council Children's Services", 'CHILDRENS_SOCIAL_CARE', 'CSC'),
  agency('mentalHealth', 'Sampleshire Mental Health Trust (Fernbrook CMHT)', 'MENTAL_HEALTH', 'CMHT'),
  agency('fire', 'Sampleshire Fire and Rescue Service', 'FIRE', 'SFRS'),
  agency('victimCare', 'Fernbrook Victim Care Service', 'VICTIM_SUPPORT', 'FVC'),
  agency('probation', 'Sampleshire Probation Delivery Unit', 'PROBATION', 'PDU'),
];

export function agencyByKey(key: AgencyKey): DemoAgency {
  const found = DEMO_AGENCIES.find((a) => a.key === key);
  if (!found) throw new Error(`unknown demo agency ${key}`);
  return found;
}

export interface DemoMember {
  key: string;
  id: string;
  entraObjectId: string;
  tenantId: string;
  displayName: string;
  email: string;
  jobTitle: string;
  agencyKey: AgencyKey;
  agencyName: string;
  roles: readonly MemberRole[];
}

const EMAIL_DOMAINS: Record<AgencyKey, string> = {
  police: 'sampleshire.police.example',
  council: 'fernbrook.gov.example',
  fernbrookHomes: 'fernbrookhomes.example',
  sampleshireHousing: 'sampleshire-ha.example',
  adultCare: 'sampleshire.gov.example',
  childrensCare: 'sampleshire.gov.example',
  mentalHealth: 'sampleshire-mh.nhs.example',
  fire: 'sampleshirefire.example',
  victimCare: 'fernbrookvictimcare.example',
  probation: 'probation.example',
};

const MEMBER_LIST: readonly (readonly [string, string, AgencyKey, readonly MemberRole[]])[] = [
  ['Priya Example', 'Inspector, Neighbourhood Policing', 'police', ['PANEL_CHAIR', 'PANEL_MEMBER']],
  ['Grace Testington', 'Sergeant, Neighbourhood Policing', 'police', ['PANEL_MEMBER', 'REFERRER']],
  ['Dan Sample', 'Police Constable, Neighbourhood Team', 'police', ['REFERRER']],
  ['Tom Madeup', 'Police Community Support Officer', 'police', ['REFERRER']],
  ['Helen Placeholder', 'Community Safety Manager', 'council', ['PANEL_CHAIR', 'PANEL_MEMBER']],
  ['Marcus Fictional', 'ASB Team Leader', 'council', ['PANEL_MEMBER', 'REFERRER']],
  ['Aisha Samplewood', 'ASB Officer', 'council', ['REFERRER']],
  ['Owen Dummy', 'Community Safety Partnership Officer', 'council', ['PARTNERSHIP_ADMIN', 'PANEL_MEMBER']],
  ['Ruth Notreal', 'Information Governance Officer', 'council', ['AUDITOR']],
  ['Kate Mockley', 'Tenancy Enforcement Officer', 'fernbrookHomes', ['PANEL_MEMBER', 'REFERRER']],
  ['Gary Testwell', 'Neighbourhood Housing Manager', 'fernbrookHomes', ['PANEL_MEMBER']],
  ['Nadia Exampleton', 'Community Safety Officer', 'sampleshireHousing', ['PANEL_MEMBER', 'REFERRER']],
  ['Joe Demoson', 'Neighbourhood Officer', 'sampleshireHousing', ['REFERRER']],
  ['Fiona Pretend', 'Adult Safeguarding Practitioner', 'adultCare', ['PANEL_MEMBER', 'REFERRER']],
  ['Sam Imaginary', 'Social Worker, Multi-Agency Safeguarding Hub', 'childrensCare', ['PANEL_MEMBER']],
  ['Lewis Fauxley', 'Community Mental Health Nurse', 'mentalHealth', ['PANEL_MEMBER', 'REFERRER']],
  ['Hannah Invented', 'Mental Health Liaison Practitioner', 'mentalHealth', ['PANEL_MEMBER']],
  ['Chris Specimen', 'Prevention and Protection Officer', 'fire', ['PANEL_MEMBER', 'REFERRER']],
  ['Bola Lorem', 'Victim Caseworker', 'victimCare', ['PANEL_MEMBER', 'REFERRER']],
  ['Martin Ipsum', 'Probation Officer', 'probation', ['PANEL_MEMBER']],
  ['Leah Stand-in', 'ASB Panel Coordinator', 'council', ['MINUTE_TAKER']],
];

export const DEMO_MEMBERS: readonly DemoMember[] = MEMBER_LIST.map(([displayName, jobTitle, agencyKey, roles], index) => {
  const key = displayName.toLowerCase().replace(/[^a-z]+/g, '-');
  return {
    key,
    id: nameBasedUuid(`fernbrook-demo:member:${key}`),
    // Obviously fake object ids: the tenant's prefix and a running number.
    entraObjectId: `7e570000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    tenantId: DEMO_TENANT_ID,
    displayName,
    email: `${key.replace('-', '.')}@${EMAIL_DOMAINS[agencyKey]}`,
    jobTitle,
    agencyKey,
    agencyName: agencyByKey(agencyKey).name,
    roles,
  };
});

export function memberByName(displayName: string): DemoMember {
  const found = DEMO_MEMBERS.find((m) => m.displayName === displayName);
  if (!found) throw new Error(`unknown demo member ${displayName}`);
  return found;
}

/**
 * Agencies with a lead for the partnership, who receives the chair's note when the panel finds the
 * agency did not do an action. The others have none yet, as a partnership setting up would.
 */
const AGENCY_LEADS: ReadonlyArray<readonly [AgencyKey, string]> = [
  ['police', 'Grace Testington'],
  ['council', 'Marcus Fictional'],
  ['fernbrookHomes', 'Gary Testwell'],
  ['mentalHealth', 'Lewis Fauxley'],
];

export function demoAgencyLeads(): Array<{ agencyId: string; leadMemberId: string }> {
  return AGENCY_LEADS.map(([key, name]) => ({ agencyId: agencyByKey(key).id, leadMemberId: memberByName(name).id }));
}

export function membersOf(key: AgencyKey): DemoMember[] {
  return DEMO_MEMBERS.filter((m) => m.agencyKey === key);
}

export type PanelKey = 'cmarac' | 'offender' | 'forum';

export interface DemoPanel {
  key: PanelKey;
  id: string;
  type: PanelType;
  name: string;
  cadence: PanelCadence;
  referralCutoffDays: number;
  meetingMinutes: number;
  defaultItemMinutes: number;
  /** Start of the meeting, London wall clock. */
  startsAt: readonly [hour: number, minute: number];
  chairs: readonly string[];
  agencies: readonly (readonly [AgencyKey, PanelMembership])[];
}

export const DEMO_PANELS: readonly DemoPanel[] = [
  {
    key: 'cmarac',
    id: nameBasedUuid('fernbrook-demo:panel:cmarac'),
    type: 'CMARAC',
    name: 'Fernbrook Community MARAC',
    cadence: { kind: 'MONTHLY', weekday: 'THURSDAY', week: 2 },
    referralCutoffDays: 10,
    meetingMinutes: 180,
    defaultItemMinutes: 15,
    startsAt: [10, 0],
    chairs: ['Priya Example', 'Helen Placeholder'],
    agencies: [
      ['police', 'CORE'],
      ['council', 'CORE'],
      ['fernbrookHomes', 'CORE'],
      ['adultCare', 'CORE'],
      ['mentalHealth', 'CORE'],
      ['victimCare', 'CORE'],
      ['sampleshireHousing', 'FLEXIBLE'],
      ['childrensCare', 'FLEXIBLE'],
      ['fire', 'FLEXIBLE'],
      ['probation', 'FLEXIBLE'],
    ],
  },
  {
    key: 'offender',
    id: nameBasedUuid('fernbrook-demo:panel:offender'),
    type: 'OFFENDER_PANEL',
    name: 'Fernbrook Offender Panel',
    cadence: { kind: 'MONTHLY', weekday: 'TUESDAY', week: 2 },
    referralCutoffDays: 10,
    meetingMinutes: 120,
    defaultItemMinutes: 15,
    startsAt: [14, 0],
    chairs: ['Priya Example'],
    agencies: [
      ['police', 'CORE'],
      ['council', 'CORE'],
      ['probation', 'CORE'],
      ['fernbrookHomes', 'CORE'],
      ['sampleshireHousing', 'CORE'],
      ['mentalHealth', 'FLEXIBLE'],
      ['childrensCare', 'FLEXIBLE'],
      ['adultCare', 'FLEXIBLE'],
    ],
  },
  {
    key: 'forum',
    id: nameBasedUuid('fernbrook-demo:panel:forum'),
    type: 'PROBLEM_SOLVING_FORUM',
    name: 'Fernbrook Problem-Solving Forum',
    cadence: { kind: 'MONTHLY', weekday: 'WEDNESDAY', week: 'LAST' },
    referralCutoffDays: 7,
    meetingMinutes: 90,
    defaultItemMinutes: 10,
    startsAt: [10, 0],
    chairs: ['Helen Placeholder'],
    agencies: [
      ['council', 'CORE'],
      ['police', 'CORE'],
      ['fernbrookHomes', 'CORE'],
      ['fire', 'CORE'],
      ['sampleshireHousing', 'FLEXIBLE'],
      ['victimCare', 'FLEXIBLE'],
    ],
  },
];

export function panelByKey(key: PanelKey): DemoPanel {
  const found = DEMO_PANELS.find((p) => p.key === key);
  if (!found) throw new Error(`unknown demo panel ${key}`);
  return found;
}

/** The partnership was set up a little over a year before `today`. */
export function addPartnership(rows: DemoRows, clock: DemoClock): void {
  const setUp = clock.at(clock.daysAgo(400), 9);
  rows.partnerships.push({
    id: DEMO_PARTNERSHIP_ID,
    name: DEMO_PARTNERSHIP_NAME,
    area: 'Fernbrook District, Sampleshire (fictional)',
    createdAt: setUp,
    updatedAt: setUp,
  });
  for (const a of DEMO_AGENCIES) {
    rows.agencies.push({
      id: a.id,
      partnershipId: DEMO_PARTNERSHIP_ID,
      name: a.name,
      type: a.type,
      guestTenantId: a.guestTenantId,
      createdAt: setUp,
    });
  }
  for (const m of DEMO_MEMBERS) {
    rows.members.push({
      id: m.id,
      partnershipId: DEMO_PARTNERSHIP_ID,
      agencyId: agencyByKey(m.agencyKey).id,
      entraObjectId: m.entraObjectId,
      tenantId: m.tenantId,
      displayName: m.displayName,
      email: m.email,
      jobTitle: m.jobTitle,
      roles: [...m.roles],
      createdAt: setUp,
      updatedAt: setUp,
    });
  }
  for (const p of DEMO_PANELS) {
    rows.panels.push({
      id: p.id,
      partnershipId: DEMO_PARTNERSHIP_ID,
      type: p.type,
      name: p.name,
      cadence: { ...p.cadence },
      referralCutoffDays: p.referralCutoffDays,
      meetingMinutes: p.meetingMinutes,
      defaultItemMinutes: p.defaultItemMinutes,
      createdAt: setUp,
      updatedAt: setUp,
    });
    for (const [key, membership] of p.agencies) rows.panelAgencies.push({ panelId: p.id, agencyId: agencyByKey(key).id, membership });
    for (const chair of p.chairs) rows.panelChairs.push({ panelId: p.id, memberId: memberByName(chair).id });
  }
}
