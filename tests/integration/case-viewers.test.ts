// "Who viewed this case", from the audit trail, for chairs (of cases they may see) and auditors (any
// case of the partnership, without its content). Over real HTTP on the seeded demo partnership.
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { openAccessWorld, WORLD_TODAY, type AccessWorld } from '../support/access-world';
import { startTestApp, type RunningApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';

const member = (name: string) => DEMO_MEMBERS.find((m) => m.displayName === name)!;
const priya = member('Priya Example');
const grace = member('Grace Testington');
const auditor = member('Ruth Notreal');

let database: TestDatabase;
let world: AccessWorld;
let app: RunningApp;

interface Viewers {
  caseId: string;
  viewers: { member: { id: string; displayName: string }; agency: { name: string }; views: number }[];
  reads: { memberId: string; event: string }[];
}

beforeAll(async () => {
  ({ database, world } = await openAccessWorld());
  app = await startTestApp(database.db, { clock: () => WORLD_TODAY });
  const caseId = world.cases.other;
  const priyaToken = await app.signInAs(priya.id);
  const graceToken = await app.signInAs(grace.id);
  for (const token of [priyaToken, priyaToken, graceToken]) {
    expect((await app.call('GET', `/api/cases/${caseId}/overview`, { token })).status).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const listViewers = async (memberId: string, caseId = world.cases.other) =>
  app.call<Viewers>('GET', `/api/cases/${caseId}/viewers`, { token: await app.signInAs(memberId) });

describe('who viewed a case', () => {
  test('shows an auditor each member who read the case, with their agency and how often', async () => {
    const answer = await listViewers(auditor.id);

    expect(answer.status).toBe(200);
    expect(answer.body.viewers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          member: { id: priya.id, displayName: priya.displayName },
          agency: expect.objectContaining({ name: priya.agencyName }),
          views: 2,
        }),
        expect.objectContaining({ member: { id: grace.id, displayName: grace.displayName }, views: 1 }),
      ]),
    );
    expect(answer.body.viewers).toHaveLength(2);
    // The auditor gets who and when, never the case itself.
    expect(JSON.stringify(answer.body)).not.toMatch(/summary|reference|givenName/);
  });

  test('records each listing in the audit trail without counting it as a read of the case', async () => {
    await listViewers(auditor.id);
    const listings = await database.db.prisma.auditEvent.count({
      where: { event: 'case.viewers.list', entityId: world.cases.other, actorId: auditor.id },
    });

    const answer = await listViewers(auditor.id);

    expect(
      await database.db.prisma.auditEvent.count({
        where: { event: 'case.viewers.list', entityId: world.cases.other, actorId: auditor.id },
      }),
    ).toBe(listings + 1);
    expect(answer.body.reads.every((read) => read.event.endsWith('.read'))).toBe(true);
    expect(answer.body.viewers.map((viewer) => viewer.member.id)).not.toContain(auditor.id);
  });

  test('shows a chair who may see the case the same list', async () => {
    const answer = await listViewers(priya.id);
    expect(answer.status).toBe(200);
    expect(answer.body.viewers).toHaveLength(2);
  });

  test('answers a chair who may not see the case exactly as a case that does not exist', async () => {
    const hidden = await listViewers(world.members.PANEL_CHAIR.id);
    const missing = await listViewers(world.members.PANEL_CHAIR.id, '00000000-0000-4000-8000-000000000000');

    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  test.each(['PANEL_MEMBER', 'REFERRER', 'PARTNERSHIP_ADMIN'] as const)('refuses a %s with 403 whatever the case', async (role) => {
    const answer = await listViewers(world.members[role].id, world.cases.own);
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).not.toContain(priya.displayName);
  });
});
