// Where the bot can write: the reference of each Teams conversation, captured on install and on
// every activity (api/services/conversations.ts stores it), so reminders and cards can be sent
// proactively later.
import type { Activity, ConversationReference as BotConversationReference, Middleware, TurnContext } from 'botbuilder';
import type { Database } from '../api/store/database';
import { saveConversation, type ConversationKind, type StoredConversation } from '../api/services/conversations';
import type { Clock } from '../api/services/clock';
import type { BotLog } from './adapter';
import { tenantOf } from './identity';

type Incoming = Partial<
  Pick<
    Activity,
    | 'type'
    | 'action'
    | 'channelId'
    | 'serviceUrl'
    | 'conversation'
    | 'from'
    | 'recipient'
    | 'channelData'
    | 'membersAdded'
    | 'membersRemoved'
  >
>;

export function kindOf(activity: Incoming): ConversationKind {
  const meeting = (activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting;
  if (meeting?.id) return 'MEETING';
  switch (activity.conversation?.conversationType) {
    case 'personal':
      return 'PERSONAL';
    case 'channel':
      return 'CHANNEL';
    default:
      return 'GROUP_CHAT';
  }
}

/** Our reference for the conversation an activity came from; null when it lacks what a send needs. */
export function conversationOf(activity: Incoming): StoredConversation | null {
  const tenantId = tenantOf(activity as Partial<Activity>);
  const conversationId = activity.conversation?.id;
  if (!tenantId || !conversationId || !activity.serviceUrl || !activity.recipient?.id) return null;
  const kind = kindOf(activity);
  const personal = kind === 'PERSONAL';
  return {
    channelId: activity.channelId ?? 'msteams',
    serviceUrl: activity.serviceUrl,
    conversationId,
    conversationType: activity.conversation?.conversationType ?? null,
    tenantId,
    kind,
    botId: activity.recipient.id,
    userId: personal ? (activity.from?.id ?? null) : null,
    userAadObjectId: personal ? (activity.from?.aadObjectId ?? null) : null,
    meetingId: (activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id ?? null,
  };
}

/** The botbuilder shape of a stored reference, for CloudAdapter.continueConversationAsync. */
export function toBotReference(stored: StoredConversation): BotConversationReference {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    bot: { id: stored.botId, name: '' },
    user: stored.userId ? { id: stored.userId, name: '', aadObjectId: stored.userAadObjectId ?? undefined } : undefined,
    conversation: {
      id: stored.conversationId,
      conversationType: stored.conversationType ?? '',
      tenantId: stored.tenantId,
      isGroup: stored.kind !== 'PERSONAL',
      name: '',
    },
  };
}

/** True when the activity says the bot was removed from the conversation (uninstalled). */
function removesBot(activity: Incoming): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'remove' || activity.action === 'remove-upgrade';
  return activity.type === 'conversationUpdate' && (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient?.id);
}

/** Saves the reference of the conversation an activity came from, and what it says about reaching it there. */
export async function captureConversation(db: Database, activity: Incoming, at: Date): Promise<StoredConversation | null> {
  const stored = conversationOf(activity);
  if (!stored) return null;
  const reachability = removesBot(activity)
    ? 'REMOVED'
    : activity.type === 'message' || activity.type === 'installationUpdate'
      ? 'CONFIRMED'
      : 'UNCHANGED';
  await saveConversation(db, stored, reachability, at);
  return stored;
}

const CAPTURED = new Set(['message', 'conversationUpdate', 'installationUpdate', 'invoke', 'messageReaction']);

/** Middleware that captures the reference before the bot's handlers run; a failure is logged, never fatal. */
export function captureConversationsMiddleware(db: Database, clock: Pick<Clock, 'now'>, log: BotLog): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (CAPTURED.has(context.activity.type)) {
        try {
          await captureConversation(db, context.activity, clock.now());
        } catch (error) {
          log('bot.conversation.capture_failed', {
            conversationId: context.activity.conversation?.id,
            activityType: context.activity.type,
            errorType: error instanceof Error ? error.name : typeof error,
          });
        }
      }
      await next();
    },
  };
}
