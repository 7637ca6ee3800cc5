// `my actions` and `overdue` in personal chat: one action card per open (or overdue) action the member
// owns, each in their own view with the buttons they may use. "Show my actions" on the weekly digest
// answers the same way.
import { MessageFactory, type AdaptiveCardInvokeResponse } from 'botbuilder';
import { listMyOpenActions } from '../../api/services/action-queries';
import { cardAttachment } from './replies';
import { actionCardFor } from '../cards/action-card-view';
import { CARD_VERBS } from '../cards/verbs';
import type { BotCommand, BotTurn, CardActionHandler } from './turn';

async function sendMyActions(turn: BotTurn, overdueOnly: boolean): Promise<void> {
  const service = turn.service!;
  const { total, actions } = await listMyOpenActions(service, { overdueOnly });
  if (total === 0) {
    await turn.context.sendActivity(MessageFactory.text(overdueOnly ? 'You have no overdue actions.' : 'You have no open actions.'));
    return;
  }
  const what = overdueOnly ? 'overdue action' : 'open action';
  const more = total > actions.length ? ` Here are the ${actions.length} due soonest; the tab lists them all.` : '';
  await turn.context.sendActivity(MessageFactory.text(`You have ${total} ${what}${total === 1 ? '' : 's'}.${more}`));
  const now = service.now();
  await turn.context.sendActivities(actions.map((record) => MessageFactory.attachment(cardAttachment(actionCardFor(record, service.actor, now)))));
}

export const myActionsCommand: BotCommand = {
  names: ['my actions', 'actions'],
  run: (turn) => sendMyActions(turn, false),
};

export const overdueCommand: BotCommand = {
  names: ['overdue'],
  run: (turn) => sendMyActions(turn, true),
};

/** The digest stays as it was; the cards follow it in the chat. */
const showMyActions: CardActionHandler = async (turn): Promise<AdaptiveCardInvokeResponse> => {
  await sendMyActions(turn, false);
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Your open actions are below.' as unknown as Record<string, unknown> };
};

export const MY_ACTIONS_CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = {
  [CARD_VERBS.myActions]: showMyActions,
};
