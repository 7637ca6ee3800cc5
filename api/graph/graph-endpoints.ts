// Every Microsoft Graph call the app makes, in one table. docs/deploy.md lists each with the
// permission it needs, and tests/unit/deploy-guide.test.ts fails when a call here is missing there
// or when code outside this table builds a Graph path of its own.

export const GRAPH_ENDPOINTS = {
  /** A panel meeting as an online calendar event in the organiser's (the panel mailbox's) calendar. */
  createEvent: 'POST /users/{user}/events',
  /** The meeting moved or its invitation list changed. */
  updateEvent: 'PATCH /users/{user}/events/{event}',
  /** The chair cancelled: attendees get Outlook's cancellation. */
  cancelEvent: 'POST /users/{user}/events/{event}/cancel',
  /** Looking for an event an earlier create left behind (its answer lost), by the meeting's time window. */
  calendarView: 'GET /users/{user}/calendarView',
  /** The event's join link, read again when Graph left it empty at creation. */
  getEvent: 'GET /users/{user}/events/{event}',
  /** The online meeting behind the event's join link ($filter=JoinWebUrl eq …): its chatInfo.threadId is the meeting chat. */
  onlineMeetingByJoinUrl: 'GET /users/{user}/onlineMeetings',
  /** Puts the app in the meeting chat, so the bot can post there and the tab can be pinned. */
  installAppInChat: 'POST /chats/{chat}/installedApps',
  /** Looks for the app's tab already pinned in the meeting chat before pinning another. */
  listChatTabs: 'GET /chats/{chat}/tabs',
  /** Pins the side panel tab in the meeting chat. */
  addChatTab: 'POST /chats/{chat}/tabs',
  /** Installs the app in a member's personal scope, so the bot can open a chat with someone who never opened it. */
  installAppForUser: 'POST /users/{user}/teamwork/installedApps',
  /** The admin finds people to add as members ($filter=startswith on name, mail and sign-in address). */
  listUsers: 'GET /users',
  /** The one person the admin chose, read again by object id so a new member's name and tenant come from the directory. */
  getUser: 'GET /users/{user}',
  /** An e-mail notice from the partnership's notice mailbox to someone Teams cannot reach. */
  sendMail: 'POST /users/{mailbox}/sendMail',
} as const;

export type GraphEndpoint = keyof typeof GRAPH_ENDPOINTS;
export type GraphMethod = 'GET' | 'POST' | 'PATCH';

/** The method and the path with each `{name}` filled in, percent-encoded. */
export function graphCall(endpoint: GraphEndpoint, params: Readonly<Record<string, string>>): { method: GraphMethod; path: string } {
  const [method, template] = GRAPH_ENDPOINTS[endpoint].split(' ') as [GraphMethod, string];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Graph path ${template} needs ${name}`);
    return encodeURIComponent(value);
  });
  return { method, path };
}
