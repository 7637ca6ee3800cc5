// Hostile transport-level input (compression, charsets, nesting, broken Unicode, broken %-encoding
// in paths, malformed bot activities) is answered with a 4xx by the request-decoding layer before
// any route: first each finding from issue 18 as it was reproduced, then a property over every REST
// route and the bot endpoint that never sees a 5xx and never sees a refused request change data.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { rolesAllowed, type Role } from '../../api/domain/access/policy';
import { createLogger } from '../../api/logger';
import { createIdentity } from '../../api/http/identity';
import { apiRouteSpecs } from '../../api/http/routes';
import type { RouteSpec } from '../../api/http/route-spec';
import { MAX_JSON_DEPTH } from '../../api/http/request-decoding';
import { DEMO_TENANT_ID } from '../../api/store/demo-data';
import type { TeamsSender } from '../../api/services/ports/teams-sender';
import { openAccessWorld, resolveId, WORLD_TODAY, type AccessWorld } from '../support/access-world';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { sampleInput } from '../support/sample-input';
import { tableFingerprints } from '../support/table-counts';
import { startTestApp, type RunningApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';

let database: TestDatabase;
let world: AccessWorld;
let app: RunningApp;
let connector: FakeBotConnector;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  ({ database, world } = await openAccessWorld());
  connector = await startFakeBotConnector();
  app = await startTestApp(database.db, { clock: () => WORLD_TODAY });
  for (const role of Object.keys(world.members) as Role[]) tokens[role] = await app.signInAs(world.members[role].id);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** A request exactly as given: fetch would otherwise normalise nothing here, but test-app's call sets its own content type. */
async function send(
  method: string,
  path: string,
  options: { token?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  } satisfies RawAnswer;
}

const JSON_TYPE = { 'content-type': 'application/json' };

function errorCode(answer: RawAnswer): string {
  return (JSON.parse(answer.body) as { error: { code: string } }).error.code;
}

/** An activity as the Bot Connector posts it, from the seeded world's referrer. */
function activity(overrides: Record<string, unknown>): Record<string, unknown> {
  const member = world.members.REFERRER;
  return {
    type: 'message',
    id: 'hostile-1',
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: WORLD_TODAY.toISOString(),
    from: { id: `29:${member.entraObjectId}`, aadObjectId: member.entraObjectId },
    conversation: { id: `a:hostile-${member.entraObjectId}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    recipient: { id: '28:asb-panels' },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    text: 'help',
    ...overrides,
  };
}

const nested = (depth: number, inner: string) => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('each hostile input found in issue 18 gets a 4xx, not a 5xx', () => {
  test('a referral draft nested 5,000 levels deep is refused with 400, and 64 levels is the limit', async () => {
    const referral = await send('POST', '/api/referrals', {
      token: tokens.REFERRER,
      body: JSON.stringify({ subjectType: 'VICTIM' }),
      headers: JSON_TYPE,
    });
    expect(referral.status).toBe(201);
    const { id } = JSON.parse(referral.body) as { id: string };
    const before = await tableFingerprints(database.db);

    const deep = await send('PUT', `/api/referrals/${id}/draft`, {
      token: tokens.REFERRER,
      body: `{"draft":{"notes":${nested(5000, '"x"')}}}`,
      headers: JSON_TYPE,
    });
    expect(deep.status).toBe(400);
    expect(await tableFingerprints(database.db)).toEqual(before);
    expect(JSON.parse(deep.body)).toEqual({
      error: { code: 'BAD_REQUEST', message: `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.` },
    });
    // The body object is level 1: "draft" 2, "notes" 3, so 61 arrays reach the limit exactly.
    const atLimit = await send('PUT', `/api/referrals/${id}/draft`, {
      token: tokens.REFERRER,
      body: `{"draft":{"notes":${nested(MAX_JSON_DEPTH - 2, '"x"')}}}`,
      headers: JSON_TYPE,
    });
    expect(atLimit.body).not.toContain('nested more than');
  });

  test.each([
    ['a corrupt gzip body', { 'content-encoding': 'gzip' }, 'not gzip at all', 400, 'BAD_REQUEST'],
    ['an unknown Content-Encoding', { 'content-encoding': 'x-squeeze' }, '{}', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['two stacked encodings', { 'content-encoding': 'gzip, gzip' }, '{}', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an unknown charset', { 'content-type': 'application/json; charset=klingon' }, '{}', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a charset that is not UTF-8', { 'content-type': 'application/json; charset=iso-8859-1' }, '{}', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a lone UTF-16 surrogate in a name', {}, '{"subjectType":"VICTIM","givenName":"Ma\\ud800bel"}', 400, 'BAD_REQUEST'],
    ['a lone low surrogate in a key', {}, '{"\\udc00":1}', 400, 'BAD_REQUEST'],
  ])('%s on /api/referrals is refused with the right 4xx', async (_name, headers, body, status, code) => {
    const before = await tableFingerprints(database.db);
    const answer = await send('POST', '/api/referrals', { token: tokens.REFERRER, body, headers: { ...JSON_TYPE, ...headers } });
    expect(answer.status).toBe(status);
    expect(errorCode(answer)).toBe(code);
    expect(await tableFingerprints(database.db)).toEqual(before);
  });

  test('a gzip, deflate or brotli body that is intact is read as JSON', async () => {
    const body = JSON.stringify({ subjectType: 'VICTIM' });
    for (const [encoding, bytes] of [
      ['gzip', gzipSync(body)],
      ['deflate', deflateSync(body)],
      ['br', brotliCompressSync(body)],
    ] as const) {
      const answer = await send('POST', '/api/referrals', {
        token: tokens.REFERRER,
        body: bytes,
        headers: { ...JSON_TYPE, 'content-encoding': encoding },
      });
      expect([encoding, answer.status]).toEqual([encoding, 201]);
    }
  });

  test('a body larger than the limit is refused with 413, even when it arrives compressed', async () => {
    const large = JSON.stringify({ concerns: 'x'.repeat(200_000) });
    const answer = await send('POST', '/api/referrals', {
      token: tokens.REFERRER,
      body: gzipSync(large),
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
    });
    expect(answer.status).toBe(413);
    expect(errorCode(answer)).toBe('PAYLOAD_TOO_LARGE');
  });

  test.each([
    ['an id path segment', 'GET', '/api/referrals/%E0%A4%A'],
    ['an action id', 'POST', '/api/actions/%zz/accept'],
    ['an encoded lone surrogate', 'GET', '/api/people/%ED%A0%80'],
    ['a path under /tab/', 'GET', '/tab/%E0%A4%A'],
    ['a path nothing serves', 'GET', '/nowhere/%'],
  ])('malformed %%-encoding in %s answers 400', async (_name, method, path) => {
    const answer = await send(method, path, {
      token: tokens.PANEL_MEMBER,
      ...(method === 'POST' ? { body: '{}', headers: JSON_TYPE } : {}),
    });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('BAD_REQUEST');
  });

  test('an unknown charset on the bot endpoint answers 415 without sign-in', async () => {
    const answer = await send('POST', '/api/messages', {
      body: JSON.stringify(activity({})),
      headers: { 'content-type': 'application/json; charset=klingon' },
    });
    expect(answer.status).toBe(415);
  });

  test('a bot activity without a type answers 400', async () => {
    const { type: _type, ...typeless } = activity({});
    const answer = await send('POST', '/api/messages', { body: JSON.stringify(typeless), headers: JSON_TYPE });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('BAD_REQUEST');
  });

  test.each([
    ['a string', 'refresh please'],
    ['an array', [1, 2]],
    ['null', null],
    ['an object whose action is a number', { action: 7 }],
  ])('an adaptiveCard/action invoke whose value is %s answers 400 with an Adaptive Card error response', async (_name, value) => {
    const answer = await send('POST', '/api/messages', {
      body: JSON.stringify(activity({ type: 'invoke', name: 'adaptiveCard/action', value })),
      headers: JSON_TYPE,
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: expect.any(String) },
    });
  });

  test('a well-formed message activity still reaches the bot', async () => {
    const answer = await send('POST', '/api/messages', { body: JSON.stringify(activity({})), headers: JSON_TYPE });
    expect(answer.status).toBe(200);
  });
});

// ---- The property: transport-level garbage over every route and the bot endpoint ----

/** Runs shared out over the routes and the bot endpoint. */
const TOTAL_RUNS = 300;
const MIN_RUNS_PER_TARGET = 4;

function routeSpecs(): RouteSpec[] {
  const logger = createLogger({ level: 'silent' });
  const clock = () => WORLD_TODAY;
  return apiRouteSpecs({
    db: database.db,
    logger,
    clock,
    identity: createIdentity({ mode: 'development' }, { db: database.db, logger, clock }),
    sender: {} as TeamsSender,
    config: {
      signIn: { mode: 'development' },
      allowedOrigins: [],
      rateLimitPerMinute: 10_000,
      signInRateLimitPerMinute: 10_000,
      nodeEnv: 'test',
    },
  });
}

/** A path segment: a real id, or %-encoding that is broken, overlong, a surrogate, or text with stray '%'. */
const pathSegment = (realId: () => Promise<string>) =>
  fc.oneof(
    fc.constant(realId),
    fc.constantFrom('%', '%E0%A4%A', '%zz', '%ED%A0%80', '%C0%AF', '%FF', '..%2F..', '%00', '%%41', 'a%2').map((text) => async () => text),
    fc.string({ unit: 'binary', maxLength: 20 }).map((text) => async () => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, 'x'))),
  );

const contentEncoding = fc.constantFrom(undefined, 'identity', 'gzip', 'deflate', 'br', 'GZIP', 'x-squeeze', 'gzip, gzip', 'compress', '');
/** How the bytes were really compressed: matching the header, or not, or cut short. */
const actualCompression = fc.constantFrom('as-declared', 'none', 'gzip', 'truncated-gzip', 'brotli');
const charset = fc.constantFrom(undefined, 'utf-8', 'UTF-8', 'utf8', 'latin1', 'utf-16le', 'klingon', '', '"utf-8"');
const contentType = fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded');

/** A JSON text built from a valid sample: as it is, nested deep, with a lone surrogate, or not JSON at all. */
function bodyText(sample: unknown): fc.Arbitrary<string> {
  const valid = JSON.stringify(sample ?? {});
  const fields = sample && typeof sample === 'object' ? Object.keys(sample) : [];
  return fc.oneof(
    fc.constant(valid),
    fc
      .tuple(fc.constantFrom(...fields, 'extra'), fc.integer({ min: MAX_JSON_DEPTH - 3, max: 6000 }), fc.boolean())
      .map(([field, depth, asObjects]) =>
        JSON.stringify({ ...(sample as object), [field]: '\u0001' }).replace(
          '"\\u0001"',
          asObjects ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : nested(depth, '1'),
        ),
      ),
    fc
      .tuple(fc.constantFrom(...fields, 'extra'), fc.constantFrom('\\ud800', '\\udfff', 'a\\udbffb', '\\udc00\\ud800'))
      .map(([field, broken]) =>
        JSON.stringify({ ...(sample as object), [field]: 'x' }).replace(`"${field}":"x"`, `"${field}":"${broken}"`),
      ),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.constantFrom('{', '', '\u0000', '\uFEFF{}', '{"a":1}garbage'),
  );
}

function compress(text: string, declared: string | undefined, actual: string): Buffer {
  const bytes = Buffer.from(text);
  const how = actual === 'as-declared' ? (declared ?? '').toLowerCase() : actual;
  if (how === 'gzip') return gzipSync(bytes);
  if (how === 'deflate') return deflateSync(bytes);
  if (how === 'br' || how === 'brotli') return brotliCompressSync(bytes);
  if (how === 'truncated-gzip') return gzipSync(bytes).subarray(0, 12);
  return bytes;
}

interface Target {
  label: string;
  method: string;
  path: string;
  paramNames: string[];
  role: Role | null;
  sample: unknown;
  hasBody: boolean;
}

async function targets(): Promise<Target[]> {
  const idFor = (name: string) => resolveId(world, name, 'own');
  const routes = routeSpecs().map(async (route): Promise<Target> => ({
    label: `${route.method.toUpperCase()} ${route.path}`,
    method: route.method.toUpperCase(),
    path: `/api${route.path}`,
    paramNames: Object.keys(route.params ?? {}),
    role: route.capability ? rolesAllowed(route.capability)[0]! : 'PANEL_CHAIR',
    sample: route.body ? await sampleInput(route.body, idFor) : {},
    // Every route is sent a body: one that reads none must still survive a hostile one.
    hasBody: route.method !== 'get',
  }));
  const bot: Target = {
    label: 'POST /api/messages',
    method: 'POST',
    path: '/api/messages',
    paramNames: [],
    role: null,
    sample: activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'actions.mine', data: {} } },
    }),
    hasBody: true,
  };
  return [...(await Promise.all(routes)), bot];
}

describe('transport-level garbage over every route and the bot endpoint', () => {
  test('never answers 5xx, and a refused request changes no data', async () => {
    const all = await targets();
    const runsPerTarget = Math.max(MIN_RUNS_PER_TARGET, Math.floor(TOTAL_RUNS / all.length));
    const failures: string[] = [];
    let requests = 0;
    // The tables as the last request left them, which is how the next one finds them: one fingerprint per
    // request, unless resolving its ids wrote (a fresh member for the admin's member routes, access-world.ts).
    let current: string | null = null;
    const memberCount = () => database.db.prisma.member.count();
    for (const target of all) {
      const request = fc.record({
        segments: fc.tuple(...target.paramNames.map((name) => pathSegment(() => resolveId(world, name, 'own')))),
        encoding: contentEncoding,
        actual: actualCompression,
        charset,
        contentType,
        text: bodyText(target.sample),
      });
      const details = await fc.check(
        fc.asyncProperty(request, async (input) => {
          let path = target.path;
          const resolving = await memberCount();
          for (const [index, name] of target.paramNames.entries()) path = path.replace(`:${name}`, await input.segments[index]!());
          if ((await memberCount()) !== resolving) current = null;
          const headers: Record<string, string> = {
            'content-type': `${input.contentType}${input.charset !== undefined ? `; charset=${input.charset}` : ''}`,
            ...(input.encoding !== undefined ? { 'content-encoding': input.encoding } : {}),
          };
          const before = current ?? JSON.stringify(await tableFingerprints(database.db));
          const answer = await send(target.method, path, {
            ...(target.role ? { token: tokens[target.role] } : {}),
            ...(target.hasBody ? { body: compress(input.text, input.encoding, input.actual), headers } : {}),
          });
          current = JSON.stringify(await tableFingerprints(database.db));
          const label = `${target.method} ${path} ${JSON.stringify(headers)} ${input.actual} ${input.text}`.slice(0, 300);
          if (answer.status >= 500) failures.push(`${label} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
          else if (answer.status >= 400 && current !== before)
            failures.push(`${label} was refused with ${answer.status} but changed the database`);
          else return true;
          return false;
        }),
        // A fixed seed makes a failure reproducible; change it to explore further.
        { numRuns: runsPerTarget, seed: 20261207, endOnFailure: true },
      );
      if (details.failed && failures.length === 0) failures.push(`${target.label}: ${String(details.errorInstance ?? 'property failed')}`);
      requests += details.numRuns;
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(all.length * MIN_RUNS_PER_TARGET);
  }, 400_000);
});
