import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { JWTPayload } from 'jose';
import { createBotAdapter, SOMETHING_WENT_WRONG, type BotLog } from '../../bot/adapter';
import { BOT_FRAMEWORK_ISSUER, startFakeIssuer, type FakeIssuer } from '../support/fake-issuer';

const BOT_APP_ID = '3c9d4e2f-8a1b-4c6d-9e0f-1a2b3c4d5e6f';
const COUNCIL_TENANT = '0b8e5a52-7c1d-4d6e-9f20-3a4b5c6d7e8f';
const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

type TurnHandler = (context: TurnContext) => Promise<void>;

interface BotEndpoint {
  url: string;
  turns: string[];
  close(): Promise<void>;
}

let issuer: FakeIssuer;
const logged: { event: string; fields: Record<string, unknown> }[] = [];
const log: BotLog = (event, fields) => logged.push({ event, fields });

beforeAll(async () => {
  issuer = await startFakeIssuer();
});

afterAll(async () => {
  await issuer.close();
});

beforeEach(() => {
  logged.length = 0;
  // botbuilder writes every refusal to console.error itself; keep the test output readable.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function startBotEndpoint(adapter: CloudAdapter, handler: TurnHandler = async () => undefined): Promise<BotEndpoint> {
  const turns: string[] = [];
  const app = express();
  app.post('/api/messages', express.json(), async (req, res) => {
    await adapter.process(req, res, async (context) => {
      turns.push(context.activity.id ?? '');
      await handler(context);
    });
  });
  const { server, url } = await listen(app);
  return {
    url: `${url}/api/messages`,
    turns,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What Teams posts when someone writes to the bot in a personal chat. */
function teamsMessage(serviceUrl = TEAMS_SERVICE_URL): Record<string, unknown> {
  return {
    type: 'message',
    id: '1732270000001',
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:1priya-shah', name: 'Priya Shah', aadObjectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
    conversation: { id: 'a:1personal-chat-priya', conversationType: 'personal', tenantId: COUNCIL_TENANT },
    recipient: { id: `28:${BOT_APP_ID}`, name: 'Risk Panels' },
    text: 'Show the agenda for the Northgate ASB panel',
    textFormat: 'plain',
    locale: 'en-GB',
    channelData: { tenant: { id: COUNCIL_TENANT } },
  };
}

/** The claims Bot Connector puts in the token it sends with every activity. */
function botConnectorClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = nowSeconds();
  return { serviceurl: TEAMS_SERVICE_URL, nbf: now, exp: now + 3600, iss: BOT_FRAMEWORK_ISSUER, aud: BOT_APP_ID, ...overrides };
}

function post(url: string, activity: Record<string, unknown>, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
}

describe('bot endpoint with an app id', () => {
  let bot: BotEndpoint;

  beforeAll(async () => {
    const adapter = createBotAdapter(
      {
        MicrosoftAppId: BOT_APP_ID,
        MicrosoftAppPassword: 'client-secret-never-used-offline',
        MicrosoftAppType: 'MultiTenant',
        ToBotFromChannelOpenIdMetadataUrl: issuer.botFrameworkMetadataUrl,
        ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
      },
      { log, nodeEnv: 'test' },
    );
    bot = await startBotEndpoint(adapter);
  });

  afterAll(async () => {
    await bot.close();
  });

  test('hands a message signed by Bot Connector to the bot', async () => {
    const response = await post(bot.url, teamsMessage(), await issuer.sign(botConnectorClaims()));

    expect(response.status).toBe(200);
    expect(bot.turns).toContain('1732270000001');
  });

  // The second column is botbuilder's own reason, which goes to our log and never to the caller.
  const refused: [string, RegExp, () => Promise<string | undefined>][] = [
    ['no token', /not authorized/, async () => undefined],
    ['an expired token', /expired/, () => issuer.sign(botConnectorClaims({ exp: nowSeconds() - 600 }))],
    ['a token that is not valid yet', /not active/, () => issuer.sign(botConnectorClaims({ nbf: nowSeconds() + 600 }))],
    ['a token for another bot', /Invalid AppId/, () => issuer.sign(botConnectorClaims({ aud: '11111111-2222-4333-8444-555555555555' }))],
    [
      'a token from another issuer',
      /No valid identity/,
      () => issuer.sign(botConnectorClaims({ iss: 'https://sts.windows.net/f2e4c6a8-1b3d-4f5a-8c7e-9d0b1a2c3e4f/' })),
    ],
    [
      'a token for another service url',
      /ServiceUrl claim/,
      () => issuer.sign(botConnectorClaims({ serviceurl: 'https://attacker.example/' })),
    ],
    [
      'a forged token (another key under the issuer key id)',
      /invalid signature/,
      () => issuer.sign(botConnectorClaims(), { signWithStrangerKey: true }),
    ],
    ['an unsigned token (alg none)', /signature is required/, async () => issuer.unsigned(botConnectorClaims())],
    [
      'a token with a key id the issuer never published',
      /Signing Key could not be retrieved/,
      () => issuer.sign(botConnectorClaims(), { keyId: 'never-published' }),
    ],
  ];

  test.each(refused)('answers a bare 401 to a message with %s and never runs the bot', async (_case, reason, makeToken) => {
    const turnsBefore = bot.turns.length;

    const response = await post(bot.url, teamsMessage(), await makeToken());

    expect(response.status).toBe(401);
    expect(await response.text()).toBe('Unauthorized');
    expect(bot.turns).toHaveLength(turnsBefore);
    expect(logged).toEqual([
      {
        event: 'bot.auth.rejected',
        fields: expect.objectContaining({ activityId: '1732270000001', reason: expect.stringMatching(reason), keysUnavailable: false }),
      },
    ]);
  });
});

describe('bot endpoint without an app id (local Agents Playground)', () => {
  test('hands an unauthenticated Teams message to the bot', async () => {
    const bot = await startBotEndpoint(createBotAdapter({ MicrosoftAppId: '' }, { log, nodeEnv: 'development' }));
    try {
      const response = await post(bot.url, teamsMessage());

      expect(response.status).toBe(200);
      expect(bot.turns).toEqual(['1732270000001']);
    } finally {
      await bot.close();
    }
  });

  test('apologises to the user and logs only ids when a turn fails', async () => {
    const sentToConnector: { conversationId: string; replyToId: string; body: { text?: string } }[] = [];
    const connector = express();
    connector.post('/v3/conversations/:conversationId/activities/:activityId', express.json(), (req, res) => {
      sentToConnector.push({
        conversationId: req.params.conversationId,
        replyToId: req.params.activityId,
        body: req.body as { text?: string },
      });
      res.json({ id: 'reply-1' });
    });
    const fakeConnector = await listen(connector);
    const bot = await startBotEndpoint(createBotAdapter({}, { log, nodeEnv: 'development' }), async (context) => {
      throw new Error(`could not file "${context.activity.text}"`);
    });
    try {
      const response = await post(bot.url, teamsMessage(`${fakeConnector.url}/`));

      expect(response.status).toBe(200);
      expect(sentToConnector).toEqual([
        {
          conversationId: 'a:1personal-chat-priya',
          replyToId: '1732270000001',
          body: expect.objectContaining({ text: SOMETHING_WENT_WRONG }),
        },
      ]);
      expect(logged).toEqual([
        {
          event: 'bot.turn.failed',
          fields: expect.objectContaining({ activityId: '1732270000001', conversationId: 'a:1personal-chat-priya', errorType: 'Error' }),
        },
      ]);
      expect(JSON.stringify(logged)).not.toContain('Northgate');
    } finally {
      await bot.close();
      fakeConnector.server.closeAllConnections();
      await new Promise((resolve) => fakeConnector.server.close(resolve));
    }
  });
});

describe('starting the bot', () => {
  test('refuses to start in production without an app id', () => {
    expect(() => createBotAdapter({ MicrosoftAppId: '' }, { log, nodeEnv: 'production' })).toThrow(/MicrosoftAppId is not set/);
  });

  test('refuses an app id without the password it needs to reply', () => {
    expect(() => createBotAdapter({ MicrosoftAppId: BOT_APP_ID }, { log, nodeEnv: 'production' })).toThrow(
      /MicrosoftAppPassword is not set/,
    );
  });
});
