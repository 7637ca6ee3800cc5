// Whether an action reaches its owner, as the chair sees it over HTTP: on the outstanding list, on the
// action itself and on the out-of-reach list. The real app on loopback, the real database and the
// real botbuilder adapter sending to a fake Bot Connector that answers as Teams does (403
// MessageWritesBlocked when the owner blocked the app).
import { randomUUID } from 'node:crypto';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { findOnActionList } from '../support/action-list-pages';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { createBotAdapter } from '../../bot/adapter';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { createPartnership, recordingClock, teamsActivity, TENANT, type Partnership } from '../bot/sending-fixtures';

interface Delivery {
  status: string;
  reason: string | null;
  since: string | null;
}
interface Listed {
  id: string;
  title: string;
  delivery: Delivery | null;
}
interface OutOfReach {
  actions: { actionId: string; reason: string; since: string }[];
  members: { memberId: string; reason: string; outstandingActions: number }[];
}

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: Partnership;
let now = new Date('2026-11-20T10:00:00Z');
let tokens: Record<'chair' | 'officer' | 'police' | 'outsider', string>;
const OFFICER_CHAT = 'a:1personal-sam';

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  const member = async (agencyId: string, displayName: string) =>
    (
      await database.db.prisma.member.create({
        data: {
          partnershipId: world.partnershipId,
          agencyId,
          entraObjectId: randomUUID(),
          tenantId: TENANT,
          displayName,
          roles: ['PANEL_MEMBER'],
        },
      })
    ).id;
  const fire = await database.db.prisma.agency.create({
    data: { partnershipId: world.partnershipId, name: 'Sampleshire Fire', type: 'FIRE' },
  });
  const policeMember = await member(world.policeId, 'Pat Constable');
  const outsider = await member(fire.id, 'Chris Outside');
  // The real sender, whose waits between retries return at once.
  const sender = new BotConnectorSender({
    adapter: createBotAdapter({}, { nodeEnv: 'test', log: () => undefined }),
    botAppId: '',
    db: database.db,
    clock: { ...recordingClock(now), now: () => now },
    log: () => undefined,
  });
  app = await startTestApp(database.db, { clock: () => now, sender });
  tokens = {
    chair: await app.signInAs(world.chair.id),
    officer: await app.signInAs(world.officer.id),
    police: await app.signInAs(policeMember),
    outsider: await app.signInAs(outsider),
  };
}, 60_000);

afterAll(async () => {
  await app.close();
  await connector.close();
  await database.dispose();
});

beforeEach(async () => {
  now = new Date('2026-11-20T10:00:00Z');
  connector.reset();
  await database.db.prisma.notification.deleteMany();
  await database.db.prisma.actionCard.deleteMany();
  await database.db.prisma.actionEvent.deleteMany();
  await database.db.prisma.action.deleteMany();
  await database.db.prisma.conversationReference.deleteMany();
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: OFFICER_CHAT, aad: world.officer.aad, userId: '29:1sam' });
});

async function assign(title: string, ownerMemberId: string | null = world.officer.id): Promise<string> {
  const answer = await app.call<{ action: { id: string } }>('POST', '/api/actions', {
    token: tokens.chair,
    body: { caseId: world.caseId, meetingId: world.meetingId, title, ownerAgencyId: world.housingId, ownerMemberId, dueDate: '2026-12-04' },
  });
  expect(answer.status).toBe(201);
  return answer.body.action.id;
}

async function listed(token: string, actionId: string): Promise<Listed | undefined> {
  return findOnActionList<Listed>(app, '/api/actions', token, actionId);
}

async function readDelivery(token: string, actionId: string): Promise<Delivery | null> {
  const answer = await app.call<{ delivery: Delivery | null }>('GET', `/api/actions/${actionId}`, { token });
  expect(answer.status).toBe(200);
  return answer.body.delivery;
}

const outOfReach = async () => (await app.call<OutOfReach>('GET', '/api/actions/out-of-reach', { token: tokens.chair })).body;

