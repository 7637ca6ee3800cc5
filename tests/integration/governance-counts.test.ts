// The database counts the governance facts as the domain's rules count rows (countFacts): the
// figures the service reads agree with the figures of the same rows loaded whole, as the service
// used to load them, on rows placed where SQL and Node could disagree: instants near London
// midnight either side of the clock changes, an action set before the period and overdue in it,
// repeat referrals twelve months apart by London's day, two referrals at the same instant.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { createGovernanceWorld, NOW, type GovernanceWorld } from './governance-fixtures';
import { readGovernanceFigures } from '../../api/services/governance';
import { rowFacts } from './governance-row-facts';
import { actorForMember } from '../../api/services/members';
import type { ServiceContext } from '../../api/services/context';
import { governanceFigures, type Period } from '../../api/domain/governance/figures';
import { londonDateOf } from '../../api/domain/agenda/calendar-date';
import type { Database } from '../../api/store/database';

let database: TestDatabase;
let world: GovernanceWorld;

/** Rows near the edges, on top of the hand-worked world. */
async function addEdgeRows(db: Database, w: GovernanceWorld): Promise<void> {
  const p = db.prisma;
  const { partnershipId, agencies, members, cases, panelId, people } = w;
  const action = (
    ownerAgencyId: string,
    status: 'COMPLETED' | 'ACCEPTED' | 'BLOCKED' | 'CANCELLED',
    created: string,
    due: string,
    completed?: string,
  ) =>
    p.action.create({
      data: {
        partnershipId,
        caseId: cases.c2,
        title: 'Edge',
        ownerAgencyId,
        createdById: members.chair,
        status,
        createdAt: new Date(created),
        dueDate: new Date(`${due}T00:00:00Z`),
        completedAt: completed ? new Date(completed) : null,
      },
    });
  // Set at 23:30 UTC on 28 March (GMT: 28 March in London) and 29 March (BST: 00:30 on 30 March).
  await action(agencies.council, 'COMPLETED', '2026-03-28T23:30:00Z', '2026-04-10', '2026-03-31T23:30:00Z'); // 4 London days
  await action(agencies.council, 'COMPLETED', '2026-03-29T23:30:00Z', '2026-04-10', '2026-03-31T22:30:00Z'); // 1 London day (31 March 23:30)
  await action(agencies.council, 'COMPLETED', '2025-12-31T23:30:00Z', '2026-01-10', '2026-01-02T10:00:00Z'); // set 31 December: before
  await action(agencies.council, 'ACCEPTED', '2026-06-30T23:30:00Z', '2026-06-01'); // set 1 July in London: after the period
  await action(agencies.council, 'ACCEPTED', '2026-06-30T22:30:00Z', '2026-06-29'); // set 30 June 23:30: in, and overdue
  // Set before the period and still open in it, or completed just after its end in London.
  await action(agencies.council, 'BLOCKED', '2025-06-01T10:00:00Z', '2025-07-01');
  await action(agencies.council, 'COMPLETED', '2025-06-01T10:00:00Z', '2026-03-01', '2026-06-30T23:30:00Z'); // done 1 July: overdue on 30 June
  await action(agencies.council, 'COMPLETED', '2025-06-01T10:00:00Z', '2026-03-01', '2026-06-30T22:30:00Z'); // done 30 June: not overdue
  await action(agencies.council, 'CANCELLED', '2025-06-01T10:00:00Z', '2026-03-01');
  // Due on the clock-change day and on the last day.
  await action(agencies.housing, 'ACCEPTED', '2026-03-01T10:00:00Z', '2026-03-29');
  await action(agencies.housing, 'ACCEPTED', '2026-03-01T10:00:00Z', '2026-06-30');

  const kase = (reference: string, opened: string, closed: string | null) =>
    p.case.create({
      data: {
        partnershipId,
        reference,
        kind: 'VICTIM',
        leadAgencyId: agencies.police,
        openedAt: new Date(opened),
        closedAt: closed ? new Date(closed) : null,
        status: closed ? 'CLOSED' : 'OPEN',
        currentRiskBand: 'LOW',
      },
    });
  await kase('EDGE-1', '2026-06-30T23:30:00Z', null); // opened 1 July in London: after
  await kase('EDGE-2', '2026-06-30T22:30:00Z', null); // opened 30 June in London: in
  await kase('EDGE-3', '2025-06-01T10:00:00Z', '2025-12-31T23:30:00Z'); // closed 31 December in London: before
  await kase('EDGE-4', '2025-06-01T10:00:00Z', '2026-06-30T23:30:00Z'); // closed 1 July: open in the period, not closed in it
  await kase('EDGE-5', '2025-06-01T10:00:00Z', '2026-06-30T22:30:00Z'); // closed 30 June: closed in it, never assessed

  const referral = (at: string, subject: { caseId?: string; personId?: string; locationId?: string }, repeatTicked = false) =>
    p.referral.create({
      data: {
        partnershipId,
        subjectType: 'VICTIM',
        status: 'SUBMITTED',
        referrerId: members.chair,
        referrerAgencyId: agencies.council,
        panelId,
        submittedAt: new Date(at),
        criteriaMet: repeatTicked ? ['REPEAT_REFERRAL'] : [],
        ...subject,
      },
    });
  // 00:30 on 31 March 2025 in London (BST), then 31 March 2026: twelve months by London's day, a repeat.
  await referral('2025-03-30T23:30:00Z', { personId: people.victim });
  await referral('2026-03-31T10:00:00Z', { personId: people.victim });
  // 23:30 on 30 March 2025 in London, then 31 March 2026: a day too early, not a repeat.
  await referral('2025-03-30T22:30:00Z', { personId: people.perpetrator });
  await referral('2026-03-31T10:00:00Z', { personId: people.perpetrator });
  // Two about the same person at the same instant: neither repeats the other.
  const person = await p.person.create({ data: { partnershipId, givenName: 'Cy', familyName: 'Twice', nameKey: 'cy twice' } });
  await referral('2026-02-10T09:00:00Z', { personId: person.id });
  await referral('2026-02-10T09:00:00Z', { personId: person.id });
  // About a place only; then nobody at all (its own subject), ticked as a repeat.
  const place = await p.location.findFirstOrThrow({ where: { partnershipId } });
  await referral('2025-12-31T23:30:00Z', { locationId: place.id }); // 31 December in London: before the period, counts as earlier
  await referral('2026-01-01T00:30:00Z', { locationId: place.id });
  await referral('2026-05-05T10:00:00Z', {}, true);

  const intervention = (issued: string) =>
    p.intervention.create({
      data: {
        caseId: cases.c2,
        type: 'ACCEPTABLE_BEHAVIOUR_CONTRACT',
        status: 'ACTIVE',
        issuedByAgencyId: agencies.council,
        issuedOn: new Date(`${issued}T00:00:00Z`),
      },
    });
  await intervention('2026-01-01');
  await intervention('2026-06-30');
  await intervention('2026-07-01');
  await intervention('2025-12-31');
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createGovernanceWorld(database.db);
  await addEdgeRows(database.db, world);
}, 60_000);

