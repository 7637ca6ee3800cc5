// The published API contract holds: every JSON route declares its answer's schema, /api/openapi.json
// is a valid OpenAPI 3.1 document, and what the routes really send over HTTP (with the seeded demo
// data) matches the schema they publish: success bodies the route's own, refusals the shared error.
import { createConfig, lintDocument, BaseResolver, Source } from '@redocly/openapi-core';
import type { z } from 'zod';
import { rolesAllowed, type Role } from '../../api/domain/access/policy';
import { createLogger } from '../../api/logger';
import { createIdentity } from '../../api/http/identity';
import { apiRouteSpecs } from '../../api/http/routes';
import type { RouteSpec } from '../../api/http/route-spec';
import { errorAnswer } from '../../api/http/responses/wire';
import type { TeamsSender } from '../../api/services/ports/teams-sender';
import { openAccessWorld, resolveId, WORLD_TODAY, type AccessWorld } from '../support/access-world';
import { sampleInput } from '../support/sample-input';
import { startTestApp, type RunningApp } from '../support/test-app';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { createGraphMemberDirectory } from '../../api/graph/graph-member-directory';
import type { TestDatabase } from '../support/test-database';

let database: TestDatabase;
let world: AccessWorld;
let app: RunningApp;
let graph: FakeGraph;
let routes: RouteSpec[];
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  ({ database, world } = await openAccessWorld());
  // The directory search answers from a loopback Graph with one person in it.
  graph = await startFakeGraph();
  graph.directoryUsers.push({
    id: 'd1ec7000-0000-4000-8000-000000000001',
    displayName: 'Sample Person',
    mail: 'sample.person@example.org',
    userPrincipalName: 'sample.person@example.org',
    jobTitle: null,
    userType: 'Member',
  });
  const directory = createGraphMemberDirectory({
    baseUrl: graph.graphBaseUrl,
    accessToken: async () => graph.issueToken(),
    tenantId: 'd1ec7000-0000-4000-8000-0000000000aa',
  });
  app = await startTestApp(database.db, { clock: () => WORLD_TODAY, directory });
  for (const role of Object.keys(world.members) as Role[]) tokens[role] = await app.signInAs(world.members[role].id);
  const logger = createLogger({ level: 'silent' });
  const clock = () => WORLD_TODAY;
  routes = apiRouteSpecs({
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
}, 120_000);

afterAll(async () => {
  await app?.close();
  await graph?.close();
  await database?.dispose();
});

const routeKey = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`;
const roleFor = (route: RouteSpec): Role => (route.capability ? rolesAllowed(route.capability)[0]! : 'PANEL_CHAIR');

/** Calls the route as a member its gate lets in, with ids the member may see and a valid sample input. */
async function callAsAllowed(route: RouteSpec) {
  const idFor = (name: string) => resolveId(world, name, 'own');
  let path = route.path;
  for (const name of Object.keys(route.params ?? {})) path = path.replace(`:${name}`, await idFor(name));
  const query = route.query ? new URLSearchParams((await sampleInput(route.query, idFor)) as Record<string, string>).toString() : '';
  const body = route.body ? await sampleInput(route.body, idFor) : undefined;
  return app.call(route.method.toUpperCase(), `/api${path}${query ? `?${query}` : ''}`, {
    token: tokens[roleFor(route)],
    ...(body !== undefined ? { body } : {}),
  });
}

function problemsOf(schema: z.ZodType, body: unknown): string | null {
  const result = schema.safeParse(body);
  if (result.success) return null;
  return result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}

describe('the API contract', () => {
  test('every route that answers JSON declares the schema of its answer', () => {
    const undescribed = routes.filter((route) => !route.response && !route.produces).map(routeKey);
    expect(undescribed).toEqual([]);
  });

  test('/api/openapi.json is a valid OpenAPI 3.1 document that describes every answer', async () => {
    const answer = await app.call<Record<string, unknown>>('GET', '/api/openapi.json', { token: tokens.PANEL_MEMBER });
    expect(answer.status).toBe(200);
    const document = answer.body;
    const problems = await lintDocument({
      document: { source: new Source('openapi.json', JSON.stringify(document), 'application/json'), parsed: document },
      config: (await createConfig({ rules: { struct: 'error', 'no-unresolved-refs': 'error' } })).styleguide,
      externalRefResolver: new BaseResolver(),
    });
    expect(problems.map((problem) => `${problem.message} at ${problem.location[0]?.pointer}`)).toEqual([]);
    const emptyAnswers: string[] = [];
    const paths = document.paths as Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
    >;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const json = response.content?.['application/json'];
          if (json && json.schema === undefined) emptyAnswers.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(emptyAnswers).toEqual([]);
  });

  test('every GET route answers the demo data with a body that matches its published schema', async () => {
    const mismatches: string[] = [];
    for (const route of routes.filter((candidate) => candidate.method === 'get' && candidate.response)) {
      const answer = await callAsAllowed(route);
      if (answer.status !== 200)
        mismatches.push(`${routeKey(route)} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
      else {
        const problems = problemsOf(route.response!, answer.body);
        if (problems) mismatches.push(`${routeKey(route)}: ${problems}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  test('answers are strict: a field the schema does not publish counts as a mismatch', async () => {
    const answer = await callAsAllowed(routes.find((route) => route.path === '/me')!);
    expect(answer.status).toBe(200);
    const strictMe = routes.find((route) => route.path === '/me')!.response!;
    expect(problemsOf(strictMe, { ...(answer.body as object), leaked: 'extra field' })).toMatch(/leaked/);
  });

  test('every change route answers with its own schema when it succeeds and the error schema when it refuses', async () => {
    const mismatches: string[] = [];
    const succeeded: string[] = [];
    for (const route of routes.filter((candidate) => candidate.method !== 'get' && candidate.response)) {
      const answer = await callAsAllowed(route);
      const schema = answer.status < 300 ? route.response! : errorAnswer;
      if (answer.status >= 500) mismatches.push(`${routeKey(route)} answered ${answer.status}`);
      const problems = problemsOf(schema, answer.body);
      if (problems) mismatches.push(`${routeKey(route)} (${answer.status}): ${problems}`);
      if (answer.status < 300) succeeded.push(routeKey(route));
    }
    expect(mismatches).toEqual([]);
    // A generic sample meets each use case's state rules only sometimes (a submitted referral, an ended
    // meeting); the integration tests drive the rest through real workflows with checkAnswers on.
    expect(succeeded.length).toBeGreaterThan(0);
  }, 120_000);
});