describe('the delivery state the chair sees on an action', () => {
  it('goes from delivered to unreachable when Teams answers 403 MessageWritesBlocked, with the reason and since when, and back once a chase gets through', async () => {
    const actionId = await assign('Fit a door chain');
    const delivered = { status: 'DELIVERED', reason: null, since: '2026-11-20T10:00:00.000Z' };
    expect((await listed(tokens.chair, actionId))?.delivery).toEqual(delivered);
    expect(await readDelivery(tokens.chair, actionId)).toEqual(delivered);

    // Sam blocks the app; the chair's chase an hour later is refused by Teams, and so is the next one.
    connector.blockWrites(OFFICER_CHAT);
    now = new Date('2026-11-20T11:00:00Z');
    const chased = await app.call<{ deliveries: { status: string }[] }>('POST', `/api/actions/${actionId}/chase`, { token: tokens.chair });
    expect(chased.body.deliveries.map((d) => d.status)).toEqual(['UNREACHABLE']);
    expect(connector.requests.at(-1)?.status).toBe(403);
    now = new Date('2026-11-20T12:00:00Z');
    await app.call('POST', `/api/actions/${actionId}/chase`, { token: tokens.chair });

    const unreachable = {
      status: 'UNREACHABLE',
      reason: expect.stringContaining('blocked or removed the app') as string,
      since: '2026-11-20T11:00:00.000Z',
    };
    expect((await listed(tokens.chair, actionId))?.delivery).toEqual(unreachable);
    expect(await readDelivery(tokens.chair, actionId)).toEqual(unreachable);
    const list = await outOfReach();
    expect(list.actions).toEqual([
      {
        reason: unreachable.reason,
        since: unreachable.since,
        actionId,
        title: 'Fit a door chain',
        caseReference: expect.any(String),
        ownerName: 'Sam Patel',
        ownerAgencyName: 'Fernbrook Homes',
      },
    ]);
    expect(list.members).toContainEqual(expect.objectContaining({ memberId: world.officer.id, reason: 'BLOCKED', outstandingActions: 1 }));

    // Sam unblocks the app and writes to the bot; the next chase gets through.
    connector.reset();
    await teamsActivity(database.db, connector.serviceUrl, { conversationId: OFFICER_CHAT, aad: world.officer.aad, userId: '29:1sam' });
    now = new Date('2026-11-20T13:00:00Z');
    // This partnership lets a chair chase the same action again after an hour (the default is a day).
    await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { chaseCooldownHours: 1 } });
    await app.call('POST', `/api/actions/${actionId}/chase`, { token: tokens.chair });
    expect((await listed(tokens.chair, actionId))?.delivery).toEqual({
      status: 'DELIVERED',
      reason: null,
      since: '2026-11-20T13:00:00.000Z',
    });
    expect((await outOfReach()).actions).toEqual([]);
  });

  it('says when the owner never installed the app, and when Teams has not taken the card yet', async () => {
    const neverInstalled = await assign('Check the CCTV', world.colleague.id);
    expect((await listed(tokens.chair, neverInstalled))?.delivery).toEqual({
      status: 'UNREACHABLE',
      reason: 'The app is not installed for this person in Teams.',
      since: '2026-11-20T10:00:00.000Z',
    });
    expect((await outOfReach()).members).toContainEqual(
      expect.objectContaining({ memberId: world.colleague.id, reason: 'NEVER_INSTALLED', outstandingActions: 1 }),
    );

    connector.failNext({ status: 502 }, { times: 10, conversationId: OFFICER_CHAT });
    const retrying = await assign('Visit the tenant');
    expect(await readDelivery(tokens.chair, retrying)).toEqual({ status: 'PENDING', reason: null, since: '2026-11-20T10:00:00.000Z' });
  });

  it('counts an action owned by an agency as reached when one of its panel members got it', async () => {
    const actionId = await assign('Agree a tenancy warning', null);
    const chased = await app.call<{ deliveries: { memberId: string; status: string }[] }>('POST', `/api/actions/${actionId}/chase`, {
      token: tokens.chair,
    });
    expect(chased.body.deliveries.map((d) => d.status).sort()).toEqual(['SENT', 'UNREACHABLE']);
    expect((await listed(tokens.chair, actionId))?.delivery?.status).toBe('DELIVERED');
    expect((await outOfReach()).actions.map((a) => a.actionId)).not.toContain(actionId);
  });
});

describe('who may see it', () => {
  it('shows no delivery state to members who do not oversee actions, in their own agency or another, and refuses them the out-of-reach list', async () => {
    connector.blockWrites(OFFICER_CHAT);
    const actionId = await assign('Fit a door chain');
    expect(await readDelivery(tokens.chair, actionId)).toMatchObject({ status: 'UNREACHABLE' });

    // Sam's own agency lists it, the police (the case's lead agency) can open it: neither sees how it was delivered.
    expect(await listed(tokens.officer, actionId)).toMatchObject({ delivery: null });
    expect(await readDelivery(tokens.officer, actionId)).toBeNull();
    expect(await readDelivery(tokens.police, actionId)).toBeNull();
    expect(await listed(tokens.police, actionId)).toBeUndefined();

    // Fire has no part in the case: the action answers as unknown.
    const hidden = await app.call<{ error: { code: string } }>('GET', `/api/actions/${actionId}`, { token: tokens.outsider });
    expect([hidden.status, hidden.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(JSON.stringify(hidden.body)).not.toMatch(/blocked|UNREACHABLE/);

    for (const token of [tokens.officer, tokens.police, tokens.outsider]) {
      const refused = await app.call<{ error: { code: string } }>('GET', '/api/actions/out-of-reach', { token });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
      expect(JSON.stringify(refused.body)).not.toContain('Sam Patel');
    }
  });
});
