// What the use cases need from Teams to know a panel meeting's chat and to put the app in it: the
// join link Graph holds for the calendar event, the online meeting behind that link (whose chat is
// the meeting chat), and installing the app and its side panel tab there. Graph implements it
// (api/graph/graph-meetings-gateway.ts); failures are GraphCallError kinds.

export interface OnlineMeetingChat {
  /** Graph's onlineMeeting id. */
  onlineMeetingId: string;
  /** chatInfo.threadId, '19:meeting_…@thread.v2'; Graph can leave it out for a moment after creation. */
  threadId: string | null;
}

/** The side panel tab as it is pinned: where Teams loads it from, and the id the tab page knows it by. */
export interface MeetingTabSettings {
  displayName: string;
  entityId: string;
  contentUrl: string;
}

export interface MeetingChatGateway {
  /** The event's join link as Graph holds it now; null while Teams has not yet made the meeting. */
  readJoinUrl(organiserId: string, eventId: string): Promise<string | null>;
  /** The organiser's online meeting with this join link, if Graph knows it yet. */
  findOnlineMeeting(organiserId: string, joinUrl: string): Promise<OnlineMeetingChat | null>;
  /** Installs the app in the chat; true when it was already there (Graph's 409). */
  installAppInChat(chatId: string, catalogAppId: string): Promise<{ alreadyInstalled: boolean }>;
  /** The id of a tab of this app already pinned in the chat, if any (a pin whose answer was lost). */
  findAppTab(chatId: string, catalogAppId: string): Promise<string | null>;
  /** Pins the app's tab in the chat (in a meeting chat Teams also shows it in the side panel); its id. */
  addTab(chatId: string, catalogAppId: string, tab: MeetingTabSettings): Promise<string>;
}
