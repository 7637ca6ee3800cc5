// Whether an action's card and reminders are reaching its owner in Teams, read in one SQL query for a
// whole list of actions: the chair's list, the action's own view and the out-of-reach list all use it.
import { Prisma, type NotificationKind } from '../store/generated/client';
import { PREPARED_STATEMENT } from '../store/database';
import type { Tx } from './context';

/**
 * DELIVERED: the last message reached the owner. PENDING: Teams has not taken one yet (it is retried).
 * UNREACHABLE: Teams refused (the app is blocked or not installed) and nothing has got through since.
 * FAILED: given up on after retries, or not sent (e.g. the owner left). NOT_SENT: nothing sent yet.
 */
export const OWNER_DELIVERY_STATUSES = ['DELIVERED', 'PENDING', 'UNREACHABLE', 'FAILED', 'NOT_SENT'] as const;
export type OwnerDeliveryStatus = (typeof OWNER_DELIVERY_STATUSES)[number];

export interface OwnerDeliveryState {
  status: OwnerDeliveryStatus;
  /** Why it did not arrive, in words for the chair; null when it did or nothing was sent. */
  reason: string | null;
  /** Since when it has stood so: first refusal or attempt not yet through, or the last delivery. */
  since: Date | null;
}

// The action card sent on assignment counts too: an owner who never got it is out of reach.
export const OWNER_MESSAGE_KINDS: NotificationKind[] = ['ACTION_ASSIGNED', 'REMINDER_BEFORE_DUE', 'REMINDER_DUE_TODAY', 'REMINDER_OVERDUE'];

const NOTHING_SENT: OwnerDeliveryState = { status: 'NOT_SENT', reason: null, since: null };

interface StateRow {
  actionId: string;
  status: OwnerDeliveryStatus;
  reason: string | null;
  since: Date | null;
}

/**
 * The delivery state of each action, counting only messages to its current owner: the named officer,
 * or with none named the owner agency's members (one of them reached is the agency reached). A
 * refusal or give-up counts until a later message is delivered.
 */
export async function ownerDeliveryStates(tx: Tx, actionIds: readonly string[]): Promise<Map<string, OwnerDeliveryState>> {
  const states = new Map<string, OwnerDeliveryState>(actionIds.map((id) => [id, NOTHING_SENT]));
  if (actionIds.length === 0) return states;
  const kinds = Prisma.join(OWNER_MESSAGE_KINDS.map((kind) => Prisma.sql`${kind}::"NotificationKind"`));
  // Prepared once per connection: planning it costs several times what running it does for a page.
  const rows = await tx.$queryRaw<StateRow[]>`${Prisma.raw(PREPARED_STATEMENT)}
    WITH "toOwner" AS (
      SELECT n."actionId", n."status", n."lastError", n."createdAt", n."sentAt",
             max(n."sentAt") FILTER (WHERE n."status" = 'SENT') OVER (PARTITION BY n."actionId") AS "lastSentAt"
        FROM "Notification" n
        JOIN "Action" a ON a."id" = n."actionId"
        JOIN "Member" m ON m."id" = n."recipientId"
       WHERE n."actionId" = ANY(${[...actionIds]}::uuid[])
         AND n."kind" IN (${kinds})
         AND (n."recipientId" = a."ownerMemberId" OR (a."ownerMemberId" IS NULL AND m."agencyId" = a."ownerAgencyId"))
    ), "undelivered" AS (
      SELECT *, ("lastSentAt" IS NULL OR "createdAt" > "lastSentAt") AS "sinceLastSent" FROM "toOwner"
    )
    SELECT "actionId"::text AS "actionId",
           CASE WHEN bool_or("status" = 'UNREACHABLE' AND "sinceLastSent") THEN 'UNREACHABLE'
                WHEN bool_or("status" = 'FAILED' AND "sinceLastSent") THEN 'FAILED'
                WHEN bool_or("status" = 'PENDING') THEN 'PENDING'
                WHEN max("lastSentAt") IS NOT NULL THEN 'DELIVERED'
                ELSE 'NOT_SENT' END AS "status",
           COALESCE(
             (array_agg("lastError" ORDER BY "createdAt" DESC) FILTER (WHERE "status" = 'UNREACHABLE' AND "sinceLastSent"))[1],
             (array_agg("lastError" ORDER BY "createdAt" DESC) FILTER (WHERE "status" = 'FAILED' AND "sinceLastSent"))[1]
           ) AS "reason",
           COALESCE(
             min("createdAt") FILTER (WHERE "status" = 'UNREACHABLE' AND "sinceLastSent"),
             min("createdAt") FILTER (WHERE "status" = 'FAILED' AND "sinceLastSent"),
             min("createdAt") FILTER (WHERE "status" = 'PENDING'),
             max("lastSentAt")
           ) AS "since"
      FROM "undelivered"
     GROUP BY "actionId"`;
  for (const row of rows) {
    const undelivered = row.status === 'UNREACHABLE' || row.status === 'FAILED';
    states.set(row.actionId, {
      status: row.status,
      reason: undelivered ? (row.reason ?? 'The message could not be delivered.') : null,
      since: row.since,
    });
  }
  return states;
}
