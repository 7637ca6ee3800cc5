// Teams' meeting start and end events, as Teams sends them to the real /api/messages endpoint (real
// botbuilder adapter, real database). Replies go to a fake Bot Connector on loopback that speaks the
// connector's wire format (the real one needs a tenant).
import { MINUTES_PROMPT } from '../../bot/asb-bot';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { BOT_ID, interactiveSender, createPartnership, recordingClock, TENANT, type Partnership } from './sending-fixtures';

const NOW = new Date('2026-12-10T10:02:00Z');
const MEETING_CHAT = '19:meeting_NjA0YjM1ZGMtZmVybmJyb29r@thread.v2';

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: Partnership;
let meetingId: string;
let items: { first: string; second: string };

/** What Teams posts to the bot in the meeting's chat when the meeting starts or ends. */
function meetingEvent(kind: 'Start' | 'End', chat = MEETING_CHAT) {
  return {
    type: 'event',
    name: `application/vnd.microsoft.meeting${kind}`,
    id: `f:${kind}-${Math.random()}`,
    timestamp: NOW.toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:1ruth', aadObjectId: world.chair.aad },
    recipient: { id: BOT_ID, name: 'ASB Panels' },
    conversation: { id: chat, conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
    channelData: { tenant: { id: TENANT }, meeting: { id: 'MCMxOTptZWV0aW5nX05qQTBZak0xWkdNdFpt' } },
    value: {
      Id: 'MCMxOTptZWV0aW5nX05qQTBZak0xWkdNdFpt',
      MeetingType: 'Scheduled',
      JoinUrl: 'https://teams.microsoft.com/meet/4301857246?p=Xy7Zq',
      Title: 'Fernbrook CMARAC',
      [kind === 'Start' ? 'StartTime' : 'EndTime']: NOW.toISOString(),
    },
  };
}

async function send(body: object): Promise<void> {
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

const meeting = () => database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
const item = (id: string) => database.db.prisma.agendaItem.findUniqueOrThrow({ where: { id } });
const audited = (event: string) => database.db.prisma.auditEvent.findMany({ where: { event, entityId: meetingId } });

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  const row = await database.db.prisma.meeting.create({
    data: {
      panelId: world.panelId,
      startsAt: new Date('2026-12-10T10:00:00Z'),
      endsAt: new Date('2026-12-10T12:00:00Z'),
      referralCutoff: new Date('2026-11-30T00:00:00Z'),
      chatThreadId: MEETING_CHAT,
    },
  });
  meetingId = row.id;
  const secondCase = await database.db.prisma.case.create({
    data: { partnershipId: world.partnershipId, reference: 'ASB-2026-0999', kind: 'LOCATION', leadAgencyId: world.policeId },
  });
  const agendaItem = (position: number, caseId: string) =>
    database.db.prisma.agendaItem.create({
      data: { meetingId, caseId, position, reasons: ['NEW_REFERRAL'], reasonText: 'New referral', minutes: 15 },
    });
  items = { first: (await agendaItem(1, world.caseId)).id, second: (await agendaItem(2, secondCase.id)).id };
  const sender = interactiveSender(database.db, recordingClock(NOW));
  app = await startTestApp(database.db, { clock: () => NOW, sender });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

beforeEach(() => connector.reset());

it('moves a scheduled meeting to in progress when Teams says it started, once, and says nothing in the chat', async () => {
  const before = await meeting();
  expect(before.status).toBe('SCHEDULED');
  await send(meetingEvent('Start'));
  await send(meetingEvent('Start'));
  const after = await meeting();
  expect(after.status).toBe('IN_PROGRESS');
  expect(after.version).toBe(before.version + 1);
  expect(await audited('meeting.teams.started')).toEqual([
    expect.objectContaining({ actorKind: 'SYSTEM', actorId: null, entityType: 'Meeting' }),
  ]);
  expect(connector.delivered()).toEqual([]);
});

it('ends the meeting when Teams says so, counts the case being heard as heard, and prompts the chair about minutes once', async () => {
  // The chair opened the first item and Teams ended the call before "Next item".
  await database.db.prisma.agendaItem.update({ where: { id: items.first }, data: { status: 'CURRENT', startedAt: NOW } });
  await database.db.prisma.meeting.update({ where: { id: meetingId }, data: { currentAgendaItemId: items.first } });
  await send(meetingEvent('End'));
  await send(meetingEvent('End'));
  expect(await meeting()).toMatchObject({ status: 'ENDED', currentAgendaItemId: null });
  expect(await item(items.first)).toMatchObject({ status: 'DISCUSSED', endedAt: NOW });
  expect(await item(items.second)).toMatchObject({ status: 'PLANNED' });
  expect((await database.db.prisma.case.findUniqueOrThrow({ where: { id: world.caseId } })).lastHeardAt).toEqual(NOW);
  expect(connector.delivered(MEETING_CHAT).map((request) => request.body.text)).toEqual([MINUTES_PROMPT]);
  expect(await audited('meeting.teams.ended')).toHaveLength(1);
});

it('ignores the events of a chat that is no panel meeting’s, answering Teams with 200', async () => {
  const before = await database.db.prisma.auditEvent.count();
  await send(meetingEvent('Start', '19:meeting_c29tZW9uZSBlbHNl@thread.v2'));
  await send(meetingEvent('End', '19:meeting_c29tZW9uZSBlbHNl@thread.v2'));
  expect(await database.db.prisma.auditEvent.count()).toBe(before);
  expect(connector.delivered()).toEqual([]);
});
