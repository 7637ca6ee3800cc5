// The action cards over the bot's real HTTP endpoint: Teams-shaped `adaptiveCard/action` invokes and
// messages posted to /api/messages of the real app, handled by the real botbuilder CloudAdapter, with
// the real database. Replies and proactive sends go to a fake Bot Connector on loopback that speaks
// the Bot Connector's wire format (the real service needs a Teams tenant).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as AdaptiveCardsSdk from 'adaptivecards';
import { runReminderCycle } from '../../api/jobs/reminder-worker';
import { createLogger } from '../../api/logger';
import { createBotAdapter } from '../../bot/adapter';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import {
  BOT_ID,
  interactiveSender,
  createAction,
  createPartnership,
  recordingClock,
  teamsActivity,
  TENANT,
  type Partnership,
} from './sending-fixtures';

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: Partnership;
let clock: ReturnType<typeof recordingClock>;
let outsider: { id: string; aad: string };
let minuteTaker: { id: string; aad: string };
const NOW = new Date('2026-11-20T10:00:00Z');
const MEETING_CHAT = '19:meeting_panel@thread.v2';
const SAM_CHAT = 'a:1personal-sam';

type Person = { aad: string; teamsId: string; name: string };
const people = () => ({
  chair: { aad: world.chair.aad, teamsId: '29:1ruth', name: 'Ruth Okafor' },
  officer: { aad: world.officer.aad, teamsId: '29:1sam', name: 'Sam Patel' },
  colleague: { aad: world.colleague.aad, teamsId: '29:1jo', name: 'Jo Reid' },
  outsider: { aad: outsider.aad, teamsId: '29:1chris', name: 'Chris Outside' },
  minuteTaker: { aad: minuteTaker.aad, teamsId: '29:1lee', name: 'Lee Minutes' },
  stranger: { aad: randomUUID(), teamsId: '29:1stranger', name: 'Not A Member' },
});

interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: AdaptiveCard;
}

/** Every card the bot answered with in this file, checked against the Adaptive Cards SDK at the end. */
const answered: AdaptiveCard[] = [];

let activitySeq = 0;
function activity(from: Person, conversation: { id: string; type: 'personal' | 'groupChat' }, extra: Record<string, unknown>) {
  activitySeq += 1;
  return {
    id: `f:${activitySeq}`,
    timestamp: NOW.toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: from.teamsId, name: from.name, aadObjectId: from.aad },
    recipient: { id: BOT_ID, name: 'ASB Panels' },
    conversation: { id: conversation.id, conversationType: conversation.type, tenantId: TENANT, isGroup: conversation.type !== 'personal' },
    channelData: { tenant: { id: TENANT }, ...(conversation.id === MEETING_CHAT ? { meeting: { id: 'MCMxOTptZWV0aW5n' } } : {}) },
    locale: 'en-GB',
    ...extra,
  };
}

/** What Teams posts when someone clicks an Action.Execute button (or a card refreshes for them). */
async function click(
  from: Person,
  verb: string,
  data: Record<string, unknown>,
  options: { chat?: 'meeting' | 'personal'; card?: string; trigger?: 'manual' | 'automatic' } = {},
): Promise<InvokeAnswer> {
  const conversation =
    options.chat === 'meeting' ? { id: MEETING_CHAT, type: 'groupChat' as const } : { id: personalChatOf(from), type: 'personal' as const };
  const body = activity(from, conversation, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: options.card ?? 'card-activity-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
  });
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as InvokeAnswer;
  expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  answered.push(answer.value);
  return answer;
}

async function say(from: Person, text: string): Promise<void> {
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity(from, { id: personalChatOf(from), type: 'personal' }, { type: 'message', text })),
  });
  expect(response.status).toBe(200);
}

