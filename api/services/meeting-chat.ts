// The panel meeting's Teams chat: known from Graph once the calendar event exists (the online
// meeting behind its join link names the chat), or from the meeting details Teams gives the bot
// when it is added to a chat, matched on the join link. Then the app is put in that chat with its
// side panel tab, so the agenda can be posted there and members find the panel in the meeting.
import { joinUrlKey } from '../graph/teams-ids';
import { GraphCallError } from '../graph/teams-meetings-gateway';
import { audit } from './audit';
import { inTransaction, type SystemContext } from './context';
import type { MeetingChatGateway, MeetingTabSettings } from './ports/meeting-chat';
import type { Database } from '../store/database';

/** The app as the tenant's catalogue knows it, and the tab it pins; without it the app is not installed by itself. */
export interface MeetingChatApp {
  catalogAppId: string;
  tab: MeetingTabSettings;
}

export interface MeetingChatSetup {
  db: Database;
  gateway: MeetingChatGateway;
  app: MeetingChatApp | null;
  now: () => Date;
}

/** The tab as the configuration page (tab/src/pages/configure) would save it in a meeting. */
export function meetingSidePanelTab(publicBaseUrl: string): MeetingTabSettings {
  return { displayName: 'ASB Panels', entityId: 'asb-panels-meeting', contentUrl: `${publicBaseUrl.replace(/\/+$/, '')}/tab/#/meeting` };
}

/** Said to the chair (the meeting page shows it after "Teams said:"), with what to do about it. */
export const CHAT_SETUP_MESSAGES = {
  noJoinLink: 'Teams has not given the meeting a join link yet.',
  noChat: 'Teams has not made the meeting chat yet.',
  chatNotFound: 'Teams could not find the meeting chat, or the app is not in your organisation’s app catalogue.',
  meetingRefused:
    'The app may not read the organiser’s online meetings. Ask your Teams administrator to grant the panel mailbox the app’s online meetings access policy, as the deployment guide describes, then choose Try Teams again.',
  installRefused:
    'Your Teams administrator has not given ASB Panels consent to add itself to meeting chats. Ask them to grant admin consent for the permissions in the deployment guide, then choose Try Teams again.',
  tabRefused:
    'Your Teams administrator has not given ASB Panels consent to add its tab to meeting chats. Ask them to grant admin consent for the permissions in the deployment guide, then choose Try Teams again.',
} as const;

/** Graph's answer to a chat step, in words for the chair; its status and code are kept for the support desk. */
function forChair(error: unknown, refused: string): never {
  if (!(error instanceof GraphCallError)) throw error;
  if (error.status === 403) throw new GraphCallError('REFUSED', `${refused} (${error.summary}.)`, error.status);
  // A chat Teams made a moment ago can be unknown for a while yet; the job backs off and asks again.
  if (error.kind === 'NOT_FOUND')
    throw new GraphCallError('NOT_READY', `${CHAT_SETUP_MESSAGES.chatNotFound} (${error.summary}.)`, error.status);
  throw error;
}

/**
 * Takes the meeting's chat as far as it can go: the join link (read again when Graph left it empty at
 * creation), the chat from the online meeting, the app installed there, the side panel tab pinned.
 * Each fact is saved as soon as it is known, so a later pass starts where this one stopped. Throws a
 * GraphCallError when a step cannot be done now (NOT_READY and THROTTLED are worth retrying).
 */
export async function setUpMeetingChat(setup: MeetingChatSetup, meetingId: string): Promise<void> {
  const { db, gateway, app } = setup;
  const meeting = await db.prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { graphEventId: true, graphOrganizerId: true, joinUrl: true, chatThreadId: true, chatAppInstalledAt: true, chatTabId: true },
  });
  const save = (data: Parameters<typeof db.prisma.meeting.update>[0]['data']) =>
    db.prisma.meeting.update({ where: { id: meetingId }, data });
  if (!meeting.graphEventId || !meeting.graphOrganizerId) return;

  let joinUrl = meeting.joinUrl;
  if (!joinUrl) {
    joinUrl = await gateway.readJoinUrl(meeting.graphOrganizerId, meeting.graphEventId);
    if (!joinUrl) throw new GraphCallError('NOT_READY', CHAT_SETUP_MESSAGES.noJoinLink);
    await save({ joinUrl, joinUrlKey: joinUrlKey(joinUrl) });
  }
  let chatId = meeting.chatThreadId;
  if (!chatId) {
    const online = await gateway
      .findOnlineMeeting(meeting.graphOrganizerId, joinUrl)
      .catch((error: unknown) => forChair(error, CHAT_SETUP_MESSAGES.meetingRefused));
    if (!online?.threadId) throw new GraphCallError('NOT_READY', CHAT_SETUP_MESSAGES.noChat);
    chatId = online.threadId;
    await save({ chatThreadId: chatId, onlineMeetingId: online.onlineMeetingId });
  }
  if (!app) return;
  if (!meeting.chatAppInstalledAt) {
    await gateway.installAppInChat(chatId, app.catalogAppId).catch((error: unknown) => forChair(error, CHAT_SETUP_MESSAGES.installRefused));
    await save({ chatAppInstalledAt: setup.now() });
  }
  if (!meeting.chatTabId) {
    const tabId = await gateway
      .findAppTab(chatId, app.catalogAppId)
      .then((found) => found ?? gateway.addTab(chatId, app.catalogAppId, app.tab))
      .catch((error: unknown) => forChair(error, CHAT_SETUP_MESSAGES.tabRefused));
    await save({ chatTabId: tabId });
  }
}

/** What Teams tells the bot about the meeting whose chat it was added to. */
export interface MeetingChatSighting {
  chatThreadId: string;
  joinUrl: string;
  /** Graph's onlineMeeting id (msGraphResourceId), when Teams gave it. */
  onlineMeetingId: string | null;
}

/**
 * Links the chat the bot was added to with the panel meeting whose join link it is. Null when the
 * link is no panel meeting's (the bot was added to some other meeting).
 */
export async function linkMeetingChat(
  ctx: SystemContext,
  sighting: MeetingChatSighting,
): Promise<{ meetingId: string; changed: boolean } | null> {
  const key = joinUrlKey(sighting.joinUrl);
  if (!key) return null;
  return inTransaction(ctx, async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { joinUrlKey: key, status: { not: 'CANCELLED' } },
      orderBy: { startsAt: 'desc' },
      select: { id: true, chatThreadId: true, onlineMeetingId: true },
    });
    if (!meeting) return null;
    if (meeting.chatThreadId === sighting.chatThreadId) return { meetingId: meeting.id, changed: false };
    await tx.meeting.update({
      where: { id: meeting.id },
      data: { chatThreadId: sighting.chatThreadId, onlineMeetingId: sighting.onlineMeetingId ?? meeting.onlineMeetingId },
    });
    await audit(tx, ctx, {
      event: 'meeting.teams.chat',
      entityType: 'Meeting',
      entityId: meeting.id,
      before: { chatThreadId: meeting.chatThreadId },
      after: { chatThreadId: sighting.chatThreadId, system: ctx.system },
    });
    return { meetingId: meeting.id, changed: true };
  });
}
