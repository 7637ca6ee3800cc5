// The world the access matrix and the fuzz tests act in: the seeded demo partnership, plus one member
// per role (that role only) in the fire service, an agency that sits on some panels and not others.
// Every id a route or card can carry is resolved here by its name to a seeded entity the fire service
// may see ("own") or may not ("other"). A route or card with an id name not listed here fails the
// matrix loudly: add one line to ENTITY_RESOLVERS for it.
import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../api/domain/access/policy';
import type { Database } from '../../api/store/database';
import { DEMO_AGENCIES, DEMO_PANELS, DEMO_TENANT_ID, seedDemoData } from '../../api/store/demo-data';
import type { Prisma } from '../../api/store/generated/client';
import { openTestDatabaseFrom, type Snapshot, type TestDatabase } from './test-database';

export const WORLD_TODAY = new Date('2026-11-02T10:00:00Z');

export type Visibility = 'own' | 'other';

export interface WorldMember {
  role: Role;
  id: string;
  entraObjectId: string;
}

export interface AccessWorld {
  db: Database;
  agencyId: string;
  /** One member per role, each holding only that role, all in the fire service. */
  members: Record<Role, WorldMember>;
  /** A case the fire service is involved in, and one it has no ground to see. */
  cases: Record<Visibility, string>;
  /** The panel the fire service sits on (its test chair chairs it), and one it does not sit on. */
  panels: Record<Visibility, string>;
  /**
   * Another partnership, with an agency, a member and a risk template: the "other" side of ids that
   * are shared across a whole partnership (templates, agencies, members) is one from here.
   */
  elsewhere: { partnershipId: string; agencyId: string; memberId: string; templateId: string };
}

const fire = DEMO_AGENCIES.find((agency) => agency.key === 'fire')!;
const cmarac = DEMO_PANELS.find((panel) => panel.key === 'cmarac')!;
const offenderPanel = DEMO_PANELS.find((panel) => panel.key === 'offender')!;

const ACCESS_WORLD: Snapshot<Omit<AccessWorld, 'db'>> = {
  name: 'access-world',
  async build(db) {
    const { db: _, ...world } = await createAccessWorld(db);
    return world;
  },
};

/** A test database holding the access world (built once per run, see openTestDatabaseFrom), and the world's ids. */
export async function openAccessWorld(): Promise<{ database: TestDatabase; world: AccessWorld }> {
  const { database, built } = await openTestDatabaseFrom(ACCESS_WORLD);
  return { database, world: { ...built, db: database.db } };
}

