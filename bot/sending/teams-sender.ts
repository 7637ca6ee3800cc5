// The one way the app writes to Teams on its own initiative: a small interface of ours, so jobs and
// services never see botbuilder, and a move to another Teams SDK replaces only the implementation.
import type { AdaptiveCard } from '../cards/adaptive-card';

export interface OutgoingMessage {
  /** Shown in the Teams notification and wherever the card cannot render. */
  text: string;
  card?: AdaptiveCard;
}

export type SendOutcome =
  | { kind: 'SENT'; conversationId: string; activityId: string }
  /** The member has no personal chat with the bot and Teams would not open one: the app is not installed for them. */
  | { kind: 'NO_CONVERSATION'; reason: string }
  /** Teams answered 403 MessageWritesBlocked (now or earlier): the conversation is marked unreachable. */
  | { kind: 'UNREACHABLE'; conversationId: string; reason: string }
  /** Anything else. `retryable` is true when trying again later may work (throttled, Teams unavailable). */
  | { kind: 'FAILED'; reason: string; retryable: boolean };

export interface TeamsSender {
  /** A message to the member in their personal chat with the bot, opening that chat if Teams allows. */
  notifyMember(memberId: string, message: OutgoingMessage): Promise<SendOutcome>;
  /** A message to a stored conversation: a meeting chat, group chat or channel. */
  postToConversation(conversationId: string, message: OutgoingMessage): Promise<SendOutcome>;
  /** Replaces a card already posted, so every copy of it shows the same state. */
  updateCard(conversationId: string, activityId: string, card: AdaptiveCard, text?: string): Promise<SendOutcome>;
}
