// Every chat command and card verb the bot answers. Each slice of the product adds its own here.
import type { BotCommand, CardActionHandler } from './turn';
import { helpCommand } from './help';
import { agendaCommand, nextAgendaItemAction, refreshAgendaAction } from './agenda';
import { CARD_VERBS } from '../cards/verbs';

export const BOT_COMMANDS: readonly BotCommand[] = [helpCommand, agendaCommand];

export const CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = {
  [CARD_VERBS.nextAgendaItem]: nextAgendaItemAction,
  [CARD_VERBS.refreshAgenda]: refreshAgendaAction,
};
