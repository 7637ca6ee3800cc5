// The generated access matrix: every REST route in apiRouteSpecs and every card verb in CARD_ACTIONS,
// for a member holding each role alone, against an entity their agency may see ("own") and one it may
// not ("other"). Denials must leak nothing: a role refusal reads the same whatever the id, and a hidden
// entity answers exactly (status and body) as an id that does not exist. New routes and verbs are
// covered when they are merged; an id name without a resolver fails loudly.
import { ROLES, rolesAllowed, type Role } from '../../api/domain/access/policy';
import { createLogger } from '../../api/logger';
import { createIdentity } from '../../api/http/identity';
import { apiRouteSpecs } from '../../api/http/routes';
import type { RouteSpec } from '../../api/http/route-spec';
import { CARD_ACTIONS } from '../../bot/handlers';
import type { TeamsSender } from '../../api/services/ports/teams-sender';
import { openAccessWorld, resolveId, UnknownIdNameError, WORLD_TODAY, type AccessWorld, type Visibility } from '../support/access-world';
import { clickCard, isCrashCard } from '../support/card-click';
import { CARD_VERB_SAMPLES } from '../support/card-verb-samples';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { sampleInput } from '../support/sample-input';
import { startTestApp, type ApiAnswer, type RunningApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';

/**
 * Role and route pairs that reach beyond need-to-know by design, each with its reason. Everything
 * else must hide the other agency's entity.
 */
const BEYOND_NEED_TO_KNOW: Record<string, { roles: Role[]; why: string }> = {
  'GET /cases/:caseId/viewers': {
    roles: ['AUDITOR'],
    why: 'auditors check who read any case of the partnership, without seeing its content',
  },
  'POST /retention/cases/:caseId/anonymise': {
    roles: ['PARTNERSHIP_ADMIN'],
    why: 'retention applies to every closed case of the partnership',
  },
  'GET /people/:personId/subject-access': {
    roles: ['PARTNERSHIP_ADMIN'],
    why: 'a subject-access request covers everything the partnership holds',
  },
  'GET /panels/:panelId': {
    roles: [...ROLES],
    why: "a panel's name, cadence, seats and chairs are the partnership's structure, listed to every member by GET /panels",
  },
  'PATCH /panels/:panelId': { roles: ['PARTNERSHIP_ADMIN'], why: 'the partnership admin sets up every panel of the partnership' },
  'PUT /panels/:panelId/agencies': { roles: ['PARTNERSHIP_ADMIN'], why: 'the partnership admin sets up every panel of the partnership' },
  'PUT /panels/:panelId/chairs': { roles: ['PARTNERSHIP_ADMIN'], why: 'the partnership admin sets up every panel of the partnership' },
  'POST /panels/:panelId/deactivation': { roles: ['PARTNERSHIP_ADMIN'], why: 'the partnership admin closes any panel of the partnership' },
  'POST /panels/:panelId/reactivation': { roles: ['PARTNERSHIP_ADMIN'], why: 'the partnership admin reopens any panel of the partnership' },
};

/**
 * Routes that act on what one member made or chairs, not on what their agency may see: a role that
 * passes the gate but is not among the owners must be refused its colleague's entity.
 */
const FOR_OWNERS_ONLY: Record<string, { owners: Role[]; why: string }> = {
  'POST /referrals/:referralId/withdrawal': {
    owners: ['REFERRER', 'PANEL_CHAIR'],
    why: "only the referral's referrer, or the chair of its panel, may withdraw it",
  },
};

let database: TestDatabase;
let world: AccessWorld;
let app: RunningApp;
let connector: FakeBotConnector;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  ({ database, world } = await openAccessWorld());
  connector = await startFakeBotConnector();
  app = await startTestApp(database.db, { clock: () => WORLD_TODAY });
  for (const role of ROLES) tokens[role] = await app.signInAs(world.members[role].id);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

/** The route list as the app builds it; the handlers are never called from here, only over HTTP. */
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

const routeKey = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`;
const denied = (status: number) => status === 401 || status === 403 || status === 404;
/** Enough of an answer to see what went wrong, without flooding the report with a whole case. */
const brief = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 160);

interface Call {
  path: string;
  body?: unknown;
  usesIds: boolean;
}

/** The route's request with every id (path, body or query) resolved for the given visibility. */
async function buildCall(route: RouteSpec, visibility: Visibility | 'missing'): Promise<Call> {
  let usesIds = false;
  const idFor = (name: string) => {
    usesIds = true;
    return resolveId(world, name, visibility);
  };
  let path = route.path;
  for (const name of Object.keys(route.params ?? {})) path = path.replace(`:${name}`, await idFor(name));
  const query = route.query ? ((await sampleInput(route.query, idFor)) as Record<string, unknown>) : {};
  const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString();
  const body = route.body ? await sampleInput(route.body, idFor) : undefined;
  return { path: `/api${path}${search ? `?${search}` : ''}`, ...(body !== undefined ? { body } : {}), usesIds };
}

const send = (route: RouteSpec, call: Call, token?: string): Promise<ApiAnswer> =>
  app.call(route.method.toUpperCase(), call.path, { ...(token ? { token } : {}), ...(call.body !== undefined ? { body: call.body } : {}) });

describe('access matrix over every REST route', () => {
  test('resolves every id name that a route carries', async () => {
    const unresolved: string[] = [];
    for (const route of routeSpecs()) {
      try {
        await buildCall(route, 'own');
      } catch (error) {
        if (!(error instanceof UnknownIdNameError)) throw error;
        unresolved.push(`${routeKey(route)}: ${error.message}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  test('fails loudly for an id name nobody has mapped', async () => {
    await expect(resolveId(world, 'gadgetId', 'own')).rejects.toThrow(/No resolver for the id "gadgetId": add a line/);
  });

  test('asks for sign-in on every route without a token, with the same answer everywhere', async () => {
    const answers = new Set<string>();
    for (const route of routeSpecs()) {
      if (route.path === '/openapi.json') continue;
      const answer = await send(route, await buildCall(route, 'own'));
      expect({ route: routeKey(route), status: answer.status }).toEqual({ route: routeKey(route), status: 401 });
      answers.add(JSON.stringify(answer.body));
    }
    expect(answers.size).toBe(1);
  });

  test.each(ROLES)('allows and refuses %s exactly as the policy says, and refusals leak nothing', async (role) => {
    const wrong: string[] = [];
    const token = tokens[role];
    for (const route of routeSpecs()) {
      const key = routeKey(route);
      const own = await buildCall(route, 'own');
      const ownAnswer = await send(route, own, token);
      if (ownAnswer.status >= 500) wrong.push(`${key}: own answered ${ownAnswer.status}`);

      if (route.capability && !rolesAllowed(route.capability).includes(role)) {
        const otherAnswer = await send(route, await buildCall(route, 'other'), token);
        if (ownAnswer.status !== 403) wrong.push(`${key}: expected 403 for a role without ${route.capability}, got ${ownAnswer.status}`);
        if (JSON.stringify(ownAnswer.body) !== JSON.stringify(otherAnswer.body))
          wrong.push(`${key}: the role refusal differs between own and other`);
        continue;
      }
      const owners = FOR_OWNERS_ONLY[key]?.owners;
      if (owners && !owners.includes(role)) {
        if (!denied(ownAnswer.status))
          wrong.push(`${key}: expected a colleague's entity to be refused to ${role}, got ${ownAnswer.status}`);
      } else if (denied(ownAnswer.status)) {
        wrong.push(`${key}: expected own to be allowed, got ${ownAnswer.status} ${brief(ownAnswer.body)}`);
      }
      if (!own.usesIds) continue;

      const otherAnswer = await send(route, await buildCall(route, 'other'), token);
      if (otherAnswer.status >= 500) wrong.push(`${key}: other answered ${otherAnswer.status}`);
      if (BEYOND_NEED_TO_KNOW[key]?.roles.includes(role)) {
        if (denied(otherAnswer.status)) wrong.push(`${key}: expected partnership-wide access for ${role}, got ${otherAnswer.status}`);
        continue;
      }
      const missingAnswer = await send(route, await buildCall(route, 'missing'), token);
      if (otherAnswer.status !== 404)
        wrong.push(`${key}: expected the other agency's entity to be hidden (404), got ${otherAnswer.status} ${brief(otherAnswer.body)}`);
      if (otherAnswer.status !== missingAnswer.status || JSON.stringify(otherAnswer.body) !== JSON.stringify(missingAnswer.body)) {
        wrong.push(
          `${key}: a hidden entity answers differently from a missing one: ${brief(otherAnswer.body)} vs ${brief(missingAnswer.body)}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** A card button click, as Teams sends an Action.Execute invoke, from a matrix member. */
const click = (role: Role, verb: string, data: Record<string, unknown>) =>
  clickCard({ app, serviceUrl: connector.serviceUrl, timestamp: WORLD_TODAY }, world.members[role], verb, data);

const isRefusal = (card: string) => card.includes("You can't do this");
const isNotFound = (card: string) => card.includes('or you may not see it');

describe('access matrix over every card verb', () => {
  const verbs = Object.keys(CARD_ACTIONS);

  test('has a sample submission for every card verb', () => {
    expect(verbs.filter((verb) => !CARD_VERB_SAMPLES[verb])).toEqual([]);
  });

  test.each(ROLES)('answers %s on every card verb as the policy says, and refusals leak nothing', async (role) => {
    const wrong: string[] = [];
    for (const verb of verbs.filter((v) => CARD_VERB_SAMPLES[v])) {
      const sample = CARD_VERB_SAMPLES[verb]!;
      let usesIds = false;
      const dataFor = (visibility: Visibility | 'missing') =>
        sample.data((name) => {
          usesIds = true;
          return resolveId(world, name, visibility);
        });
      const own = await click(role, verb, await dataFor('own'));
      const other = await click(role, verb, await dataFor('other'));
      if (own.status !== 200 || other.status !== 200) wrong.push(`${verb}: the invoke answered ${own.status}/${other.status}, not a card`);
      if (isCrashCard(own.card) || isCrashCard(other.card))
        wrong.push(`${verb}: the handler failed: ${brief(own.card)} / ${brief(other.card)}`);
      if (sample.capability && !rolesAllowed(sample.capability).includes(role)) {
        // A refusal, or the not-found card a service gives roles that may see no case: the same for own and other.
        if (!(isRefusal(own.card) || isNotFound(own.card)) || own.card !== other.card) {
          wrong.push(`${verb}: expected the same refusal for own and other, got ${brief(own.card)} / ${brief(other.card)}`);
        }
        continue;
      }
      if (isRefusal(own.card) || isNotFound(own.card)) wrong.push(`${verb}: expected own to be allowed, got ${brief(own.card)}`);
      if (!usesIds) continue;
      const missing = await click(role, verb, await dataFor('missing'));
      if (isCrashCard(missing.card)) wrong.push(`${verb}: the handler failed for a missing id: ${brief(missing.card)}`);
      if (!isNotFound(other.card) || other.card !== missing.card)
        wrong.push(`${verb}: a hidden entity answers differently from a missing one: ${brief(other.card)} vs ${brief(missing.card)}`);
    }
    expect(wrong).toEqual([]);
  });
});
