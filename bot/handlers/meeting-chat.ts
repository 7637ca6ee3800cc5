// When the bot arrives in a meeting chat (the app installed there by our sync job or by a person),
// Teams' own meeting details say which meeting it is: its join link, matched to a panel meeting's,
// links the chat. Nothing is posted here; failing to read the details only leaves the chat unlinked.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { linkMeetingChat } from '../../api/services/meeting-chat';
import type { BotDependencies } from './turn';

/** Teams marks a meeting's chat with the meeting's id in channelData. */
function meetingIdOf(context: TurnContext): string | null {
  const channelData = context.activity.channelData as { meeting?: { id?: unknown } } | undefined;
  return typeof channelData?.meeting?.id === 'string' && channelData.meeting.id ? channelData.meeting.id : null;
}

export async function linkChatToPanelMeeting(context: TurnContext, deps: BotDependencies): Promise<void> {
  const meetingId = meetingIdOf(context);
  if (!meetingId || context.activity.conversation?.conversationType === 'personal') return;
  try {
    const info = await TeamsInfo.getMeetingInfo(context, meetingId);
    const joinUrl = info.details?.joinUrl;
    if (!joinUrl) return;
    await linkMeetingChat(
      { db: deps.db, system: 'teams-meeting-chat', now: deps.clock, requestId: context.activity.id },
      { chatThreadId: context.activity.conversation.id, joinUrl, onlineMeetingId: info.details.msGraphResourceId || null },
    );
  } catch (error) {
    // The status only: the connector's message can quote the meeting's title.
    const status = (error as { statusCode?: unknown }).statusCode;
    deps.logger.warn(
      { activityId: context.activity.id, status: typeof status === 'number' ? status : null },
      'meeting details unavailable',
    );
  }
}