const personalChatOf = (person: Person) => `a:1personal-${person.teamsId.slice(4)}`;
const buttons = (card: AdaptiveCard) => (card.actions ?? []).map((action) => action.title);
const texts = (card: AdaptiveCard) => JSON.stringify(card.body);
const cardsSentTo = (conversationId: string) =>
  connector
    .delivered(conversationId)
    .flatMap((r) => ((r.body.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((a) => a.content));

const assignData = (overrides: Record<string, unknown> = {}) => ({
  caseId: world.caseId,
  meetingId: world.meetingId,
  title: 'Visit the tenant and review the support plan',
  ownerAgencyId: world.housingId,
  ownerMemberId: world.officer.id,
  dueDate: '2026-12-04',
  priority: 'HIGH',
  ...overrides,
});

async function assignedActionId(): Promise<string> {
  const card = `assign-${randomUUID()}`;
  const answer = await click(people().chair, 'action.assign', assignData(), { chat: 'meeting', card });
  expect(texts(answer.value)).toContain('Assigned and sent to Sam Patel');
  // The assign card's copy in the meeting chat now shows this action.
  const posted = await database.db.prisma.actionCard.findUniqueOrThrow({
    where: { conversationId_activityId: { conversationId: MEETING_CHAT, activityId: card } },
  });
  return posted.actionId;
}

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  const fire = await database.db.prisma.agency.create({
    data: { partnershipId: world.partnershipId, name: 'Sampleshire Fire', type: 'FIRE' },
  });
  const aad = randomUUID();
  outsider = {
    aad,
    id: (
      await database.db.prisma.member.create({
        data: {
          partnershipId: world.partnershipId,
          agencyId: fire.id,
          entraObjectId: aad,
          tenantId: TENANT,
          displayName: 'Chris Outside',
          roles: ['PANEL_MEMBER'],
        },
      })
    ).id,
  };
  const leeAad = randomUUID();
  minuteTaker = {
    aad: leeAad,
    id: (
      await database.db.prisma.member.create({
        data: {
          partnershipId: world.partnershipId,
          agencyId: world.policeId,
          entraObjectId: leeAad,
          tenantId: TENANT,
          displayName: 'Lee Minutes',
          roles: ['MINUTE_TAKER'],
        },
      })
    ).id,
  };
  clock = recordingClock(NOW);
  // As in production: someone is waiting on the click, so long waits are left to the reminder worker.
  const sender = interactiveSender(database.db, clock);
  app = await startTestApp(database.db, { clock: () => NOW, sender });
}, 60_000);

afterAll(async () => {
  await app.close();
  await connector.close();
  await database.dispose();
});

beforeEach(async () => {
  connector.reset();
  clock.sleeps.length = 0;
  await database.db.prisma.actionCard.deleteMany();
  await database.db.prisma.conversationReference.deleteMany();
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: SAM_CHAT, aad: world.officer.aad, userId: '29:1sam' });
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: MEETING_CHAT, kind: 'MEETING', aad: world.chair.aad });
});

