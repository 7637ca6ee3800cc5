// Getting an action in front of people in Teams after it changed: the card to its owner's personal
// chat (through the Notification queue, so a Teams outage is retried by the reminder worker and a
// repeat never sends twice), and every copy already posted brought up to date.
import type { Database } from '../store/database';
import type { NotificationStatus } from '../store/generated/client';
import type { TeamsSender } from './ports/teams-sender';
import { claimNotification } from './reminders/notification-queue';
import { DEFAULT_DELIVERY_OPTIONS, deliverNotification, type DeliveryPorts } from './reminders/delivery';
import { panelMembersOf } from './reminders/schedule';
import { actionCardViewOf } from './action-card-view';
import { loadActionRecord, type ActionRecord } from './action-records';

const CLAIM_LEASE_MS = 10 * 60_000;

export interface OwnerDelivery {
  memberId: string;
  displayName: string;
  /** RETRYING: Teams did not take it yet; the reminder worker tries again. */
  status: NotificationStatus | 'RETRYING';
  /** Why it did not arrive, in words for the chair: e.g. the app is not installed for them. */
  problem: string | null;
}

/**
 * Sends the action card to the owner (or, with no named officer, to the owner agency's panel
 * members) for the action's current version. A member Teams cannot reach is reported back, and the
 * UNREACHABLE row puts the action on the chair's out-of-reach list.
 */
export async function sendActionToOwner(db: Database, ports: DeliveryPorts, actionId: string, now: Date): Promise<OwnerDelivery[]> {
  const action = await db.prisma.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { version: true, ownerAgencyId: true, ownerMemberId: true },
  });
  const recipients = action.ownerMemberId
    ? [action.ownerMemberId]
    : await panelMembersOf(db.prisma, { agencyId: action.ownerAgencyId }, 'action.agencyReminders');
  const rows = recipients.map((recipientId) => ({
    recipientId,
    actionId,
    kind: 'ACTION_ASSIGNED' as const,
    dedupeKey: `assigned:${actionId}:v${action.version}:to:${recipientId}`,
    scheduledFor: now,
    createdAt: now,
  }));
  if (rows.length === 0) return [];
  await db.prisma.notification.createMany({ data: rows, skipDuplicates: true });
  const stored = await db.prisma.notification.findMany({
    where: { dedupeKey: { in: rows.map((row) => row.dedupeKey) } },
    select: { id: true },
  });
  for (const { id } of stored) {
    const claim = await claimNotification(db, id, { now, leaseMs: CLAIM_LEASE_MS });
    if (claim) await deliverNotification(db, ports, claim, now, DEFAULT_DELIVERY_OPTIONS);
  }
  const settled = await db.prisma.notification.findMany({
    where: { id: { in: stored.map((row) => row.id) } },
    select: { status: true, lastError: true, recipient: { select: { id: true, displayName: true } } },
    orderBy: { recipientId: 'asc' },
  });
  return settled.map((row) => ({
    memberId: row.recipient.id,
    displayName: row.recipient.displayName,
    status: row.status === 'PENDING' ? 'RETRYING' : row.status,
    problem: row.status === 'SENT' ? null : (row.lastError ?? 'Not delivered yet.'),
  }));
}

export interface PostedCopy {
  conversationId: string;
  activityId: string;
}

/**
 * An action agreed in a panel meeting but assigned from the tab or the API is posted to that
 * meeting's chat too, read-only for all with the owner's view on refresh, as a card assigned from the
 * chat itself would be. Nothing is posted when the meeting has no chat the app was added to.
 */
export async function postToMeetingChat(db: Database, sender: TeamsSender, actionId: string, now: Date): Promise<boolean> {
  const action = await db.prisma.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { meeting: { select: { chatThreadId: true } } },
  });
  const chat = action.meeting?.chatThreadId;
  if (!chat || !(await db.prisma.conversationReference.findUnique({ where: { conversationId: chat }, select: { id: true } }))) return false;
  const record = await loadActionRecord(db.prisma, actionId);
  const outcome = await sender.postToConversation(chat, {
    text: `Action for case ${record!.caseReference}: ${record!.title}`,
    card: { kind: 'ACTION', view: actionCardViewOf(record!, null, now) },
  });
  if (outcome.kind !== 'SENT' || !outcome.activityId) return false;
  await db.prisma.actionCard.createMany({
    data: [{ actionId, conversationId: outcome.conversationId, activityId: outcome.activityId, postedAt: now }],
    skipDuplicates: true,
  });
  return true;
}

/**
 * Replaces every posted copy of the action card with the read-only view of its current state; the
 * owner's own view arrives through Universal Actions refresh. `except` is a copy the clicker alone
 * sees (their personal chat), which the invoke answer already replaces; `only` picks one copy;
 * `current` is the action as the caller has just read it, saving a second read. A copy that cannot
 * be updated is left for refresh to correct: it never fails the change that was made.
 */
export async function refreshPostedCards(
  db: Database,
  sender: TeamsSender,
  actionId: string,
  now: Date,
  which: { except?: PostedCopy | undefined; only?: PostedCopy | undefined; current?: ActionRecord | undefined } = {},
): Promise<number> {
  const copies = await db.prisma.actionCard.findMany({ where: { actionId }, select: { conversationId: true, activityId: true } });
  const same = (a: PostedCopy, b: PostedCopy | undefined) =>
    b !== undefined && a.conversationId === b.conversationId && a.activityId === b.activityId;
  const others = copies.filter((copy) => !same(copy, which.except) && (!which.only || same(copy, which.only)));
  if (others.length === 0) return 0;
  const record = which.current ?? (await loadActionRecord(db.prisma, actionId));
  if (!record) return 0;
  const card = { kind: 'ACTION', view: actionCardViewOf(record, null, now) } as const;
  let updated = 0;
  for (const copy of others) {
    const outcome = await sender.updateCard(copy.conversationId, copy.activityId, card);
    if (outcome.kind === 'SENT') updated += 1;
  }
  return updated;
}
