// The chair moves or cancels a meeting. The app changes at once; the Teams event follows through the
// retried sync (meeting-teams-sync.ts, run by api/jobs/teams-sync.ts), so Graph being down never
// blocks the chair.
import { isCalendarDate, londonDateOf, londonInstant } from '../domain/agenda/calendar-date';
import { referralCutOff } from '../domain/agenda/cadence';
import { audit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { conflict, staleVersion, validationFailed } from './errors';
import { requireMeetingChair } from './meeting-access';

const PENDING_NOW = (now: Date) => ({
  teamsSyncStatus: 'PENDING' as const,
  teamsSyncRetryAt: now,
  teamsSyncAttempts: 0,
  teamsSyncError: null,
});

export interface MeetingMove {
  date: string;
  startTime: string;
  /** The meeting's version the chair's screen was drawn from; a stale move is refused, not applied. */
  expectedVersion?: number | undefined;
}

function requireVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current)
    throw staleVersion('The meeting has changed since you opened it. Check it as it is now and try again.');
}

export async function moveMeeting(ctx: ServiceContext, meetingId: string, move: MeetingMove) {
  if (!isCalendarDate(move.date)) throw validationFailed([{ field: 'date', message: 'Give a real date as YYYY-MM-DD.' }]);
  if (move.date <= londonDateOf(ctx.now())) throw validationFailed([{ field: 'date', message: 'Move the meeting to a day after today.' }]);
  return inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    const before = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { panel: { select: { meetingMinutes: true, referralCutoffDays: true } } },
    });
    if (before.status !== 'SCHEDULED') throw conflict('Only a meeting that has not started can be moved.');
    requireVersion(before.version, move.expectedVersion);
    const startsAt = londonInstant(move.date, move.startTime);
    const after = await tx.meeting.update({
      where: { id: meetingId },
      data: {
        startsAt,
        endsAt: new Date(startsAt.getTime() + (before.endsAt.getTime() - before.startsAt.getTime())),
        referralCutoff: referralCutOff(move.date, before.panel.referralCutoffDays).closesAt,
        version: { increment: 1 },
        ...PENDING_NOW(ctx.now()),
        // The Teams event needs the new time; a retry after a chat failure alone does not PATCH it again.
        graphEventStale: true,
      },
      select: { id: true, startsAt: true, endsAt: true, teamsSyncStatus: true },
    });
    await audit(tx, ctx, {
      event: 'meeting.move',
      entityType: 'Meeting',
      entityId: meetingId,
      before: { startsAt: before.startsAt, endsAt: before.endsAt },
      after: { startsAt: after.startsAt, endsAt: after.endsAt },
    });
    return after;
  });
}

export async function cancelMeeting(ctx: ServiceContext, meetingId: string, reason: string, expectedVersion?: number) {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    const { version, ...before } = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { status: true, version: true },
    });
    if (before.status !== 'SCHEDULED') throw conflict('Only a meeting that has not started can be cancelled.');
    requireVersion(version, expectedVersion);
    // Its cases go back to waiting: the next meeting's agenda picks them up as deferred.
    await tx.agendaItem.updateMany({
      where: { meetingId },
      data: { status: 'DEFERRED', deferralReason: `The meeting was cancelled: ${reason}` },
    });
    const after = await tx.meeting.update({
      where: { id: meetingId },
      data: { status: 'CANCELLED', version: { increment: 1 }, ...PENDING_NOW(ctx.now()) },
      select: { id: true, status: true, teamsSyncStatus: true },
    });
    await audit(tx, ctx, {
      event: 'meeting.cancel',
      entityType: 'Meeting',
      entityId: meetingId,
      before,
      after: { status: after.status, reason },
    });
    return after;
  });
}

/** After a FAILED sync (a refused permission, say) the chair asks for another go once it is fixed. */
export async function retryTeamsSync(ctx: ServiceContext, meetingId: string) {
  return inTransaction(ctx, async (tx) => {
    await requireMeetingChair(tx, ctx, meetingId);
    const before = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { teamsSyncStatus: true, teamsSyncError: true },
    });
    if (before.teamsSyncStatus === 'SYNCED') throw conflict('The meeting is already in step with Teams.');
    const after = await tx.meeting.update({
      where: { id: meetingId },
      data: PENDING_NOW(ctx.now()),
      select: { id: true, teamsSyncStatus: true },
    });
    await audit(tx, ctx, { event: 'meeting.teams.retry', entityType: 'Meeting', entityId: meetingId, before, after });
    return after;
  });
}
