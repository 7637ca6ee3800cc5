// The meetings list, scheduling from the cadence with the chair's confirmation, versioned moves and
// cancellations, decisions corrected in the draft minutes, approval only once the meeting has happened,
// the chair's list of minutes awaiting approval, and circulation to the attending agencies in Teams
// (real botbuilder sender, fake Bot Connector on loopback) with no personal data in the message.
import { createBotAdapter } from '../../bot/adapter';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { recordingClock, teamsActivity } from '../bot/sending-fixtures';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

interface ErrorReply {
  error: { code: string; message: string };
}
interface MinutesReply {
  status: string;
  version: number;
  dueBy: string;
  content: { cases: Array<{ decisions: string }> };
  decisions: Array<{ itemId: string; caseReference: string; decisions: string | null }>;
  meeting: { held: boolean };
  me: { mayRun: boolean };
  circulatedAt: string | null;
}
interface PanelMeetings {
  panel: { id: string; name: string; cadence: string };
  mayRun: boolean;
  upcoming: Array<{ id: string; version: number; status: string; teams: { status: string } }>;
  past: Array<{ id: string }>;
}

const HOUSING_CHAT = 'a:1personal-housing';
const DURING_MEETING = new Date('2026-12-10T10:00:00Z');
const AFTER_MEETING = new Date('2026-12-11T09:00:00Z');

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: MeetingsWorld;
let now = NOW;
let chair: string;
let housing: string;
let meetingId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createMeetingsWorld(database.db);
  const sender = new BotConnectorSender({
    adapter: createBotAdapter({}, { nodeEnv: 'test', log: () => undefined }),
    botAppId: '',
    db: database.db,
    clock: recordingClock(NOW),
    log: () => undefined,
    random: () => 0,
  });
  app = await startTestApp(database.db, {
    clock: () => now,
    sender,
    tabLinks: { teamsAppId: null, publicBaseUrl: 'https://panels.fernbrook.example' },
  });
  chair = await app.signInAs(world.members.chair);
  housing = await app.signInAs(world.members.housingMember);
  const sam = await database.db.prisma.member.findUniqueOrThrow({ where: { id: world.members.housingMember } });
  await teamsActivity(database.db, connector.serviceUrl, {
    conversationId: HOUSING_CHAT,
    aad: sam.entraObjectId,
    tenantId: sam.tenantId,
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

/** Moves the app's day on; the tokens signed at the old time have expired by then. */
async function moveTo(instant: Date): Promise<void> {
  now = instant;
  chair = await app.signInAs(world.members.chair);
  housing = await app.signInAs(world.members.housingMember);
}

const myMeetings = async (token: string) => (await app.call<PanelMeetings[]>('GET', '/api/meetings', { token })).body;

describe('meetings across panels', () => {
  it("lists the panels a member sits on with their meetings, and says only to the panel's chair that they may run them", async () => {
    const asChair = await myMeetings(chair);
    expect(asChair.map((row) => [row.panel.name, row.panel.cadence, row.mayRun])).toEqual([
      ['Fernbrook CMARAC', 'monthly, second Thursday', true],
    ]);
    expect(asChair[0]!.past.map((meeting) => meeting.id)).toContain(world.lastMeetingId);
    expect((await myMeetings(housing)).map((row) => row.mayRun)).toEqual([false]);
    expect(await myMeetings(await app.signInAs(world.members.probationMember))).toEqual([]);
    expect((await app.call('GET', '/api/meetings', { token: await app.signInAs(world.members.councilReferrer) })).status).toBe(403);
  });

  it('proposes the next meeting from the cadence, and schedules it only on the date the chair confirmed', async () => {
    const proposal = await app.call<{ date: string; startTime: string }>('GET', `/api/panels/${world.panelId}/meetings/next`, {
      token: chair,
    });
    expect(proposal.body).toMatchObject({ date: '2026-12-10', startTime: '10:00' });
    expect((await app.call('GET', `/api/panels/${world.panelId}/meetings/next`, { token: housing })).status).toBe(403);

    const stale = await app.call<ErrorReply>('POST', `/api/panels/${world.panelId}/meetings`, {
      token: chair,
      body: { expectedDate: '2026-12-03' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('10 December 2026');
    expect((await myMeetings(chair))[0]!.upcoming).toEqual([]);

    const scheduled = await app.call<{ meeting: { id: string } }>('POST', `/api/panels/${world.panelId}/meetings`, {
      token: chair,
      body: { expectedDate: '2026-12-10' },
    });
    expect(scheduled.status).toBe(201);
    meetingId = scheduled.body.meeting.id;
    expect((await myMeetings(chair))[0]!.upcoming.map((m) => [m.id, m.status, m.teams.status])).toEqual([
      [meetingId, 'SCHEDULED', 'PENDING'],
    ]);
  });

  it('moves a meeting only from the version the chair saw, and refuses a stale cancellation', async () => {
    const version = (await myMeetings(chair))[0]!.upcoming[0]!.version;
    const stale = await app.call('PATCH', `/api/meetings/${meetingId}`, {
      token: chair,
      body: { date: '2026-12-11', startTime: '13:00', expectedVersion: version + 1 },
    });
    expect(stale.status).toBe(409);
    const moved = await app.call<{ startsAt: string }>('PATCH', `/api/meetings/${meetingId}`, {
      token: chair,
      body: { date: '2026-12-10', startTime: '09:30', expectedVersion: version },
    });
    expect([moved.status, moved.body.startsAt]).toEqual([200, '2026-12-10T09:30:00.000Z']);
    const cancel = await app.call('POST', `/api/meetings/${meetingId}/cancel`, {
      token: chair,
      body: { reason: 'Chair unwell', expectedVersion: version },
    });
    expect(cancel.status).toBe(409);
    expect((await myMeetings(chair))[0]!.upcoming[0]!.status).toBe('SCHEDULED');
  });
});

describe('minutes', () => {
  let draft: MinutesReply;

  beforeAll(async () => {
    // A meeting is attended and heard on its day, not before: half an hour in, with its end still to come.
    await moveTo(DURING_MEETING);
    await app.call('POST', `/api/meetings/${meetingId}/attendance/me`, { token: chair, body: { acceptConfidentiality: true } });
    await app.call('POST', `/api/meetings/${meetingId}/attendance/me`, { token: housing, body: { acceptConfidentiality: true } });
    await app.call('POST', `/api/meetings/${meetingId}/next`, { token: chair, body: {} });
    const items = (
      await app.call<{ items: Array<{ id: string; status: string }> }>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })
    ).body.items;
    const heard = items.find((item) => item.status === 'CURRENT')!;
    await app.call('PUT', `/api/meetings/${meetingId}/items/${heard.id}/outcome`, {
      token: chair,
      body: { decisions: 'Police to visit weekly.', caseDecision: 'KEEP_ON' },
    });
    draft = (await app.call<MinutesReply>('POST', `/api/meetings/${meetingId}/minutes`, { token: chair })).body;
  });

  it('refuses to approve while the meeting has not happened, and says so in the minutes read', async () => {
    expect([draft.meeting.held, draft.me.mayRun]).toEqual([false, true]);
    const early = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/minutes/approve`, {
      token: chair,
      body: { expectedVersion: draft.version },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('The minutes can be approved once the meeting has happened.');
    const read = await app.call<MinutesReply>('GET', `/api/meetings/${meetingId}/minutes`, { token: housing });
    expect([read.body.me.mayRun, read.body.status]).toEqual([false, 'DRAFT']);
  });

  it('lets the chair correct a decision from the version read, refusing a stale edit and anyone else', async () => {
    const [item] = draft.decisions;
    expect(item).toMatchObject({ decisions: 'Police to visit weekly.' });
    const path = `/api/meetings/${meetingId}/minutes/items/${item!.itemId}/decisions`;
    const body = { decisions: 'Police to visit weekly; housing to fit a door camera.', expectedVersion: draft.version };
    expect((await app.call('PUT', path, { token: housing, body })).status).toBe(403);
    const stale = await app.call('PUT', path, { token: chair, body: { ...body, expectedVersion: draft.version + 1 } });
    expect(stale.status).toBe(409);
    const edited = await app.call<MinutesReply>('PUT', path, { token: chair, body });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(draft.version + 1);
    expect(edited.body.content.cases[0]!.decisions).toBe('Police to visit weekly; housing to fit a door camera.');
    const again = await app.call('PUT', path, { token: chair, body });
    expect(again.status).toBe(409);
    draft = edited.body;
  });

  it('shows the chair the minutes awaiting approval with the due date, overdue once it has passed', async () => {
    await moveTo(AFTER_MEETING);
    const waiting = await app.call<Array<{ meetingId: string; dueBy: string; minutes: string; overdue: boolean }>>(
      'GET',
      '/api/minutes/awaiting-approval',
      { token: chair },
    );
    expect(waiting.body.find((row) => row.meetingId === meetingId)).toMatchObject({
      dueBy: '2026-12-15',
      minutes: 'DRAFT',
      overdue: false,
    });
    await moveTo(new Date('2026-12-16T09:00:00Z'));
    const late = await app.call<Array<{ meetingId: string; overdue: boolean }>>('GET', '/api/minutes/awaiting-approval', { token: chair });
    expect(late.body.find((row) => row.meetingId === meetingId)?.overdue).toBe(true);
    expect((await app.call('GET', '/api/minutes/awaiting-approval', { token: housing })).status).toBe(403);
    await moveTo(AFTER_MEETING);
  });

  it('circulates only approved minutes, once, to each attending agency, with a link and the marking and no personal data', async () => {
    const early = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/minutes/circulate`, { token: chair });
    expect([early.status, early.body.error.message]).toEqual([409, 'Approve the minutes before circulating them.']);
    const approved = await app.call<MinutesReply>('POST', `/api/meetings/${meetingId}/minutes/approve`, {
      token: chair,
      body: { expectedVersion: draft.version },
    });
    expect(approved.status).toBe(200);
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes/circulate`, { token: housing })).status).toBe(403);

    const circulated = await app.call<{ agencies: number; recipients: Record<string, number> }>(
      'POST',
      `/api/meetings/${meetingId}/minutes/circulate`,
      { token: chair },
    );
    expect(circulated.status).toBe(200);
    // Police (the chair, who has no chat with the bot) and housing attended; the council sent no one.
    expect(circulated.body).toMatchObject({ agencies: 2, recipients: { sent: 1, retrying: 0, notReached: 1 } });
    const rows = await database.db.prisma.notification.findMany({ where: { kind: 'MINUTES_READY' }, orderBy: { recipientId: 'asc' } });
    expect(rows.map((row) => row.recipientId).sort()).toEqual([world.members.chair, world.members.housingMember].sort());

    const [text] = connector.delivered(HOUSING_CHAT).map((request) => (request.body as { text: string }).text);
    expect(text).toBe(
      `OFFICIAL-SENSITIVE: the approved minutes of the Fernbrook CMARAC meeting on 10 December 2026 are ready. Read them in ASB Panels: https://panels.fernbrook.example/tab/#/meetings/${meetingId}/minutes Do not forward, print or store them outside ASB Panels.`,
    );
    const people = await database.db.prisma.member.findMany({ select: { displayName: true, email: true } });
    const references = await database.db.prisma.case.findMany({ select: { reference: true } });
    for (const personal of [
      ...people.flatMap((m) => [m.displayName, m.email ?? '']),
      ...references.map((c) => c.reference),
      'door camera',
    ]) {
      if (personal) expect(text).not.toContain(personal);
    }
    const again = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/minutes/circulate`, { token: chair });
    expect(again.status).toBe(409);
    expect(connector.delivered(HOUSING_CHAT)).toHaveLength(1);
    const read = await app.call<MinutesReply>('GET', `/api/meetings/${meetingId}/minutes`, { token: housing });
    expect(read.body.circulatedAt).toBe(AFTER_MEETING.toISOString());
  });
});
