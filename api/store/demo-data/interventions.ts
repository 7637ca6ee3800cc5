// Tools and powers used on perpetrators and places (the 2014 Act ladder, docs/domain.md §5), and the
// lawful basis and consent under which each person's information is shared.
import { addDays, addMonths, londonDateOf } from '../../domain/agenda/calendar-date';
import type { InterventionStatus, InterventionType } from '../generated/client';
import { involve, type DemoCase } from './cases';
import { agencyByKey, DEMO_MEMBERS, membersOf, type AgencyKey } from './partnership';
import type { IdMaker, Random } from './random';
import type { DemoRows } from './rows';
import { addMinutes, type DemoClock } from './time';
import { dateColumnOf } from '../calendar-dates';

interface Rung {
  type: InterventionType;
  issuers: readonly AgencyKey[];
  months: number | null;
  minimumAge: number;
  conditions: string;
}

/** Early interventions first, then the statutory powers; a breach is what moves a person up. */
const LADDER: readonly Rung[] = [
  {
    type: 'WARNING_LETTER',
    issuers: ['council', 'fernbrookHomes', 'police'],
    months: null,
    minimumAge: 10,
    conditions: 'Stop the behaviour described or further action will follow.',
  },
  {
    type: 'ACCEPTABLE_BEHAVIOUR_CONTRACT',
    issuers: ['council', 'police'],
    months: 6,
    minimumAge: 10,
    conditions: 'Not to gather in the stairwell; not to contact the complainants; attend two sessions with the support worker.',
  },
  {
    type: 'COMMUNITY_PROTECTION_WARNING',
    issuers: ['council', 'police'],
    months: 6,
    minimumAge: 16,
    conditions: 'Stop playing amplified music audible outside the flat between 11pm and 7am.',
  },
  {
    type: 'COMMUNITY_PROTECTION_NOTICE',
    issuers: ['council', 'police'],
    months: 12,
    minimumAge: 16,
    conditions: 'As the warning: no amplified music audible outside the flat between 11pm and 7am.',
  },
  {
    type: 'CIVIL_INJUNCTION',
    issuers: ['council', 'fernbrookHomes'],
    months: 12,
    minimumAge: 18,
    conditions: 'Not to enter Testington House or contact the named residents; power of arrest attached.',
  },
  {
    type: 'CRIMINAL_BEHAVIOUR_ORDER',
    issuers: ['police'],
    months: 24,
    minimumAge: 18,
    conditions: 'Not to enter the Placeholder Green Shopping Parade; must attend a substance misuse assessment.',
  },
];

