// The Notification table is the reminder queue. Why not pg-boss: it needs a pg connection of its
// own, which the embedded PGlite default does not have; and the Notification row already holds what
// a queue needs (the unique dedupeKey, a status, attempts, when it is due), so a second job table
// would only duplicate it. A claim is one statement, UPDATE ... FOR UPDATE SKIP LOCKED, which works
// on PostgreSQL with many app instances and on PGlite (one connection, so trivially serial).
//
// A claim is a lease: it pushes `scheduledFor` past the lease and counts the attempt, leaving the
// row PENDING. A worker that dies between claiming and sending loses nothing: the row falls due
// again when the lease runs out. Finishing checks the attempt count it claimed with, so a worker
// that outlived its lease cannot overwrite the outcome of the worker that took the row over.
import type { Database } from '../../store/database';
import type { NotificationChannel, NotificationKind } from '../../store/generated/client';

export interface ClaimedNotification {
  id: string;
  recipientId: string;
  actionId: string | null;
  kind: NotificationKind;
  dedupeKey: string;
  /** This claim's attempt number; finishing must present it. */
  attempts: number;
}

export interface ClaimOptions {
  now: Date;
  leaseMs: number;
  limit: number;
}

export async function claimDueNotifications(db: Database, options: ClaimOptions): Promise<ClaimedNotification[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return db.prisma.$queryRaw<ClaimedNotification[]>`
    UPDATE "Notification" AS n
       SET "scheduledFor" = ${leaseUntil}, "attempts" = n."attempts" + 1
     WHERE n."id" IN (
             SELECT "id" FROM "Notification"
              WHERE "status" = 'PENDING' AND "scheduledFor" <= ${options.now}
              ORDER BY "scheduledFor", "id"
              LIMIT ${options.limit}
                FOR UPDATE SKIP LOCKED)
       AND n."status" = 'PENDING'
    RETURNING n."id", n."recipientId", n."actionId", n."kind"::text AS "kind", n."dedupeKey", n."attempts"`;
}

/** Claims one notification now, even before it falls due (a chase); null if another worker has it or it is finished. */
export async function claimNotification(
  db: Database,
  id: string,
  options: Omit<ClaimOptions, 'limit'>,
): Promise<ClaimedNotification | null> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const rows = await db.prisma.$queryRaw<ClaimedNotification[]>`
    UPDATE "Notification" AS n
       SET "scheduledFor" = ${leaseUntil}, "attempts" = n."attempts" + 1
     WHERE n."id" IN (
             SELECT "id" FROM "Notification"
              WHERE "id" = ${id}::uuid AND "status" = 'PENDING'
                AND ("attempts" = 0 OR "scheduledFor" <= ${options.now})
                FOR UPDATE SKIP LOCKED)
    RETURNING n."id", n."recipientId", n."actionId", n."kind"::text AS "kind", n."dedupeKey", n."attempts"`;
  return rows[0] ?? null;
}

export type Settlement =
  /** `via` EMAIL: Teams could not reach the member, and the notice mailbox told them something waits. */
  | { status: 'SENT'; at: Date; via: NotificationChannel }
  | { status: 'UNREACHABLE' | 'FAILED'; error: string }
  /** Try again at `at`; the row stays PENDING. */
  | { status: 'RETRY'; at: Date; error: string };

/** Records how a claimed notification ended; false when the claim had expired and another worker took over. */
export async function settleNotification(db: Database, claim: ClaimedNotification, settlement: Settlement): Promise<boolean> {
  const data =
    settlement.status === 'SENT'
      ? { status: 'SENT' as const, sentAt: settlement.at, sentVia: settlement.via, lastError: null }
      : settlement.status === 'RETRY'
        ? { scheduledFor: settlement.at, lastError: settlement.error }
        : { status: settlement.status, lastError: settlement.error };
  const result = await db.prisma.notification.updateMany({ where: { id: claim.id, status: 'PENDING', attempts: claim.attempts }, data });
  return result.count === 1;
}
