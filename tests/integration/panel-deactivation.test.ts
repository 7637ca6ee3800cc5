// Closing and reopening a panel over real HTTP: refused while a meeting is to come (naming its date),
// audited before and after; a closed panel takes no referrals and no meetings until it is reopened.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { answersAll, auditEvents, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

const NOW = new Date('2026-11-20T12:00:00Z');

interface PanelReply {
  id: string;
  isActive: boolean;
}
interface ErrorReply {
  error: { code: string; message: string };
}
interface Submitted {
  result: { panel: { id: string; name: string } | null; explanation: string };
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
let admin: string;
let referrer: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createReferralWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
  admin = await app.signInAs(world.members.admin);
  referrer = await app.signInAs(world.members.policeReferrer);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

async function referHighRiskVictim(givenName: string, familyName: string): Promise<Submitted['result']> {
  const started = await app.call<{ id: string }>('POST', '/api/referrals', {
    token: referrer,
    body: {
      subjectType: 'VICTIM',
      draft: {
        concerns: 'Threats at the door every night.',
        subject: { givenName, familyName },
        answers: answersAll('VICTIM', 'serious'),
        consent: { status: 'GIVEN' },
      },
    },
  });
  const submitted = await app.call<Submitted>('POST', `/api/referrals/${started.body.id}/submit`, { token: referrer });
  expect(submitted.status).toBe(200);
  return submitted.body.result;
}

describe('closing a panel', () => {
  it('refuses while a meeting is to come, naming its date, and changes nothing', async () => {
    const meeting = await database.db.prisma.meeting.create({
      data: {
        panelId: world.panels.cmarac,
        startsAt: new Date('2026-12-10T10:00:00Z'),
        endsAt: new Date('2026-12-10T12:00:00Z'),
        referralCutoff: new Date('2026-11-30T17:00:00Z'),
      },
    });
    const refused = await app.call<ErrorReply>('POST', `/api/panels/${world.panels.cmarac}/deactivation`, { token: admin });
    expect([refused.status, refused.body.error.message]).toEqual([
      409,
      'Fernbrook CMARAC still has a meeting to come (10 December 2026): cancel it first, then close the panel.',
    ]);
    expect((await database.db.prisma.panel.findUniqueOrThrow({ where: { id: world.panels.cmarac } })).isActive).toBe(true);
    expect(await auditEvents(database.db, 'panel.deactivate')).toEqual([]);
    await database.db.prisma.meeting.update({ where: { id: meeting.id }, data: { status: 'CANCELLED' } });
  });

  it('closes it, audited before and after; referrals are no longer routed to it and no meeting can be scheduled', async () => {
    const closed = await app.call<PanelReply>('POST', `/api/panels/${world.panels.cmarac}/deactivation`, { token: admin });
    expect([closed.status, closed.body.isActive]).toEqual([200, false]);
    const [audit] = await auditEvents(database.db, 'panel.deactivate', world.panels.cmarac);
    expect([audit?.before, audit?.after]).toEqual([{ isActive: true }, { isActive: false }]);

    const result = await referHighRiskVictim('Imelda', 'Closedpanel');
    expect(result.panel).toBeNull();
    expect(result.explanation).toMatch(/no active .* yet, so no chair can accept this referral/);

    const chair = await app.signInAs(world.members.cmaracChair);
    const scheduled = await app.call<ErrorReply>('POST', `/api/panels/${world.panels.cmarac}/meetings`, { token: chair, body: {} });
    expect(scheduled.status).toBe(409);
  });

  it('reopens it, audited; the next high-risk referral goes to it again', async () => {
    const reopened = await app.call<PanelReply>('POST', `/api/panels/${world.panels.cmarac}/reactivation`, { token: admin });
    expect([reopened.status, reopened.body.isActive]).toEqual([200, true]);
    const [audit] = await auditEvents(database.db, 'panel.reactivate', world.panels.cmarac);
    expect([audit?.before, audit?.after]).toEqual([{ isActive: false }, { isActive: true }]);
    const result = await referHighRiskVictim('Ottoline', 'Reopenedpanel');
    expect(result.panel?.id).toBe(world.panels.cmarac);
  });

  it("refuses every role but the admin, and answers another partnership's panel as missing", async () => {
    const chair = await app.signInAs(world.members.cmaracChair);
    expect((await app.call('POST', `/api/panels/${world.panels.cmarac}/deactivation`, { token: chair })).status).toBe(403);
    expect((await app.call('POST', `/api/panels/${world.panels.cmarac}/deactivation`, {})).status).toBe(401);
    const outsider = await app.signInAs(world.members.outsider);
    expect((await app.call('POST', `/api/panels/${world.panels.cmarac}/reactivation`, { token: outsider })).status).toBe(403);
    const elsewhere = await database.db.prisma.member.findUniqueOrThrow({ where: { id: world.members.outsider } });
    await database.db.prisma.member.update({ where: { id: elsewhere.id }, data: { roles: ['PARTNERSHIP_ADMIN'] } });
    const otherAdmin = await app.signInAs(world.members.outsider);
    expect((await app.call('POST', `/api/panels/${world.panels.cmarac}/deactivation`, { token: otherAdmin })).status).toBe(404);
    expect((await database.db.prisma.panel.findUniqueOrThrow({ where: { id: world.panels.cmarac } })).isActive).toBe(true);
  });
});
