// Keeps one panel meeting's Teams calendar event in step with the app. A meeting is scheduled,
// moved or cancelled in the app at once and marked PENDING; the Teams sync job (api/jobs/teams-sync.ts)
// claims the meetings that are due and calls syncMeeting for each, which does the Teams side and
// retries with backoff (never sooner than Graph's Retry-After) until the meeting is SYNCED or FAILED.
// A create is never duplicated: it first looks for an event carrying the meeting's transactionId,
// and Graph itself answers a repeated create with that transactionId with the first event.
// Once the event exists, the same pass goes on to the meeting chat (meeting-chat.ts): the meeting is
// SYNCED only when its chat is known and, where configured, the app and its side panel tab are in
// it. A panel mailbox, when configured, organises every event it creates.
import { mayUse } from '../domain/access/policy';
import { formatLongDate, londonDateOf } from '../domain/agenda/calendar-date';
import type { Logger } from '../logger';
import { audit } from './audit';
import type { SystemContext } from './context';
import type { Database } from '../store/database';
import { GraphCallError, type MeetingAttendee, type TeamsMeetingDetails, type TeamsMeetingsGateway } from '../graph/teams-meetings-gateway';
import type { Clock } from './clock';
import { joinUrlKey } from '../graph/teams-ids';
import { setUpMeetingChat, type MeetingChatApp } from './meeting-chat';
import type { MeetingChatGateway } from './ports/meeting-chat';

export interface MeetingTeamsSync {
  db: Database;
  gateway: TeamsMeetingsGateway & MeetingChatGateway;
  clock: Clock;
  /**
   * The shared panel mailbox (Entra object id or address) that organises the events this creates,
   * so that a chair who is a guest without a mailbox here can still schedule. Without it, the
   * scheduling chair's own mailbox organises.
   */
  organiserMailbox?: string | null;
  /** The app to install in each meeting chat with its side panel tab; without it the chat is only found. */
  meetingChatApp?: MeetingChatApp | null;
  logger: Logger;
  /** Attempts before a meeting is marked FAILED for a person to look at. */
  maxAttempts?: number;
  /** First backoff after a failure without Retry-After; doubles each attempt, up to an hour. */
  baseBackoffMs?: number;
}

/** CHAT_READY: the event was already in step; this pass finished setting up its chat. */
export type SyncOutcome = 'CREATED' | 'FOUND' | 'UPDATED' | 'CHAT_READY' | 'CANCELLED' | 'RETRY_LATER' | 'FAILED' | 'LEASE_LOST';

const DEFAULTS = { maxAttempts: 8, baseBackoffMs: 60_000 };
const MAX_BACKOFF_MS = 60 * 60_000;

export function backoffMs(attempt: number, baseMs: number, retryAfterMs: number | null): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(exponential, retryAfterMs ?? 0);
}

/**
 * Claims up to `limit` meetings due for a Teams sync for `leaseMs`, so that of several app instances
 * polling at once only one works on each.
 */
export async function claimDueMeetingSyncs(db: Database, now: Date, leaseMs: number, limit: number): Promise<string[]> {
  const due = await db.prisma.meeting.findMany({
    where: { teamsSyncStatus: 'PENDING', teamsSyncRetryAt: { lte: now } },
    orderBy: { teamsSyncRetryAt: 'asc' },
    take: limit,
    select: { id: true, teamsSyncRetryAt: true },
  });
  const claimed: string[] = [];
  for (const meeting of due) {
    // Pushing the retry time out is the lease: only the worker whose update matched owns the meeting.
    const taken = await db.prisma.meeting.updateMany({
      where: { id: meeting.id, teamsSyncStatus: 'PENDING', teamsSyncRetryAt: meeting.teamsSyncRetryAt },
      data: { teamsSyncRetryAt: new Date(now.getTime() + leaseMs) },
    });
    if (taken.count === 1) claimed.push(meeting.id);
  }
  return claimed;
}

