// The referral triage card over the bot's real HTTP endpoint, as tests/bot/action-cards.test.ts does for
// action cards: a referral submitted over the real API sends the card to the panel's chair through a
// fake Bot Connector on loopback (the real wire format), and Teams-shaped `adaptiveCard/action`
// invokes reach the real botbuilder CloudAdapter and the real database.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as AdaptiveCardsSdk from 'adaptivecards';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { answersAll } from '../integration/referrals-fixtures';
import { BOT_ID, createPartnership, interactiveSender, recordingClock, teamsActivity, TENANT, type Partnership } from './sending-fixtures';

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: Partnership;
let referrer: { id: string; aad: string };
let offenderPanelId: string;
let referrerToken: string;
let chairToken: string;
const NOW = new Date('2026-11-20T10:00:00Z');

type Person = { aad: string; teamsId: string; name: string };
const people = () => ({
  chair: { aad: world.chair.aad, teamsId: '29:1ruth', name: 'Ruth Okafor' },
  referrer: { aad: referrer.aad, teamsId: '29:1pat', name: 'Pat Constable' },
  officer: { aad: world.officer.aad, teamsId: '29:1sam', name: 'Sam Patel' },
});
const personalChatOf = (person: Person) => `a:1personal-${person.teamsId.slice(4)}`;

interface InvokeAnswer {
  statusCode: number;
  value: AdaptiveCard;
}
const answered: AdaptiveCard[] = [];

async function click(from: Person, verb: string, data: Record<string, unknown>, card = 'triage-card-1'): Promise<InvokeAnswer> {
  const body = {
    id: `f:${randomUUID()}`,
    timestamp: NOW.toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: from.teamsId, name: from.name, aadObjectId: from.aad },
    recipient: { id: BOT_ID, name: 'ASB Panels' },
    conversation: { id: personalChatOf(from), conversationType: 'personal', tenantId: TENANT, isGroup: false },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: card,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as InvokeAnswer;
  expect(answer.statusCode).toBe(200);
  answered.push(answer.value);
  return answer;
}

const buttons = (card: AdaptiveCard) => (card.actions ?? []).map((action) => action.title);
const texts = (card: AdaptiveCard) => JSON.stringify(card.body);
const cardsSentTo = (conversationId: string) =>
  connector
    .delivered(conversationId)
    .flatMap((r) => ((r.body.attachments as { content: AdaptiveCard }[] | undefined) ?? []).map((a) => a.content));