afterAll(async () => {
  await database?.dispose();
});

async function contextFor(memberId: string): Promise<ServiceContext> {
  const actor = await database.db.prisma.$transaction((tx) => actorForMember(tx, memberId));
  if (!actor) throw new Error('no such member');
  return { db: database.db, actor, now: () => NOW };
}

describe('governance figures counted in the database', () => {
  it.each<[string, Period]>([
    ['the first half of 2026', { from: '2026-01-01', to: '2026-06-30' }],
    ['January', { from: '2026-01-01', to: '2026-01-31' }],
    ['the days around the clock change', { from: '2026-03-29', to: '2026-03-31' }],
    ['the twelve months to March', { from: '2025-04-01', to: '2026-03-31' }],
    ['a period running on past today', { from: '2026-05-01', to: '2027-01-31' }],
  ])('agree with the rules counted over the rows for %s', async (_name, period) => {
    const today = londonDateOf(NOW);
    const rows = await rowFacts(database.db.prisma, world.partnershipId, period);
    for (const who of ['chair', 'housingMember'] as const) {
      const ctx = await contextFor(world.members[who]);
      const counted = await readGovernanceFigures(ctx, period);
      expect(counted).toEqual(governanceFigures(rows, period, today, counted.suppressed));
    }
  });

  it('count the edge rows as the comments beside them say', async () => {
    const figures = await readGovernanceFigures(await contextFor(world.members.chair), { from: '2026-01-01', to: '2026-06-30' });
    const council = figures.actionsByAgency.find((row) => row.agency.id === world.agencies.council)!;
    // Set: the two in March and the one on 30 June; completed in 4 and 1 London days; overdue: 30 June's, the blocked one, the one done 1 July.
    expect([council.set.value, council.completed.value, council.medianDaysToComplete.value, council.overdue.value]).toEqual([3, 2, 2.5, 3]);
    // Cases: the hand-worked 2 closed, and EDGE-5 (never assessed: unknown).
    expect(figures.riskChange.closed.value).toBe(3);
    expect(figures.riskChange.unknown.value).toBe(1);
    expect(figures.toolsAndPowers.find((row) => row.type === 'ACCEPTABLE_BEHAVIOUR_CONTRACT')?.used.value).toBe(2);
    // Referrals: the hand-worked 6 (2 repeats) and the council's 6 in the period: victim (repeat),
    // perpetrator (not), the two at one instant (not), the place on 1 January (repeat), the ticked one.
    expect(figures.repeatReferrals.referrals.value).toBe(12);
    expect(figures.repeatReferrals.repeats.value).toBe(5);
  });
});
