// Proactive sends through the real botbuilder CloudAdapter, over real HTTP, to a fake Bot Connector
// on loopback that speaks the Bot Connector REST wire format (the real service needs a tenant).
import { systemClock } from '../../api/services/clock';
import { createBotAdapter } from '../../bot/adapter';
import type { CardView, ReminderView } from '../../api/services/ports/card-views';
import { renderCard } from '../../bot/cards/render';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { BOT_ID, createPartnership, recordingClock, teamsActivity, TENANT, type Partnership } from './sending-fixtures';

let database: TestDatabase;
let connector: FakeBotConnector;
let world: Partnership;
const logged: { event: string; fields: Record<string, unknown> }[] = [];
const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });

const OFFICER_CHAT = 'a:1personal-sam';
const MEETING_CHAT = '19:meeting_panel@thread.v2';
const reminder: ReminderView = {
  kind: 'BEFORE_DUE',
  actionId: '00000000-0000-4000-8000-000000000001',
  title: 'Hello',
  caseReference: 'ASB-2026-0001',
  dueDate: '2026-11-23',
  status: 'ACCEPTED',
  ownerLabel: 'Sam Patel (Fernbrook Homes)',
  today: '2026-11-20',
};
const card: CardView = { kind: 'REMINDER', view: reminder };

function senderWith(clock = recordingClock(), overrides: Partial<ConstructorParameters<typeof BotConnectorSender>[0]> = {}) {
  const sender = new BotConnectorSender({
    adapter,
    botAppId: '',
    db: database.db,
    clock,
    log: (event, fields) => logged.push({ event, fields }),
    random: () => 0.5,
    retryPolicy: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, retryAfterJitterMs: 1000 },
    ...overrides,
  });
  return { sender, clock };
}

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
}, 60_000);

afterAll(async () => {
  await connector.close();
  await database.dispose();
});

beforeEach(async () => {
  connector.reset();
  logged.length = 0;
  await database.db.prisma.conversationReference.deleteMany();
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: OFFICER_CHAT, aad: world.officer.aad, userId: '29:1sam' });
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: MEETING_CHAT, kind: 'MEETING', aad: world.chair.aad });
});

describe('sending to a member in personal chat', () => {
  it('posts a new message with the card to the conversation stored for the member, addressed from the bot', async () => {
    const { sender } = senderWith();
    const outcome = await sender.notifyMember(world.officer.id, { text: 'Reminder', card });
    expect(outcome).toEqual({ kind: 'SENT', conversationId: OFFICER_CHAT, activityId: expect.stringMatching(/^activity-/) });
    const [request] = connector.requests;
    expect(request).toMatchObject({ method: 'POST', operation: 'send', conversationId: OFFICER_CHAT, activityId: null, status: 201 });
    expect(request?.body).toMatchObject({
      type: 'message',
      text: 'Reminder',
      from: { id: BOT_ID },
      recipient: { id: '29:1sam' },
      conversation: { id: OFFICER_CHAT, tenantId: TENANT },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: renderCard(card) }],
    });
    // Anonymous (no app id) as in local use: no token is asked for or sent.
    expect(request?.authorization).toBeUndefined();
  });

  it('retries 412, 502 and 504 with growing, jittered waits, then delivers once', async () => {
    connector.failNext({ status: 412 });
    connector.failNext({ status: 502 });
    connector.failNext({ status: 504 });
    const { sender, clock } = senderWith();
    const outcome = await sender.notifyMember(world.officer.id, { text: 'Reminder' });
    expect(outcome.kind).toBe('SENT');
    expect(connector.requests.map((r) => r.status)).toEqual([412, 502, 504, 201]);
    // Equal jitter at random 0.5: three quarters of 100, 200 and 400 ms.
    expect(clock.sleeps).toEqual([75, 150, 300]);
  });

  it('waits as long as Retry-After says on 429, plus jitter, and does not let the library retry on its own', async () => {
    connector.failNext({ status: 429, retryAfterSeconds: 3 });
    const { sender, clock } = senderWith();
    expect((await sender.notifyMember(world.officer.id, { text: 'Reminder' })).kind).toBe('SENT');
    expect(connector.requests.map((r) => r.status)).toEqual([429, 201]);
    expect(clock.sleeps).toEqual([3500]);
  });

  it('gives up after the last attempt and says the failure may pass', async () => {
    connector.failNext({ status: 502 }, { times: 10 });
    const { sender } = senderWith();
    expect(await sender.notifyMember(world.officer.id, { text: 'Reminder' })).toEqual({
      kind: 'FAILED',
      reason: expect.stringContaining('after 4 attempts'),
      retryable: true,
    });
    expect(connector.requests).toHaveLength(4);
  });

  it('marks the conversation unreachable on 403 MessageWritesBlocked, and stops writing to it', async () => {
    connector.blockWrites(OFFICER_CHAT);
    const { sender } = senderWith();
    expect(await sender.notifyMember(world.officer.id, { text: 'Reminder' })).toMatchObject({
      kind: 'UNREACHABLE',
      conversationId: OFFICER_CHAT,
    });
    expect(connector.requests).toHaveLength(1);
    const row = await database.db.prisma.conversationReference.findUniqueOrThrow({ where: { conversationId: OFFICER_CHAT } });
    expect(row).toMatchObject({ reachable: false, unreachableSince: expect.any(Date) });

    expect((await sender.notifyMember(world.officer.id, { text: 'Again' })).kind).toBe('UNREACHABLE');
    expect(connector.requests).toHaveLength(1);
  });

  it('writes again once the member messages the bot after unblocking it', async () => {
    connector.blockWrites(OFFICER_CHAT);
    const { sender } = senderWith();
    await sender.notifyMember(world.officer.id, { text: 'Reminder' });
    connector.reset();
    await teamsActivity(database.db, connector.serviceUrl, { conversationId: OFFICER_CHAT, aad: world.officer.aad, userId: '29:1sam' });
    expect((await sender.notifyMember(world.officer.id, { text: 'Reminder' })).kind).toBe('SENT');
  });

  it('treats any other 403 as a refusal to give up on, without marking the member unreachable', async () => {
    connector.failNext({ status: 403, code: 'BotNotInConversationRoster' });
    const { sender } = senderWith();
    expect(await sender.notifyMember(world.officer.id, { text: 'Reminder' })).toMatchObject({ kind: 'FAILED', retryable: false });
    expect((await database.db.prisma.conversationReference.findUniqueOrThrow({ where: { conversationId: OFFICER_CHAT } })).reachable).toBe(
      true,
    );
  });

  it('opens a personal chat for a member who has the app but never wrote to the bot, and keeps it', async () => {
    connector.installFor(world.colleague.aad);
    const { sender } = senderWith();
    const outcome = await sender.notifyMember(world.colleague.id, { text: 'Reminder' });
    expect(outcome).toMatchObject({ kind: 'SENT', conversationId: 'a:created-1' });
    expect(connector.requests.map((r) => [r.operation, r.status])).toEqual([
      ['create', 201],
      ['send', 201],
    ]);
    expect(connector.requests[0]?.body).toMatchObject({
      isGroup: false,
      bot: { id: BOT_ID },
      members: [{ aadObjectId: world.colleague.aad }],
      tenantId: TENANT,
    });
    const stored = await database.db.prisma.conversationReference.findUniqueOrThrow({ where: { conversationId: 'a:created-1' } });
    expect(stored).toMatchObject({ memberId: world.colleague.id, kind: 'PERSONAL', reachable: true });
  });

  it('reports a member who never installed the app instead of skipping them silently', async () => {
    const { sender } = senderWith();
    expect(await sender.notifyMember(world.colleague.id, { text: 'Reminder' })).toEqual({
      kind: 'NO_CONVERSATION',
      reason: 'The app is not installed for this person in Teams.',
    });
    expect(connector.delivered()).toHaveLength(0);
  });
});

