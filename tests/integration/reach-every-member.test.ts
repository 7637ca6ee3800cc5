// Reminders that reach everyone: a member who never opened the bot gets the app installed for them
// through Graph and then the reminder in Teams; where Teams still cannot reach them, an e-mail from
// the notice mailbox that carries no case data; a member the directory no longer holds stops being
// messaged. Graph and the Bot Connector cannot be reached from this machine, so both are fakes on
// loopback speaking their wire formats (tests/support/fake-graph.ts, fake-bot-connector.ts); the
// bot's side is the real botbuilder adapter and the Graph side the real Graph SDK client.
import { randomUUID } from 'node:crypto';
import { createGraphMemberReach } from '../../api/graph/graph-member-reach';
import { runReminderCycle, type ReminderWorkerOptions } from '../../api/jobs/reminder-worker';
import { createLogger } from '../../api/logger';
import { actorForEntraUser } from '../../api/services/members';
import type { MemberReach } from '../../api/services/ports/member-reach';
import { createBotAdapter } from '../../bot/adapter';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { createAction, createPartnership, recordingClock, teamsActivity, TENANT, type Partnership } from '../bot/sending-fixtures';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

const CATALOG_APP_ID = 'a1f0c7e2-5b4d-4c3a-9e8f-1d2c3b4a5f60';
const NOTICE_MAILBOX = 'asb-notices@fernbrook.example.gov.uk';
const APP_LINK = 'https://teams.microsoft.com/l/app/5d1c7a3e-2f4b-4e6a-8c9d-0a1b2c3d4e5f';
const CHAIR_CHAT = 'a:1personal-ruth';
const OFFICER_EMAIL = 'sam.patel@fernbrook-homes.example.org.uk';
/** 09:00 in London on a winter day: the action below is due, so its due-today reminder goes. */
const NINE_AM = new Date('2026-11-20T09:00:00Z');
const DUE_TODAY_ONLY = {
  daysBeforeDue: 0,
  onDueDay: true,
  overdueEveryDays: 30,
  escalateAfterDaysOverdue: 30,
  digestWeekday: 'SUNDAY',
} as const;

let database: TestDatabase;
let connector: FakeBotConnector;
let graph: FakeGraph;
let world: Partnership;
const logger = createLogger({ level: 'silent' });
const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });

function reachThroughGraph(options: { mailbox?: string | null } = {}): MemberReach {
  return createGraphMemberReach({
    baseUrl: graph.graphBaseUrl,
    accessToken: async () => graph.issueToken(),
    retry: { maxRetries: 0, baseDelayMs: 0, maxWaitMs: 0 },
    tenantId: TENANT,
    appLink: APP_LINK,
    teamsAppCatalogId: CATALOG_APP_ID,
    noticeMailbox: options.mailbox === undefined ? NOTICE_MAILBOX : options.mailbox,
  });
}

function worker(reach: MemberReach | null, at = NINE_AM): ReminderWorkerOptions {
  const clock = recordingClock(at);
  const sender = new BotConnectorSender({ adapter, botAppId: '', db: database.db, clock, log: () => undefined, random: () => 0 });
  return { db: database.db, sender, reach, clock, logger, policy: DUE_TODAY_ONLY };
}

const officerNotification = (actionId: string) =>
  database.db.prisma.notification.findFirstOrThrow({ where: { actionId, recipientId: world.officer.id } });

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  graph = await startFakeGraph();
  // Once Graph has installed the app for someone, Teams lets the bot open a chat with them.
  graph.onInstall((userId) => connector.installFor(userId));
  world = await createPartnership(database.db);
  await database.db.prisma.member.update({ where: { id: world.officer.id }, data: { email: OFFICER_EMAIL } });
}, 60_000);

afterAll(async () => {
  await graph?.close();
  await connector?.close();
  await database?.dispose();
});

beforeEach(async () => {
  connector.reset();
  graph.installedApps.clear();
  graph.goneUsers.clear();
  graph.sentMail.length = 0;
  graph.requests.length = 0;
  graph.setInstallConsent(true);
  const { prisma } = database.db;
  await prisma.notification.deleteMany();
  await prisma.action.deleteMany();
  await prisma.conversationReference.deleteMany();
  await prisma.memberIdentity.deleteMany();
  await prisma.member.updateMany({ data: { leftTenantAt: null } });
  // The chair has talked to the bot, so the organisation's Teams address is known; the officer never has.
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: CHAIR_CHAT, aad: world.chair.aad, userId: '29:1ruth' });
});

