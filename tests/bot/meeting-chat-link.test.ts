// The bot added to a meeting chat links the chat to its panel meeting from Teams' own meeting details
// (TeamsInfo.getMeetingInfo, matched on the join link), in both join link forms: real /api/messages
// endpoint, real botbuilder adapter, real database, and a fake Bot Connector on loopback that answers
// GET /v1/meetings/{id} as the connector does.
import { randomUUID } from 'node:crypto';
import { joinUrlKey } from '../../api/graph/teams-ids';
import { WELCOME_SHARED } from '../../bot/handlers/help';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { BOT_ID, interactiveSender, createPartnership, recordingClock, TENANT, type Partnership } from './sending-fixtures';

const NOW = new Date('2026-12-08T09:00:00Z');
const LONG_CHAT = '19:meeting_ZmVybmJyb29rLWxvbmc@thread.v2';
const SHORT_CHAT = '19:meeting_ZmVybmJyb29rLXNob3J0@thread.v2';
// Graph spells the long link with lower-case escapes and a context; Teams' meeting details may not.
const LONG_LINK_GRAPH = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmVybmJyb29rLWxvbmc%40thread.v2/0?context=%7b%22Tid%22%3a%22${TENANT}%22%7d`;
const LONG_LINK_TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_ZmVybmJyb29rLWxvbmc%40thread.v2/0';
const SHORT_LINK = 'https://teams.microsoft.com/meet/4301857246?p=Xy7ZqAbC';

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: Partnership;

async function send(body: object): Promise<void> {
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** A panel meeting already in Teams by its join link, its chat not yet known (as after a short link). */
async function meetingWithLink(joinUrl: string, startsAt: string): Promise<string> {
  const row = await database.db.prisma.meeting.create({
    data: {
      panelId: world.panelId,
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + 2 * 60 * 60_000),
      referralCutoff: new Date('2026-11-30T00:00:00Z'),
      teamsSyncStatus: 'SYNCED',
      joinUrl,
      joinUrlKey: joinUrlKey(joinUrl),
    },
  });
  return row.id;
}

/** What Teams sends when the app is installed in a meeting chat, or the bot added to it. */
function arrival(chatId: string, teamsMeetingId: string, kind: 'installationUpdate' | 'conversationUpdate') {
  return {
    type: kind,
    ...(kind === 'installationUpdate' ? { action: 'add' } : { membersAdded: [{ id: BOT_ID }] }),
    id: `f:${randomUUID()}`,
    timestamp: NOW.toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:1ruth', aadObjectId: world.chair.aad },
    recipient: { id: BOT_ID, name: 'ASB Panels' },
    conversation: { id: chatId, conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
    channelData: { tenant: { id: TENANT }, meeting: { id: teamsMeetingId } },
  };
}

const meeting = (id: string) => database.db.prisma.meeting.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  const sender = interactiveSender(database.db, recordingClock(NOW));
  app = await startTestApp(database.db, { clock: () => NOW, sender });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

beforeEach(() => connector.reset());

it('links the chat of a meeting with a short join link when the app is installed there, and welcomes the chat', async () => {
  const id = await meetingWithLink(SHORT_LINK, '2026-12-10T10:00:00Z');
  const teamsMeetingId = Buffer.from(`0#${SHORT_CHAT}#0`).toString('base64');
  connector.knowMeeting({ id: teamsMeetingId, joinUrl: SHORT_LINK, chatId: SHORT_CHAT, msGraphResourceId: 'MSoxZmVybmJyb29r' });
  await send(arrival(SHORT_CHAT, teamsMeetingId, 'installationUpdate'));
  expect(await meeting(id)).toMatchObject({ chatThreadId: SHORT_CHAT, onlineMeetingId: 'MSoxZmVybmJyb29r' });
  expect(connector.requests.filter((r) => r.operation === 'meeting')).toHaveLength(1);
  expect(connector.delivered(SHORT_CHAT).map((r) => r.body.text)).toEqual([WELCOME_SHARED]);
  const audit = await database.db.prisma.auditEvent.findMany({ where: { event: 'meeting.teams.chat', entityId: id } });
  expect(audit).toEqual([expect.objectContaining({ actorKind: 'SYSTEM' })]);

  // The agenda command now finds the meeting from its chat.
  await send({ ...arrival(SHORT_CHAT, teamsMeetingId, 'installationUpdate'), type: 'message', action: undefined, text: 'agenda' });
  const [card] = connector.delivered(SHORT_CHAT).slice(-1);
  expect(JSON.stringify(card!.body)).toContain('application/vnd.microsoft.card.adaptive');
});

it('links a long join link that Teams spells differently from Graph when the bot is added to the chat', async () => {
  const id = await meetingWithLink(LONG_LINK_GRAPH, '2026-12-17T10:00:00Z');
  const teamsMeetingId = Buffer.from(`0#${LONG_CHAT}#0`).toString('base64');
  connector.knowMeeting({ id: teamsMeetingId, joinUrl: LONG_LINK_TEAMS, chatId: LONG_CHAT });
  await send(arrival(LONG_CHAT, teamsMeetingId, 'conversationUpdate'));
  expect(await meeting(id)).toMatchObject({ chatThreadId: LONG_CHAT, onlineMeetingId: null });
  // Said once only: the install welcomes, being added to the roster does not.
  expect(connector.delivered(LONG_CHAT)).toEqual([]);
});

it('links nothing for a meeting that is no panel meeting’s, or whose details Teams will not give, and still answers Teams', async () => {
  const before = await database.db.prisma.meeting.count({ where: { chatThreadId: { not: null } } });
  const other = Buffer.from('0#19:meeting_c29tZW9uZSBlbHNl@thread.v2#0').toString('base64');
  connector.knowMeeting({
    id: other,
    joinUrl: 'https://teams.microsoft.com/meet/9999999999?p=zz',
    chatId: '19:meeting_c29tZW9uZSBlbHNl@thread.v2',
  });
  await send(arrival('19:meeting_c29tZW9uZSBlbHNl@thread.v2', other, 'installationUpdate'));
  const unknown = Buffer.from('0#19:meeting_dW5rbm93bg@thread.v2#0').toString('base64');
  await send(arrival('19:meeting_dW5rbm93bg@thread.v2', unknown, 'installationUpdate'));
  expect(connector.requests.filter((r) => r.operation === 'meeting').map((r) => r.status)).toEqual([200, 404]);
  expect(await database.db.prisma.meeting.count({ where: { chatThreadId: { not: null } } })).toBe(before);
  // Both chats are welcomed all the same.
  expect(connector.delivered().map((r) => r.body.text)).toEqual([WELCOME_SHARED, WELCOME_SHARED]);
});

it('does not link a cancelled meeting’s link', async () => {
  const id = await meetingWithLink('https://teams.microsoft.com/meet/4301850000?p=cc', '2026-12-24T10:00:00Z');
  await database.db.prisma.meeting.update({ where: { id }, data: { status: 'CANCELLED' } });
  const teamsMeetingId = Buffer.from('0#19:meeting_Y2FuY2VsbGVk@thread.v2#0').toString('base64');
  connector.knowMeeting({
    id: teamsMeetingId,
    joinUrl: 'https://teams.microsoft.com/meet/4301850000?p=cc',
    chatId: '19:meeting_Y2FuY2VsbGVk@thread.v2',
  });
  await send(arrival('19:meeting_Y2FuY2VsbGVk@thread.v2', teamsMeetingId, 'installationUpdate'));
  expect((await meeting(id)).chatThreadId).toBeNull();
});
