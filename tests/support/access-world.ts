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
}

const fire = DEMO_AGENCIES.find((agency) => agency.key === 'fire')!;
const cmarac = DEMO_PANELS.find((panel) => panel.key === 'cmarac')!;
const offenderPanel = DEMO_PANELS.find((panel) => panel.key === 'offender')!;

export async function createAccessWorld(db: Database): Promise<AccessWorld> {
  await seedDemoData(db.prisma, { today: WORLD_TODAY });
  const members = {} as Record<Role, WorldMember>;
  for (const [index, role] of ROLES.entries()) {
    const member = await db.prisma.member.create({
      data: {
        partnershipId: (await db.prisma.partnership.findFirstOrThrow()).id,
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

  const seatedPanels = (await db.prisma.panelAgency.findMany({ where: { agencyId: fire.id }, select: { panelId: true } })).map((seat) => seat.panelId);
  const ownCase = await db.prisma.case.findFirst({ where: { status: 'OPEN', agencies: { some: { agencyId: fire.id } } }, orderBy: { reference: 'asc' } });
  // Written from the rule, not from the policy module: no lead, no involvement, no panel seat.
  const hiddenCase: Prisma.CaseWhereInput = {
    status: 'OPEN',
    leadAgencyId: { not: fire.id },
    agencies: { none: { agencyId: fire.id } },
    referrals: { none: { status: { in: ['SUBMITTED', 'ACCEPTED'] }, panelId: { in: seatedPanels } } },
    agendaItems: { none: { meeting: { panelId: { in: seatedPanels } } } },
  };
  const otherCase = await db.prisma.case.findFirst({ where: hiddenCase, orderBy: { reference: 'asc' } });
  if (!ownCase || !otherCase) throw new Error('the demo data no longer has an open case the fire service is involved in and one it cannot see');
  return { db, agencyId: fire.id, members, cases: { own: ownCase.id, other: otherCase.id }, panels: { own: cmarac.id, other: offenderPanel.id } };
}

type Resolver = (world: AccessWorld, visibility: Visibility) => Promise<string | undefined>;

const firstId = async (rows: Promise<{ id: string } | null>) => (await rows)?.id;

/** Id name → a seeded entity of that kind the fire service may ("own") or may not ("other") see. */
export const ENTITY_RESOLVERS: Record<string, Resolver> = {
  caseId: async (world, v) => world.cases[v],
  panelId: async (world, v) => world.panels[v],
  personId: (world, v) => firstId(world.db.prisma.person.findFirst({ where: { caseRoles: { some: { caseId: world.cases[v] } } }, orderBy: { id: 'asc' } })),
  locationId: (world, v) => firstId(world.db.prisma.location.findFirst({ where: { cases: { some: { caseId: world.cases[v] } } }, orderBy: { id: 'asc' } })),
  // An action the fire service owns when there is one: working an action is for its owner agency.
  actionId: async (world, v) =>
    (await firstId(world.db.prisma.action.findFirst({ where: { caseId: world.cases[v], ownerAgencyId: world.agencyId }, orderBy: { id: 'asc' } }))) ??
    firstId(world.db.prisma.action.findFirst({ where: { caseId: world.cases[v] }, orderBy: { id: 'asc' } })),
  meetingId: (world, v) => firstId(world.db.prisma.meeting.findFirst({ where: { panelId: world.panels[v] }, orderBy: { startsAt: 'desc' } })),
  referralId: (world, v) => firstId(world.db.prisma.referral.findFirst({ where: { caseId: world.cases[v] }, orderBy: { id: 'asc' } })),
  agendaItemId: (world, v) => firstId(world.db.prisma.agendaItem.findFirst({ where: { caseId: world.cases[v] }, orderBy: { id: 'asc' } })),
  interventionId: (world, v) => firstId(world.db.prisma.intervention.findFirst({ where: { caseId: world.cases[v] }, orderBy: { id: 'asc' } })),
};

export class UnknownIdNameError extends Error {}

/** The seeded id for a name, or a fresh uuid for 'missing'; an unknown name throws. */
export async function resolveId(world: AccessWorld, name: string, visibility: Visibility | 'missing'): Promise<string> {
  const resolver = ENTITY_RESOLVERS[name];
  if (!resolver) {
    throw new UnknownIdNameError(`No resolver for the id "${name}": add a line for it to ENTITY_RESOLVERS in tests/support/access-world.ts`);
  }
  if (visibility === 'missing') return randomUUID();
  const id = await resolver(world, visibility);
  if (!id) throw new Error(`The demo data has no ${visibility} entity for "${name}"`);
  return id;
}
