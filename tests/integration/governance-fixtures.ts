// A small fictional partnership whose every governance figure can be worked out by hand: the
// comments beside the rows say what each one contributes. Shared by the governance, places and case
// overview tests. Period of interest: 1 January to 30 June 2026; today is 20 November 2026.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../api/store/database';
import type { ActionStatus, InterventionStatus, InterventionType, MemberRole, RiskBand } from '../../api/store/generated/client';

export const NOW = new Date('2026-11-20T12:00:00Z');
export const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

export interface GovernanceWorld {
  partnershipId: string;
  agencies: { police: string; housing: string; council: string };
  members: { chair: string; housingMember: string; housingReferrer: string; councilReferrer: string; auditor: string; admin: string };
  panelId: string;
  cases: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7', string>;
  people: { victim: string; perpetrator: string };
  /** Action ids by the names used in the comments (H1..H7, P1..P4). */
  actions: Record<string, string>;
}

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function createGovernanceWorld(db: Database): Promise<GovernanceWorld> {
  const p = db.prisma;
  const partnership = await p.partnership.create({ data: { name: 'Fernbrook CSP (governance test)', area: 'Fernbrook' } });
  const partnershipId = partnership.id;
  const agency = async (name: string, type: 'POLICE' | 'HOUSING_PROVIDER' | 'COUNCIL_ASB') =>
    (await p.agency.create({ data: { partnershipId, name, type } })).id;
  const agencies = {
    police: await agency('Fernbrook Police', 'POLICE'),
    housing: await agency('Fernbrook Homes', 'HOUSING_PROVIDER'),
    council: await agency('Fernbrook Council ASB Team', 'COUNCIL_ASB'),
  };
  const member = async (agencyId: string, displayName: string, roles: MemberRole[]) =>
    (
      await p.member.create({
        data: { partnershipId, agencyId, entraObjectId: randomUUID(), tenantId: 'tenant-governance', displayName, roles },
      })
    ).id;
  const members = {
    chair: await member(agencies.police, 'Ruth Okafor', ['PANEL_CHAIR']),
    housingMember: await member(agencies.housing, 'Sam Patel', ['PANEL_MEMBER']),
    housingReferrer: await member(agencies.housing, 'Jo Reid', ['REFERRER']),
    councilReferrer: await member(agencies.council, 'Priya Shah', ['REFERRER']),
    auditor: await member(agencies.council, 'Alex Auditor', ['AUDITOR']),
    admin: await member(agencies.council, 'Dee Admin', ['PARTNERSHIP_ADMIN']),
  };
  const panelId = (
    await p.panel.create({
      data: { partnershipId, type: 'CMARAC', name: 'Fernbrook CMARAC', cadence: { kind: 'MONTHLY', weekday: 'THURSDAY', week: 2 } },
    })
  ).id;
  await p.panelChair.create({ data: { panelId, memberId: members.chair } });
  await p.panelAgency.createMany({
    data: [
      { panelId, agencyId: agencies.police, membership: 'CORE' },
      { panelId, agencyId: agencies.housing, membership: 'CORE' },
    ],
  });

  const ward = async (name: string, line: string) =>
    (
      await p.location.create({
        data: {
          partnershipId,
          addressLine1: line,
          town: 'Fernbrook',
          postcode: 'ZX1 1AA',
          postcodeKey: 'ZX1 1AA',
          addressKey: line.toLowerCase(),
          ward: name,
        },
      })
    ).id;
  const exampleford = await ward('Exampleford', '1 Lorem Crescent');
  const sampleton = await ward('Sampleton', '2 Example Road');

  let sequence = 0;
  const kase = async (opened: string, closed: string | null, band: RiskBand | null) =>
    (
      await p.case.create({
        data: {
          partnershipId,
          reference: `GOV-${++sequence}`,
          kind: 'VICTIM',
          leadAgencyId: agencies.police,
          openedAt: at(opened),
          closedAt: closed ? at(closed) : null,
          status: closed ? 'CLOSED' : 'OPEN',
          currentRiskBand: band,
        },
      })
    ).id;
  // Cases open during the period, by current band: HIGH c1; MEDIUM c2, c4; LOW c3; unassessed c5.
  const cases = {
    c1: await kase('2026-01-05', null, 'HIGH'),
    c2: await kase('2025-10-01', null, 'MEDIUM'),
    c3: await kase('2026-02-01', '2026-05-01', 'LOW'), // closed in the period: HIGH at referral → LOW, reduced
    c4: await kase('2025-12-01', '2026-06-15', 'MEDIUM'), // closed in the period: MEDIUM → MEDIUM, unchanged
    c5: await kase('2026-03-01', null, null),
    c6: await kase('2025-01-01', '2025-12-20', 'HIGH'), // closed before the period: not counted anywhere
    c7: await kase('2026-08-01', null, 'HIGH'), // opened after the period
  };
  await p.caseLocation.createMany({
    data: [
      { caseId: cases.c1, locationId: exampleford },
      { caseId: cases.c3, locationId: sampleton },
    ],
  });
  await p.caseAgency.create({ data: { caseId: cases.c1, agencyId: agencies.housing } });

  const person = async (givenName: string, familyName: string, notes: boolean) =>
    (
      await p.person.create({
        data: {
          partnershipId,
          givenName,
          familyName,
          nameKey: `${givenName} ${familyName}`.toLowerCase(),
          vulnerabilities: notes ? ['Long-term illness'] : [],
          ...(notes
            ? {
                healthNotes: 'Takes medication for anxiety.',
                safeguardingNotes: 'Adult safeguarding referral made.',
                intelligenceNotes: 'Neighbour known to police.',
              }
            : {}),
        },
      })
    ).id;
  const people = { victim: await person('Ada', 'Example', true), perpetrator: await person('Bob', 'Sample', false) };
  await p.caseSubject.createMany({
    data: [
      { caseId: cases.c1, personId: people.victim, role: 'VICTIM' },
      { caseId: cases.c1, personId: people.perpetrator, role: 'PERPETRATOR' },
    ],
  });

  const template = await p.riskTemplate.create({
    data: { partnershipId, subjectType: 'VICTIM', name: 'Victim risk', version: 1, definition: {} },
  });
  const assess = (caseId: string, band: RiskBand, when: string, score: number) =>
    p.riskAssessment.create({
      data: {
        templateId: template.id,
        subjectType: 'VICTIM',
        caseId,
        assessedById: members.chair,
        answers: [],
        score,
        calculatedBand: band,
        finalBand: band,
        reasons: [],
        assessedAt: at(when),
      },
    });
  await assess(cases.c1, 'HIGH', '2026-01-05', 34);
  await assess(cases.c1, 'MEDIUM', '2026-04-02', 20);
  await assess(cases.c3, 'HIGH', '2026-02-01', 33);
  await assess(cases.c3, 'LOW', '2026-04-30', 8);
  await assess(cases.c4, 'MEDIUM', '2025-12-01', 22);

  const meeting = await p.meeting.create({
    data: {
      panelId,
      startsAt: at('2026-02-12T10:00:00Z'),
      endsAt: at('2026-02-12T12:00:00Z'),
      referralCutoff: at('2026-02-02'),
      status: 'ENDED',
    },
  });
  await p.agendaItem.create({
    data: {
      meetingId: meeting.id,
      caseId: cases.c1,
      position: 1,
      reasons: ['NEW_REFERRAL'],
      reasonText: 'New high-risk referral',
      minutes: 15,
      requiredAgencyIds: [],
      status: 'DISCUSSED',
      riskBandAfter: 'HIGH',
      decisions: 'Keep on; housing to visit.',
    },
  });

  const actions: Record<string, string> = {};
  const action = async (
    name: string,
    ownerAgencyId: string,
    status: ActionStatus,
    created: string,
    due: string,
    completed: string | null = null,
  ) => {
    actions[name] = (
      await p.action.create({
        data: {
          partnershipId,
          caseId: cases.c1,
          title: `Action ${name}`,
          ownerAgencyId,
          createdById: members.chair,
          status,
          createdAt: at(created),
          dueDate: day(due),
          completedAt: completed ? at(completed) : null,
          meetingId: meeting.id,
          ownerMemberId: ownerAgencyId === agencies.housing ? members.housingMember : null,
        },
      })
    ).id;
  };
  // Housing: six set in the period, five completed (10, 3, 30, 7 and 5 days: median 7), H6 overdue on 30 June.
  await action('H1', agencies.housing, 'COMPLETED', '2026-02-02', '2026-02-20', '2026-02-12');
  await action('H2', agencies.housing, 'COMPLETED', '2026-03-02', '2026-03-20', '2026-03-05');
  await action('H3', agencies.housing, 'COMPLETED', '2026-03-10', '2026-04-20', '2026-04-09');
  await action('H4', agencies.housing, 'COMPLETED', '2026-04-01', '2026-04-20', '2026-04-08');
  await action('H5', agencies.housing, 'COMPLETED', '2026-05-01', '2026-05-20', '2026-05-06');
  await action('H6', agencies.housing, 'IN_PROGRESS', '2026-05-15', '2026-06-01');
  await action('H7', agencies.housing, 'CANCELLED', '2026-02-01', '2026-02-10');
  // Police: three set in the period (P1, P2, P4), two completed (4 and 25 days); P2, P3 and P4 overdue on 30 June.
  await action('P1', agencies.police, 'COMPLETED', '2026-01-10', '2026-01-20', '2026-01-14');
  await action('P2', agencies.police, 'ACCEPTED', '2026-06-01', '2026-06-15');
  await action('P3', agencies.police, 'ACCEPTED', '2025-11-01', '2025-12-01');
  await action('P4', agencies.police, 'COMPLETED', '2026-06-10', '2026-06-20', '2026-07-05');

  const referral = (
    referrerAgencyId: string,
    caseId: string | null,
    submitted: string | null,
    status: 'SUBMITTED' | 'ACCEPTED' | 'DRAFT' = 'ACCEPTED',
  ) =>
    p.referral.create({
      data: {
        partnershipId,
        subjectType: 'VICTIM',
        status,
        referrerId: members.chair,
        referrerAgencyId,
        caseId,
        panelId,
        submittedAt: submitted ? at(submitted) : null,
      },
    });
  // In the period: police 3 (R1, R4, R6), housing 2 (R2, R3), council 1 (R8); repeats R3 (c1 again) and R6 (c2 within 12 months).
  await referral(agencies.police, cases.c1, '2026-01-05');
  await referral(agencies.housing, cases.c3, '2026-02-01');
  await referral(agencies.housing, cases.c1, '2026-04-01');
  await referral(agencies.police, cases.c5, '2026-03-01', 'SUBMITTED');
  await referral(agencies.police, cases.c2, '2025-10-01');
  await referral(agencies.police, cases.c2, '2026-05-01');
  await referral(agencies.council, cases.c4, '2025-02-01');
  await referral(agencies.council, cases.c4, '2026-03-15'); // more than twelve months after the last: not a repeat
  await referral(agencies.housing, null, null, 'DRAFT');

  const intervention = (type: InterventionType, status: InterventionStatus, issued: string | null) =>
    p.intervention.create({
      data: {
        caseId: cases.c1,
        personId: people.perpetrator,
        type,
        status,
        issuedByAgencyId: agencies.police,
        issuedOn: issued ? day(issued) : null,
      },
    });
  // Used in the period: warning letter 1, civil injunction 2.
  await intervention('CIVIL_INJUNCTION', 'ACTIVE', '2026-02-01');
  await intervention('CIVIL_INJUNCTION', 'BREACHED', '2026-04-01');
  await intervention('WARNING_LETTER', 'EXPIRED', '2026-01-20');
  await intervention('MEDIATION', 'PROPOSED', null);
  await intervention('CLOSURE_ORDER', 'WITHDRAWN', '2026-03-01');
  await intervention('COMMUNITY_PROTECTION_NOTICE', 'ACTIVE', '2026-07-10');

  const incident = (locationId: string | null, when: string, caseId: string | null = null) =>
    p.incident.create({
      data: {
        partnershipId,
        caseId,
        locationId,
        occurredAt: at(when),
        reportedAt: at(when),
        category: 'NUISANCE',
        description: 'Loud music late at night.',
      },
    });
  // January to March 2026 by ward: Exampleford 6, 2, 0; Sampleton 0, 0, 1; no location 0, 1, 0.
  for (let i = 1; i <= 6; i += 1) await incident(exampleford, `2026-01-${String(10 + i)}`, cases.c1);
  await incident(exampleford, '2026-02-03', cases.c1);
  await incident(exampleford, '2026-02-04');
  await incident(sampleton, '2026-03-09');
  await incident(null, '2026-02-20');
  await incident(sampleton, '2026-03-31T23:30:00Z'); // 00:30 on 1 April in London (BST): outside a period ending 31 March
  await incident(exampleford, '2025-12-31T23:30:00Z'); // 23:30 on 31 December in London (GMT): outside
  await incident(exampleford, '2026-07-02');

  // Another partnership's rows must never be counted.
  const other = await p.partnership.create({ data: { name: 'Elsewhere CSP', area: 'Elsewhere' } });
  const otherAgency = await p.agency.create({ data: { partnershipId: other.id, name: 'Elsewhere Police', type: 'POLICE' } });
  const otherMember = await p.member.create({
    data: {
      partnershipId: other.id,
      agencyId: otherAgency.id,
      entraObjectId: randomUUID(),
      tenantId: 'tenant-elsewhere',
      displayName: 'Elsie Where',
      roles: ['PANEL_CHAIR'],
    },
  });
  const otherCase = await p.case.create({
    data: {
      partnershipId: other.id,
      reference: 'ELSE-1',
      kind: 'VICTIM',
      leadAgencyId: otherAgency.id,
      openedAt: at('2026-02-01'),
      currentRiskBand: 'HIGH',
    },
  });
  await p.action.create({
    data: {
      partnershipId: other.id,
      caseId: otherCase.id,
      title: 'Elsewhere',
      ownerAgencyId: otherAgency.id,
      createdById: otherMember.id,
      createdAt: at('2026-02-01'),
      dueDate: day('2026-02-10'),
    },
  });
  await p.incident.create({
    data: {
      partnershipId: other.id,
      occurredAt: at('2026-02-01'),
      reportedAt: at('2026-02-01'),
      category: 'NUISANCE',
      description: 'Elsewhere',
    },
  });

  return { partnershipId, agencies, members, panelId, cases, people, actions };
}
