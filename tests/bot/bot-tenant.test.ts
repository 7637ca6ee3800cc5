// Bot Connector tokens carry no tenant, so "tenant not allowed" for the bot means: a correctly signed
// activity from a tenant the partnership does not know reaches the bot but no card action runs, and
// the answer says only that the sender is not a member. Tokens come from the loopback issuer
// (tests/support/fake-issuer.ts) in Bot Framework's wire format; the bot and adapter are the real ones.
import type { JWTPayload } from 'jose';
import { AsbPanelsBot } from '../../bot/asb-bot';
import { cardResponse } from '../../bot/handlers/replies';
import { buildErrorCard } from '../../bot/cards/notice-cards';
import type { BotTurn } from '../../bot/handlers/turn';
import type { TeamsSender } from '../../api/services/ports/teams-sender';
import { createLogger } from '../../api/logger';
import { DEMO_MEMBERS, DEMO_TENANT_ID } from '../../api/store/demo-data';
import { BOT_FRAMEWORK_ISSUER, startFakeIssuer, type FakeIssuer } from '../support/fake-issuer';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';

const BOT_APP_ID = '3c9d4e2f-8a1b-4c6d-9e0f-1a2b3c4d5e6f';
const STRANGER_TENANT = 'f2e4c6a8-1b3d-4f5a-8c7e-9d0b1a2c3e4f';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const NOW = new Date('2026-11-02T10:00:00Z');

let database: TestDatabase;
let issuer: FakeIssuer;
let app: RunningApp;
const handled: (string | null)[] = [];
// The probe answers in the invoke response; nothing is sent proactively in these tests.
const nothingIsSent = {} as TeamsSender;

beforeAll(async () => {
  database = await openDemoDatabase({ today: NOW });
  issuer = await startFakeIssuer();
  const clock = () => NOW;
  const probe = async (turn: BotTurn) => {
    handled.push(turn.service?.actor.memberId ?? null);
    return cardResponse(buildErrorCard({ title: 'Probe', message: 'ran' }));
  };
  app = await startTestApp(database.db, {
    clock,
    bot: {
      MicrosoftAppId: BOT_APP_ID,
      MicrosoftAppPassword: 'client-secret-never-used-offline',
      MicrosoftAppType: 'MultiTenant',
      ToBotFromChannelOpenIdMetadataUrl: issuer.botFrameworkMetadataUrl,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
    },
    botHandler: new AsbPanelsBot(
      { db: database.db, logger: createLogger({ level: 'silent' }), clock, sender: nothingIsSent },
      { cardActions: { 'probe.run': probe } },
    ),
  });
}, 60_000);

afterAll(async () => {
  await app.close();
  await issuer.close();
  await database.dispose();
});

beforeEach(() => {
  handled.length = 0;
});

function botConnectorClaims(): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { serviceurl: SERVICE_URL, nbf: now, exp: now + 3600, iss: BOT_FRAMEWORK_ISSUER, aud: BOT_APP_ID };
}

/** A card button click (Universal Actions invoke) from a user in the given tenant. */
function cardClick(tenantId: string, aadObjectId: string): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: 'f:1732270000002',
    timestamp: NOW.toISOString(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:1someone', aadObjectId },
    conversation: { id: 'a:1personal-chat', conversationType: 'personal', tenantId },
    recipient: { id: `28:${BOT_APP_ID}` },
    channelData: { tenant: { id: tenantId } },
    value: { action: { type: 'Action.Execute', verb: 'probe.run', data: {} }, trigger: 'manual' },
  };
}

async function click(activity: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.sign(botConnectorClaims())}` },
    body: JSON.stringify(activity),
  });
  return { status: response.status, text: await response.text() };
}

describe('card actions from tenants', () => {
  const member = DEMO_MEMBERS[0]!;

  test('runs the card action for a member of the partnership in its home tenant', async () => {
    const answer = await click(cardClick(DEMO_TENANT_ID, member.entraObjectId));

    expect(answer.status).toBe(200);
    expect(handled).toEqual([member.id]);
  });

  test('never runs a card action for a user from a tenant the partnership does not know, even with a member object id', async () => {
    const answer = await click(cardClick(STRANGER_TENANT, member.entraObjectId));

    expect(answer.status).toBe(200);
    expect(handled).toEqual([]);
    expect(answer.text).toContain('not set up as a member of a partnership');
    expect(answer.text).not.toContain(member.displayName);
  });

  test('answers an unsigned click with 401 and runs no handler', async () => {
    // botbuilder writes every refusal to console.error itself.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cardClick(STRANGER_TENANT, member.entraObjectId)),
    });

    expect(response.status).toBe(401);
    expect(handled).toEqual([]);
  });
});
