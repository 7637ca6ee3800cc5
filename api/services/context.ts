// What every use case runs with: the database, who is acting, and the clock (passed in so tests and
// reminders can move time).
import type { Prisma } from '../store/generated/client';
import type { Database } from '../store/database';
import type { Actor } from '../domain/access/policy';

export type Tx = Prisma.TransactionClient;

/** A member acting through the tab, the REST API, a bot command or a card. */
export interface ServiceContext {
  db: Database;
  actor: Actor;
  requestId?: string | undefined;
  now(): Date;
}

/** The app acting on its own: reminders, Teams sync, retention jobs. */
export interface SystemContext {
  db: Database;
  /** Which job, e.g. "reminders" or "teams-sync": recorded in the audit trail. */
  system: string;
  requestId?: string | undefined;
  now(): Date;
}

export type AnyContext = ServiceContext | SystemContext;

export function isMemberContext(ctx: AnyContext): ctx is ServiceContext {
  return 'actor' in ctx;
}

// Long enough for an export or a retention sweep, short enough that a stuck transaction cannot
// hold the audit chain's lock for long.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

/** Runs `work` in one database transaction: the change and its audit rows commit together or not at all. */
export function inTransaction<T>(ctx: AnyContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.prisma.$transaction(work, TRANSACTION_OPTIONS);
}