/** What the invitation says: the panel and the date, never a case or a person it concerns. */
async function meetingDetails(
  db: Database,
  meetingId: string,
): Promise<
  TeamsMeetingDetails & {
    status: string;
    version: number;
    graphEventId: string | null;
    graphOrganizerId: string | null;
    graphEventStale: boolean;
    transactionId: string;
    attempts: number;
  }
> {
  const meeting = await db.prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      startsAt: true,
      endsAt: true,
      status: true,
      version: true,
      graphEventId: true,
      graphOrganizerId: true,
      graphEventStale: true,
      graphTransactionId: true,
      teamsSyncAttempts: true,
      panel: {
        select: {
          name: true,
          chairs: { select: { member: { select: { displayName: true, email: true, isActive: true } } } },
          agencies: {
            select: {
              agency: { select: { members: { where: { isActive: true }, select: { displayName: true, email: true, roles: true } } } },
            },
          },
        },
      },
    },
  });
  const attendees = new Map<string, MeetingAttendee>();
  for (const chair of meeting.panel.chairs) {
    if (chair.member.isActive && chair.member.email)
      attendees.set(chair.member.email.toLowerCase(), { name: chair.member.displayName, email: chair.member.email });
  }
  for (const seat of meeting.panel.agencies) {
    for (const member of seat.agency.members) {
      if (!member.email || !mayUse(member, 'meeting.attend')) continue;
      attendees.set(member.email.toLowerCase(), { name: member.displayName, email: member.email });
    }
  }
  return {
    subject: `${meeting.panel.name}: ${formatLongDate(londonDateOf(meeting.startsAt))}`,
    bodyText: 'Panel meeting. The agenda and case details are in the ASB Panels app in Teams, for those entitled to see them.',
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    attendees: [...attendees.values()].sort((a, b) => a.email.localeCompare(b.email)),
    status: meeting.status,
    version: meeting.version,
    graphEventId: meeting.graphEventId,
    graphOrganizerId: meeting.graphOrganizerId,
    graphEventStale: meeting.graphEventStale,
    transactionId: meeting.graphTransactionId,
    attempts: meeting.teamsSyncAttempts,
  };
}

/**
 * Where an earlier create, whose answer was lost, would have put the event: the meeting's own time,
 * widened by a day each side so that a move on the same day is still found.
 */
function searchWindow(details: { startsAt: Date; endsAt: Date }): { from: Date; to: Date } {
  const day = 24 * 60 * 60 * 1000;
  return { from: new Date(details.startsAt.getTime() - day), to: new Date(details.endsAt.getTime() + day) };
}

