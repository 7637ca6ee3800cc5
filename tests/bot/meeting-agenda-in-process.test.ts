// The same agenda turns in process, through botbuilder's TestAdapter (no HTTP): the bot's own replies
// land in the adapter's queue, while the card update for everyone goes out through the real sender
// to a fake Bot Connector on loopback.
import { TestAdapter, type Activity } from 'botbuilder';
import { createLogger } from '../../api/logger';
import { systemClock } from '../../api/services/clock';
import { createBotAdapter } from '../../bot/adapter';
import { AsbPanelsBot } from '../../bot/asb-bot';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { captureConversation } from '../../bot/conversations';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { createMeetingsWorld, heldToday, NOW, type MeetingsWorld } from '../integration/meetings-fixtures';
import { scheduleNextMeeting } from '../../api/services/meetings';

const MEETING_CHAT = '19:meeting_aW5wcm9jZXNz@thread.v2';
const TENANT = 'tenant-meetings';

let database: TestDatabase;
let connector: FakeBotConnector;
let world: MeetingsWorld;
let meetingId: string;
let chairAad: string;
let adapter: TestAdapter;

function fromChair(fields: Partial<Activity>): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:chair', name: 'Ruth Okafor', aadObjectId: chairAad },
    recipient: { id: '28:bot-asb-panels', name: 'ASB Panels' },
    conversation: { id: MEETING_CHAT, conversationType: 'groupChat', tenantId: TENANT, isGroup: true, name: '' },
    channelData: { tenant: { id: TENANT }, meeting: { id: 'MCMxOTptZWV0aW5n' } },
    ...fields,
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createMeetingsWorld(database.db);
  await database.db.prisma.member.updateMany({ where: { partnershipId: world.partnershipId }, data: { tenantId: TENANT } });
  const chair = await database.db.prisma.member.findUniqueOrThrow({ where: { id: world.members.chair } });
  chairAad = chair.entraObjectId;
  const actor = {
    memberId: chair.id,
    partnershipId: world.partnershipId,
    agencyId: chair.agencyId,
    agencyType: 'POLICE',
    roles: ['PANEL_CHAIR'] as const,
    displayName: chair.displayName,
  };
  meetingId = (await scheduleNextMeeting({ db: database.db, actor, now: () => NOW }, world.panelId)).meeting.id;
  await heldToday(database.db, meetingId);
  await database.db.prisma.meeting.update({ where: { id: meetingId }, data: { chatThreadId: MEETING_CHAT } });
  // The meeting chat's reference, as the bot captures it when installed there: the sender needs it to update the card.
  await captureConversation(database.db, fromChair({ type: 'message' }), NOW);
  const logger = createLogger({ level: 'silent' });
  const sender = new BotConnectorSender({
    adapter: createBotAdapter({}, { nodeEnv: 'test', log: () => undefined }),
    botAppId: '',
    db: database.db,
    clock: systemClock,
    log: () => undefined,
  });
  const bot = new AsbPanelsBot({ db: database.db, logger, clock: () => NOW, sender });
  adapter = new TestAdapter(async (context) => bot.run(context));
}, 60_000);

afterAll(async () => {
  await connector?.close();
  await database?.dispose();
});

test('replies to "agenda" with the agenda card and remembers it as the card to keep in step', async () => {
  await adapter.processActivity(fromChair({ type: 'message', text: 'agenda' }));
  const reply = adapter.activeQueue.shift() as Partial<Activity>;
  const card = reply.attachments?.[0]?.content as { body: unknown[] };
  expect(JSON.stringify(card.body)).toContain('Agenda: Fernbrook CMARAC');
  const meeting = await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  expect(meeting.agendaCardActivityId).toBeTruthy();
});

test('answers the chair\'s "Next item" invoke with the chair\'s card and updates the posted card through the Bot Connector', async () => {
  connector.reset();
  const { version, agendaCardActivityId } = await database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  await adapter.processActivity(
    fromChair({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'agenda.next', data: { meetingId, version } }, trigger: 'manual' },
    }),
  );
  const invokeResponse = adapter.activeQueue.shift() as Partial<Activity> & {
    value: { status: number; body: { value: { body: unknown[] } } };
  };
  expect(invokeResponse.type).toBe('invokeResponse');
  expect(invokeResponse.value.status).toBe(200);
  expect(JSON.stringify(invokeResponse.value.body.value.body)).toContain(': Now');
  expect(connector.delivered(MEETING_CHAT).map((r) => [r.operation, r.activityId])).toEqual([['update', agendaCardActivityId]]);
});
