// Capturing where the bot can write, from Teams-shaped activities posted over HTTP to the real
// botbuilder adapter (anonymous, as in local use), into the real database.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { systemClock } from '../../api/services/clock';
import { createBotAdapter } from '../../bot/adapter';
import { captureConversationsMiddleware } from '../../bot/conversations';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { BOT_ID, createPartnership, TENANT, type Partnership } from './sending-fixtures';

let database: TestDatabase;
let world: Partnership;
let server: Server;
let endpoint: string;
const turns: string[] = [];
const logged: string[] = [];
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createPartnership(database.db);
  const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });
  adapter.use(captureConversationsMiddleware(database.db, systemClock, (event) => logged.push(event)));
  const app = express();
  app.post('/api/messages', express.json(), async (req, res) => {
    await adapter.process(req, res, async (context) => {
      turns.push(context.activity.type);
    });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await database.dispose();
});

beforeEach(async () => {
  turns.length = 0;
  logged.length = 0;
  await database.db.prisma.conversationReference.deleteMany();
});

async function post(activity: Record<string, unknown>): Promise<number> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return response.status;
}

function personal(type: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type,
    id: `f:${Math.random()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:1sam-patel', name: 'Sam Patel', aadObjectId: world.officer.aad },
    recipient: { id: BOT_ID, name: 'ASB Panels' },
    conversation: { id: 'a:1personal-sam', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

const meetingMessage = (): Record<string, unknown> => ({
  type: 'message',
  id: '1732270000002',
  timestamp: new Date().toISOString(),
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  text: '<at>ASB Panels</at> agenda',
  from: { id: '29:1ruth-okafor', name: 'Ruth Okafor', aadObjectId: world.chair.aad },
  recipient: { id: BOT_ID, name: 'ASB Panels' },
  conversation: { id: '19:meeting_ZmVybmJyb29r@thread.v2', conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
  channelData: { tenant: { id: TENANT }, meeting: { id: 'MCMxOTptZWV0aW5nX1ptVnlibUp5YjI5ckB0aHJlYWQudjIjMA==' } },
});

const row = (conversationId: string) => database.db.prisma.conversationReference.findUnique({ where: { conversationId } });

describe('conversation references', () => {
  it('stores the personal chat, linked to the member, when the app is installed', async () => {
    expect(await post(personal('installationUpdate', { action: 'add' }))).toBe(200);
    expect(await row('a:1personal-sam')).toMatchObject({
      memberId: world.officer.id,
      kind: 'PERSONAL',
      serviceUrl: SERVICE_URL,
      tenantId: TENANT,
      botId: BOT_ID,
      userId: '29:1sam-patel',
      userAadObjectId: world.officer.aad,
      reachable: true,
      reference: {
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        conversationId: 'a:1personal-sam',
        conversationType: 'personal',
        tenantId: TENANT,
        kind: 'PERSONAL',
        botId: BOT_ID,
        userId: '29:1sam-patel',
        userAadObjectId: world.officer.aad,
        meetingId: null,
      },
    });
    expect(turns).toEqual(['installationUpdate']);
  });

  it('stores a meeting chat as the meeting, not as whoever spoke in it', async () => {
    await post(meetingMessage());
    expect(await row('19:meeting_ZmVybmJyb29r@thread.v2')).toMatchObject({
      kind: 'MEETING',
      memberId: null,
      userId: null,
      userAadObjectId: null,
    });
  });

  it('refreshes the service URL on every message', async () => {
    await post(personal('message', { text: 'help' }));
    await post(personal('message', { text: 'my actions', serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    expect(await row('a:1personal-sam')).toMatchObject({ serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect(await database.db.prisma.conversationReference.count()).toBe(1);
  });

  it('marks the chat unreachable when the app is removed, and reachable again when the person writes', async () => {
    await post(personal('installationUpdate', { action: 'add' }));
    await post(personal('installationUpdate', { action: 'remove' }));
    expect(await row('a:1personal-sam')).toMatchObject({ reachable: false, unreachableSince: expect.any(Date) });
    await post(personal('message', { text: 'hello again' }));
    expect(await row('a:1personal-sam')).toMatchObject({ reachable: true, unreachableSince: null });
  });

  it('marks a group chat unreachable when the bot is removed from it', async () => {
    await post(meetingMessage());
    await post({ ...meetingMessage(), type: 'conversationUpdate', text: undefined, membersRemoved: [{ id: BOT_ID }] });
    expect(await row('19:meeting_ZmVybmJyb29r@thread.v2')).toMatchObject({ reachable: false });
  });

  it('keeps a chat with someone who is not a member, without linking it to anyone', async () => {
    await post(personal('message', { from: { id: '29:1guest', name: 'Guest', aadObjectId: 'f0f0f0f0-0000-4000-8000-000000000000' } }));
    expect(await row('a:1personal-sam')).toMatchObject({ memberId: null, kind: 'PERSONAL' });
  });

  it('ignores an activity without a tenant, and the bot still answers it', async () => {
    await post(personal('message', { conversation: { id: 'a:no-tenant', conversationType: 'personal' }, channelData: {} }));
    expect(await row('a:no-tenant')).toBeNull();
    expect(turns).toEqual(['message']);
    expect(logged).toEqual([]);
  });
});
