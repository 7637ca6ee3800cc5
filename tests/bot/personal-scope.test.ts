// Personal things stay personal: every chat command and every personal card verb, sent as Teams sends
// them to the real /api/messages endpoint (real botbuilder adapter, real database) from a personal
// chat, a group chat, a meeting chat and a team channel. Whatever the bot writes back goes to a fake
// Bot Connector on loopback that speaks the connector's wire format (the real one needs a tenant), and
// the test reads every byte it wrote into each shared conversation.
import { PERSONAL_ONLY } from '../../bot/asb-bot';
import { BOT_COMMANDS } from '../../bot/handlers';
import { WELCOME_PERSONAL, WELCOME_SHARED } from '../../bot/handlers/help';
import { REFERRAL_VERBS } from '../../bot/cards/referral-card';
import { CARD_VERBS } from '../../bot/cards/verbs';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { BOT_ID, interactiveSender, createAction, createPartnership, recordingClock, TENANT, type Partnership } from './sending-fixtures';

const NOW = new Date('2026-11-20T10:00:00Z');
const ACTION_TITLE = 'Fit a video doorbell for the tenant at Larch Court';
const TYPED_SUBJECT = { givenName: 'Zebedee', familyName: 'Quillfeather' };

type Conversation = { label: string; id: string; conversationType: 'personal' | 'groupChat' | 'channel'; channelData: object };
const PERSONAL: Conversation = { label: 'personal chat', id: 'a:1personal-sam', conversationType: 'personal', channelData: {} };
const SHARED: Conversation[] = [
  { label: 'group chat', id: '19:group-sam-jo@thread.v2', conversationType: 'groupChat', channelData: {} },
  {
    label: 'meeting chat',
    id: '19:meeting_ZmVybmJyb29r@thread.v2',
    conversationType: 'groupChat',
    channelData: { meeting: { id: 'MCMxOTptZWV0aW5nX1pt' } },
  },
  {
    label: 'team channel',
    id: '19:panel-channel@thread.tacv2;messageid=1700000000000',
    conversationType: 'channel',
    channelData: { team: { id: '19:panel-team@thread.tacv2' }, channel: { id: '19:panel-channel@thread.tacv2' } },
  },
];

// Every way of saying each command, plus nothing and nonsense.
const SAYINGS = [...BOT_COMMANDS.flatMap((command) => command.names), 'refer victim', '', 'what is this'];

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: Partnership;
let caseReference: string;
let activitySeq = 0;

function activity(conversation: Conversation, extra: Record<string, unknown>) {
  activitySeq += 1;
  return {
    id: `f:${activitySeq}`,
    timestamp: NOW.toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:1sam', name: 'Sam Patel', aadObjectId: world.officer.aad },
    recipient: { id: BOT_ID, name: 'ASB Panels' },
    conversation: {
      id: conversation.id,
      conversationType: conversation.conversationType,
      tenantId: TENANT,
      isGroup: conversation.conversationType !== 'personal',
    },
    channelData: { tenant: { id: TENANT }, ...conversation.channelData },
    locale: 'en-GB',
    ...extra,
  };
}

async function post(body: object): Promise<Response> {
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response;
}

/** In channels and group chats Teams only passes on messages that @mention the bot. */
const say = (conversation: Conversation, text: string) =>
  post(
    activity(conversation, {
      type: 'message',
      text: conversation.conversationType === 'personal' ? text : `<at>ASB Panels</at> ${text}`,
      entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'ASB Panels' }, text: '<at>ASB Panels</at>' }],
    }),
  );

