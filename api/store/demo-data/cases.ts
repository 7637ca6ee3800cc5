// Thirty victim, perpetrator and location cases, the people and places they link (VOL), and the
// 200 incidents of the last twelve months behind them.
import { londonDateOf } from '../../domain/agenda/calendar-date';
import type { AsbCategory, CaseRole, CaseStatus, RiskBand, SubjectType } from '../generated/client';
import { agencyByKey, DEMO_MEMBERS, DEMO_PARTNERSHIP_ID, panelByKey, type AgencyKey, type DemoMember, type DemoPanel } from './partnership';
import type { DemoLocation, DemoPerson, Directory } from './people-places';
import type { IdMaker, Random } from './random';
import type { DemoRows } from './rows';
import type { ScheduledMeeting } from './schedule';
import { addMinutes, laterOf, type DemoClock } from './time';

export const CASE_COUNT = 30;
export const INCIDENT_COUNT = 200;
const UNLINKED_INCIDENTS = 24;

export interface DemoCase {
  id: string;
  kind: SubjectType;
  panel: DemoPanel;
  route: 'PANEL' | 'LEAD_AGENCY_CASEWORK';
  lead: AgencyKey;
  referrer: DemoMember;
  submittedAt: Date;
  openedAt: Date;
  victims: DemoPerson[];
  perpetrators: DemoPerson[];
  witnesses: DemoPerson[];
  locations: DemoLocation[];
  /** Agencies involved and since when: need-to-know access follows this. */
  agencies: Map<AgencyKey, Date>;
  incidentTimes: Date[];
  hearings: ScheduledMeeting[];
  initialReferralId: string;
  /** A second referral after a new incident, heard at the meeting whose cut-off follows it. */
  repeatReferral: { id: string; submittedAt: Date } | null;
  reference: string;
  summary: string;
  status: CaseStatus;
  currentRiskBand: RiskBand | null;
  lastHeardAt: Date | null;
  closedAt: Date | null;
  closureReason: string | null;
}

/** The person or place a case is about. */
export function mainSubject(c: DemoCase): { personId: string | null; locationId: string | null } {
  if (c.kind === 'LOCATION') return { personId: null, locationId: c.locations[0]?.id ?? null };
  const person = c.kind === 'VICTIM' ? c.victims[0] : c.perpetrators[0];
  return { personId: person?.id ?? null, locationId: null };
}

export function involve(c: DemoCase, agency: AgencyKey, since: Date): void {
  const known = c.agencies.get(agency);
  c.agencies.set(agency, known && known < since ? known : since);
}

const PANEL_FOR: Record<SubjectType, DemoPanel> = {
  VICTIM: panelByKey('cmarac'),
  PERPETRATOR: panelByKey('offender'),
  LOCATION: panelByKey('forum'),
};

const LEADS: Record<SubjectType, readonly (readonly [AgencyKey, number])[]> = {
  VICTIM: [
    ['council', 3],
    ['fernbrookHomes', 2],
    ['sampleshireHousing', 1],
    ['police', 1],
  ],
  PERPETRATOR: [
    ['police', 3],
    ['council', 2],
    ['fernbrookHomes', 1],
    ['sampleshireHousing', 1],
  ],
  LOCATION: [
    ['council', 3],
    ['police', 2],
  ],
};

const SUMMARIES: Record<SubjectType, readonly string[]> = {
  VICTIM: [
    'Older resident targeted by neighbours with verbal abuse and banging on the door late at night.',
    'Disabled tenant harassed by a group who gather on the landing; the victim no longer goes out after dark.',
    'Resident subjected to persistent noise and threats from the flat above; sleep and mental health badly affected.',
    'Victim believes they are targeted because of their race; eggs thrown at windows and abuse shouted in the street.',
    'Vulnerable adult whose flat is being used by others; visitors at all hours and intimidation when challenged.',
  ],
  PERPETRATOR: [
    'Young adult at the centre of repeated street drinking, abuse and criminal damage around the parade.',
    'Tenant causing persistent noise nuisance and threatening neighbours who complain.',
    'Person repeatedly reported for intimidating behaviour and riding off-road bikes through the estate.',
    'Resident with unmet mental health needs whose shouting and door slamming affect the whole block.',
  ],
  LOCATION: [
    'Groups gathering after dark with drug use, litter and intimidation of passers-by.',
    'Repeated fly-tipping and small fires; residents afraid to use the path at night.',
    'Late-night disorder spilling out of the premises; noise and fights reported weekly.',
    'Address with frequent visitors, suspected drug supply and a vulnerable tenant.',
  ],
};

export interface CasePlan {
  cases: DemoCase[];
  /** People who are referred but not (yet) a case: drafts, pending, declined and withdrawn referrals. */
  referralOnlyVictims: DemoPerson[];
  referralOnlyPlace: DemoLocation;
}

