// A member who never opened the bot, reached in Agents Playground: `npm run playground` (the app in
// local mode and Microsoft 365 Agents Playground, pinned, loopback only) with Microsoft Graph on.
// Two services this machine cannot reach are faked on loopback in their real wire formats:
// - Microsoft Graph and Entra's token endpoint (tests/support/fake-graph.ts, over https, trusted by
//   the app through NODE_EXTRA_CA_CERTS), which installs the app for a user;
// - Teams' refusal to open a personal chat with someone who has not got the app (403
//   BotNotInConversationRoster), which Playground never makes: tests/support/refusing-connector.ts
//   stands in front of Playground's connector and passes everything else on.
// Sam Imaginary (children's social care) has never opened the bot and has nothing waiting, so the
// reminder worker leaves him alone. Priya Example assigns him an action from the panel's group chat;
// the bot finds no chat with Sam, installs the app for him through Graph, opens the chat and
// delivers the card there, where Sam accepts it.
import { randomUUID } from 'node:crypto';
import { londonDateOf } from '../../api/domain/agenda/calendar-date';
import { buildDemoRows, DEMO_AGENCIES } from '../../api/store/demo-data';
import { memberByName } from '../../api/store/demo-data/partnership';
import { createLoopbackTls, type LoopbackTls } from '../support/fake-issuer';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { freePort } from '../support/free-port';
import { cardButtons, cardText, startPlayground, type RunningPlayground } from '../support/playground';
import { startRefusingConnector, type RefusingConnector } from '../support/refusing-connector';

const PLAYGROUND_TENANT = '7e570000-0000-4000-8000-00000000c5b0';

let tls: LoopbackTls;
let graph: FakeGraph;
let connector: RefusingConnector;
let playground: RunningPlayground;

beforeAll(async () => {
  tls = createLoopbackTls();
  graph = await startFakeGraph({ tls });
  const playgroundPort = await freePort();
  connector = await startRefusingConnector({
    playgroundOrigin: `http://127.0.0.1:${playgroundPort}`,
    hasTheApp: (aadObjectId) => graph.installedApps.get(aadObjectId)?.has(graph.catalogAppId) ?? false,
  });
  playground = await startPlayground({
    LOG_LEVEL: 'error',
    PLAYGROUND_PORT: String(playgroundPort),
    M365_AGENTS_PLAYGROUND_SERVICE_URL: connector.serviceUrl,
    // Graph with its own app registration: the playground's bot stays anonymous.
    GRAPH_CLIENT_ID: randomUUID(),
    GRAPH_CLIENT_SECRET: 'client-secret-for-the-fake',
    GRAPH_TENANT_ID: PLAYGROUND_TENANT,
    GRAPH_BASE_URL: graph.graphBaseUrl,
    ENTRA_AUTHORITY_HOST: graph.authorityHost,
    TEAMS_CATALOG_APP_ID: graph.catalogAppId,
    NODE_EXTRA_CA_CERTS: tls.certPath,
  });
}, 180_000);

afterAll(async () => {
  await playground?.stop();
  await connector?.close();
  await graph?.close();
  tls?.remove();
}, 30_000);

describe('a member who never opened the bot, in Agents Playground', () => {
  it('is reached only after the app is installed for them through Graph, with the card to act on', async () => {
    const { config, post, click, waitForBotMessage } = playground;
    const police = DEMO_AGENCIES.find((agency) => agency.key === 'police')!;
    const childrensCare = DEMO_AGENCIES.find((agency) => agency.key === 'childrensCare')!;
    const kase = buildDemoRows({ today: new Date() }).cases.find((c) => c.leadAgencyId === police.id && c.status === 'OPEN')!;
    const sam = memberByName('Sam Imaginary');
    const priya = config.users.find((user) => user.name === 'Priya Example')!;
    const panelChat = config.groupChats[0]!.id;
    expect(graph.installedApps.get(sam.entraObjectId)).toBeUndefined();

    const cardMessage = await post(panelChat, 'Item 2: actions');
    const assigned = await click(priya.id, panelChat, cardMessage, 'action.assign', {
      caseId: kase.id,
      title: 'Visit the victim with the housing officer',
      ownerAgencyId: childrensCare.id,
      ownerMemberId: sam.id,
      dueDate: londonDateOf(new Date()),
      priority: 'HIGH',
    });
    expect(cardText(assigned)).toContain('Assigned and sent to Sam Imaginary in Teams.');

    // Teams first refused to open a chat with Sam; Graph installed the catalogue's app for him, and
    // only then did the chat open.
    const forSam = (request: string) => request.includes(`/users/${sam.entraObjectId}/`);
    expect(connector.openings.filter((opening) => opening.aadObjectId === sam.entraObjectId).map(({ status }) => status)).toEqual([
      403, 201,
    ]);
    expect(graph.requests.filter(forSam)).toEqual([`POST /v1.0/users/${sam.entraObjectId}/teamwork/installedApps`]);
    expect(graph.bodies.find(({ request }) => forSam(request))?.body).toEqual({
      'teamsApp@odata.bind': `${graph.graphBaseUrl}/appCatalogs/teamsApps/${graph.catalogAppId}`,
    });
    expect(graph.installedApps.get(sam.entraObjectId)).toEqual(new Set([graph.catalogAppId]));

    // The card is in the personal chat Playground opened for Sam, with its Accept button.
    const samChat = connector.openings.find(
      (opening) => opening.aadObjectId === sam.entraObjectId && opening.status === 201,
    )!.conversationId!;
    const delivered = await waitForBotMessage(samChat, /^New action for you, case .*: Visit the victim/);
    expect(cardButtons(delivered.request.body.attachments![0]!.content)).toEqual(['Accept']);
  }, 90_000);
});