describe('posting to and updating cards in a conversation', () => {
  it('posts to the meeting chat and replaces the card there with PUT', async () => {
    const { sender } = senderWith();
    const posted = await sender.postToConversation(MEETING_CHAT, { text: 'New action', card });
    if (posted.kind !== 'SENT') throw new Error(`not sent: ${posted.kind}`);
    const updatedCard: CardView = { kind: 'REMINDER', view: { ...reminder, title: 'Updated', status: 'IN_PROGRESS' } };
    expect(await sender.updateCard(MEETING_CHAT, posted.activityId, updatedCard)).toEqual({
      kind: 'SENT',
      conversationId: MEETING_CHAT,
      activityId: posted.activityId,
    });
    const update = connector.requests[1];
    expect(update).toMatchObject({
      method: 'PUT',
      operation: 'update',
      conversationId: MEETING_CHAT,
      activityId: posted.activityId,
      status: 200,
    });
    expect(update?.body).toMatchObject({ id: posted.activityId, type: 'message', attachments: [{ content: renderCard(updatedCard) }] });
  });

  it('retries an update that meets a 429 like any other send', async () => {
    connector.failNext({ status: 429, retryAfterSeconds: 0 }, { operation: 'update' });
    const { sender } = senderWith();
    expect((await sender.updateCard(MEETING_CHAT, 'activity-9', card)).kind).toBe('SENT');
    expect(connector.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('refuses a conversation the app was never added to', async () => {
    const { sender } = senderWith();
    expect((await sender.postToConversation('19:unknown@thread.v2', { text: 'x' })).kind).toBe('NO_CONVERSATION');
    expect(connector.requests).toHaveLength(0);
  });
});

describe('pacing', () => {
  it('keeps one conversation to 7 a second and 8 in two seconds without holding up another conversation', async () => {
    const { sender } = senderWith(undefined, { clock: systemClock });
    const started = Date.now();
    const toOfficer = Array.from({ length: 9 }, (_, i) => sender.notifyMember(world.officer.id, { text: `Message ${i + 1}` }));
    const toMeeting = sender.postToConversation(MEETING_CHAT, { text: 'Meanwhile in the meeting' });
    const outcomes = await Promise.all([...toOfficer, toMeeting]);
    expect(outcomes.every((outcome) => outcome.kind === 'SENT')).toBe(true);

    const officer = connector.delivered(OFFICER_CHAT);
    // Calls made at once may reach Teams in any order; each is delivered once.
    expect(officer.map((r) => (r.body as { text: string }).text).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `Message ${i + 1}`));
    const first = officer[0]?.at as number;
    const offsets = officer.map((r) => r.at - first);
    expect(offsets[6]).toBeLessThan(1000);
    expect(offsets[7]).toBeGreaterThanOrEqual(1000);
    expect(offsets[8]).toBeGreaterThanOrEqual(2000);
    const meeting = connector.delivered(MEETING_CHAT)[0]?.at as number;
    expect(meeting - started).toBeLessThan(1000);
  });
});