export function planCases(
  random: Random,
  id: IdMaker,
  clock: DemoClock,
  directory: Directory,
  schedules: Map<string, ScheduledMeeting[]>,
): CasePlan {
  const kinds = random.shuffle<SubjectType>([
    ...Array<SubjectType>(14).fill('VICTIM'),
    ...Array<SubjectType>(9).fill('PERPETRATOR'),
    ...Array<SubjectType>(7).fill('LOCATION'),
  ]);
  // One of each kind is left with its lead agency from the start: no panel criterion met.
  const leadAgencyOnly = new Set<number>();
  for (const kind of ['VICTIM', 'VICTIM', 'PERPETRATOR', 'LOCATION'] as const) {
    const candidate = kinds.findIndex((k, i) => k === kind && !leadAgencyOnly.has(i));
    leadAgencyOnly.add(candidate);
  }
  const usedPlaces = new Set<string>();
  const cases: DemoCase[] = kinds.map((kind, index) => {
    const panel = PANEL_FOR[kind];
    const meetings = schedules.get(panel.key) ?? [];
    const submittedAt = submissionTime(random, clock, meetings, index);
    const lead = random.weighted(LEADS[kind]);
    const c: DemoCase = {
      id: id('case', index),
      kind,
      panel,
      route: leadAgencyOnly.has(index) ? 'LEAD_AGENCY_CASEWORK' : 'PANEL',
      lead,
      referrer: chooseReferrer(random, kind, lead),
      submittedAt,
      openedAt: addMinutes(submittedAt, random.int(1, 4) * 24 * 60),
      victims: [],
      perpetrators: [],
      witnesses: [],
      locations: [],
      agencies: new Map(),
      incidentTimes: [],
      hearings: [],
      initialReferralId: id('referral', 'case', index),
      repeatReferral: null,
      reference: '',
      summary: random.pick(SUMMARIES[kind]),
      status: 'OPEN',
      currentRiskBand: null,
      lastHeardAt: null,
      closedAt: null,
      closureReason: null,
    };
    if (c.openedAt > clock.at(clock.today, 0)) c.openedAt = addMinutes(clock.at(clock.today, 0), -60);
    castCase(c, random, directory, usedPlaces);
    involve(c, lead, c.openedAt);
    involve(c, c.referrer.agencyKey, c.submittedAt);
    for (const thing of [...c.victims, ...c.perpetrators, ...c.witnesses, ...c.locations]) directory.seen(thing, c.submittedAt);
    return c;
  });
  numberCases(cases);
  const referralOnlyVictims = [
    directory.person('VICTIM'),
    directory.person('VICTIM'),
    directory.person('VICTIM'),
    directory.person('VICTIM'),
  ];
  const referralOnlyPlace = directory.publicSpaces.find((p) => !usedPlaces.has(p.id)) ?? (directory.publicSpaces[0] as DemoLocation);
  return { cases, referralOnlyVictims, referralOnlyPlace };
}

/**
 * Most cases are months old; the newest were referred after the last meeting so they are first
 * heard at the next one.
 */
function submissionTime(random: Random, clock: DemoClock, meetings: ScheduledMeeting[], index: number): Date {
  const next = meetings.at(-1);
  const last = meetings.filter((m) => m.held).at(-1);
  if (index % 10 === 9 && next && last) {
    const from = laterOf(last.endsAt, addMinutes(next.cutoff, -20 * 24 * 60)).getTime();
    const to = Math.min(next.cutoff.getTime(), clock.at(clock.today, 0).getTime()) - 60 * 60_000;
    if (to > from) return new Date(from + Math.floor((random.int(0, 1000) / 1000) * (to - from)));
  }
  const daysAgo = random.chance(0.4) ? random.int(20, 100) : random.int(100, 330);
  return clock.at(clock.daysAgo(daysAgo), random.int(9, 16), random.pick([0, 15, 30, 45]));
}

function chooseReferrer(random: Random, kind: SubjectType, lead: AgencyKey): DemoMember {
  const referrers = DEMO_MEMBERS.filter((m) => m.roles.includes('REFERRER'));
  const fromLead = referrers.filter((m) => m.agencyKey === lead);
  if (fromLead.length > 0 && random.chance(0.5)) return random.pick(fromLead);
  const allowed: readonly AgencyKey[] =
    kind === 'VICTIM'
      ? ['police', 'council', 'fernbrookHomes', 'sampleshireHousing', 'adultCare', 'mentalHealth', 'victimCare', 'fire']
      : ['police', 'council', 'fernbrookHomes', 'sampleshireHousing'];
  return random.pick(referrers.filter((m) => allowed.includes(m.agencyKey)));
}

