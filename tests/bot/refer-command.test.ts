// The "refer" command and its card over the real botbuilder adapter and HTTP app: Teams' side is
// played by activities posted to /api/messages, and replies go to a loopback Bot Connector in its
// real wire format (faked because the real service needs a Teams tenant).
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { createReferralWorld, type ReferralWorld } from '../integration/referrals-fixtures';

const NOW = new Date('2026-11-20T12:00:00Z');
const TENANT = 'tenant-referrals';
const TEAMS_APP_ID = '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f';

let database: TestDatabase;
let app: RunningApp;
let connector: FakeBotConnector;
let world: ReferralWorld;
let referrerObjectId: string;
let auditorObjectId: string;

interface CardJson {
  body: Array<{ type: string; id?: string; text?: string; value?: string; facts?: Array<{ title: string; value: string }> }>;
  actions?: Array<{ type: string; verb?: string; title?: string; url?: string }>;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createReferralWorld(database.db);
  connector = await startFakeBotConnector();
  app = await startTestApp(database.db, {
    clock: () => NOW,
    tabLinks: { teamsAppId: TEAMS_APP_ID, publicBaseUrl: 'https://panels.example.gov.uk' },
  });
  referrerObjectId = (await database.db.prisma.member.findUniqueOrThrow({ where: { id: world.members.policeReferrer } })).entraObjectId;
  auditorObjectId = (await database.db.prisma.member.findUniqueOrThrow({ where: { id: world.members.auditor } })).entraObjectId;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

let activityNumber = 0;
function activity(objectId: string, fields: Record<string, unknown>): Record<string, unknown> {
  activityNumber += 1;
  return {
    id: `act-${activityNumber}`,
    timestamp: NOW.toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: `29:${objectId}`, name: 'Pat Constable', aadObjectId: objectId },
    conversation: { id: `a:personal-${objectId}`, conversationType: 'personal', tenantId: TENANT },
    recipient: { id: '28:asb-panels-bot', name: 'ASB Panels' },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
    ...fields,
  };
}

async function post(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function clickSaveDraft(objectId: string, data: Record<string, unknown>): Promise<CardJson> {
  const response = await post(
    activity(objectId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'referral.startDraft', data }, trigger: 'manual' },
    }),
  );
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { statusCode: number; value: CardJson };
  expect(answer.statusCode).toBe(200);
  return answer.value;
}

const texts = (card: CardJson) => card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text);

describe('the refer command', () => {
  it('answers "refer victim" with the first-step card, victim already chosen', async () => {
    connector.reset();
    expect((await post(activity(referrerObjectId, { type: 'message', text: 'refer victim' }))).status).toBe(200);
    const [sent] = connector.delivered(`a:personal-${referrerObjectId}`);
    const attachment = (sent?.body.attachments as Array<{ contentType: string; content: CardJson }>)[0]!;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const subjectType = attachment.content.body.find((e) => e.id === 'subjectType');
    expect(subjectType?.value).toBe('VICTIM');
    expect(attachment.content.actions?.map((a) => a.verb)).toEqual(['referral.startDraft']);
  });

  it('saves the first step as a draft the referrer finds in the tab, through the referral service', async () => {
    const card = await clickSaveDraft(referrerObjectId, {
      subjectType: 'VICTIM',
      givenName: 'Mabel',
      familyName: 'Exampleton',
      address: '',
      postcode: '',
      concerns: 'Young people knocking at all hours.',
    });
    expect(texts(card)[0]).toBe('Referral saved as a draft');
    const factSet = card.body.find((e) => e.type === 'FactSet');
    expect(factSet?.facts).toEqual([
      { title: 'Referring', value: 'A victim' },
      { title: 'About', value: 'Mabel Exampleton' },
      { title: 'Saved', value: '20 November 2026 at 12:00' },
    ]);
    const draft = await database.db.prisma.referral.findFirstOrThrow({
      where: { referrerId: world.members.policeReferrer, status: 'DRAFT' },
    });
    expect([draft.subjectType, draft.draft]).toEqual([
      'VICTIM',
      { step: 'from-chat', subject: { givenName: 'Mabel', familyName: 'Exampleton' }, concerns: 'Young people knocking at all hours.' },
    ]);
    const token = await app.signInAs(world.members.policeReferrer);
    // "Finish in the tab" opens the Refer personal tab in Teams on this draft.
    const context = encodeURIComponent(JSON.stringify({ subEntityId: `referrals/${draft.id}` }));
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Finish in the tab',
        url: `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/refer?context=${context}`,
      },
    ]);
    const fromTab = await app.call<{ draft: unknown }>('GET', `/api/referrals/${draft.id}`, { token });
    expect(fromTab.body.draft).toEqual(draft.draft);
    expect(
      await database.db.prisma.auditEvent.count({
        where: { event: 'referral.create', entityId: draft.id, actorId: world.members.policeReferrer },
      }),
    ).toBe(1);
  });

  it('sends the card back with what was typed and the errors beside their fields', async () => {
    const before = await database.db.prisma.referral.count();
    const card = await clickSaveDraft(referrerObjectId, { subjectType: '', address: 'Sampleton Recreation Ground', concerns: '' });
    expect(texts(card)).toContain('Please correct the 2 highlighted fields.');
    expect(texts(card)).toContain('Choose who or what you are referring.');
    expect(texts(card)).toContain('Say briefly what is happening.');
    expect(card.body.find((e) => e.id === 'address')?.value).toBe('Sampleton Recreation Ground');
    expect(await database.db.prisma.referral.count()).toBe(before);
  });

  it('sends the card back when the text holds a character the database cannot store', async () => {
    const before = await database.db.prisma.referral.count();
    const card = await clickSaveDraft(referrerObjectId, { subjectType: 'VICTIM', givenName: 'Ma\u0000bel', concerns: 'Knocking.' });
    expect(texts(card)).toContain('Remove the invisible control character from this text.');
    expect(await database.db.prisma.referral.count()).toBe(before);
  });

  it('refuses an auditor with a card that says why, and saves nothing', async () => {
    const before = await database.db.prisma.referral.count();
    const card = await clickSaveDraft(auditorObjectId, { subjectType: 'LOCATION', concerns: 'Fires.' });
    expect(texts(card)[0]).toBe("You can't do this: this could not be done");
    expect(texts(card)[1]).toBe('Your role does not allow you to make referrals.');
    expect(await database.db.prisma.referral.count()).toBe(before);
  });
});