describe('assigning from the card in the meeting chat', () => {
  it("redraws the card with the chosen agency's officers, keeping what was typed", async () => {
    const answer = await click(
      people().chair,
      'action.assign.chooseAgency',
      { caseId: world.caseId, meetingId: world.meetingId, title: 'Visit the tenant', ownerAgencyId: world.housingId },
      { chat: 'meeting' },
    );
    const officers = answer.value.body.find((element) => element.type === 'Input.ChoiceSet' && element.id === 'ownerMemberId') as
      { choices: { title: string; value: string }[] } | undefined;
    expect(officers?.choices.map((choice) => choice.value).sort()).toEqual([world.officer.id, world.colleague.id].sort());
    expect(texts(answer.value)).toContain('"value":"Visit the tenant"');
    expect(texts(answer.value)).toContain('Fernbrook CMARAC, 12 November 2026');
  });

  it('shows each missing field on the card and saves nothing', async () => {
    const before = await database.db.prisma.action.count();
    const answer = await click(
      people().chair,
      'action.assign',
      { caseId: world.caseId, title: '', ownerAgencyId: world.housingId, dueDate: '' },
      { chat: 'meeting' },
    );
    expect(texts(answer.value)).toContain('Please correct the 2 highlighted fields.');
    expect(texts(answer.value)).toContain('Say what will be done.');
    expect(texts(answer.value)).toContain('Choose a due date.');
    expect(await database.db.prisma.action.count()).toBe(before);
  });

  it('answers with the action card, sends it to the owner in personal chat with an Accept button, and replaces the assign card for the meeting', async () => {
    const card = `assign-${randomUUID()}`;
    const answer = await click(people().chair, 'action.assign', assignData(), { chat: 'meeting', card });
    expect(texts(answer.value)).toContain('Assigned and sent to Sam Patel in Teams.');
    expect(buttons(answer.value)).toEqual([]);
    const [ownerCard] = cardsSentTo(SAM_CHAT);
    expect(buttons(ownerCard!)).toEqual(['Accept']);
    expect(ownerCard!.refresh?.userIds).toEqual(['29:1sam']);
    const meetingUpdate = connector.requests.find((r) => r.operation === 'update' && r.conversationId === MEETING_CHAT);
    expect(meetingUpdate?.activityId).toBe(card);
  });

  it('creates one action however many times the same assign card is clicked', async () => {
    const card = `assign-${randomUUID()}`;
    const before = await database.db.prisma.action.count();
    const [first, second] = await Promise.all([
      click(people().chair, 'action.assign', assignData(), { chat: 'meeting', card }),
      click(people().chair, 'action.assign', assignData(), { chat: 'meeting', card }),
    ]);
    expect(await database.db.prisma.action.count()).toBe(before + 1);
    expect([texts(first.value), texts(second.value)].some((text) => text.includes('already assigned from this card'))).toBe(true);
    expect(cardsSentTo(SAM_CHAT)).toHaveLength(1);
  });

  it('lets the minute-taker assign from the card in the meeting chat, recorded as made by them', async () => {
    const card = `assign-${randomUUID()}`;
    const answer = await click(people().minuteTaker, 'action.assign', assignData(), { chat: 'meeting', card });
    expect(texts(answer.value)).toContain('Assigned and sent to Sam Patel in Teams.');
    const posted = await database.db.prisma.actionCard.findUniqueOrThrow({
      where: { conversationId_activityId: { conversationId: MEETING_CHAT, activityId: card } },
      select: { action: { select: { createdById: true } } },
    });
    expect(posted.action.createdById).toBe(minuteTaker.id);
    expect(buttons(cardsSentTo(SAM_CHAT)[0]!)).toEqual(['Accept']);
  });

  it('refuses a member who is not a chair or minute-taker with a refusal card', async () => {
    const answer = await click(people().officer, 'action.assign', assignData(), { chat: 'meeting' });
    expect(texts(answer.value)).toMatch(/You can't do this: assign an action/);
  });

  it('retries a throttled send after Retry-After and delivers the card once', async () => {
    connector.failNext({ status: 429, retryAfterSeconds: 2 }, { conversationId: SAM_CHAT });
    await assignedActionId();
    expect(connector.requests.filter((r) => r.conversationId === SAM_CHAT).map((r) => r.status)).toEqual([429, 201]);
    expect(clock.sleeps).toEqual([2000]);
    expect(cardsSentTo(SAM_CHAT)).toHaveLength(1);
  });

  it('answers at once when Teams asks for a long wait, and the reminder worker delivers the card later', async () => {
    connector.failNext({ status: 429, retryAfterSeconds: 30 }, { conversationId: SAM_CHAT });
    const answer = await click(people().chair, 'action.assign', assignData(), { chat: 'meeting', card: `assign-${randomUUID()}` });
    expect(texts(answer.value)).toContain('Teams is busy, so Sam Patel will get it in a few minutes.');
    expect(clock.sleeps).toEqual([]);
    expect(cardsSentTo(SAM_CHAT)).toHaveLength(0);

    const later = recordingClock(new Date(NOW.getTime() + 10 * 60_000));
    await runReminderCycle({
      db: database.db,
      sender: new BotConnectorSender({
        adapter: createBotAdapter({}, { nodeEnv: 'test', log: () => undefined }),
        botAppId: '',
        db: database.db,
        clock: later,
        log: () => undefined,
      }),
      clock: later,
      logger: createLogger({ level: 'silent' }),
    });
    const delivered = connector.delivered(SAM_CHAT).filter((r) => String(r.body.text).startsWith('New action for you'));
    expect(delivered).toHaveLength(1);
  });

  it('tells the chair when the owner has blocked the app (403 MessageWritesBlocked) and marks the chat unreachable', async () => {
    connector.blockWrites(SAM_CHAT);
    const answer = await click(people().chair, 'action.assign', assignData(), { chat: 'meeting', card: `assign-${randomUUID()}` });
    expect(texts(answer.value)).toMatch(/Sam Patel \(.*blocked or removed the app.*\) could not be reached in Teams/);
    expect(await database.db.prisma.conversationReference.findUniqueOrThrow({ where: { conversationId: SAM_CHAT } })).toMatchObject({
      reachable: false,
    });
  });
});

describe('the action card for each viewer', () => {
  it('gives the owner the buttons and everyone else read-only status on refresh, and refuses someone who may not see the case', async () => {
    const actionId = await assignedActionId();
    const refresh = (who: Person) => click(who, 'action.refresh', { actionId, version: 1 }, { chat: 'meeting', trigger: 'automatic' });
    expect(buttons((await refresh(people().officer)).value)).toEqual(['Accept']);
    expect(buttons((await refresh(people().colleague)).value)).toEqual([]);
    expect(buttons((await refresh(people().chair)).value)).toEqual([]);
    expect(texts((await refresh(people().outsider)).value)).toMatch(
      /You can't do this.*There is no action with that id, or you may not see it/,
    );
    expect(texts((await refresh(people().stranger)).value)).toContain('not set up as a member');
  });

  it("opens the action from a reminder in the owner's own view", async () => {
    const actionId = await assignedActionId();
    const opened = await click(people().officer, 'action.show', { actionId });
    expect(buttons(opened.value)).toEqual(['Accept']);
    expect(texts(opened.value)).toContain('Visit the tenant and review the support plan');
  });

  it('accepts once however many times Accept is clicked, and says so on the card', async () => {
    const actionId = await assignedActionId();
    const first = await click(people().officer, 'action.accept', { actionId, version: 1 });
    const second = await click(people().officer, 'action.accept', { actionId, version: 1 });
    expect(texts(first.value)).toContain('Accepted.');
    expect(texts(second.value)).toContain('your earlier click had already done this');
    expect(buttons(second.value)).toEqual(['Update progress', 'Mark complete', "Can't complete"]);
    expect(await database.db.prisma.actionEvent.count({ where: { actionId, kind: 'ACCEPTED' } })).toBe(1);
  });

  it('shows how things stand when a stale card is clicked, and never overwrites the newer state', async () => {
    const actionId = await assignedActionId();
    await click(people().officer, 'action.accept', { actionId, version: 1 });
    await click(people().officer, 'action.updateProgress', { actionId, version: 2, progressNote: 'Visit booked for Monday.' });
    const stale = await click(people().officer, 'action.complete', { actionId, version: 2, completionNote: 'Done.' });
    expect(texts(stale.value)).toContain('Someone else has changed this action since you opened it. This is how it stands now.');
    expect(texts(stale.value)).toContain('Visit booked for Monday.');
    expect(await database.db.prisma.action.findUniqueOrThrow({ where: { id: actionId } })).toMatchObject({
      status: 'IN_PROGRESS',
      version: 3,
    });
  });

  it('shows a missing note on the card and changes nothing', async () => {
    const actionId = await assignedActionId();
    await click(people().officer, 'action.accept', { actionId, version: 1 });
    const answer = await click(people().officer, 'action.updateProgress', { actionId, version: 2, progressNote: '   ' });
    expect(answer.value.body[0]).toMatchObject({ text: 'Say what has been done so far.', color: 'attention' });
    expect((await database.db.prisma.action.findUniqueOrThrow({ where: { id: actionId } })).version).toBe(2);
  });

  it("gives a colleague who clicks the owner's button a refusal card", async () => {
    const actionId = await assignedActionId();
    const answer = await click(people().colleague, 'action.accept', { actionId, version: 1 }, { chat: 'meeting' });
    expect(texts(answer.value)).toMatch(/You can't do this: accept this action.*Only the officer who owns this action/);
    expect((await database.db.prisma.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe('PROPOSED');
  });

  it("completes from the owner's card and brings the meeting chat's copy up to date", async () => {
    const actionId = await assignedActionId();
    await click(people().officer, 'action.accept', { actionId, version: 1 });
    connector.reset();
    const done = await click(people().officer, 'action.complete', { actionId, version: 2, completionNote: 'Support plan agreed.' });
    expect(texts(done.value)).toContain('Marked complete.');
    expect(buttons(done.value)).toEqual([]);
    const meetingCopy = connector.requests.find((r) => r.operation === 'update' && r.conversationId === MEETING_CHAT);
    expect(JSON.stringify(meetingCopy?.body)).toContain('Completed');
  });

  it('answers a card that no longer makes sense with an out-of-date card, not a failure', async () => {
    const answer = await click(people().officer, 'action.accept', { actionId: 'not-an-id' });
    expect(texts(answer.value)).toContain('This card is out of date');
  });
});

describe('my actions and overdue in personal chat', () => {
  it('sends one card per open action with the owner buttons, and says when nothing is overdue', async () => {
    await assignedActionId();
    connector.reset();
    await say(people().officer, 'my actions');
    const replies = connector.delivered(SAM_CHAT);
    expect((replies[0]?.body as { text: string }).text).toMatch(/^You have \d+ open actions?\./);
    const cards = cardsSentTo(SAM_CHAT);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((card) => buttons(card).length > 0)).toBe(true);

    connector.reset();
    // "Show my actions" on the weekly digest: the digest stays, the cards follow it.
    const digestClick = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        activity(
          people().officer,
          { id: SAM_CHAT, type: 'personal' },
          {
            type: 'invoke',
            name: 'adaptiveCard/action',
            replyToId: 'digest-1',
            value: { action: { type: 'Action.Execute', verb: 'actions.mine', data: {} }, trigger: 'manual' },
          },
        ),
      ),
    });
    expect(await digestClick.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Your open actions are below.',
    });
    expect(cardsSentTo(SAM_CHAT).length).toBe(cards.length);

    connector.reset();
    await say(people().officer, 'overdue');
    expect((connector.delivered(SAM_CHAT)[0]?.body as { text: string }).text).toBe('You have no overdue actions.');
  });

  it('sends the ten due soonest of the open actions the tab lists as theirs, and only the overdue ones for overdue', async () => {
    const jo = people().colleague;
    const joChat = personalChatOf(jo);
    // Twelve open actions for Jo, three of them overdue on 20 November, and two she can no longer act on,
    // on a case her agency is involved in (as assigning them would have made it).
    await database.db.prisma.caseAgency.createMany({ data: [{ caseId: world.caseId, agencyId: world.housingId }], skipDuplicates: true });
    for (let n = 1; n <= 12; n += 1) {
      const day = String(n * 2).padStart(2, '0');
      await createAction(database.db, world, {
        dueDate: n <= 3 ? `2026-11-${day}` : `2026-12-${day}`,
        ownerMemberId: world.colleague.id,
        title: `Jo's action ${String(n).padStart(2, '0')}`,
        status: n % 2 ? 'ACCEPTED' : 'PROPOSED',
      });
    }
    await createAction(database.db, world, {
      dueDate: '2026-11-01',
      ownerMemberId: world.colleague.id,
      title: "Jo's blocked action",
      status: 'BLOCKED',
    });
    await createAction(database.db, world, {
      dueDate: '2026-11-01',
      ownerMemberId: world.colleague.id,
      title: "Jo's completed action",
      status: 'COMPLETED',
    });
    const token = await app.signInAs(world.colleague.id);
    const tabList = await app.call<{ actions: { title: string; overdue: boolean }[] }>(
      'GET',
      '/api/actions/mine?status=PROPOSED,ACCEPTED,IN_PROGRESS',
      { token },
    );
    const open = tabList.body.actions.map((action) => action.title);
    expect(open).toEqual(expect.arrayContaining(["Jo's action 01", "Jo's action 12"]));
    expect(open).not.toContain("Jo's blocked action");

    connector.reset();
    await say(jo, 'my actions');
    expect((connector.delivered(joChat)[0]?.body as { text: string }).text).toBe(
      `You have ${open.length} open actions. Here are the 10 due soonest; the tab lists them all.`,
    );
    const cardTitles = (cards: AdaptiveCard[]) => cards.map((card) => open.find((title) => texts(card).includes(title)));
    expect(cardTitles(cardsSentTo(joChat))).toEqual(open.slice(0, 10));

    connector.reset();
    await say(jo, 'overdue');
    const overdue = tabList.body.actions.filter((action) => action.overdue).map((action) => action.title);
    expect(overdue).toEqual(["Jo's action 01", "Jo's action 02", "Jo's action 03"]);
    expect((connector.delivered(joChat)[0]?.body as { text: string }).text).toBe('You have 3 overdue actions.');
    expect(cardTitles(cardsSentTo(joChat))).toEqual(overdue);
  });
});

describe('the cards the bot answered with', () => {
  // The package's ES module build does not load in Node; its UMD bundle does, without a DOM.
  const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsSdk;

  it('parse with the Adaptive Cards SDK at schema 1.5 without errors or warnings, every one of them', () => {
    expect(answered.length).toBeGreaterThan(20);
    for (const json of [...answered, ...cardsSentTo(SAM_CHAT)]) {
      const sdkCard = new AC.AdaptiveCard();
      const context = new AC.SerializationContext(AC.Versions.v1_5);
      sdkCard.parse(json, context);
      expect(json.version).toBe('1.5');
      expect(Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message)).toEqual([]);
      expect(sdkCard.validateProperties().validationEvents.map((event) => event.message)).toEqual([]);
    }
  });
});
