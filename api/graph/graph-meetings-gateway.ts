// The Teams meetings port over Microsoft Graph calendar events (`isOnlineMeeting`), through the shared
// Graph caller: failures come back as GraphCallError kinds the sync job can act on.
import { createGraphCaller, type GraphCallerOptions } from './graph-caller';
import {
  type NewTeamsMeeting,
  type TeamsMeetingDetails,
  type TeamsMeetingEvent,
  type TeamsMeetingsGateway,
} from './teams-meetings-gateway';

export type GraphGatewayOptions = GraphCallerOptions;

/** The fields of a Graph event this app reads back. */
interface GraphEvent {
  id: string;
  transactionId?: string | null;
  isCancelled?: boolean;
  onlineMeeting?: { joinUrl?: string | null } | null;
}

const EVENT_FIELDS = 'id,transactionId,isCancelled,onlineMeeting';
/** A panel's day rarely holds more events than this in the shared panel mailbox; more pages are followed. */
const CALENDAR_PAGE_SIZE = 50;

interface CalendarPage {
  value: GraphEvent[];
  '@odata.nextLink'?: string;
}

/** Graph's next-page links are absolute; the client wants the path after its version, query included. */
function pathAfterVersion(link: string, version: string): string {
  const url = new URL(link);
  const prefix = url.pathname.indexOf(`/${version}/`);
  return `${prefix >= 0 ? url.pathname.slice(prefix + version.length + 1) : url.pathname}${url.search}`;
}

/** Graph takes a wall-clock time and a zone; UTC keeps our instants exact. */
function graphTime(instant: Date): { dateTime: string; timeZone: string } {
  return { dateTime: instant.toISOString().replace('Z', ''), timeZone: 'UTC' };
}

function eventBody(details: TeamsMeetingDetails) {
  return {
    subject: details.subject,
    body: { contentType: 'text', content: details.bodyText },
    start: graphTime(details.startsAt),
    end: graphTime(details.endsAt),
    attendees: details.attendees.map((attendee) => ({ emailAddress: { address: attendee.email, name: attendee.name }, type: 'required' })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: false,
  };
}

function toEvent(event: GraphEvent): TeamsMeetingEvent {
  return {
    eventId: event.id,
    joinUrl: event.onlineMeeting?.joinUrl ?? null,
    transactionId: event.transactionId ?? null,
    isCancelled: event.isCancelled ?? false,
  };
}

export function createGraphMeetingsGateway(options: GraphGatewayOptions): TeamsMeetingsGateway {
  const { send, getPath, version } = createGraphCaller(options);

  return {
    createOnlineMeetingEvent: (meeting: NewTeamsMeeting) =>
      send('createEvent', { user: meeting.organiserId }, { ...eventBody(meeting), transactionId: meeting.transactionId }).then((event) =>
        toEvent(event as GraphEvent),
      ),
    updateEvent: (organiserId, eventId, details) =>
      send('updateEvent', { user: organiserId, event: eventId }, eventBody(details)).then((event) => toEvent(event as GraphEvent)),
    cancelEvent: async (organiserId, eventId, comment) => {
      await send('cancelEvent', { user: organiserId, event: eventId }, { comment });
    },
    findEventByTransactionId: async (organiserId, transactionId, window) => {
      let page = (await send('calendarView', { user: organiserId }, undefined, (graphRequest) =>
        graphRequest
          .query({ startDateTime: window.from.toISOString(), endDateTime: window.to.toISOString() })
          .select(EVENT_FIELDS)
          .top(CALENDAR_PAGE_SIZE),
      )) as CalendarPage;
      for (;;) {
        const found = page.value.find((event) => event.transactionId === transactionId);
        if (found) return toEvent(found);
        const next = page['@odata.nextLink'];
        if (!next) return null;
        // The next page of the same calendarView call.
        page = (await getPath(pathAfterVersion(next, version))) as CalendarPage;
      }
    },
  };
}
