// Our own small port for putting panel meetings in Teams calendars. The use case depends on this,
// never on the Graph SDK, so the client library can change without touching the scheduling rules.

export interface MeetingAttendee {
  name: string;
  email: string;
}

/** What the calendar event says. Nothing about cases or the people they concern goes in it. */
export interface TeamsMeetingDetails {
  subject: string;
  /** Plain text; invitations are e-mailed, so it carries no personal data. */
  bodyText: string;
  startsAt: Date;
  endsAt: Date;
  attendees: MeetingAttendee[];
}

export interface NewTeamsMeeting extends TeamsMeetingDetails {
  /** Entra object id of the mailbox that organises the meeting. */
  organiserId: string;
  /** Graph's own dedupe key: a second create with the same id returns the first event. */
  transactionId: string;
}

export interface TeamsMeetingEvent {
  eventId: string;
  /** Teams' join link; Graph can leave it empty for a moment after creating the event. */
  joinUrl: string | null;
  transactionId: string | null;
  isCancelled: boolean;
}

export interface TeamsMeetingsGateway {
  createOnlineMeetingEvent(meeting: NewTeamsMeeting): Promise<TeamsMeetingEvent>;
  updateEvent(organiserId: string, eventId: string, details: TeamsMeetingDetails): Promise<TeamsMeetingEvent>;
  /** Sends the attendees a cancellation with `comment`. */
  cancelEvent(organiserId: string, eventId: string, comment: string): Promise<void>;
  /**
   * The event an earlier create with this `transactionId` left in the organiser's calendar within
   * `window`, if any. Graph does not document `transactionId` as filterable, so the window is read
   * (calendarView, a documented query) and the match is made here.
   */
  findEventByTransactionId(organiserId: string, transactionId: string, window: { from: Date; to: Date }): Promise<TeamsMeetingEvent | null>;
}

/**
 * - THROTTLED: 429; try again after `retryAfterMs`.
 * - UNAVAILABLE: 5xx; Graph or a gateway in front of it is having trouble.
 * - UNREACHABLE: no answer at all (refused, reset, timed out, or the response was lost).
 * - NOT_FOUND: the event is gone from the organiser's calendar.
 * - REFUSED: any other 4xx, or no token; repeating the same request will not help.
 * - NOT_READY: Graph answered, but Teams has not finished making the meeting (no join link or chat yet).
 */
export type GraphFailureKind = 'THROTTLED' | 'UNAVAILABLE' | 'UNREACHABLE' | 'NOT_FOUND' | 'REFUSED' | 'NOT_READY';

export class GraphCallError extends Error {
  constructor(
    readonly kind: GraphFailureKind,
    /** Safe to store and log: the status and Graph's error code, never its message (it can quote addresses). */
    readonly summary: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(summary);
    this.name = 'GraphCallError';
  }

  get retryable(): boolean {
    return this.kind === 'THROTTLED' || this.kind === 'UNAVAILABLE' || this.kind === 'UNREACHABLE' || this.kind === 'NOT_READY';
  }
}