describe('a member who never opened the bot', () => {
  it('gets the app installed for them through Graph, then the reminder in their new personal chat', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20', title: 'Visit the tenant' });
    await runReminderCycle(worker(reachThroughGraph()));

    expect(graph.requests).toContain(`POST /v1.0/users/${world.officer.aad}/teamwork/installedApps`);
    expect([...(graph.installedApps.get(world.officer.aad) ?? [])]).toEqual([CATALOG_APP_ID]);
    const created = connector.requests.find((request) => request.operation === 'create' && request.status === 201);
    expect(created).toBeDefined();
    const sent = connector.delivered(created!.conversationId ?? '').map((request) => (request.body as { text: string }).text);
    expect(sent).toEqual(['Reminder: your action is due today: Visit the tenant']);
    expect(await officerNotification(actionId)).toMatchObject({ status: 'SENT', sentVia: 'TEAMS' });
    expect(graph.sentMail).toEqual([]);
  });

  it('takes Graph’s 409 (already installed) as installed and reaches them', async () => {
    graph.installedApps.set(world.officer.aad, new Set([CATALOG_APP_ID]));
    connector.installFor(world.officer.aad);
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20' });
    await runReminderCycle(worker(reachThroughGraph()));
    expect(await officerNotification(actionId)).toMatchObject({ status: 'SENT', sentVia: 'TEAMS' });
  });

  it('is e-mailed from the notice mailbox when the organisation refuses the install, and the e-mail names no case, action or person', async () => {
    graph.setInstallConsent(false);
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20', title: 'Visit the tenant at 14 Larch Close' });
    await runReminderCycle(worker(reachThroughGraph()));

    expect(await officerNotification(actionId)).toMatchObject({ status: 'SENT', sentVia: 'EMAIL' });
    expect(graph.sentMail).toHaveLength(1);
    const [mail] = graph.sentMail;
    expect(mail).toMatchObject({
      mailbox: NOTICE_MAILBOX,
      saveToSentItems: false,
      toRecipients: [{ emailAddress: { address: OFFICER_EMAIL } }],
    });
    expect(mail!.subject).toBe('ASB Panels: one of your actions needs your attention');
    expect(mail!.body.content).toContain(APP_LINK);
    const kase = await database.db.prisma.case.findUniqueOrThrow({ where: { id: world.caseId } });
    const written = `${mail!.subject}\n${mail!.body.content}`;
    for (const secret of [kase.reference, 'Visit the tenant', 'Larch Close', 'Sam', 'Patel', 'Ruth', 'Okafor', 'Fernbrook Homes'])
      expect(written).not.toContain(secret);
  });

  it('is marked as gone from the organisation when Graph no longer knows them, and is not messaged again', async () => {
    graph.goneUsers.add(world.officer.aad);
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20' });
    await runReminderCycle(worker(reachThroughGraph()));

    expect(await officerNotification(actionId)).toMatchObject({
      status: 'UNREACHABLE',
      lastError: 'This person is no longer in the organisation’s directory.',
    });
    const officer = await database.db.prisma.member.findUniqueOrThrow({ where: { id: world.officer.id } });
    expect(officer.leftTenantAt).toEqual(NINE_AM);
    expect(graph.sentMail).toEqual([]);

    // The chair's list of people the app cannot reach names them, and why.
    const app = await startTestApp(database.db, { clock: () => NINE_AM });
    try {
      const list = await app.call<{ members: Array<{ memberId: string; reason: string; since: string | null }> }>(
        'GET',
        '/api/actions/out-of-reach',
        { token: await app.signInAs(world.chair.id) },
      );
      expect(list.status).toBe(200);
      expect(list.body.members.find((member) => member.memberId === world.officer.id)).toMatchObject({
        reason: 'LEFT_ORGANISATION',
        since: NINE_AM.toISOString(),
      });
    } finally {
      await app.close();
    }

    // The next day's reminder is not even tried: no Graph call, no Teams call, no e-mail.
    graph.requests.length = 0;
    connector.reset();
    await database.db.prisma.action.update({ where: { id: actionId }, data: { dueDate: new Date('2026-11-21T00:00:00Z') } });
    await runReminderCycle(worker(reachThroughGraph(), new Date('2026-11-21T09:00:00Z')));
    expect(graph.requests).toEqual([]);
    expect(connector.requests).toEqual([]);
    const later = await database.db.prisma.notification.findMany({ where: { actionId }, orderBy: { createdAt: 'asc' } });
    expect(later.at(-1)).toMatchObject({
      status: 'FAILED',
      lastError: 'Not sent: the recipient is no longer in the organisation’s directory.',
    });
  });

  it('waits as long as Graph’s Retry-After asks when the install is throttled, then reaches them', async () => {
    graph.failNext({ status: 429, code: 'TooManyRequests', retryAfter: '120' });
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20' });
    await runReminderCycle(worker(reachThroughGraph()));
    const waiting = await officerNotification(actionId);
    expect(waiting).toMatchObject({ status: 'PENDING' });
    expect(waiting.scheduledFor).toEqual(new Date(NINE_AM.getTime() + 120_000));
    expect(graph.sentMail).toEqual([]);

    await runReminderCycle(worker(reachThroughGraph(), new Date(NINE_AM.getTime() + 121_000)));
    expect(await officerNotification(actionId)).toMatchObject({ status: 'SENT', sentVia: 'TEAMS' });
  });

  it('stays on the chair’s list as unreachable when neither Teams nor e-mail can reach them, saying why', async () => {
    graph.setInstallConsent(false);
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20' });
    await runReminderCycle(worker(reachThroughGraph({ mailbox: null })));
    const settled = await officerNotification(actionId);
    expect(settled.status).toBe('UNREACHABLE');
    expect(settled.lastError).toMatch(/An e-mail could not be sent instead: no notice mailbox is set up for e-mail\.$/);
  });
});