async function click(conversation: Conversation, verb: string, data: Record<string, unknown>): Promise<string> {
  const response = await post(
    activity(conversation, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'card-1',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  );
  return JSON.stringify(await response.json());
}

/** Everything the bot wrote into a conversation that its members can read (the envelope's recipient is routing), as one string. */
const writtenTo = (conversation: Conversation) =>
  JSON.stringify(
    connector.delivered(conversation.id).map(({ body }) => [body.text, body.summary, body.speak, body.attachments, body.suggestedActions]),
  );

const caseData = () => [caseReference, ACTION_TITLE, 'Sam Patel', TYPED_SUBJECT.givenName, TYPED_SUBJECT.familyName];

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  caseReference = (await database.db.prisma.case.findUniqueOrThrow({ where: { id: world.caseId } })).reference;
  // Sam's agency works the case, so Sam may see it wherever Sam asks.
  await database.db.prisma.caseAgency.create({ data: { caseId: world.caseId, agencyId: world.housingId } });
  // Overdue, so that both `my actions` and `overdue` would list it.
  await createAction(database.db, world, { dueDate: '2026-11-10', title: ACTION_TITLE });
  const sender = interactiveSender(database.db, recordingClock(NOW));
  app = await startTestApp(database.db, { clock: () => NOW, sender });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

beforeEach(() => connector.reset());

describe('in the personal chat', () => {
  it('answers `my actions` and `overdue` with the member’s own cards (so the probes below would see a leak)', async () => {
    await say(PERSONAL, 'my actions');
    await say(PERSONAL, 'overdue');
    const written = writtenTo(PERSONAL);
    expect(written).toContain(ACTION_TITLE);
    expect(written).toContain(caseReference);
    expect(written).not.toContain(PERSONAL_ONLY);
  });

  it('saves a draft from the referral card and names the subject back to the referrer', async () => {
    const answer = await click(PERSONAL, REFERRAL_VERBS.startDraft, { subjectType: 'VICTIM', ...TYPED_SUBJECT, concerns: 'Noise' });
    expect(answer).toContain(`${TYPED_SUBJECT.givenName} ${TYPED_SUBJECT.familyName}`);
    await database.db.prisma.referral.deleteMany({ where: { referrerId: world.officer.id } });
  });
});

describe.each(SHARED)('in a $label', (conversation) => {
  it.each(SAYINGS)('writes no case reference, name or title in answer to "%s"', async (saying) => {
    await say(conversation, saying);
    const written = writtenTo(conversation);
    expect(connector.delivered(conversation.id).length).toBeGreaterThan(0);
    for (const secret of caseData()) expect(written).not.toContain(secret);
    // Nothing reached the member's personal chat either: the answer is one line here, not a detour.
    expect(connector.delivered(PERSONAL.id)).toEqual([]);
  });

  it('points personal commands to the personal chat in one line', async () => {
    for (const saying of ['my actions', 'overdue', 'refer']) await say(conversation, saying);
    const texts = connector.delivered(conversation.id).map((request) => request.body.text);
    expect(texts).toEqual([PERSONAL_ONLY, PERSONAL_ONLY, PERSONAL_ONLY]);
    expect(connector.delivered(conversation.id).every((request) => request.body.attachments === undefined)).toBe(true);
  });

  it('refuses the digest’s "Show my actions" and the referral card here, saving nothing', async () => {
    const before = await database.db.prisma.referral.count();
    const shown = await click(conversation, CARD_VERBS.myActions, {});
    const drafted = await click(conversation, REFERRAL_VERBS.startDraft, { subjectType: 'VICTIM', ...TYPED_SUBJECT, concerns: 'Noise' });
    for (const answer of [shown, drafted]) {
      expect(answer).toContain('personal chat');
      for (const secret of caseData()) expect(answer).not.toContain(secret);
    }
    for (const secret of caseData()) expect(writtenTo(conversation)).not.toContain(secret);
    expect(await database.db.prisma.referral.count()).toBe(before);
  });
});

describe('the welcome on install', () => {
  const install = (conversation: Conversation, action: 'add' | 'remove') =>
    post(activity(conversation, { type: 'installationUpdate', action }));

  it('explains the app and its commands in the personal chat', async () => {
    await install(PERSONAL, 'add');
    expect(connector.delivered(PERSONAL.id).map((request) => request.body.text)).toEqual([WELCOME_PERSONAL]);
    for (const command of ['my actions', 'overdue', 'refer', 'agenda']) expect(WELCOME_PERSONAL).toContain(`**${command}**`);
  });

  it.each(SHARED)('offers the agenda in a $label and says that personal things stay personal', async (conversation) => {
    await install(conversation, 'add');
    const said = connector.delivered(conversation.id).map((request) => request.body.text);
    expect(said).toEqual([WELCOME_SHARED]);
    for (const secret of caseData()) expect(writtenTo(conversation)).not.toContain(secret);
  });

  it('says nothing when the app is removed', async () => {
    await install(PERSONAL, 'remove');
    expect(connector.delivered()).toEqual([]);
  });
});

it('checks every command the bot knows', () => {
  // A new command must say where it may answer; this keeps the list above honest.
  expect(BOT_COMMANDS.map((command) => `${command.names[0]}:${command.reach}`).sort()).toEqual([
    'agenda:anywhere',
    'help:anywhere',
    'my actions:personal',
    'overdue:personal',
    'refer:personal',
  ]);
});
