// The composition of the HTTP edge: one Express app serves the bot endpoint, the REST API, the
// built tab and the health check.
import express, { type Express, type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Migration } from './store/migrations';
import { errorHandler, notFoundHandler } from './http/errors';
import { RateLimits, sameOriginOnly, securityHeaders } from './http/hardening';
import { healthCheck } from './http/health';
import { requestLog } from './http/request-log';
import { decodeRequestBody, wellFormedPath } from './http/request-decoding';
import { wellFormedBotActivity } from './http/bot-activity-shape';
import { auditRefusedAttempts } from './http/refused-attempts';
import { apiRoutes, type ApiDependencies } from './http/routes';
import { IMPORT_FILE_TOO_LARGE, IMPORT_UPLOAD_BODY_LIMIT } from './http/routes/imports';
import { signInRoutes } from './http/routes/sign-in';
import { firstRunRoutes } from './http/routes/first-run';
import { builtTabDir } from './paths';

export interface AppDependencies extends ApiDependencies {
  migrations: Migration[];
  /** POST /api/messages: the Bot Framework endpoint (bot/). */
  botEndpoint: RequestHandler;
}

const JSON_BODY_LIMIT = '100kb';

export interface HttpApp {
  express: Express;
  /** Ends the app's own timers (the rate limits' resets), once its server has closed. */
  stop(): void;
}

export function createApp(deps: AppDependencies): HttpApp {
  const rateLimits = new RateLimits();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders());
  app.use(requestLog(deps.logger));
  app.use(wellFormedPath);

  app.get('/healthz', healthCheck(deps.db, deps.migrations));

  // An import's file travels in its JSON body: only that one route reads a body this large, and only
  // once the sender is known to be a member (the /api chain below authenticates again, cheaply).
  app.post(
    '/api/imports',
    sameOriginOnly(deps.config.allowedOrigins),
    ...deps.identity.authenticate,
    ...decodeRequestBody({ limit: IMPORT_UPLOAD_BODY_LIMIT, tooLarge: IMPORT_FILE_TOO_LARGE }),
  );
  app.use(...decodeRequestBody({ limit: JSON_BODY_LIMIT }));
  app.post('/api/messages', wellFormedBotActivity, deps.botEndpoint);
  app.use('/api', sameOriginOnly(deps.config.allowedOrigins));
  app.use('/api', signInRoutes(deps, rateLimits));
  app.use('/api', firstRunRoutes(deps, rateLimits));
  app.use('/api', ...deps.identity.authenticate, rateLimits.perMember(deps.config.rateLimitPerMinute), apiRoutes(deps));
  app.use('/api', notFoundHandler);

  if (existsSync(builtTabDir)) {
    app.use('/tab', express.static(builtTabDir, { index: 'index.html', maxAge: '1h' }));
    // The tab routes by hash, so every path under /tab/ serves the same page.
    app.get('/tab/{*rest}', (_req, res) => res.sendFile(path.join(builtTabDir, 'index.html')));
  }
  app.get('/', (_req, res) => res.redirect('/tab/'));

  app.use(notFoundHandler);
  app.use(auditRefusedAttempts(deps.logger));
  app.use(errorHandler(deps.logger));
  return { express: app, stop: () => rateLimits.stop() };
}
