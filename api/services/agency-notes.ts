// The chair sends the note about an action the panel found the agency did not do (issue 15, item 8)
// to the agency's lead for the partnership, as a Teams message through the notification outbox. The
// review keeps the note as sent, by whom and when: it goes once.
import { audit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { conflict } from './errors';
import { requireMeetingChair, requireMeetingDayReached } from './meeting-access';
import { claimNotification } from './reminders/notification-queue';
import { DEFAULT_DELIVERY_OPTIONS, deliverNotification, type DeliveryPorts } from './reminders/delivery';
import { notDoneNoteKey } from './reminders/not-done-note';

const CLAIM_LEASE_MS = 10 * 60_000;

export interface SentAgencyNote {
  to: string;
  text: string;
  sentAt: Date;
  sentBy: string;
  /** How the message went: a lead Teams cannot reach now is retried by the reminder worker. */
  delivery: 'SENT' | 'RETRYING' | 'NOT_REACHED';
}

export async function sendNotDoneNote(
  ctx: ServiceContext,
  deps: DeliveryPorts,
  meetingId: string,
  actionId: string,
  text: string,
): Promise<SentAgencyNote> {
  const now = ctx.now();
  const { notificationId, to } = await inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    await requireMeetingDayReached(tx, ctx, meetingId, 'minuted');
    const review = await tx.actionReview.findUnique({
      where: { meetingId_actionId: { meetingId, actionId } },
      select: {
        id: true,
        notDoneReason: true,
        agencyNoteSentAt: true,
        agencyNoteSentBy: { select: { displayName: true } },
        action: { select: { ownerAgency: { select: { id: true, name: true, leadMemberId: true } } } },
      },
    });
    if (review?.notDoneReason !== 'AGENCY_DID_NOT_DO_IT')
      throw conflict('Only an action the panel recorded as not done by its agency has a note to send.');
    if (review.agencyNoteSentAt)
      throw conflict(`This note was sent by ${review.agencyNoteSentBy?.displayName ?? 'a chair'} already; it goes once.`);
    const agency = review.action.ownerAgency;
    if (!agency.leadMemberId) throw conflict(`No lead is set for ${agency.name}; the partnership admin sets one.`);
    await tx.actionReview.update({
      where: { id: review.id },
      data: { agencyNoteText: text, agencyNoteSentAt: now, agencyNoteSentById: ctx.actor.memberId },
    });
    const notification = await tx.notification.create({
      data: {
        recipientId: agency.leadMemberId,
        kind: 'AGENCY_NOT_DONE_NOTE',
        dedupeKey: notDoneNoteKey(review.id),
        scheduledFor: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      event: 'meeting.action.agency-note',
      entityType: 'Action',
      entityId: actionId,
      before: { agencyNoteSentAt: null },
      after: { meetingId, agencyId: agency.id, leadMemberId: agency.leadMemberId, agencyNoteText: text, agencyNoteSentAt: now },
    });
    return { notificationId: notification.id, to: agency.name };
  });

  // Sent after the commit, so a slow Teams never holds the transaction; what fails now the worker retries.
  const claim = await claimNotification(ctx.db, notificationId, { now, leaseMs: CLAIM_LEASE_MS });
  if (claim) await deliverNotification(ctx.db, deps, claim, now, DEFAULT_DELIVERY_OPTIONS);
  const { status } = await ctx.db.prisma.notification.findUniqueOrThrow({ where: { id: notificationId }, select: { status: true } });
  return {
    to,
    text,
    sentAt: now,
    sentBy: ctx.actor.displayName,
    delivery: status === 'SENT' ? 'SENT' : status === 'PENDING' ? 'RETRYING' : 'NOT_REACHED',
  };
}