describe('a member who blocked the app', () => {
  it('is not re-installed on, but is told by e-mail', async () => {
    await teamsActivity(database.db, connector.serviceUrl, {
      conversationId: 'a:1personal-sam',
      aad: world.officer.aad,
      userId: '29:1sam',
    });
    connector.blockWrites('a:1personal-sam');
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20' });
    await runReminderCycle(worker(reachThroughGraph()));
    expect(graph.requests.filter((request) => request.includes('installedApps'))).toEqual([]);
    expect(await officerNotification(actionId)).toMatchObject({ status: 'SENT', sentVia: 'EMAIL' });
  });
});

describe('a partner agency officer who is a guest in the host organisation', () => {
  const PARTNER_TENANT = '7d3e9b10-4c2a-4f8e-b6d1-2e3f4a5b6c7d';

  it('is one member under both identities: the bot knows them as a guest, and the app is installed for the guest account', async () => {
    const guestObjectId = randomUUID();
    const { prisma } = database.db;
    // The colleague signs in from their own organisation...
    await prisma.member.update({ where: { id: world.colleague.id }, data: { tenantId: PARTNER_TENANT } });
    const app: RunningApp = await startTestApp(database.db, { clock: () => NINE_AM });
    try {
      const admin = await prisma.member.create({
        data: {
          partnershipId: world.partnershipId,
          agencyId: world.policeId,
          entraObjectId: randomUUID(),
          tenantId: TENANT,
          displayName: 'Ada Admin',
          roles: ['PARTNERSHIP_ADMIN'],
        },
      });
      const token = await app.signInAs(admin.id);
      // ...and the partnership admin records their guest account in the host organisation.
      const added = await app.call('POST', `/api/members/${world.colleague.id}/identities`, {
        token,
        body: { tenantId: TENANT, entraObjectId: guestObjectId },
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ memberId: world.colleague.id, others: [{ tenantId: TENANT, entraObjectId: guestObjectId }] });

      const asGuest = await actorForEntraUser(prisma, TENANT, guestObjectId.toUpperCase());
      const asThemselves = await actorForEntraUser(prisma, PARTNER_TENANT, world.colleague.aad);
      expect(asGuest?.memberId).toBe(world.colleague.id);
      expect(asThemselves?.memberId).toBe(world.colleague.id);

      const actionId = await createAction(database.db, world, { dueDate: '2026-11-20', ownerMemberId: world.colleague.id });
      await runReminderCycle(worker(reachThroughGraph()));
      expect(graph.requests).toContain(`POST /v1.0/users/${guestObjectId}/teamwork/installedApps`);
      expect(await prisma.notification.findFirstOrThrow({ where: { actionId, recipientId: world.colleague.id } })).toMatchObject({
        status: 'SENT',
        sentVia: 'TEAMS',
      });

      // Another member cannot take the same guest account; the member's own organisation is not a guest identity.
      const taken = await app.call('POST', `/api/members/${world.officer.id}/identities`, {
        token,
        body: { tenantId: TENANT, entraObjectId: guestObjectId },
      });
      expect(taken.status).toBe(409);
      const own = await app.call('POST', `/api/members/${world.colleague.id}/identities`, {
        token,
        body: { tenantId: PARTNER_TENANT, entraObjectId: randomUUID() },
      });
      expect(own.status).toBe(400);
      // Only the partnership admin records identities.
      const chairToken = await app.signInAs(world.chair.id);
      const refused = await app.call('POST', `/api/members/${world.officer.id}/identities`, {
        token: chairToken,
        body: { tenantId: TENANT, entraObjectId: randomUUID() },
      });
      expect(refused.status).toBe(403);
      expect(await prisma.memberIdentity.count()).toBe(1);
    } finally {
      await app.close();
      await prisma.member.update({ where: { id: world.colleague.id }, data: { tenantId: TENANT } });
    }
  });
});