let referred = 0;
/** A high-risk victim referred over the API by the police referrer: it goes to the world's CMARAC. */
async function refer(): Promise<{ id: string; caseReference: string }> {
  referred += 1;
  const draft = {
    subject: { givenName: 'Card', familyName: `Testcase${'abcdefgh'[referred]}`, dateOfBirth: `1980-02-0${referred}` },
    concerns: 'Stones thrown at the windows most nights.',
    answers: answersAll('VICTIM', 'serious'),
    consent: { status: 'GIVEN' },
    match: { confirmedNew: true },
  };
  const started = await app.call<{ id: string }>('POST', '/api/referrals', {
    token: referrerToken,
    body: { subjectType: 'VICTIM', draft },
  });
  const submitted = await app.call<{ referral: { id: string; panel: { id: string } | null; case: { reference: string } } }>(
    'POST',
    `/api/referrals/${started.body.id}/submit`,
    { token: referrerToken },
  );
  expect(submitted.body.referral.panel?.id).toBe(world.panelId);
  return { id: submitted.body.referral.id, caseReference: submitted.body.referral.case.reference };
}

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  const aad = randomUUID();
  referrer = {
    aad,
    id: (
      await database.db.prisma.member.create({
        data: {
          partnershipId: world.partnershipId,
          agencyId: world.policeId,
          entraObjectId: aad,
          tenantId: TENANT,
          displayName: 'Pat Constable',
          roles: ['REFERRER'],
        },
      })
    ).id,
  };
  offenderPanelId = (
    await database.db.prisma.panel.create({
      data: {
        partnershipId: world.partnershipId,
        type: 'OFFENDER_PANEL',
        name: 'Fernbrook Offender Panel',
        cadence: { kind: 'MONTHLY', weekday: 'TUESDAY', week: 1 },
      },
    })
  ).id;
  const clock = recordingClock(NOW);
  app = await startTestApp(database.db, { clock: () => NOW, sender: interactiveSender(database.db, clock) });
  referrerToken = await app.signInAs(referrer.id);
  chairToken = await app.signInAs(world.chair.id);
  await teamsActivity(database.db, connector.serviceUrl, {
    conversationId: personalChatOf(people().chair),
    aad: world.chair.aad,
    userId: '29:1ruth',
  });
  await teamsActivity(database.db, connector.serviceUrl, {
    conversationId: personalChatOf(people().referrer),
    aad: referrer.aad,
    userId: '29:1pat',
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

beforeEach(async () => {
  // The fake connector numbers activities afresh after a reset, as a new Teams chat would.
  connector.reset();
  await database.db.prisma.referralCard.deleteMany();
});

describe('the triage card a chair gets when a referral arrives', () => {
  it("arrives in the chair's personal chat with the decision buttons, refreshing for the chair, naming nobody", async () => {
    const referral = await refer();
    const [card] = cardsSentTo(personalChatOf(people().chair));
    expect(buttons(card!)).toEqual(['Accept for panel', 'Decline', 'Redirect']);
    expect(card!.refresh?.userIds).toEqual(['29:1ruth']);
    expect(texts(card!)).toContain(`Referral for case ${referral.caseReference}`);
    expect(texts(card!)).not.toContain('Testcase');
    expect(await database.db.prisma.referralCard.count({ where: { referralId: referral.id } })).toBe(1);
  });

  it('shows the chair the buttons on refresh, and anyone else who may see it read-only; someone who may not see it is refused', async () => {
    const referral = await refer();
    const ref = { referralId: referral.id, version: 0 };
    expect(buttons((await click(people().chair, 'referral.triage.refresh', ref)).value)).toEqual([
      'Accept for panel',
      'Decline',
      'Redirect',
    ]);
    const referrerView = (await click(people().referrer, 'referral.triage.refresh', ref)).value;
    expect([buttons(referrerView), texts(referrerView).includes('Awaiting a decision')]).toEqual([[], true]);
    expect(texts((await click(people().officer, 'referral.triage.refresh', ref)).value)).toContain('or you may not see it');
  });

  it('refuses a decision from someone who is not a chair, whatever the card says', async () => {
    const referral = await refer();
    const answer = await click(people().referrer, 'referral.accept', { referralId: referral.id, version: 0 });
    expect(texts(answer.value)).toContain("You can't do this");
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe('SUBMITTED');
  });
});

describe('deciding from the card', () => {
  it('asks for a reason to decline and changes nothing without one', async () => {
    const referral = await refer();
    const answer = await click(people().chair, 'referral.decline', { referralId: referral.id, version: 0, declineReason: ' ' });
    expect(texts(answer.value)).toContain('Say why the panel will not hear this referral');
    expect(buttons(answer.value)).toEqual(['Accept for panel', 'Decline', 'Redirect']);
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe('SUBMITTED');
  });

  it('declines with a reason, tells the referrer in chat, and shows a stale click how things stand', async () => {
    const referral = await refer();
    connector.reset();
    const declined = await click(people().chair, 'referral.decline', {
      referralId: referral.id,
      version: 0,
      declineReason: 'Already heard at the domestic abuse MARAC.',
    });
    expect(texts(declined.value)).toContain('Declined. The referrer has been told why.');
    expect(buttons(declined.value)).toEqual([]);
    const told = connector.delivered(personalChatOf(people().referrer)).map((r) => r.body.text as string);
    expect(told).toEqual([
      `Your referral for case ${referral.caseReference} to Fernbrook CMARAC: Declined by Ruth Okafor: Already heard at the domestic abuse MARAC.`,
    ]);
    const stale = await click(people().chair, 'referral.accept', { referralId: referral.id, version: 0 });
    expect(texts(stale.value)).toContain('This referral has already been declined by Ruth Okafor. This is how it stands now.');
    expect(buttons(stale.value)).toEqual([]);
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe('DECLINED');
  });

  it('redirects to another panel from the card, leaving the chair a read-only card', async () => {
    const referral = await refer();
    const answer = await click(people().chair, 'referral.redirect', {
      referralId: referral.id,
      version: 0,
      redirectTo: offenderPanelId,
      redirectReason: 'The neighbour is the concern: the Offender Panel should hear it.',
    });
    expect(texts(answer.value)).toContain('Redirected. The referrer has been told why.');
    expect(buttons(answer.value)).toEqual([]);
    const stored = await database.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect([stored.panelId, stored.redirect, stored.status, stored.version]).toEqual([offenderPanelId, 'PANEL', 'SUBMITTED', 1]);
  });

  it('updates the card already posted when the chair decides in the tab', async () => {
    const referral = await refer();
    const posted = await database.db.prisma.referralCard.findFirstOrThrow({ where: { referralId: referral.id } });
    const accepted = await app.call('POST', `/api/referrals/${referral.id}/decision`, {
      token: chairToken,
      body: { decision: 'ACCEPT', expectedVersion: 0 },
    });
    expect(accepted.status).toBe(200);
    const update = connector.requests.find((r) => r.operation === 'update' && r.activityId === posted.activityId);
    const card = (update?.body.attachments as { content: AdaptiveCard }[])[0]!.content;
    expect([buttons(card), texts(card).includes('Accepted by Ruth Okafor')]).toEqual([[], true]);
  });
});

describe('the triage cards the bot drew', () => {
  // The package's ES module build does not load in Node; its UMD bundle does, without a DOM.
  const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsSdk;

  it('parse with the Adaptive Cards SDK at schema 1.5 without errors or warnings', () => {
    expect(answered.length).toBeGreaterThan(5);
    for (const json of answered) {
      const sdkCard = new AC.AdaptiveCard();
      const context = new AC.SerializationContext(AC.Versions.v1_5);
      sdkCard.parse(json, context);
      expect(Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message)).toEqual([]);
      expect(sdkCard.validateProperties().validationEvents.map((event) => event.message)).toEqual([]);
    }
  });
});
