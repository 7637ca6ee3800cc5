// Every authenticated REST route, mounted at /api behind authenticate and the per-member rate limit.
// Each slice of the product adds its route list to apiRouteSpecs with one line.
import { Router } from 'express';
import { z } from 'zod';
import type { AppConfig, TabLinks } from '../../config';
import type { Logger } from '../../logger';
import type { Database } from '../../store/database';
import type { Identity } from '../identity';
import type { TeamsSender } from '../../services/ports/teams-sender';
import type { MemberReach } from '../../services/ports/member-reach';
import type { MemberDirectory } from '../../services/ports/member-directory';
import { defineRoute, mountRoutes, openApiDocument, type RouteSpec } from '../route-spec';
import { meRoutes } from './me';
import { homeRoutes } from './home';
import { governanceRoutes } from './governance';
import { placesRoutes } from './places';
import { caseOverviewRoutes } from './case-overview';
import { auditRoutes } from './audit';
import { retentionRoutes } from './retention';
import { referralRoutes } from './referrals';
import { caseRecordRoutes } from './case-records';
import { actionListRoutes } from './action-list';
import { actionRoutes } from './actions';
import { panelsRoutes } from './panels';
import { meetingsRoutes } from './meetings';
import { interventionsRoutes } from './interventions';
import { membersRoutes } from './members';
import { partnershipSettingsRoutes } from './partnership-settings';
import type { ReminderPolicy } from '../../domain/reminders/policy';
import { importRoutes } from './imports';
import { agenciesRoutes } from './agencies';

export interface ApiDependencies {
  db: Database;
  logger: Logger;
  clock: () => Date;
  identity: Identity;
  /** Writes to Teams on the app's own initiative (action cards, chasers, agenda posts). */
  sender: TeamsSender;
  /** With Graph: installs the app for, or e-mails, an owner Teams cannot reach. */
  reach?: MemberReach | null;
  /** With Graph: the organisation's directory, where the admin finds people to add as members. */
  directory?: MemberDirectory | null;
  /** Where messages link into the tab (a Teams deep link, or the public tab address). */
  tabLinks?: TabLinks;
  /** The deployment's reminder policy (REMINDER_*): a partnership's default until it sets its own. */
  defaultReminderPolicy?: ReminderPolicy;
  config: Pick<AppConfig, 'signIn' | 'allowedOrigins' | 'rateLimitPerMinute' | 'signInRateLimitPerMinute' | 'nodeEnv'>;
}

/** Every authenticated route, in the order the OpenAPI document lists them. */
export function apiRouteSpecs(deps: ApiDependencies): RouteSpec[] {
  const routes = [...meRoutes(deps), ...homeRoutes()];
  routes.push(...governanceRoutes(deps), ...placesRoutes(deps), ...caseOverviewRoutes(deps));
  routes.push(...auditRoutes(deps), ...retentionRoutes(deps));
  routes.push(...referralRoutes(deps), ...caseRecordRoutes(deps));
  routes.push(...actionListRoutes(deps));
  routes.push(...actionRoutes(deps));
  routes.push(...panelsRoutes(deps), ...meetingsRoutes(deps), ...interventionsRoutes(deps));
  routes.push(...membersRoutes(deps), ...agenciesRoutes(), ...partnershipSettingsRoutes(deps));
  routes.push(...importRoutes(deps));
  return [...routes, openApiRoute(routes)];
}

export function apiRoutes(deps: ApiDependencies): Router {
  const router = Router();
  mountRoutes(router, apiRouteSpecs(deps), { checkAnswers: deps.config.nodeEnv === 'test' });
  return router;
}

const API_INFO = { title: 'ASB Panels API', version: '1' };

/**
 * The OpenAPI document without a running app (for `npm run api:types`): describing the routes reads
 * only their schemas, never the dependencies their handlers would use.
 */
export function apiDocument(): ReturnType<typeof openApiDocument> {
  const routes = apiRouteSpecs({} as ApiDependencies).filter((route) => route.path !== '/openapi.json');
  return openApiDocument(routes, API_INFO);
}

function openApiRoute(routes: RouteSpec[]): RouteSpec {
  // Built on first request: every app (and every test app) need not pay for describing ~80 schemas.
  let document: ReturnType<typeof openApiDocument> | undefined;
  return defineRoute({
    method: 'get',
    path: '/openapi.json',
    summary: 'This API described as OpenAPI 3.1.',
    tag: 'Identity',
    capability: null,
    // The document's own shape is OpenAPI's; the contract test checks it against the 3.1 schema.
    response: z.looseObject({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.record(z.string(), z.unknown())) }),
    async handle() {
      document ??= openApiDocument(routes, API_INFO);
      return { json: document };
    },
  });
}