/** Who and where each case is about: victim, offender and location linked (VOL). */
function castCase(c: DemoCase, random: Random, directory: Directory, usedPlaces: Set<string>): void {
  const existingPerpetrators = directory.people.filter((p) => p.role === 'PERPETRATOR');
  if (c.kind === 'VICTIM') {
    const victim = directory.person('VICTIM');
    c.victims.push(victim);
    if (random.chance(0.2)) c.victims.push(directory.person('VICTIM', { home: victim.home }));
    if (existingPerpetrators.length > 0 && random.chance(0.2)) c.perpetrators.push(random.pick(existingPerpetrators));
    else if (random.chance(0.5)) c.perpetrators.push(directory.person('PERPETRATOR', victim.home ? { near: victim.home } : {}));
  } else if (c.kind === 'PERPETRATOR') {
    const perpetrator = directory.person('PERPETRATOR');
    c.perpetrators.push(perpetrator);
    if (random.chance(0.25)) c.perpetrators.push(directory.person('PERPETRATOR'));
    c.victims.push(directory.person('VICTIM', perpetrator.home ? { near: perpetrator.home } : {}));
    if (random.chance(0.3)) c.victims.push(directory.person('VICTIM', perpetrator.home ? { near: perpetrator.home } : {}));
  } else {
    const spaces = [...directory.publicSpaces, ...directory.businesses].filter((p) => !usedPlaces.has(p.id));
    const place = random.chance(0.2) || spaces.length === 0 ? directory.dwelling() : random.pick(spaces);
    usedPlaces.add(place.id);
    c.locations.push(place);
    c.victims.push(directory.person('VICTIM', place.kind === 'DWELLING' ? { near: place } : {}));
    if (place.kind === 'DWELLING') c.perpetrators.push(directory.person('PERPETRATOR', { home: place }));
    else if (random.chance(0.4)) c.perpetrators.push(directory.person('PERPETRATOR'));
  }
  if (random.chance(0.2)) c.witnesses.push(directory.person('WITNESS'));
  // Once all 60 people exist, people are reused; nobody holds the same role twice in one case.
  c.victims = [...new Set(c.victims)];
  c.perpetrators = [...new Set(c.perpetrators)];
  c.witnesses = [...new Set(c.witnesses)].filter((w) => !c.victims.includes(w) && !c.perpetrators.includes(w));
  for (const person of [...c.victims, ...c.perpetrators]) {
    if (person.home && !c.locations.includes(person.home) && (c.kind !== 'LOCATION' || c.locations.length < 2))
      c.locations.push(person.home);
  }
  if (c.kind !== 'LOCATION' && random.chance(0.3)) c.locations.push(random.pick(directory.publicSpaces));
}

/** ASB-2026-0007: numbered by opening date within each year. */
function numberCases(cases: DemoCase[]): void {
  const perYear = new Map<number, number>();
  for (const c of [...cases].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id))) {
    const year = c.openedAt.getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    c.reference = `ASB-${year}-${String(n).padStart(4, '0')}`;
  }
}

const DESCRIPTIONS: Record<AsbCategory, readonly string[]> = {
  PERSONAL: [
    'Verbal abuse shouted at the resident from the communal stairwell.',
    'Threats made on the doorstep when the resident asked for the noise to stop.',
    'Resident followed from the bus stop and intimidated by a group.',
    'Abusive messages posted online about the resident.',
    'Eggs thrown at the windows late at night.',
    'Repeated knocking on the door and running off after midnight.',
  ],
  NUISANCE: [
    'Loud music and shouting from the flat until about 3am.',
    'Group gathering and drinking in the stairwell; residents unable to pass.',
    'Off-road motorbikes ridden across the grass and footpaths.',
    'Frequent short visits to the address; suspected drug dealing.',
    'Door slamming and arguments through the night.',
    'Fireworks set off in the street towards parked cars.',
  ],
  ENVIRONMENTAL: [
    'Rubbish and a mattress dumped in the rear garden.',
    'Fly-tipping by the garages.',
    'Graffiti sprayed on the bus shelter and walls.',
    'Used needles found near the play area.',
    'Wheelie bins set alight next to the flats.',
    'Broken glass and bottles left across the footpath.',
  ],
};

const CATEGORY_MIX: Record<SubjectType, readonly (readonly [AsbCategory, number])[]> = {
  VICTIM: [
    ['PERSONAL', 6],
    ['NUISANCE', 3],
    ['ENVIRONMENTAL', 1],
  ],
  PERPETRATOR: [
    ['PERSONAL', 4],
    ['NUISANCE', 5],
    ['ENVIRONMENTAL', 1],
  ],
  LOCATION: [
    ['PERSONAL', 1],
    ['NUISANCE', 5],
    ['ENVIRONMENTAL', 4],
  ],
};

