// Property-based fuzzing of every REST route in apiRouteSpecs, over real HTTP and the real database:
// random and malformed path ids, query strings and JSON bodies (and broken JSON) never get a 5xx, and
// a request that is refused (4xx) leaves every table exactly as it was. Each route is called by a
// member whose role passes its gate, so the fuzz reaches validation and the service behind it.
import fc from 'fast-check';
import { rolesAllowed, type Role } from '../../api/domain/access/policy';
import { createLogger } from '../../api/logger';
import { createIdentity } from '../../api/http/identity';
import { apiRouteSpecs } from '../../api/http/routes';
import type { RouteSpec } from '../../api/http/route-spec';
import type { TeamsSender } from '../../api/services/ports/teams-sender';
import { openAccessWorld, resolveId, WORLD_TODAY, type AccessWorld } from '../support/access-world';
import { sampleInput } from '../support/sample-input';
import { FUZZ_DEPTH } from '../support/fuzz-depth';
import { tableFingerprints } from '../support/table-counts';
import { startTestApp, type RunningApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';

/** Runs shared out over the routes, so the whole file stays at a few hundred requests; FUZZ_DEPTH=10 makes ten times as many. */
const TOTAL_RUNS = 300 * FUZZ_DEPTH;
const MIN_RUNS_PER_ROUTE = 8 * FUZZ_DEPTH;

let database: TestDatabase;
let world: AccessWorld;
let app: RunningApp;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  ({ database, world } = await openAccessWorld());
  app = await startTestApp(database.db, { clock: () => WORLD_TODAY });
  for (const role of Object.keys(world.members) as Role[]) tokens[role] = await app.signInAs(world.members[role].id);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

/** The route list as the app builds it; the handlers are only ever called over HTTP. */
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

const memberCount = () => database.db.prisma.member.count();
const routeKey = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`;
const roleFor = (route: RouteSpec): Role => (route.capability ? rolesAllowed(route.capability)[0]! : 'PANEL_CHAIR');

/** Path ids: real ones the member may and may not see, unknown uuids, and strings that are not ids at all. */
function idArbitrary(name: string): fc.Arbitrary<() => Promise<string>> {
  return fc.oneof(
    fc.constantFrom('own', 'other', 'missing').map((visibility) => () => resolveId(world, name, visibility as 'own' | 'other' | 'missing')),
    fc
      .oneof(
        fc.string(),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.constantFrom('..', '%00', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000', 'A'.repeat(5000)),
      )
      .map((text) => async () => text),
  );
}

const queryKey = (known: string[]) =>
  fc.oneof(
    fc.constantFrom(...known, 'limit', 'cursor'),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('from[gt]', '__proto__', 'constructor'),
  );
const queryValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
  fc.constantFrom('2026-02-30', '2026-11-02', '9999-99-99', '-1', '1e309', 'NaN', 'true', ''),
);

/** A body: the valid sample with one field replaced, any JSON at all, or text that is not JSON. */
function bodyArbitrary(sample: unknown): fc.Arbitrary<string> {
  const fields = sample && typeof sample === 'object' ? Object.keys(sample) : [];
  const mutated = fc
    .tuple(fc.constantFrom(...fields, 'unexpected'), fc.jsonValue({ maxDepth: 2 }))
    .map(([field, value]) => JSON.stringify({ ...(sample as object), [field]: value }));
  return fc.oneof(
    ...(fields.length > 0 ? [mutated] : []),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', '{"__proto__":{"isAdmin":true}}', ''),
  );
}

describe('fuzzing every REST route', () => {
  test(
    'never answers 5xx and never writes anything when it refuses',
    async () => {
      const routes = routeSpecs();
      const runsPerRoute = Math.max(MIN_RUNS_PER_ROUTE, Math.floor(TOTAL_RUNS / routes.length));
      const failures: string[] = [];
      let requests = 0;
      // The tables as the last request left them, which is how the next one finds them: one fingerprint per
      // request, unless resolving its ids wrote (a fresh member for the admin's member routes, access-world.ts).
      let current: string | null = null;
      for (const route of routes) {
        const token = tokens[roleFor(route)];
        const paramNames = Object.keys(route.params ?? {});
        const knownQuery = route.query
          ? Object.keys((await sampleInput(route.query, (name) => resolveId(world, name, 'own'))) as object)
          : [];
        const sampleBody = route.body ? await sampleInput(route.body, (name) => resolveId(world, name, 'own')) : undefined;
        // Resolving the samples' ids may have written too.
        current = null;
        const request = fc.record({
          ids: fc.tuple(...paramNames.map(idArbitrary)),
          query: fc.array(fc.tuple(queryKey(knownQuery), queryValue), { maxLength: 4 }),
          body: route.body ? bodyArbitrary(sampleBody) : fc.constant(undefined),
        });
        const details = await fc.check(
          fc.asyncProperty(request, async ({ ids, query, body }) => {
            let path = route.path;
            const resolving = await memberCount();
            for (const [index, name] of paramNames.entries()) path = path.replace(`:${name}`, encodeURIComponent(await ids[index]!()));
            if ((await memberCount()) !== resolving) current = null;
            const search = new URLSearchParams(query).toString();
            const before = current ?? JSON.stringify(await tableFingerprints(database.db));
            const answer = await app.call(route.method.toUpperCase(), `/api${path}${search ? `?${search}` : ''}`, {
              token,
              ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}),
            });
            current = JSON.stringify(await tableFingerprints(database.db));
            const label = `${route.method.toUpperCase()} ${path}?${search} ${body ?? ''}`.slice(0, 300);
            if (answer.status >= 500) failures.push(`${label} answered ${answer.status}`);
            else if (answer.status >= 400 && current !== before)
              failures.push(`${label} was refused with ${answer.status} but changed the database`);
            else return true;
            return false;
          }),
          // A fixed seed makes a failure reproducible; change it to explore further.
          { numRuns: runsPerRoute, seed: 20261202, endOnFailure: true },
        );
        if (details.failed && failures.length === 0)
          failures.push(`${routeKey(route)}: ${String(details.errorInstance ?? 'property failed')}`);
        requests += details.numRuns;
      }
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThanOrEqual(TOTAL_RUNS * 0.9);
    },
    300_000 * FUZZ_DEPTH,
  );
});