export async function syncMeeting(options: MeetingTeamsSync, meetingId: string): Promise<SyncOutcome> {
  const { db, gateway, clock } = options;
  const details = await meetingDetails(db, meetingId);
  // An event lives in the mailbox it was created in; a new one goes to the panel mailbox when there is one.
  const organiserId = details.graphEventId ? details.graphOrganizerId : (options.organiserMailbox ?? details.graphOrganizerId);
  let outcome: SyncOutcome;
  try {
    if (!organiserId)
      throw new GraphCallError('REFUSED', 'No mailbox can organise this meeting: ask your administrator to set the panel mailbox');
    if (details.status === 'CANCELLED') {
      const eventId =
        details.graphEventId ??
        (await gateway.findEventByTransactionId(organiserId, details.transactionId, searchWindow(details)))?.eventId ??
        null;
      if (eventId) await gateway.cancelEvent(organiserId, eventId, 'This panel meeting has been cancelled.');
      outcome = 'CANCELLED';
    } else {
      let eventId = details.graphEventId;
      let stale = details.graphEventStale;
      if (!eventId) {
        const found = await gateway.findEventByTransactionId(organiserId, details.transactionId, searchWindow(details));
        const event = found ?? (await gateway.createOnlineMeetingEvent({ ...details, organiserId, transactionId: details.transactionId }));
        // Saved at once, whatever happens next: the event exists, and later passes must change this one.
        await db.prisma.meeting.update({
          where: { id: meetingId },
          data: {
            graphEventId: event.eventId,
            graphOrganizerId: organiserId,
            joinUrl: event.joinUrl,
            joinUrlKey: joinUrlKey(event.joinUrl),
          },
        });
        eventId = event.eventId;
        // A new event carries the meeting as it is now; one an earlier create left behind may not.
        if (!found) stale = false;
        outcome = found ? 'FOUND' : 'CREATED';
      } else {
        outcome = stale ? 'UPDATED' : 'CHAT_READY';
      }
      if (stale) await gateway.updateEvent(organiserId, eventId, details);
      // Only if no move came in meanwhile: that one still needs its PATCH.
      await db.prisma.meeting.updateMany({ where: { id: meetingId, version: details.version }, data: { graphEventStale: false } });
      if (details.status === 'SCHEDULED' || details.status === 'IN_PROGRESS') {
        await setUpMeetingChat({ db, gateway, app: options.meetingChatApp ?? null, now: clock.now }, meetingId);
      }
    }
  } catch (error) {
    const failure = error instanceof GraphCallError ? error : new GraphCallError('UNREACHABLE', 'Teams sync failed unexpectedly');
    return recordFailure(options, meetingId, details.version, details.attempts + 1, failure);
  }
  // A change made while Graph was being called leaves the meeting PENDING for another pass.
  const stillCurrent = await db.prisma.meeting.updateMany({
    where: { id: meetingId, version: details.version },
    data: { teamsSyncStatus: 'SYNCED', teamsSyncError: null, teamsSyncAttempts: 0, teamsSyncRetryAt: null },
  });
  if (stillCurrent.count === 0) {
    await db.prisma.meeting.update({ where: { id: meetingId }, data: { teamsSyncRetryAt: clock.now() } });
    return 'LEASE_LOST';
  }
  const synced = await db.prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { graphEventId: true, chatThreadId: true, chatTabId: true },
  });
  await auditSync(options, meetingId, {
    outcome,
    eventId: synced.graphEventId,
    chat: synced.chatThreadId ? (synced.chatTabId ? 'APP_AND_TAB' : 'KNOWN') : null,
  });
  return outcome;
}

async function recordFailure(
  options: MeetingTeamsSync,
  meetingId: string,
  version: number,
  attempts: number,
  failure: GraphCallError,
): Promise<SyncOutcome> {
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  const giveUp = !failure.retryable || attempts >= maxAttempts;
  const wait = backoffMs(attempts, options.baseBackoffMs ?? DEFAULTS.baseBackoffMs, failure.retryAfterMs);
  await options.db.prisma.meeting.updateMany({
    where: { id: meetingId, version },
    data: {
      teamsSyncStatus: giveUp ? 'FAILED' : 'PENDING',
      teamsSyncError: failure.summary,
      teamsSyncAttempts: attempts,
      teamsSyncRetryAt: giveUp ? null : new Date(options.clock.now().getTime() + wait),
    },
  });
  options.logger.warn({ meetingId, kind: failure.kind, status: failure.status, attempts, giveUp }, 'teams sync failed');
  if (giveUp) await auditSync(options, meetingId, { outcome: 'FAILED', error: failure.summary, attempts });
  return giveUp ? 'FAILED' : 'RETRY_LATER';
}

async function auditSync(options: MeetingTeamsSync, meetingId: string, after: Record<string, unknown>): Promise<void> {
  const ctx: SystemContext = { db: options.db, system: 'teams-sync', now: options.clock.now };
  await options.db.prisma.$transaction((tx) =>
    audit(tx, ctx, { event: 'meeting.teams.sync', entityType: 'Meeting', entityId: meetingId, after: { system: 'teams-sync', ...after } }),
  );
}