/** Spreads the 200 incidents over the cases (busier for panel cases) and a few with no case. */
export function addIncidents(rows: DemoRows, random: Random, id: IdMaker, clock: DemoClock, plan: CasePlan, directory: Directory): void {
  const yearAgo = clock.at(clock.daysAgo(364), 0).getTime();
  const yesterdayEnd = clock.at(clock.today, 0).getTime() - 60_000;
  const counts = new Map<DemoCase, number>();
  for (const c of plan.cases) counts.set(c, c.route === 'LEAD_AGENCY_CASEWORK' ? 2 : 3);
  const panelCases = plan.cases.filter((c) => c.route === 'PANEL');
  let remaining = INCIDENT_COUNT - UNLINKED_INCIDENTS - [...counts.values()].reduce((a, b) => a + b, 0);
  while (remaining > 0) {
    const c = random.weighted(panelCases.map((pc) => [pc, pc.kind === 'LOCATION' ? 3 : 2] as const));
    counts.set(c, (counts.get(c) ?? 0) + 1);
    remaining -= 1;
  }
  let n = 0;
  const addOne = (
    c: DemoCase | null,
    occurredAt: Date,
    category: AsbCategory,
    location: DemoLocation,
    people: [DemoPerson, CaseRole][],
  ): void => {
    const landlord: AgencyKey = c?.lead === 'sampleshireHousing' ? 'sampleshireHousing' : 'fernbrookHomes';
    const reportedTo = random.weighted<AgencyKey>([
      ['police', 55],
      ['council', 25],
      [landlord, 20],
    ]);
    const reportedAt = addMinutes(occurredAt, random.int(5, 60 * 24 * 2));
    const incidentId = id('incident', n);
    const agency = agencyByKey(reportedTo);
    rows.incidents.push({
      id: incidentId,
      partnershipId: DEMO_PARTNERSHIP_ID,
      caseId: c?.id ?? null,
      locationId: location.id,
      reportedToAgencyId: agency.id,
      occurredAt,
      reportedAt: new Date(Math.min(reportedAt.getTime(), yesterdayEnd)),
      category,
      description: random.pick(DESCRIPTIONS[category]),
      sourceReference: `${agency.referencePrefix}-${londonDateOf(occurredAt).replace(/-/g, '')}-${String(1000 + n).padStart(4, '0')}`,
      createdAt: reportedAt,
    });
    for (const [person, role] of people) rows.incidentPeople.push({ incidentId, personId: person.id, role, occurredAt });
    if (c) {
      c.incidentTimes.push(occurredAt);
      involve(c, reportedTo, reportedAt);
    }
    directory.seen(location, occurredAt);
    for (const [person] of people) directory.seen(person, occurredAt);
    n += 1;
  };
  for (const c of plan.cases) {
    const count = counts.get(c) ?? 0;
    const submitted = c.submittedAt.getTime();
    for (let i = 0; i < count; i += 1) {
      // Most incidents lead up to the referral; some carry on after it while partners act.
      const before = c.route === 'LEAD_AGENCY_CASEWORK' || random.chance(0.7);
      const from = before ? Math.max(yearAgo, submitted - 120 * 86_400_000) : submitted;
      const to = before ? submitted - 3_600_000 : yesterdayEnd;
      const occurredAt = new Date(from + Math.floor((random.int(0, 10_000) / 10_000) * Math.max(0, to - from)));
      const people: [DemoPerson, CaseRole][] = c.victims.filter((_, v) => v === 0 || random.chance(0.5)).map((p) => [p, 'VICTIM']);
      for (const p of c.perpetrators) if (random.chance(0.7)) people.push([p, 'PERPETRATOR']);
      for (const p of c.witnesses) if (random.chance(0.3)) people.push([p, 'WITNESS']);
      addOne(c, occurredAt, random.weighted(CATEGORY_MIX[c.kind]), random.pick(c.locations), people);
    }
  }
  const places = [...directory.publicSpaces, ...directory.businesses, ...directory.dwellings];
  for (let i = 0; i < UNLINKED_INCIDENTS; i += 1) {
    const occurredAt = new Date(yearAgo + Math.floor((random.int(0, 10_000) / 10_000) * (yesterdayEnd - yearAgo)));
    const victim = plan.referralOnlyVictims[i % 6];
    const people: [DemoPerson, CaseRole][] = victim ? [[victim, 'VICTIM']] : [];
    const place = victim?.home && random.chance(0.6) ? victim.home : i % 4 === 0 ? plan.referralOnlyPlace : random.pick(places);
    addOne(null, occurredAt, random.weighted(CATEGORY_MIX.VICTIM), place, people);
  }
}
