// The chair circulates approved minutes (docs/domain.md §4): every member of each agency that attended
// gets a Teams message that the minutes are ready, with a link to them and the restricted marking. The
// message names the panel and the day only: the minutes themselves are read in the tab, never in a chat.
import { mayUse } from '../domain/access/policy';
import { audit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { conflict } from './errors';
import { requireMeetingChair } from './meeting-access';
import { claimNotification } from './reminders/notification-queue';
import { DEFAULT_DELIVERY_OPTIONS, deliverNotification, type DeliveryPorts } from './reminders/delivery';
import { minutesReadyKey } from './reminders/minutes-ready';

const CLAIM_LEASE_MS = 10 * 60_000;

export interface Circulation {
  circulatedAt: Date;
  agencies: number;
  /** How the messages went: a member Teams cannot reach now is retried by the reminder worker, or shows as unreached. */
  recipients: { sent: number; retrying: number; notReached: number };
}

export async function circulateMinutes(ctx: ServiceContext, deps: DeliveryPorts, meetingId: string): Promise<Circulation> {
  const now = ctx.now();
  const { ids, agencies } = await inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    const minutes = await tx.meetingMinutes.findUnique({ where: { meetingId }, select: { status: true, circulatedAt: true } });
    if (minutes?.status !== 'APPROVED') throw conflict('Approve the minutes before circulating them.');
    if (minutes.circulatedAt) throw conflict('These minutes have already been circulated.');
    const attended = await tx.attendance.findMany({
      where: { meetingId, status: 'PRESENT' },
      distinct: ['agencyId'],
      select: { agencyId: true },
    });
    const agencyIds = attended.map((row) => row.agencyId);
    if (agencyIds.length === 0) throw conflict('Nobody is recorded as present at this meeting, so there is no agency to circulate to.');
    const members = await tx.member.findMany({
      where: { agencyId: { in: agencyIds }, isActive: true, leftTenantAt: null, agency: { isActive: true } },
      select: { id: true, roles: true },
      orderBy: { id: 'asc' },
    });
    // Those who may read panel minutes: a referrer or auditor in the same agency is not sent them.
    const recipients = members.filter((member) => mayUse(member, 'meeting.attend')).map((member) => member.id);
    const rows = recipients.map((recipientId) => ({
      recipientId,
      kind: 'MINUTES_READY' as const,
      dedupeKey: minutesReadyKey(meetingId, recipientId),
      scheduledFor: now,
      createdAt: now,
    }));
    await tx.notification.createMany({ data: rows, skipDuplicates: true });
    await tx.meetingMinutes.update({ where: { meetingId }, data: { circulatedAt: now } });
    await audit(tx, ctx, {
      event: 'minutes.circulate',
      entityType: 'Meeting',
      entityId: meetingId,
      after: { agencyIds, recipients: recipients.length },
    });
    const stored = await tx.notification.findMany({ where: { dedupeKey: { in: rows.map((row) => row.dedupeKey) } }, select: { id: true } });
    return { ids: stored.map((row) => row.id), agencies: agencyIds.length };
  });

  // Sent after the commit, so a slow Teams never holds the transaction; what fails now the worker retries.
  for (const id of ids) {
    const claim = await claimNotification(ctx.db, id, { now, leaseMs: CLAIM_LEASE_MS });
    if (claim) await deliverNotification(ctx.db, deps, claim, now, DEFAULT_DELIVERY_OPTIONS);
  }
  const settled = await ctx.db.prisma.notification.findMany({ where: { id: { in: ids } }, select: { status: true } });
  const count = (test: (status: string) => boolean) => settled.filter((row) => test(row.status)).length;
  return {
    circulatedAt: now,
    agencies,
    recipients: {
      sent: count((status) => status === 'SENT'),
      retrying: count((status) => status === 'PENDING'),
      notReached: count((status) => status === 'UNREACHABLE' || status === 'FAILED'),
    },
  };
}
