// The agenda in a meeting chat, over real HTTP: Teams-shaped activities go to the app's
// /api/messages (botbuilder's CloudAdapter, anonymous as in local use), and the bot's replies and
// card updates go to a fake Bot Connector on loopback that speaks its REST wire format.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { createMeetingsWorld, heldToday, NOW, type MeetingsWorld } from '../integration/meetings-fixtures';

const MEETING_CHAT = '19:meeting_NjQ4ZmFrZQ@thread.v2';
const BOT = { id: '28:bot-asb-panels', name: 'ASB Panels' };
const TENANT = 'tenant-meetings';

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: MeetingsWorld;
let meetingId: string;
let aad: Record<'chair' | 'housingMember', string>;
let sequence = 0;

interface CardJson {
  body: unknown[];
  actions?: Array<{ verb: string; title: string; data: { meetingId: string; version: number } }>;
  refresh?: { userIds: string[] };
}

function activity(fields: { from: 'chair' | 'housingMember'; conversationId: string; personal?: boolean }) {
  sequence += 1;
  return {
    id: `incoming-${sequence}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: NOW.toISOString(),
    from: { id: `29:${fields.from}`, name: fields.from, aadObjectId: aad[fields.from] },
    recipient: BOT,
    conversation: {
      id: fields.conversationId,
      conversationType: fields.personal ? 'personal' : 'groupChat',
      tenantId: TENANT,
      isGroup: !fields.personal,
    },
    channelData: {
      tenant: { id: TENANT },
      ...(fields.personal ? {} : { meeting: { id: 'MCMxOTptZWV0aW5nX05qUTRabUZyWlFAdGhyZWFkLnYyIzA=' } }),
    },
  };
}

async function say(from: 'chair' | 'housingMember', text: string, conversationId = MEETING_CHAT, personal = false) {
  const answer = await app.call('POST', '/api/messages', {
    body: { ...activity({ from, conversationId, personal }), type: 'message', text },
  });
  expect(answer.status).toBe(200);
}

async function click(from: 'chair' | 'housingMember', verb: string, data: unknown) {
  const answer = await app.call<{ statusCode: number; type: string; value: CardJson }>('POST', '/api/messages', {
    body: {
      ...activity({ from, conversationId: MEETING_CHAT }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    },
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

const cardOf = (body: Record<string, unknown>) => (body.attachments as Array<{ content: CardJson }>)[0]!.content;
const texts = (card: CardJson) => JSON.stringify(card.body);

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createMeetingsWorld(database.db);
  const members = await database.db.prisma.member.findMany({ where: { id: { in: [world.members.chair, world.members.housingMember] } } });
  await database.db.prisma.member.updateMany({ where: { partnershipId: world.partnershipId }, data: { tenantId: TENANT } });
  aad = {
    chair: members.find((m) => m.id === world.members.chair)!.entraObjectId,
    housingMember: members.find((m) => m.id === world.members.housingMember)!.entraObjectId,
  };
  app = await startTestApp(database.db, { clock: () => NOW });
  const token = await app.signInAs(world.members.chair);
  meetingId = (await app.call<{ meeting: { id: string } }>('POST', `/api/panels/${world.panelId}/meetings`, { token, body: {} })).body
    .meeting.id;
  // What the Teams sync stores from the join link.
  await database.db.prisma.meeting.update({ where: { id: meetingId }, data: { chatThreadId: MEETING_CHAT } });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

beforeEach(() => connector.reset());

describe('the agenda card in the meeting chat', () => {
  it("posts the agenda as a read-only card that refreshes into the chair's view for the chair", async () => {
    await say('chair', 'help', 'a:personal-ruth', true); // the chair's personal chat gives the bot their Teams id
    connector.reset();
    await say('chair', '<at>ASB Panels</at> agenda');
    const [sent] = connector.delivered(MEETING_CHAT);
    expect(sent?.operation).toBe('send');
    const card = cardOf(sent!.body);
    expect(texts(card)).toContain('Agenda: Fernbrook CMARAC');
    expect(texts(card)).toContain('Thursday 10 December 2026, 10:00 to 11:30');
    expect(texts(card)).toContain('1. Case CM-1 (15 min)');
    expect(texts(card)).not.toMatch(/Ada|Example/);
    expect(card.actions ?? []).toEqual([]);
    expect(card.refresh?.userIds).toEqual(['29:chair']);
    const meeting = await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.agendaCardActivityId).toMatch(/^activity-/);
  });

  it('gives the chair the "Start the first item" button on refresh, and a panel member the read-only view', async () => {
    const version = (await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version;
    const chairView = await click('chair', 'agenda.refresh', { meetingId, version });
    expect(chairView.value.actions?.map((a) => [a.verb, a.title])).toEqual([['agenda.next', 'Start the first item']]);
    const memberView = await click('housingMember', 'agenda.refresh', { meetingId, version });
    expect(memberView.value.actions ?? []).toEqual([]);
  });

  it('moves to the next item when the chair clicks, and updates the posted card for everyone', async () => {
    // A meeting is started on its day, not before: this one is held today.
    await heldToday(database.db, meetingId);
    const before = await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const answer = await click('chair', 'agenda.next', { meetingId, version: before.version });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(answer.value)).toContain('1. Case CM-1 (15 min): Now');
    expect(answer.value.actions?.map((a) => a.title)).toEqual(['Next item']);
    const [update] = connector.delivered(MEETING_CHAT);
    expect(update).toMatchObject({ operation: 'update', activityId: before.agendaCardActivityId });
    expect(texts(cardOf(update!.body))).toContain('1. Case CM-1 (15 min): Now');
    expect(cardOf(update!.body).actions ?? []).toEqual([]);
    const after = await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { currentItem: true } });
    expect([after.status, after.currentItem?.position]).toEqual(['IN_PROGRESS', 1]);
  });

  it('answers a second click on the same card with a notice instead of skipping an item', async () => {
    const stale = (await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version - 1;
    const answer = await click('chair', 'agenda.next', { meetingId, version: stale });
    expect(texts(answer.value)).toContain('The meeting has moved on since this was shown to you.');
    const after = await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { currentItem: true } });
    expect(after.currentItem?.position).toBe(1);
  });

  it('refuses "next" from a panel member with a refusal card and leaves the meeting where it was', async () => {
    const version = (await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version;
    const answer = await click('housingMember', 'agenda.next', { meetingId, version });
    expect(texts(answer.value)).toMatch(/Your role does not allow you to run a meeting/);
    // The role is refused before the meeting is looked up, so the card says nothing about whether it exists.
    const unknown = await click('housingMember', 'agenda.next', { meetingId: '00000000-0000-4000-8000-000000000000', version });
    expect(texts(unknown.value)).toBe(texts(answer.value));
    expect((await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version).toBe(version);
  });

  it('answers card data it did not write with an out-of-date notice', async () => {
    const answer = await click('chair', 'agenda.next', { meetingId: 'not-an-id', version: -1 });
    expect(texts(answer.value)).toContain('This card is out of date');
  });

  it('says so when "agenda" is asked in a chat that is not a panel meeting\'s', async () => {
    await say('chair', 'agenda', '19:someotherchat@thread.v2');
    const [reply] = connector.delivered('19:someotherchat@thread.v2');
    expect(reply?.body.text).toMatch(/not the chat of a panel meeting you sit on/);
  });

  it('posts the agenda to the meeting chat when the chair asks from the tab, and only the chair', async () => {
    const chair = await app.signInAs(world.members.chair);
    const member = await app.signInAs(world.members.housingMember);
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/post`, { token: member })).status).toBe(403);
    expect(connector.delivered(MEETING_CHAT)).toEqual([]);
    const posted = await app.call('POST', `/api/meetings/${meetingId}/agenda/post`, { token: chair });
    expect(posted.status).toBe(200);
    const [sent] = connector.delivered(MEETING_CHAT);
    expect(sent).toMatchObject({ operation: 'send', activityId: null });
    expect(texts(cardOf(sent!.body))).toContain('Agenda: Fernbrook CMARAC');
  });
});
