// TeamsSender over botbuilder: CloudAdapter.continueConversationAsync with our stored references,
// each request paced per conversation and retried by the domain's rules (412, 502, 504, and 429
// after Retry-After plus jitter). 403 MessageWritesBlocked marks the conversation unreachable.
import { TurnContext, type Activity, type CloudAdapter } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy, type SendLimit } from '../../api/domain/reminders/sending';
import type { Clock } from '../../api/services/clock';
import type { CardView } from '../../api/services/ports/card-views';
import type { OutgoingMessage, SendOutcome, TeamsSender } from '../../api/services/ports/teams-sender';
import type { Database } from '../../api/store/database';
import type { BotLog } from '../adapter';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptive-card';
import { renderCard } from '../cards/render';
import {
  conversationById,
  markUnreachable,
  personalChatAddress,
  personalConversationOf,
  savePersonalConversation,
  type StoredConversation,
} from '../../api/services/conversations';
import { toBotReference } from '../conversations';
import { sendFailureOf, withoutLibraryRetries } from './connector-failures';
import { ConversationPacer } from './pacer';

export interface BotConnectorSenderOptions {
  adapter: CloudAdapter;
  /** The bot's MicrosoftAppId; '' when running without credentials (Agents Playground, tests). */
  botAppId: string;
  db: Database;
  clock: Clock;
  log: BotLog;
  /** Returns [0, 1); the jitter on retries. */
  random?: () => number;
  retryPolicy?: RetryPolicy;
  limits?: readonly SendLimit[];
  /** Shared by the senders of one process (interactive and reminders), so one chat is paced once. */
  pacer?: ConversationPacer;
}

type ConnectorCall = (connector: ConnectorClient) => Promise<{ id?: string }>;

