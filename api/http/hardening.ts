// The browser-facing defences: security headers with a CSP that lets Teams (and only Teams and
// Office) frame the tab, CORS limited to our own origins, and per-member rate limits.
import helmet from 'helmet';
import { MemoryStore, rateLimit, type Options } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { errorBody } from './errors';

/** Hosts that frame Teams tabs: Teams on the web and desktop, Outlook and the Microsoft 365 app. */
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
  'https://*.skype.com',
];

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Fluent UI (Griffel) inserts its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: TEAMS_FRAME_ANCESTORS,
      },
    },
    // X-Frame-Options cannot list several hosts; frame-ancestors above supersedes it.
    frameguard: false,
    // Teams loads the tab cross-origin inside its own pages.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * The tab is served from our own origin, so browsers never need CORS; a request from any other
 * origin is refused before it reaches a route. Bot Framework calls carry no Origin header.
 */
export function sameOriginOnly(allowedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin) {
      next();
      return;
    }
    const ownOrigin = `${req.protocol}://${req.get('host') ?? ''}`;
    if (origin !== ownOrigin && !allowedOrigins.includes(origin)) {
      res.status(403).json(errorBody('FORBIDDEN', 'Requests from other web sites are not accepted.'));
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-Match');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

const TOO_MANY = errorBody('RATE_LIMITED', 'Too many requests. Wait a minute and try again.');

/**
 * The app's rate limits. Their counts are kept in memory with a timer that resets them every window;
 * `stop()` ends those timers when the app closes, else an app closed and made again in the same
 * process (as every test file does) stays in memory for good.
 */
export class RateLimits {
  private readonly stores: MemoryStore[] = [];

  /** Per signed-in member: one busy user cannot starve the rest of the partnership. */
  perMember(perMinute: number): RequestHandler {
    return this.limit(perMinute, {
      keyGenerator: (_req, res) => `member:${String((res.locals as { actor?: { memberId: string } }).actor?.memberId)}`,
    });
  }

  /** Per client address, for the few routes that come before sign-in. */
  perAddress(perMinute: number): RequestHandler {
    return this.limit(perMinute, {});
  }

  stop(): void {
    for (const store of this.stores) store.shutdown();
  }

  private limit(perMinute: number, key: Partial<Pick<Options, 'keyGenerator'>>): RequestHandler {
    const store = new MemoryStore();
    this.stores.push(store);
    return rateLimit({
      windowMs: 60_000,
      limit: perMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store,
      ...key,
      handler: (_req, res) => res.status(429).json(TOO_MANY),
    });
  }
}
