// Where the bot can write: our own copy of each Teams conversation reference, captured on install
// and on every activity, so reminders and cards can be sent proactively later. Stored as our JSON
// (not botbuilder's class) so that moving off botbuilder touches bot/ alone.
import type { Activity, ConversationReference as BotConversationReference, Middleware, TurnContext } from 'botbuilder';
import type { Database } from '../api/store/database';
import type { ConversationKind } from '../api/store/generated/client';
import type { Clock } from '../api/services/clock';
import type { BotLog } from './adapter';
import { tenantOf } from './identity';

/** What is kept in ConversationReference.reference: enough to send again, nothing about people but ids. */
export interface StoredConversation {
  channelId: string;
  serviceUrl: string;
  conversationId: string;
  conversationType: string | null;
  tenantId: string;
  kind: ConversationKind;
  botId: string;
  /** The user's Teams id ("29:...") and Entra object id, for personal chats only. */
  userId: string | null;
  userAadObjectId: string | null;
  meetingId: string | null;
}

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

/**
 * Saves or refreshes the conversation's reference. An activity from a person proves the conversation
 * works again (someone who unblocked the bot and wrote to it is reachable); an uninstall marks it
 * unreachable, so the chair sees that reminders are not getting through.
 */
export async function captureConversation(db: Database, activity: Incoming, at: Date): Promise<StoredConversation | null> {
  const stored = conversationOf(activity);
  if (!stored) return null;
  const member = stored.userAadObjectId
    ? await db.prisma.member.findFirst({
        where: {
          tenantId: { equals: stored.tenantId, mode: 'insensitive' },
          entraObjectId: { equals: stored.userAadObjectId, mode: 'insensitive' },
        },
        select: { id: true },
      })
    : null;
  const removed = removesBot(activity);
  const reachability = removed ? { reachable: false, unreachableSince: at } : { reachable: true, unreachableSince: null };
  const columns = {
    kind: stored.kind,
    serviceUrl: stored.serviceUrl,
    tenantId: stored.tenantId,
    botId: stored.botId,
    userId: stored.userId,
    userAadObjectId: stored.userAadObjectId,
    reference: stored as unknown as object,
    lastSeenAt: at,
  };
  await db.prisma.conversationReference.upsert({
    where: { conversationId: stored.conversationId },
    create: { ...columns, conversationId: stored.conversationId, memberId: member?.id ?? null, ...reachability, createdAt: at },
    // Keep a known member when this activity's sender is not one (e.g. a guest speaking in a group chat).
    update: {
      ...columns,
      ...(member ? { memberId: member.id } : {}),
      ...(removed || activity.type === 'message' || activity.type === 'installationUpdate' ? reachability : {}),
    },
  });
  return stored;
}

/** Saves a personal conversation the bot created itself (POST /v3/conversations). */
export async function savePersonalConversation(db: Database, memberId: string, stored: StoredConversation, at: Date): Promise<void> {
  const columns = {
    memberId,
    kind: stored.kind,
    serviceUrl: stored.serviceUrl,
    tenantId: stored.tenantId,
    botId: stored.botId,
    userId: stored.userId,
    userAadObjectId: stored.userAadObjectId,
    reference: stored as unknown as object,
    reachable: true,
    unreachableSince: null,
    lastSeenAt: at,
  };
  await db.prisma.conversationReference.upsert({
    where: { conversationId: stored.conversationId },
    create: { ...columns, conversationId: stored.conversationId, createdAt: at },
    update: columns,
  });
}

export async function markUnreachable(db: Database, conversationId: string, at: Date): Promise<void> {
  await db.prisma.conversationReference.updateMany({
    where: { conversationId, reachable: true },
    data: { reachable: false, unreachableSince: at },
  });
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
