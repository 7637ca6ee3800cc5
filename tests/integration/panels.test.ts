// Panels over real HTTP: members read them, the partnership admin sets them up, and every change is
// audited with before and after.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

interface PanelReply {
  id: string;
  name: string;
  cadenceText: string;
  nextMeetingDate: string;
  referralCutoffDays: number;
  agencies: Array<{ id: string; membership: string }>;
  chairs: Array<{ id: string }>;
}
interface ErrorReply {
  error: { code: string; fields?: Array<{ field: string; message: string }> };
}

let database: TestDatabase;
let app: RunningApp;
let world: MeetingsWorld;
let admin: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createMeetingsWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
  admin = await app.signInAs(world.members.admin);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('panels', () => {
  it("lists the partnership's panels with their cadence in words and the next meeting date, to any member", async () => {
    const referrer = await app.signInAs(world.members.councilReferrer);
    const { status, body } = await app.call<PanelReply[]>('GET', '/api/panels', { token: referrer });
    expect(status).toBe(200);
    expect(body.map((panel) => [panel.name, panel.cadenceText, panel.nextMeetingDate])).toEqual([
      ['Fernbrook CMARAC', 'monthly, second Thursday', '2026-12-10'],
    ]);
  });

  it('lets the admin create an Offender Panel meeting every four weeks', async () => {
    const { status, body } = await app.call<PanelReply>('POST', '/api/panels', {
      token: admin,
      body: {
        name: 'Fernbrook Offender Panel',
        type: 'OFFENDER_PANEL',
        cadence: { kind: 'EVERY_N_WEEKS', everyWeeks: 4, anchor: '2026-11-03' },
        referralCutoffDays: 7,
        meetingMinutes: 60,
        defaultItemMinutes: 10,
      },
    });
    expect(status).toBe(201);
    expect([body.cadenceText, body.nextMeetingDate]).toEqual(['every 4 weeks on Tuesdays, from 3 November 2026', '2026-12-01']);
  });

  it('changes the cut-off and cadence, recording before and after in the audit trail', async () => {
    const { status, body } = await app.call<PanelReply>('PATCH', `/api/panels/${world.panelId}`, {
      token: admin,
      body: { referralCutoffDays: 14, cadence: { kind: 'MONTHLY', weekday: 'TUESDAY', week: 'LAST' } },
    });
    expect(status).toBe(200);
    expect([body.referralCutoffDays, body.cadenceText]).toEqual([14, 'monthly, last Tuesday']);
    const audit = await database.db.prisma.auditEvent.findFirst({ where: { entityId: world.panelId, event: 'panel.update' } });
    expect(audit?.before).toMatchObject({ referralCutoffDays: 10 });
    expect(audit?.after).toMatchObject({ referralCutoffDays: 14 });
  });

  it('sets core and flexible agencies and the chairs', async () => {
    const seats = await app.call<PanelReply>('PUT', `/api/panels/${world.panelId}/agencies`, {
      token: admin,
      body: {
        agencies: [
          { agencyId: world.agencies.police, membership: 'CORE' },
          { agencyId: world.agencies.probation, membership: 'FLEXIBLE' },
        ],
      },
    });
    expect(seats.status).toBe(200);
    expect(seats.body.agencies.map((seat) => [seat.id, seat.membership]).sort()).toEqual(
      [
        [world.agencies.police, 'CORE'],
        [world.agencies.probation, 'FLEXIBLE'],
      ].sort(),
    );
    const chairs = await app.call<PanelReply>('PUT', `/api/panels/${world.panelId}/chairs`, {
      token: admin,
      body: { memberIds: [world.members.chair, world.members.otherChair] },
    });
    expect(chairs.body.chairs.map((chair) => chair.id).sort()).toEqual([world.members.chair, world.members.otherChair].sort());
  });

  it('refuses bad settings field by field and changes nothing', async () => {
    const before = (await app.call<PanelReply>('GET', `/api/panels/${world.panelId}`, { token: admin })).body;
    const bad = await app.call<ErrorReply>('PATCH', `/api/panels/${world.panelId}`, {
      token: admin,
      body: { referralCutoffDays: -1, cadence: { kind: 'MONTHLY', weekday: 'FUNDAY', week: 5 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.field).sort()).toEqual(['cadence.week', 'cadence.weekday', 'referralCutoffDays']);
    const tooLong = await app.call<ErrorReply>('PATCH', `/api/panels/${world.panelId}`, {
      token: admin,
      body: { defaultItemMinutes: 100, meetingMinutes: 60 },
    });
    expect(tooLong.body.error.fields?.map((f) => f.field)).toEqual(['defaultItemMinutes']);
    const notAChair = await app.call<ErrorReply>('PUT', `/api/panels/${world.panelId}/chairs`, {
      token: admin,
      body: { memberIds: [world.members.housingMember] },
    });
    expect(notAChair.body.error.fields?.map((f) => f.field)).toEqual(['memberIds.0']);
    const foreignAgency = await app.call<ErrorReply>('PUT', `/api/panels/${world.panelId}/agencies`, {
      token: admin,
      body: { agencies: [{ agencyId: world.members.chair, membership: 'CORE' }] },
    });
    expect(foreignAgency.body.error.fields?.map((f) => f.field)).toEqual(['agencies.0.agencyId']);
    expect((await app.call<PanelReply>('GET', `/api/panels/${world.panelId}`, { token: admin })).body).toEqual(before);
  });

  it('refuses panel management to a chair, and hides the panel from another partnership', async () => {
    const chair = await app.signInAs(world.members.chair);
    expect((await app.call('PATCH', `/api/panels/${world.panelId}`, { token: chair, body: { referralCutoffDays: 3 } })).status).toBe(403);
    const elsewhere = await app.signInAs(world.members.elsewhereChair);
    expect((await app.call('GET', `/api/panels/${world.panelId}`, { token: elsewhere })).status).toBe(404);
    expect((await app.call<PanelReply[]>('GET', '/api/panels', { token: elsewhere })).body).toEqual([]);
  });
});