export class BotConnectorSender implements TeamsSender {
  private readonly pacer: ConversationPacer;
  private readonly random: () => number;
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly options: BotConnectorSenderOptions) {
    this.pacer = options.pacer ?? new ConversationPacer(options.clock, options.limits);
    this.random = options.random ?? Math.random;
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  async notifyMember(memberId: string, message: OutgoingMessage): Promise<SendOutcome> {
    const known = await personalConversationOf(this.options.db, memberId);
    if (known && !known.reachable)
      return {
        kind: 'UNREACHABLE',
        conversationId: known.conversation.conversationId,
        reason: 'This person has blocked or removed the app in Teams.',
      };
    const opened = known ? { ok: true as const, conversation: known.conversation } : await this.openPersonalConversation(memberId);
    if (!opened.ok) return { kind: 'NO_CONVERSATION', reason: opened.reason };
    return this.send(opened.conversation, (connector) =>
      connector.conversations.sendToConversation(opened.conversation.conversationId, activityFor(opened.conversation, message)),
    );
  }

  async postToConversation(conversationId: string, message: OutgoingMessage): Promise<SendOutcome> {
    const conversation = await this.storedConversation(conversationId);
    if (!conversation.ok) return conversation.outcome;
    return this.send(conversation.value, (connector) =>
      connector.conversations.sendToConversation(conversationId, activityFor(conversation.value, message)),
    );
  }

  async updateCard(conversationId: string, activityId: string, card: CardView, text?: string): Promise<SendOutcome> {
    const conversation = await this.storedConversation(conversationId);
    if (!conversation.ok) return conversation.outcome;
    const activity = { ...activityFor(conversation.value, { text: text ?? renderCard(card).fallbackText ?? '', card }), id: activityId };
    const outcome = await this.send(conversation.value, (connector) =>
      connector.conversations.updateActivity(conversationId, activityId, activity),
    );
    // Teams answers an update with the activity's own id, or with none at all.
    return outcome.kind === 'SENT' ? { ...outcome, activityId } : outcome;
  }

  private async storedConversation(
    conversationId: string,
  ): Promise<{ ok: true; value: StoredConversation } | { ok: false; outcome: SendOutcome }> {
    const known = await conversationById(this.options.db, conversationId);
    if (!known) return { ok: false, outcome: { kind: 'NO_CONVERSATION', reason: 'The app has not been added to this conversation.' } };
    if (!known.reachable)
      return {
        ok: false,
        outcome: { kind: 'UNREACHABLE', conversationId, reason: 'Teams no longer lets the app write to this conversation.' },
      };
    return { ok: true, value: known.conversation };
  }

  /** One request, paced and retried; the outcome says what finally happened. */
  private async send(conversation: StoredConversation, call: ConnectorCall): Promise<SendOutcome> {
    const { conversationId } = conversation;
    for (let attempt = 1; ; attempt += 1) {
      let result: { id?: string } | undefined;
      try {
        result = await this.pacer.pace(conversationId, () => this.withConnector(conversation, call));
      } catch (error) {
        const failure = sendFailureOf(error);
        if (!failure) {
          this.options.log('bot.send.failed', { conversationId, attempt, errorType: error instanceof Error ? error.name : typeof error });
          return { kind: 'FAILED', reason: 'Teams could not be reached.', retryable: true };
        }
        const decision = decideRetry(failure, attempt, this.random, this.retryPolicy);
        this.options.log('bot.send.refused', {
          conversationId,
          attempt,
          status: failure.status,
          errorCode: failure.errorCode,
          decision: decision.kind,
        });
        if (decision.kind === 'RETRY') {
          await this.options.clock.sleep(decision.delayMs);
          continue;
        }
        if (decision.kind === 'UNREACHABLE') {
          await markUnreachable(this.options.db, conversationId, this.options.clock.now());
          return { kind: 'UNREACHABLE', conversationId, reason: decision.reason };
        }
        return { kind: 'FAILED', reason: decision.reason, retryable: [412, 429, 502, 504].includes(failure.status) };
      }
      return { kind: 'SENT', conversationId, activityId: result?.id ?? '' };
    }
  }

  /**
   * Runs `call` with the connector botbuilder builds for the conversation's service URL, with this
   * bot's credentials, inside a proactive turn.
   */
  private async withConnector<T>(conversation: StoredConversation, call: (connector: ConnectorClient) => Promise<T>): Promise<T> {
    const { adapter, botAppId } = this.options;
    // The error is carried out of the turn by hand: the adapter's onTurnError would otherwise swallow
    // it, and a refusal here is an answer to act on, not a failed turn.
    let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversationAsync(botAppId, toBotReference(conversation), async (context) => {
      try {
        const connector = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
        result = { ok: true, value: await call(withoutLibraryRetries(connector)) };
      } catch (error) {
        result = { ok: false, error };
      }
    });
    if (!result) throw new Error('The proactive turn ended without running.');
    if (!result.ok) throw result.error;
    return result.value;
  }

  /**
   * Opens a personal chat with a member who has never written to the bot, which Teams allows once
   * the app is installed for them (by policy or by Graph). The service URL and bot id come from any
   * conversation already known in their tenant; with none, there is nowhere to ask.
   */
  private async openPersonalConversation(
    memberId: string,
  ): Promise<{ ok: true; conversation: StoredConversation } | { ok: false; reason: string }> {
    const { db, clock } = this.options;
    const member = await personalChatAddress(db, memberId);
    if (!member.ok) return member;
    const base = member.template;
    const user = { id: member.teamsUserId ?? member.entraObjectId, name: '', aadObjectId: member.entraObjectId };
    try {
      const created = await this.withConnector(base, (connector) =>
        connector.conversations.createConversation({
          isGroup: false,
          bot: { id: base.botId, name: '' },
          members: [user],
          tenantId: member.tenantId,
          channelData: { tenant: { id: member.tenantId } },
          activity: undefined as unknown as Activity,
          topicName: '',
        }),
      );
      const conversation: StoredConversation = {
        ...base,
        conversationId: created.id,
        conversationType: 'personal',
        kind: 'PERSONAL',
        tenantId: member.tenantId,
        userId: member.teamsUserId,
        userAadObjectId: member.entraObjectId,
        meetingId: null,
      };
      await savePersonalConversation(db, memberId, conversation, clock.now());
      return { ok: true, conversation };
    } catch (error) {
      const failure = sendFailureOf(error);
      this.options.log('bot.conversation.create_failed', { status: failure?.status, errorCode: failure?.errorCode });
      return { ok: false, reason: 'The app is not installed for this person in Teams.' };
    }
  }
}

function activityFor(conversation: StoredConversation, message: OutgoingMessage): Partial<Activity> {
  const activity: Partial<Activity> = {
    type: 'message',
    text: message.text,
    ...(message.card ? { attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(message.card) }] } : {}),
  };
  // Addressed as the stored conversation, never as a reply: a proactive message starts its own thread.
  const addressed = TurnContext.applyConversationReference(activity, toBotReference(conversation), false);
  delete addressed.replyToId;
  return addressed;
}
