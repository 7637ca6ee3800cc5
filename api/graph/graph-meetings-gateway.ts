// The Teams meetings port over Microsoft Graph calendar events (`isOnlineMeeting`) and the meeting
// chat behind them, through the shared Graph caller: failures come back as GraphCallError kinds the
// sync job can act on.
import type { MeetingChatGateway, OnlineMeetingChat } from '../services/ports/meeting-chat';
import { catalogAppReference, createGraphCaller, withGraphErrors, type GraphCallerOptions } from './graph-caller';
import {
  GraphCallError,
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

/** The fields of a Graph onlineMeeting this app reads. */
interface GraphOnlineMeeting {
  id: string;
  joinWebUrl?: string | null;
  chatInfo?: { threadId?: string | null } | null;
}

/** A chat's tab with its app expanded ($expand=teamsApp). */
interface GraphChatTab {
  id: string;
  teamsApp?: { id?: string | null } | null;
}
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

/** OData string literals double their single quotes. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function createGraphMeetingsGateway(options: GraphGatewayOptions): TeamsMeetingsGateway & MeetingChatGateway {
  const { send, getPath, version } = createGraphCaller(options);
  // send already answers with GraphCallError kinds; withGraphErrors covers what is done with its answers too.

  return {
    createOnlineMeetingEvent: (meeting: NewTeamsMeeting) =>
      withGraphErrors(async () =>
        toEvent(
          (await send(
            'createEvent',
            { user: meeting.organiserId },
            { ...eventBody(meeting), transactionId: meeting.transactionId },
          )) as GraphEvent,
        ),
      ),
    updateEvent: (organiserId, eventId, details) =>
      withGraphErrors(async () =>
        toEvent((await send('updateEvent', { user: organiserId, event: eventId }, eventBody(details))) as GraphEvent),
      ),
    cancelEvent: (organiserId, eventId, comment) =>
      withGraphErrors(async () => {
        await send('cancelEvent', { user: organiserId, event: eventId }, { comment });
      }),
    findEventByTransactionId: (organiserId, transactionId, window) =>
      withGraphErrors(async () => {
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
      }),
    readJoinUrl: (organiserId, eventId) =>
      withGraphErrors(async () => {
        const event = (await send('getEvent', { user: organiserId, event: eventId }, undefined, (graphRequest) =>
          graphRequest.select(EVENT_FIELDS),
        )) as GraphEvent;
        return event.onlineMeeting?.joinUrl || null;
      }),
    findOnlineMeeting: (organiserId, joinUrl) =>
      withGraphErrors(async (): Promise<OnlineMeetingChat | null> => {
        // Graph's documented lookup of a meeting made from a calendar event: by its join link.
        const page = (await send('onlineMeetingByJoinUrl', { user: organiserId }, undefined, (graphRequest) =>
          // The client puts query values in the URL as they are: the link's own `%3a`, `?` and `&` must survive it.
          graphRequest.filter(encodeURIComponent(`JoinWebUrl eq ${odataString(joinUrl)}`)),
        )) as { value?: GraphOnlineMeeting[] };
        const meeting = page.value?.[0];
        if (!meeting) return null;
        return { onlineMeetingId: meeting.id, threadId: meeting.chatInfo?.threadId || null };
      }),
    installAppInChat: (chatId, catalogAppId) =>
      withGraphErrors(async () => {
        try {
          await send('installAppInChat', { chat: chatId }, { 'teamsApp@odata.bind': catalogAppReference(options.baseUrl, catalogAppId) });
          return { alreadyInstalled: false };
        } catch (error) {
          // Installed already (by a person, or by an earlier try whose answer was lost): what we wanted.
          if (error instanceof GraphCallError && error.status === 409) return { alreadyInstalled: true };
          throw error;
        }
      }),
    findAppTab: (chatId, catalogAppId) =>
      withGraphErrors(async () => {
        const page = (await send('listChatTabs', { chat: chatId }, undefined, (graphRequest) => graphRequest.expand('teamsApp'))) as {
          value?: GraphChatTab[];
        };
        return page.value?.find((tab) => tab.teamsApp?.id === catalogAppId)?.id ?? null;
      }),
    addTab: (chatId, catalogAppId, tab) =>
      withGraphErrors(async () => {
        const added = (await send(
          'addChatTab',
          { chat: chatId },
          {
            displayName: tab.displayName,
            'teamsApp@odata.bind': catalogAppReference(options.baseUrl, catalogAppId),
            configuration: { entityId: tab.entityId, contentUrl: tab.contentUrl, websiteUrl: tab.contentUrl, removeUrl: null },
          },
        )) as { id: string };
        return added.id;
      }),
  };
}
