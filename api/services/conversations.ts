// The conversations the bot may write to: our own copy of each Teams conversation reference, saved
// when the bot sees one and read when a notice or card goes out. Stored as our JSON (not botbuilder's
// class) so that moving off botbuilder touches bot/ alone; this is the bot's only way to the table.
import type { Database } from '../store/database';
import type { ConversationKind, ConversationReference as ConversationRow } from '../store/generated/client';
import { memberWithEntraIdentity } from './members';

export type { ConversationKind };

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

export interface KnownConversation {
  conversation: StoredConversation;
  /** False once Teams refused to deliver there (blocked or uninstalled). */
  reachable: boolean;
}

/** What an activity says about whether the bot can still write to its conversation. */
export type Reachability = 'REMOVED' | 'CONFIRMED' | 'UNCHANGED';

/**
 * Saves or refreshes the conversation's reference, linked to the member who sent the activity when
 * they are one. A message or an install proves the conversation works again (someone who unblocked
 * the bot and wrote to it is reachable); an uninstall marks it unreachable, so the chair sees that
 * reminders are not getting through.
 */
export async function saveConversation(db: Database, stored: StoredConversation, reachability: Reachability, at: Date): Promise<void> {
  const member = stored.userAadObjectId
    ? await db.prisma.member.findFirst({ where: memberWithEntraIdentity(stored.tenantId, stored.userAadObjectId), select: { id: true } })
    : null;
  const state = reachability === 'REMOVED' ? { reachable: false, unreachableSince: at } : { reachable: true, unreachableSince: null };
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
    create: { ...columns, conversationId: stored.conversationId, memberId: member?.id ?? null, ...state, createdAt: at },
    // Keep a known member when this activity's sender is not one (e.g. a guest speaking in a group chat).
    update: { ...columns, ...(member ? { memberId: member.id } : {}), ...(reachability === 'UNCHANGED' ? {} : state) },
  });
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

/** The member's personal chat with the bot: a reachable one first, then the most recently seen. */
export async function personalConversationOf(db: Database, memberId: string): Promise<KnownConversation | null> {
  const row = await db.prisma.conversationReference.findFirst({
    where: { memberId, kind: 'PERSONAL' },
    orderBy: [{ reachable: 'desc' }, { lastSeenAt: 'desc' }],
  });
  return row ? { conversation: storedOf(row), reachable: row.reachable } : null;
}

export async function conversationById(db: Database, conversationId: string): Promise<KnownConversation | null> {
  const row = await db.prisma.conversationReference.findUnique({ where: { conversationId } });
  return row ? { conversation: storedOf(row), reachable: row.reachable } : null;
}

export type PersonalChatAddress =
  | { ok: true; tenantId: string; entraObjectId: string; teamsUserId: string | null; template: StoredConversation }
  | { ok: false; reason: string };

/**
 * What opening a personal chat with a member needs: the service URL and bot id of any conversation
 * already known in their tenant (with none, there is nowhere to ask), and the Teams id ("29:...")
 * seen for them in any conversation, the surest address; the Entra object id is the fallback. A
 * member with a guest identity is tried in their own tenant first, then where they are a guest.
 */
export async function personalChatAddress(db: Database, memberId: string): Promise<PersonalChatAddress> {
  const member = await db.prisma.member.findFirst({
    where: { id: memberId, isActive: true, leftTenantAt: null },
    select: {
      entraObjectId: true,
      tenantId: true,
      otherIdentities: { select: { tenantId: true, entraObjectId: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!member) return { ok: false, reason: 'No active member has this id.' };
  for (const identity of [member, ...member.otherIdentities]) {
    const inTenant = { tenantId: { equals: identity.tenantId, mode: 'insensitive' as const } };
    const template = await db.prisma.conversationReference.findFirst({ where: inTenant, orderBy: { lastSeenAt: 'desc' } });
    if (!template) continue;
    const seen = await db.prisma.conversationReference.findFirst({
      where: { ...inTenant, userAadObjectId: { equals: identity.entraObjectId, mode: 'insensitive' }, userId: { not: null } },
      select: { userId: true },
    });
    return {
      ok: true,
      tenantId: identity.tenantId,
      entraObjectId: identity.entraObjectId,
      teamsUserId: seen?.userId ?? null,
      template: storedOf(template),
    };
  }
  return { ok: false, reason: 'The app has not been installed anywhere in this person’s organisation yet.' };
}

function storedOf(row: ConversationRow): StoredConversation {
  const saved = (row.reference ?? {}) as Partial<StoredConversation>;
  return {
    channelId: saved.channelId ?? 'msteams',
    serviceUrl: row.serviceUrl,
    conversationId: row.conversationId,
    conversationType: saved.conversationType ?? null,
    tenantId: row.tenantId,
    kind: row.kind,
    botId: row.botId,
    userId: row.userId,
    userAadObjectId: row.userAadObjectId,
    meetingId: saved.meetingId ?? null,
  };
}
