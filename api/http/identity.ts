// Who is calling the REST API. With Entra ID configured, a Teams SSO bearer token; in local mode,
// a development sign-in token for a chosen demo member (the config refuses that in production).
// Either way the request ends up with an Actor, and routes get a ServiceContext from it.
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { RequestHandler, Response } from 'express';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../store/database';
import type { Actor } from '../domain/access/policy';
import type { ServiceContext } from '../services/context';
import { actorForEntraUser, actorForMember } from '../services/members';
import { createEntraTokenVerifier, type EntraTokenVerifier } from '../auth/entra-token';
import { requireEntraUser, signedInUser } from '../auth/require-entra-user';
import { errorBody } from './errors';
import { firstRunState, NOT_SET_UP_MESSAGE } from '../services/first-run';

export type SignInMode = 'entra' | 'development';

export interface Identity {
  mode: SignInMode;
  /** Puts the calling member's Actor and ServiceContext on the response, or answers 401/403. */
  authenticate: RequestHandler[];
  /**
   * Entra mode only: checks the token but asks for no member record, for the first run's set-up
   * (api/http/routes/first-run.ts), when the database holds no partnership yet.
   */
  authenticatePerson?: RequestHandler[];
  /** Development mode only: a token that signs the browser in as this member. */
  issueDevelopmentToken?: (memberId: string) => Promise<{ token: string; expiresAt: string }>;
}

interface IdentityLocals {
  actor?: Actor;
  serviceContext?: ServiceContext;
  requestId?: string;
}

const DEVELOPMENT_ISSUER = 'asb-panels-development-sign-in';
const DEVELOPMENT_TOKEN_HOURS = 8;
const SIGN_IN_AGAIN = errorBody('UNAUTHENTICATED', 'Sign in again to continue.');
const NOT_A_MEMBER = errorBody(
  'FORBIDDEN',
  'Your account is not set up as a member of a partnership here. Ask your partnership administrator.',
);
const NOT_SET_UP = errorBody('FORBIDDEN', NOT_SET_UP_MESSAGE);
/** The bootstrap admin on an empty deployment: the tab offers the set-up (its code tells it so). */
const SET_UP_NEEDED = { error: { code: 'SET_UP_NEEDED', message: 'Set up the partnership to start using ASB Panels.' } };

export interface IdentityOptions {
  db: Database;
  logger: Logger;
  clock: () => Date;
  /** Tests point this at a loopback issuer; production builds it from config. */
  entraVerifier?: EntraTokenVerifier;
}

export function createIdentity(signIn: AppConfig['signIn'], options: IdentityOptions): Identity {
  const { db, logger, clock } = options;
  const attach = (res: Response, actor: Actor) => {
    const locals = res.locals as IdentityLocals;
    locals.actor = actor;
    locals.serviceContext = { db, actor, requestId: locals.requestId, now: clock };
  };

  if (signIn.mode === 'entra') {
    const verifier = options.entraVerifier ?? createEntraTokenVerifier(signIn);
    const resolveMember: RequestHandler = async (_req, res, next) => {
      const principal = signedInUser(res);
      const actor = await actorForEntraUser(db.prisma, principal.tenantId, principal.objectId);
      if (!actor) {
        logger.warn({ tenantId: principal.tenantId, objectId: principal.objectId }, 'signed-in user is not a member');
        const state = await firstRunState(db, principal, signIn.bootstrapAdmin);
        res.status(403).json(state === 'SET_UP' ? NOT_A_MEMBER : state === 'SET_UP_BY_YOU' ? SET_UP_NEEDED : NOT_SET_UP);
        return;
      }
      attach(res, actor);
      next();
    };
    const requireToken = requireEntraUser(verifier, (event, fields) => logger.warn(fields, event));
    return { mode: 'entra', authenticate: [requireToken, resolveMember], authenticatePerson: [requireToken] };
  }

  // A fresh secret per process: development tokens die with the process, and nothing can mint one
  // without access to it.
  const secret = randomBytes(32);
  const authenticateDevelopment: RequestHandler = async (req, res, next) => {
    const token = /^Bearer +([^ ]+) *$/i.exec(req.headers.authorization ?? '')?.[1];
    let memberId: string | undefined;
    if (token) {
      try {
        const { payload } = await jwtVerify(token, secret, { issuer: DEVELOPMENT_ISSUER, algorithms: ['HS256'], currentDate: clock() });
        memberId = payload.sub;
      } catch {
        memberId = undefined;
      }
    }
    const actor = memberId ? await actorForMember(db.prisma, memberId) : null;
    if (!actor) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json(SIGN_IN_AGAIN);
      return;
    }
    attach(res, actor);
    next();
  };
  return {
    mode: 'development',
    authenticate: [authenticateDevelopment],
    async issueDevelopmentToken(memberId) {
      const issuedAt = clock();
      const expiresAt = new Date(issuedAt.getTime() + DEVELOPMENT_TOKEN_HOURS * 3600_000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(DEVELOPMENT_ISSUER)
        .setSubject(memberId)
        .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(secret);
      return { token, expiresAt: expiresAt.toISOString() };
    },
  };
}

/** The ServiceContext of an authenticated request. */
export function serviceContext(res: Response): ServiceContext {
  const context = (res.locals as IdentityLocals).serviceContext;
  if (!context) throw new Error('serviceContext() called on a route that is not behind authenticate');
  return context;
}
