// Need-to-know is written three times: caseAccessGround (one case, in memory), visibleCaseWhere (the
// same rule as a query filter for lists and counts) and, for the action lists, as SQL inside their
// queries (action-list-query.ts). For every member of the demo partnership, and one member per role
// alone, all must pick exactly the same cases.
import { caseAccessGround, mayUse } from '../../api/domain/access/policy';
import { ACTION_STATUSES } from '../../api/domain/actions/lifecycle';
import { listMyActions, listOutstandingActions, type ActionList } from '../../api/services/action-list';
import type { Prisma } from '../../api/store/generated/client';
import { loadCaseAccessFacts, visibleCaseWhere } from '../../api/services/case-access';
import { actorForMember } from '../../api/services/members';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { openAccessWorld, type AccessWorld } from '../support/access-world';
import type { TestDatabase } from '../support/test-database';

let database: TestDatabase;
let world: AccessWorld;

beforeAll(async () => {
  ({ database, world } = await openAccessWorld());
}, 120_000);

afterAll(() => database?.dispose());

test('the query filter and the per-case rule agree for every member and every case', async () => {
  const prisma = database.db.prisma;
  const cases = await prisma.case.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const facts = new Map<string, NonNullable<Awaited<ReturnType<typeof loadCaseAccessFacts>>>>();
  for (const { id } of cases) facts.set(id, (await prisma.$transaction((tx) => loadCaseAccessFacts(tx, id)))!);
  const memberIds = [...DEMO_MEMBERS.map((m) => m.id), ...Object.values(world.members).map((m) => m.id)];

  const disagreements: string[] = [];
  let visiblePairs = 0;
  for (const memberId of memberIds) {
    const actor = (await prisma.$transaction((tx) => actorForMember(tx, memberId)))!;
    const byFilter = new Set((await prisma.case.findMany({ where: visibleCaseWhere(actor), select: { id: true } })).map((c) => c.id));
    for (const { id } of cases) {
      const byRule = caseAccessGround(actor, facts.get(id)!) !== null;
      if (byRule) visiblePairs += 1;
      if (byRule !== byFilter.has(id))
        disagreements.push(`${actor.displayName} (${actor.roles.join('+')}) on case ${id}: rule ${byRule}, filter ${byFilter.has(id)}`);
    }
  }

  expect(disagreements).toEqual([]);
  // Neither all nor nothing: the demo data has both visible and hidden pairs to disagree on.
  expect(visiblePairs).toBeGreaterThan(0);
  expect(visiblePairs).toBeLessThan(memberIds.length * cases.length);
});

test("a case put on a panel's agenda by its chair becomes visible to that panel's seated agencies, by both rule and filter", async () => {
  const prisma = database.db.prisma;
  const caseId = world.cases.other;
  const meeting = await prisma.meeting.findFirstOrThrow({
    where: { panelId: world.panels.own, status: 'SCHEDULED' },
    orderBy: { startsAt: 'asc' },
  });
  const sees = async (memberId: string) => {
    const actor = (await prisma.$transaction((tx) => actorForMember(tx, memberId)))!;
    const facts = (await prisma.$transaction((tx) => loadCaseAccessFacts(tx, caseId)))!;
    const byFilter = (await prisma.case.count({ where: { AND: [{ id: caseId }, visibleCaseWhere(actor)] } })) === 1;
    return { byRule: caseAccessGround(actor, facts) !== null, byFilter };
  };
  expect(await sees(world.members.PANEL_MEMBER.id)).toEqual({ byRule: false, byFilter: false });

  await prisma.agendaItem.create({
    data: {
      meetingId: meeting.id,
      caseId,
      position: 99,
      reasons: ['ADDED_BY_CHAIR'],
      reasonText: 'Added by the chair',
      minutes: 10,
      requiredAgencyIds: [],
    },
  });

  expect(await sees(world.members.PANEL_MEMBER.id)).toEqual({ byRule: true, byFilter: true });
  expect(await sees(world.members.PANEL_CHAIR.id)).toEqual({ byRule: true, byFilter: true });
  // A seat on the panel is for panel members and chairs: a referrer from the same agency still may not.
  expect(await sees(world.members.REFERRER.id)).toEqual({ byRule: false, byFilter: false });
});

/** Every action of a list, page after page, sorted by id. */
async function everyPage(page: (after: string | undefined) => Promise<ActionList>): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | undefined; ;) {
    const answer = await page(after);
    ids.push(...answer.actions.map((action) => action.id));
    if (answer.nextCursor === null) return ids.sort();
    after = answer.nextCursor;
  }
}

test('the action lists apply need-to-know in SQL exactly as visibleCaseWhere does, for every member and both lists', async () => {
  const prisma = database.db.prisma;
  const memberIds = [...DEMO_MEMBERS.map((m) => m.id), ...Object.values(world.members).map((m) => m.id)];
  const everyStatus = { statuses: [...ACTION_STATUSES] };
  const disagreements: string[] = [];
  let listedPairs = 0;
  for (const memberId of memberIds) {
    const actor = (await prisma.$transaction((tx) => actorForMember(tx, memberId)))!;
    if (!mayUse(actor, 'action.work')) continue;
    const ctx = { db: database.db, actor, now: () => new Date() };
    const chaired: Prisma.ActionWhereInput[] = mayUse(actor, 'panel.chair')
      ? [{ meeting: { panel: { chairs: { some: { memberId: actor.memberId } } } } }]
      : [];
    const lists = [
      {
        name: 'outstanding',
        listed: await everyPage((after) => listOutstandingActions(ctx, { ...everyStatus, after })),
        scope: { OR: [{ ownerAgencyId: actor.agencyId }, { ownerMemberId: actor.memberId }, ...chaired] },
      },
      {
        name: 'mine',
        listed: await everyPage((after) => listMyActions(ctx, { ...everyStatus, after })),
        scope: { OR: [{ ownerMemberId: actor.memberId }, { ownerAgencyId: actor.agencyId, ownerMemberId: null }] },
      },
    ];
    for (const { name, listed, scope } of lists) {
      const expected = await prisma.action.findMany({
        where: { partnershipId: actor.partnershipId, case: visibleCaseWhere(actor), AND: [scope] },
        select: { id: true },
      });
      listedPairs += listed.length;
      const wanted = expected.map((action) => action.id).sort();
      if (JSON.stringify(listed) !== JSON.stringify(wanted))
        disagreements.push(`${actor.displayName} (${actor.roles.join('+')}), ${name}: listed ${listed.length}, filter ${wanted.length}`);
    }
  }
  expect(disagreements).toEqual([]);
  expect(listedPairs).toBeGreaterThan(0);
});
