// Express guard for the tab's REST API: only requests carrying a valid Entra ID bearer token get through.
import type { RequestHandler, Response } from 'express';
import type { EntraPrincipal, EntraTokenVerifier } from './entra-token';

/** Structured log sink (pino: `(event, fields) => logger.warn(fields, event)`). */
export type AuthLog = (event: string, fields: Record<string, string | number | boolean | undefined>) => void;

interface SignedInLocals {
  principal?: EntraPrincipal;
}

/**
 * Callers learn only that they must sign in again: which check failed (expiry, audience, tenant...)
 * would help an attacker probe us and does not help a user, so it goes to the log instead.
 */
const SIGN_IN_AGAIN = { error: { code: 'UNAUTHENTICATED', message: 'Sign in again to continue.' } };
const SIGN_IN_UNAVAILABLE = {
  error: { code: 'SIGN_IN_UNAVAILABLE', message: 'Sign-in cannot be checked right now. Try again in a few minutes.' },
};

export function requireEntraUser(verifier: EntraTokenVerifier, log: AuthLog): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      log('auth.entra.rejected', { code: 'TOKEN_MISSING', path: req.path });
      // RFC 6750 section 3.1: no error attribute when the request carried no credentials at all.
      res.status(401).set('WWW-Authenticate', 'Bearer').json(SIGN_IN_AGAIN);
      return;
    }

    const result = await verifier.verify(token);
    if (result.ok) {
      (res.locals as SignedInLocals).principal = result.principal;
      next();
      return;
    }

    log('auth.entra.rejected', { code: result.error.code, reason: result.error.reason, path: req.path });
    if (result.error.code === 'SIGNING_KEYS_UNAVAILABLE') {
      res.status(503).set('Retry-After', '30').json(SIGN_IN_UNAVAILABLE);
      return;
    }
    res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json(SIGN_IN_AGAIN);
  };
}

/** The signed-in person for a request that passed `requireEntraUser`. */
export function signedInUser(res: Response): EntraPrincipal {
  const principal = (res.locals as SignedInLocals).principal;
  if (!principal) throw new Error('signedInUser() called on a route that is not behind requireEntraUser()');
  return principal;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([^ ]+) *$/i.exec(header ?? '');
  return match?.[1];
}
