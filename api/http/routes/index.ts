// Every authenticated REST route, mounted at /api behind authenticate and the per-member rate limit.
// Each slice of the product adds its router here with one line.
import { Router } from 'express';
import type { AppConfig } from '../../config';
import type { Logger } from '../../logger';
import type { Database } from '../../store/database';
import type { Identity } from '../identity';
import { meRoutes } from './me';

export interface ApiDependencies {
  db: Database;
  logger: Logger;
  clock: () => Date;
  identity: Identity;
  config: Pick<AppConfig, 'signIn' | 'allowedOrigins' | 'rateLimitPerMinute' | 'nodeEnv'>;
}

export function apiRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.use(meRoutes(deps));
  return router;
}
