// How a handler answers Teams with a card: as an attachment on a message, or as the answer to an
// Action.Execute invoke (which replaces the clicked card for the clicker). Kept apart from the bot
// class so the handlers it dispatches to do not import it back.
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/adaptive-card';

export function cardAttachment(card: AdaptiveCard) {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
}
