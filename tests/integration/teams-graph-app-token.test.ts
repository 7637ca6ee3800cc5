// The whole Graph path as production runs it: MSAL's client-credentials token from the configured
// ENTRA_AUTHORITY_HOST, then @microsoft/microsoft-graph-client against GRAPH_BASE_URL, both served by
// the loopback fake (tests/support/fake-graph.ts) over https. MSAL accepts only https authorities
// and Node trusts an extra certificate authority only from NODE_EXTRA_CA_CERTS at start, so the
// calls run in a child Node process that trusts the fake's self-signed certificate.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createLoopbackTls, type LoopbackTls } from '../support/fake-issuer';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';

const TENANT = '0b8e5a52-7c1d-4d6e-9f20-3a4b5c6d7e8f';
const CLIENT_ID = '3c9d4e2f-8a1b-4c6d-9e0f-1a2b3c4d5e6f';
const ORGANISER = 'f1e2d3c4-0000-4000-8000-00000000c4a1';

let tls: LoopbackTls;
let graph: FakeGraph;

beforeAll(async () => {
  tls = createLoopbackTls();
  graph = await startFakeGraph({ tls });
}, 60_000);

afterAll(async () => {
  await graph?.close();
  tls?.remove();
});

interface Outcome {
  created: { eventId: string; joinUrl: string | null };
  again: { eventId: string };
  found: { eventId: string } | null;
}

async function scheduleInChildProcess(): Promise<Outcome> {
  const script = `
    const { createAppTokenSource } = require('./api/graph/app-token.ts');
    const { createGraphMeetingsGateway } = require('./api/graph/graph-meetings-gateway.ts');
    const input = JSON.parse(process.env.GRAPH_INPUT);
    const accessToken = createAppTokenSource(input.token);
    const gateway = createGraphMeetingsGateway({ baseUrl: input.graphBaseUrl, accessToken });
    const meeting = { organiserId: input.organiser, transactionId: input.transactionId, subject: 'Fernbrook CMARAC: 10 December 2026', bodyText: 'Panel meeting.',
      startsAt: new Date('2026-12-10T10:00:00Z'), endsAt: new Date('2026-12-10T11:30:00Z'), attendees: [{ name: 'Ruth Okafor', email: 'ruth@fernbrook.example' }] };
    (async () => {
      const created = await gateway.createOnlineMeetingEvent(meeting);
      const again = await gateway.createOnlineMeetingEvent(meeting);
      const found = await gateway.findEventByTransactionId(input.organiser, input.transactionId, { from: meeting.startsAt, to: meeting.endsAt });
      process.stdout.write(JSON.stringify({ created, again, found }));
    })().catch((error) => { process.stderr.write(String(error && error.kind) + ' ' + String(error && error.message)); process.exit(1); });`;
  const input = {
    token: { clientId: CLIENT_ID, clientSecret: 'client-secret-for-the-fake', tenantId: TENANT, authorityHost: graph.authorityHost },
    graphBaseUrl: graph.graphBaseUrl,
    organiser: ORGANISER,
    transactionId: '7d0c6a52-1111-4222-8333-944455556666',
  };
  const { stdout } = await promisify(execFile)(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.certPath, GRAPH_INPUT: JSON.stringify(input) },
  });
  return JSON.parse(stdout) as Outcome;
}

test('gets one app-only token with client credentials and creates the online meeting once, however often it is asked', async () => {
  const outcome = await scheduleInChildProcess();
  expect(graph.tokenRequests).toHaveLength(1);
  const form = graph.tokenRequests[0]!;
  expect([form.get('grant_type'), form.get('client_id'), form.get('scope')]).toEqual([
    'client_credentials',
    CLIENT_ID,
    'https://graph.microsoft.com/.default',
  ]);
  expect(graph.events.size).toBe(1);
  expect(outcome.again.eventId).toBe(outcome.created.eventId);
  expect(outcome.found?.eventId).toBe(outcome.created.eventId);
  expect(outcome.created.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  expect(graph.requests.map((request) => request.split('?')[0])).toEqual([
    `POST /v1.0/users/${ORGANISER}/events`,
    `POST /v1.0/users/${ORGANISER}/events`,
    `GET /v1.0/users/${ORGANISER}/calendarView`,
  ]);
}, 60_000);
