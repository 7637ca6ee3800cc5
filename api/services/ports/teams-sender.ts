// The one way the use cases write to Teams on their own initiative: send a notice to a member, post
// to a meeting chat, update a posted card. The bot implements it (bot/sending/bot-connector-sender.ts)
// and draws the cards, so services and jobs never see botbuilder and a move to another Teams SDK
// replaces only the implementation.
import type { CardView } from './card-views';

export interface OutgoingMessage {
  /** Shown in the Teams notification and wherever the card cannot render. */
  text: string;
  card?: CardView;
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
  updateCard(conversationId: string, activityId: string, card: CardView, text?: string): Promise<SendOutcome>;
}
