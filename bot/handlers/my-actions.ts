// `my actions` and `overdue` in personal chat: one action card per open (or overdue) action the member
// owns, each in their own view with the buttons they may use. "Show my actions" on the weekly digest
// answers the same way.
import { MessageFactory, type AdaptiveCardInvokeResponse } from 'botbuilder';
import { OPEN_ACTION_STATUSES } from '../../api/domain/actions/lifecycle';
import { listMyActions } from '../../api/services/action-list';
import { readActionForCard } from '../../api/services/actions';
import { actionCardFor } from '../cards/action-card-view';
import { CARD_VERBS } from '../cards/verbs';
import { cardAttachment } from './replies';
import type { BotCommand, BotTurn, CardActionHandler } from './turn';

/** A chat is no place for a long list: at most this many cards, the tab lists the rest. */
const CARDS_AT_MOST = 10;

async function sendMyActions(turn: BotTurn, overdueOnly: boolean): Promise<void> {
  const service = turn.service!;
  // The tab's "my actions" list, narrowed to what the owner can still act on: the same query for both.
  const list = await listMyActions(service, { statuses: OPEN_ACTION_STATUSES, sort: 'due', ...(overdueOnly ? { overdue: true } : {}) });
  const total = list.actions.length;
  if (total === 0) {
    await turn.context.sendActivity(MessageFactory.text(overdueOnly ? 'You have no overdue actions.' : 'You have no open actions.'));
    return;
  }
  const shown = list.actions.slice(0, CARDS_AT_MOST);
  const what = overdueOnly ? 'overdue action' : 'open action';
  const more = total > shown.length ? ` Here are the ${shown.length} due soonest; the tab lists them all.` : '';
  await turn.context.sendActivity(
    MessageFactory.text(`You have ${list.truncated ? 'more than ' : ''}${total} ${what}${total === 1 ? '' : 's'}.${more}`),
  );
  const now = service.now();
  const cards = [];
  for (const action of shown) cards.push(actionCardFor(await readActionForCard(service, action.id), service.actor, now));
  await turn.context.sendActivities(cards.map((card) => MessageFactory.attachment(cardAttachment(card))));
}

export const myActionsCommand: BotCommand = {
  names: ['my actions', 'actions'],
  reach: 'personal',
  run: (turn) => sendMyActions(turn, false),
};

export const overdueCommand: BotCommand = {
  names: ['overdue'],
  reach: 'personal',
  run: (turn) => sendMyActions(turn, true),
};

/** The digest stays as it was; the cards follow it in the chat. */
const showMyActions: CardActionHandler = async (turn): Promise<AdaptiveCardInvokeResponse> => {
  await sendMyActions(turn, false);
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: 'Your open actions are below.' as unknown as Record<string, unknown>,
  };
};

export const MY_ACTIONS_CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = {
  [CARD_VERBS.myActions]: showMyActions,
};