async function createAccessWorld(db: Database): Promise<AccessWorld> {
  await seedDemoData(db.prisma, { today: WORLD_TODAY });
  const partnershipId = (await db.prisma.partnership.findFirstOrThrow()).id;
  const members = {} as Record<Role, WorldMember>;
  for (const [index, role] of ROLES.entries()) {
    const member = await db.prisma.member.create({
      data: {
        partnershipId,
        agencyId: fire.id,
        entraObjectId: `0ff1ce00-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
        tenantId: DEMO_TENANT_ID,
        displayName: `Matrix ${role.toLowerCase().replace('_', ' ')}`,
        roles: [role],
      },
    });
    members[role] = { role, id: member.id, entraObjectId: member.entraObjectId };
  }
  await db.prisma.panelChair.create({ data: { panelId: cmarac.id, memberId: members.PANEL_CHAIR.id } });

  const seatedPanels = (await db.prisma.panelAgency.findMany({ where: { agencyId: fire.id }, select: { panelId: true } })).map(
    (seat) => seat.panelId,
  );
  const ownCase = await db.prisma.case.findFirst({
    where: { status: 'OPEN', agencies: { some: { agencyId: fire.id } } },
    orderBy: { reference: 'asc' },
  });
  // Written from the rule, not from the policy module: no lead, no involvement, no panel seat.
  const hiddenCase: Prisma.CaseWhereInput = {
    status: 'OPEN',
    leadAgencyId: { not: fire.id },
    agencies: { none: { agencyId: fire.id } },
    referrals: { none: { status: { in: ['SUBMITTED', 'ACCEPTED'] }, panelId: { in: seatedPanels } } },
    agendaItems: { none: { meeting: { panelId: { in: seatedPanels } } } },
  };
  const otherCase = await db.prisma.case.findFirst({ where: hiddenCase, orderBy: { reference: 'asc' } });
  if (!ownCase || !otherCase)
    throw new Error('the demo data no longer has an open case the fire service is involved in and one it cannot see');
  const cases = { own: ownCase.id, other: otherCase.id };
  const panels = { own: cmarac.id, other: offenderPanel.id };
  await addCaseReviewsAndMeetingChats(db, partnershipId, cases, panels);
  await claimReferral(db, members, panels.own);
  const elsewhere = await createElsewhere(db, partnershipId);
  await addImportRun(db, partnershipId, members.PANEL_MEMBER.id);
  await addImportRun(db, elsewhere.partnershipId, elsewhere.memberId);
  return { db, agencyId: fire.id, members, cases, panels, elsewhere };
}

/** An upload whose one row names no agency of the partnership, so no commit of it can ever succeed. */
async function addImportRun(db: Database, partnershipId: string, memberId: string): Promise<void> {
  await db.prisma.importRun.create({
    data: {
      partnershipId,
      createdById: memberId,
      sourceSystem: 'MATRIX',
      fileName: 'matrix.csv',
      fileHash: '0'.repeat(64),
      headers: ['Case Ref', 'Case Type', 'Date Opened', 'Lead Agency', 'Address Id', 'Address', 'Town', 'Postcode'],
      rows: [['M-1', 'Location', '2026-01-02', 'Nowhere', 'L-1', '1 Matrix Row', 'Fernbrook', 'ZX1 1AB']],
      total: 1,
    },
  });
}

const MATRIX_PLACE = '1 Matrix Yard';

/**
 * The demo data has no ASB case reviews and no Teams meeting chats, and its places are shared between
 * cases: give the own and other side one of each, and a place on that side's case alone.
 */
async function addCaseReviewsAndMeetingChats(
  db: Database,
  partnershipId: string,
  cases: Record<Visibility, string>,
  panels: Record<Visibility, string>,
) {
  for (const visibility of ['own', 'other'] as const) {
    await db.prisma.communityTriggerReview.create({
      data: {
        partnershipId,
        caseId: cases[visibility],
        status: 'RECEIVED',
        receivedAt: WORLD_TODAY,
        qualifyingComplaints: 3,
        acknowledgeBy: new Date('2026-11-12T00:00:00Z'),
        decisionDueBy: new Date('2026-11-30T00:00:00Z'),
      },
    });
    await db.prisma.location.create({
      data: {
        partnershipId,
        addressLine1: MATRIX_PLACE,
        town: 'Sampleton',
        postcode: 'ZX9 9ZZ',
        postcodeKey: 'ZX9 9ZZ',
        addressKey: `1 matrix yard ${visibility}`,
        ward: 'Matrix',
        cases: { create: { caseId: cases[visibility] } },
      },
    });
    const meeting = await db.prisma.meeting.findFirstOrThrow({
      where: { panelId: panels[visibility], status: 'ENDED' },
      orderBy: { startsAt: 'desc' },
    });
    await db.prisma.meeting.update({ where: { id: meeting.id }, data: { chatThreadId: `19:meeting_matrix${visibility}@thread.v2` } });
  }
}

/**
 * A referral sent to the panel the test chair chairs (deciding is for that panel's chair), made over
 * to the test referrer (a referrer sees only the referrals they made), so one referral is "own" to both.
 */
async function claimReferral(db: Database, members: Record<Role, WorldMember>, panelId: string) {
  const referral = await db.prisma.referral.findFirst({
    where: { panelId, status: { in: ['SUBMITTED', 'ACCEPTED'] }, caseId: { not: null } },
    orderBy: [{ status: 'desc' }, { id: 'asc' }],
  });
  if (!referral?.caseId) throw new Error('the demo data no longer has a referral to the CMARAC with a case');
  await db.prisma.referral.update({ where: { id: referral.id }, data: { referrerId: members.REFERRER.id, referrerAgencyId: fire.id } });
  // The fire service referred it, so it is involved in the case whatever the chair decides.
  await db.prisma.caseAgency.upsert({
    where: { caseId_agencyId: { caseId: referral.caseId, agencyId: fire.id } },
    create: { caseId: referral.caseId, agencyId: fire.id },
    update: {},
  });
}

async function createElsewhere(db: Database, homePartnershipId: string): Promise<AccessWorld['elsewhere']> {
  const partnership = await db.prisma.partnership.create({ data: { name: 'Elsewhere Community Safety Partnership', area: 'Elsewhere' } });
  const agency = await db.prisma.agency.create({ data: { partnershipId: partnership.id, name: 'Elsewhere Police', type: fire.type } });
  const member = await db.prisma.member.create({
    data: {
      partnershipId: partnership.id,
      agencyId: agency.id,
      entraObjectId: '0ff1ce00-0000-4000-8000-e15e00000001',
      tenantId: DEMO_TENANT_ID,
      displayName: 'Elsewhere officer',
      roles: ['PANEL_MEMBER'],
    },
  });
  const model = await db.prisma.riskTemplate.findFirstOrThrow({
    where: { partnershipId: homePartnershipId, isActive: true },
    orderBy: { name: 'asc' },
  });
  const template = await db.prisma.riskTemplate.create({
    data: {
      partnershipId: partnership.id,
      subjectType: model.subjectType,
      name: model.name,
      version: model.version,
      definition: model.definition as Prisma.InputJsonValue,
    },
  });
  return { partnershipId: partnership.id, agencyId: agency.id, memberId: member.id, templateId: template.id };
}

type Resolver = (world: AccessWorld, visibility: Visibility) => Promise<string | undefined>;

const firstId = async (rows: Promise<{ id: string } | null>) => (await rows)?.id;

/** Id name → a seeded entity of that kind the fire service may ("own") or may not ("other") see. */
async function spareMember(world: AccessWorld) {
  const { partnershipId } = await world.db.prisma.agency.findUniqueOrThrow({
    where: { id: world.agencyId },
    select: { partnershipId: true },
  });
  return world.db.prisma.member.create({
    data: {
      partnershipId,
      agencyId: world.agencyId,
      entraObjectId: randomUUID(),
      tenantId: DEMO_TENANT_ID,
      displayName: 'Matrix spare member',
      roles: ['PANEL_MEMBER'],
    },
    select: { id: true },
  });
}

export const ENTITY_RESOLVERS: Record<string, Resolver> = {
  caseId: async (world, v) => world.cases[v],
  panelId: async (world, v) => world.panels[v],
  personId: (world, v) =>
    firstId(world.db.prisma.person.findFirst({ where: { caseRoles: { some: { caseId: world.cases[v] } } }, orderBy: { id: 'asc' } })),
  // A place is seen through any visible case it is on, so each side has a place on its case alone.
  locationId: (world, v) =>
    firstId(world.db.prisma.location.findFirst({ where: { addressLine1: MATRIX_PLACE, cases: { some: { caseId: world.cases[v] } } } })),
  // An action the fire service owns when there is one: working an action is for its owner agency.
  actionId: async (world, v) =>
    (await firstId(
      world.db.prisma.action.findFirst({ where: { caseId: world.cases[v], ownerAgencyId: world.agencyId }, orderBy: { id: 'asc' } }),
    )) ?? firstId(world.db.prisma.action.findFirst({ where: { caseId: world.cases[v] }, orderBy: { id: 'asc' } })),
  // The last meeting held: it has an agenda, attendance and minutes to read.
  meetingId: (world, v) =>
    firstId(world.db.prisma.meeting.findFirst({ where: { panelId: world.panels[v], status: 'ENDED' }, orderBy: { startsAt: 'desc' } })),
  // "own" is the referral the world made the test referrer's (see claimReferral); the other is someone else's on the hidden case.
  referralId: async (world, v) =>
    v === 'own'
      ? firstId(world.db.prisma.referral.findFirst({ where: { referrerId: world.members.REFERRER.id } }))
      : firstId(world.db.prisma.referral.findFirst({ where: { caseId: world.cases.other }, orderBy: { id: 'asc' } })),
  agendaItemId: (world, v) => firstId(world.db.prisma.agendaItem.findFirst({ where: { caseId: world.cases[v] }, orderBy: { id: 'asc' } })),
  interventionId: (world, v) =>
    firstId(world.db.prisma.intervention.findFirst({ where: { caseId: world.cases[v] }, orderBy: { id: 'asc' } })),
  reviewId: (world, v) => firstId(world.db.prisma.communityTriggerReview.findFirst({ where: { caseId: world.cases[v] } })),
  // Partnership-wide things: "other" is the same kind of thing in another partnership.
  templateId: async (world, v) =>
    v === 'other'
      ? world.elsewhere.templateId
      : firstId(
          world.db.prisma.riskTemplate.findFirst({
            where: { partnershipId: { not: world.elsewhere.partnershipId }, isActive: true },
            orderBy: { name: 'asc' },
          }),
        ),
  agencyId: async (world, v) => (v === 'own' ? world.agencyId : world.elsewhere.agencyId),
  ownerAgencyId: async (world, v) => (v === 'own' ? world.agencyId : world.elsewhere.agencyId),
  // A fresh panel member of the matrix agency each time: the admin's routes change roles and deactivate
  // whom they are given, which must not touch the members the matrix signs in as.
  memberId: async (world, v) => (v === 'own' ? (await spareMember(world)).id : world.elsewhere.memberId),
  // The tenant a partner agency's people sign in from.
  guestTenantId: async () => 'c0ffee00-0000-4000-8000-00000000feed',
  // A guest identity for a member: an organisation other than the member's own, and a fresh object id each time.
  tenantId: async () => 'c0ffee00-0000-4000-8000-00000000feed',
  entraObjectId: async () => randomUUID(),
  // An item on the agenda of the meeting meetingId resolves to, so a path with both ids agrees.
  itemId: async (world, v) => {
    const meetingId = await ENTITY_RESOLVERS.meetingId!(world, v);
    return firstId(world.db.prisma.agendaItem.findFirst({ where: { meetingId }, orderBy: { position: 'asc' } }));
  },
  // teams-js names a meeting by base64 of '0#<chat thread id>#0'.
  // The world's upload in each partnership (see addImportRun).
  importId: (world, v) =>
    firstId(
      world.db.prisma.importRun.findFirst({
        where: {
          sourceSystem: 'MATRIX',
          partnershipId: v === 'own' ? { not: world.elsewhere.partnershipId } : world.elsewhere.partnershipId,
        },
      }),
    ),
  teamsMeetingId: async (world, v) => {
    const meeting = await world.db.prisma.meeting.findFirst({ where: { panelId: world.panels[v], chatThreadId: { not: null } } });
    return meeting ? Buffer.from(`0#${meeting.chatThreadId}#0`).toString('base64') : undefined;
  },
};

export class UnknownIdNameError extends Error {}

/** The seeded id for a name, or a fresh uuid for 'missing'; an unknown name throws. */
export async function resolveId(world: AccessWorld, name: string, visibility: Visibility | 'missing'): Promise<string> {
  const resolver = ENTITY_RESOLVERS[name];
  if (!resolver) {
    throw new UnknownIdNameError(
      `No resolver for the id "${name}": add a line for it to ENTITY_RESOLVERS in tests/support/access-world.ts`,
    );
  }
  if (visibility === 'missing') return randomUUID();
  const id = await resolver(world, visibility);
  if (!id) throw new Error(`The demo data has no ${visibility} entity for "${name}"`);
  return id;
}