export function addInterventions(rows: DemoRows, random: Random, id: IdMaker, clock: DemoClock, cases: DemoCase[]): void {
  for (const c of cases) {
    const people = c.kind === 'PERPETRATOR' ? c.perpetrators : c.perpetrators.filter(() => random.chance(0.5));
    for (const person of people) {
      const steps = random.weighted([
        [1, 3],
        [2, 4],
        [3, 3],
        [4, 2],
        [5, 1],
        [6, 1],
      ] as const);
      let date = londonDateOf(addMinutes(c.submittedAt, -random.int(20, 60) * 24 * 60));
      const ladder = LADDER.filter((r) => person.age >= r.minimumAge).slice(0, steps);
      ladder.forEach((rung, n) => {
        if (date >= clock.today) return;
        const last = n === ladder.length - 1 || addDays(date, 42) >= clock.today;
        const issuer = random.pick(rung.issuers);
        const status: InterventionStatus = last ? 'ACTIVE' : 'BREACHED';
        rows.interventions.push({
          id: id('intervention', c.id, person.id, rung.type),
          caseId: c.id,
          personId: person.id,
          type: rung.type,
          status,
          issuedByAgencyId: agencyByKey(issuer).id,
          issuedById: membersOf(issuer)[0]?.id ?? null,
          issuedOn: dateColumnOf(date),
          expiresOn: rung.months === null ? null : dateColumnOf(addMonths(date, rung.months)),
          conditions: rung.conditions,
          proportionalityNote:
            n === 0
              ? 'First formal step after informal advice was ignored.'
              : 'Earlier steps were breached; a firmer response is proportionate.',
          supportOffered:
            person.vulnerabilities.length > 0
              ? `Referral offered for ${person.vulnerabilities.join(' and ')} support.`
              : 'Signposted to local youth and employment services.',
          breachNote: status === 'BREACHED' ? 'Further incidents reported within weeks of issue.' : null,
          createdAt: clock.at(date, 10),
          updatedAt: clock.at(date, 10),
        });
        involve(c, issuer, clock.at(date, 10));
        date = addDays(date, random.int(28, 56));
      });
      if (person.vulnerabilities.length > 0) {
        const supporter: AgencyKey = person.vulnerabilities.includes('mental health') ? 'mentalHealth' : 'probation';
        rows.interventions.push({
          id: id('intervention', c.id, person.id, 'SUPPORT_REFERRAL'),
          caseId: c.id,
          personId: person.id,
          type: 'SUPPORT_REFERRAL',
          status: 'ACTIVE',
          issuedByAgencyId: agencyByKey(supporter).id,
          issuedOn: dateColumnOf(londonDateOf(c.openedAt)),
          supportOffered: `Support for ${person.vulnerabilities.join(' and ')} alongside enforcement.`,
          createdAt: c.openedAt,
          updatedAt: c.openedAt,
        });
        involve(c, supporter, c.openedAt);
      }
    }
    const place = c.locations[0];
    if (c.kind === 'LOCATION' && place) {
      const onDate = londonDateOf(c.openedAt);
      const type: InterventionType =
        place.kind === 'DWELLING'
          ? 'CLOSURE_ORDER'
          : place.kind === 'PUBLIC_SPACE'
            ? 'PUBLIC_SPACES_PROTECTION_ORDER'
            : 'COMMUNITY_PROTECTION_WARNING';
      const issuer: AgencyKey = type === 'CLOSURE_ORDER' ? 'police' : 'council';
      rows.interventions.push({
        id: id('intervention', c.id, place.id, type),
        caseId: c.id,
        locationId: place.id,
        type,
        status: c.route === 'PANEL' ? 'ACTIVE' : 'PROPOSED',
        issuedByAgencyId: agencyByKey(issuer).id,
        issuedOn: c.route === 'PANEL' ? dateColumnOf(onDate) : null,
        expiresOn:
          c.route === 'PANEL'
            ? dateColumnOf(addMonths(onDate, type === 'CLOSURE_ORDER' ? 3 : type === 'PUBLIC_SPACES_PROTECTION_ORDER' ? 36 : 6))
            : null,
        conditions:
          type === 'CLOSURE_ORDER'
            ? 'No one but the tenant and named support workers may enter the premises.'
            : type === 'PUBLIC_SPACES_PROTECTION_ORDER'
              ? 'No drinking alcohol in the restricted area when asked to stop; dogs on leads.'
              : 'Close by 11pm and manage customers leaving.',
        proportionalityNote: 'Consulted residents, the police and the landowner; less intrusive steps had not worked.',
        createdAt: c.openedAt,
        updatedAt: c.openedAt,
      });
      involve(c, issuer, c.openedAt);
    }
  }
}

/** Victims are asked; perpetrators are never told about a victim's referral, so sharing is on a law-enforcement basis. */
export function addConsent(rows: DemoRows, random: Random, id: IdMaker, cases: DemoCase[]): void {
  const police = DEMO_MEMBERS.find((m) => m.agencyKey === 'police' && m.roles.includes('REFERRER'));
  for (const c of cases) {
    for (const victim of c.victims) {
      const consent = random.weighted([
        ['GIVEN', 8],
        ['REFUSED', 1],
        ['NOT_SOUGHT', 1],
      ] as const);
      rows.consentRecords.push({
        id: id('consent', c.id, victim.id, 'VICTIM'),
        personId: victim.id,
        caseId: c.id,
        regime: 'UK_GDPR_DPA_PART_2',
        lawfulBasis: consent === 'GIVEN' ? 'CONSENT' : 'PUBLIC_TASK',
        consent,
        justification:
          consent === 'GIVEN'
            ? null
            : consent === 'REFUSED'
              ? 'Shared without consent under s115 CDA 1998: risk of serious harm to the victim outweighs their wish not to share.'
              : 'Not sought: contacting the victim before the meeting could alert the perpetrator.',
        recordedById: c.referrer.id,
        recordedAt: c.submittedAt,
      });
    }
    for (const perpetrator of c.perpetrators) {
      rows.consentRecords.push({
        id: id('consent', c.id, perpetrator.id, 'PERPETRATOR'),
        personId: perpetrator.id,
        caseId: c.id,
        regime: 'DPA_PART_3_LAW_ENFORCEMENT',
        lawfulBasis: 'LAW_ENFORCEMENT',
        consent: 'NOT_REQUIRED',
        justification: 'Processing for the prevention of crime and disorder; the person is not told of the referral.',
        recordedById: (police ?? c.referrer).id,
        recordedAt: c.submittedAt,
      });
    }
    for (const witness of c.witnesses) {
      rows.consentRecords.push({
        id: id('consent', c.id, witness.id, 'WITNESS'),
        personId: witness.id,
        caseId: c.id,
        regime: 'UK_GDPR_DPA_PART_2',
        lawfulBasis: 'CONSENT',
        consent: 'GIVEN',
        recordedById: c.referrer.id,
        recordedAt: c.submittedAt,
      });
    }
  }
}
