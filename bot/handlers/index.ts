// Every chat command and card verb the bot answers. Each slice of the product adds its own here.
import type { BotCommand, CardActionHandler } from './turn';
import { helpCommand } from './help';
import { referCommand, REFERRAL_CARD_ACTIONS } from './refer';
import { ACTION_CARD_ACTIONS } from './action-card-actions';
import { TRIAGE_CARD_ACTIONS } from './triage-card-actions';
import { ASSIGN_CARD_ACTIONS } from './assign-action';
import { MY_ACTIONS_CARD_ACTIONS, myActionsCommand, overdueCommand } from './my-actions';
import { agendaCommand, nextAgendaItemAction, refreshAgendaAction } from './agenda';
import { CARD_VERBS } from '../cards/verbs';
import { REFERRAL_VERBS } from '../cards/referral-card';

export const BOT_COMMANDS: readonly BotCommand[] = [helpCommand, myActionsCommand, overdueCommand, referCommand, agendaCommand];

export const CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = {
  ...REFERRAL_CARD_ACTIONS,
  ...ACTION_CARD_ACTIONS,
  ...TRIAGE_CARD_ACTIONS,
  ...ASSIGN_CARD_ACTIONS,
  ...MY_ACTIONS_CARD_ACTIONS,
  [CARD_VERBS.nextAgendaItem]: nextAgendaItemAction,
  [CARD_VERBS.refreshAgenda]: refreshAgendaAction,
};

/** Verbs that answer with the clicker's own cases or drafts: refused outside their personal chat. */
export const PERSONAL_CARD_VERBS: ReadonlySet<string> = new Set([CARD_VERBS.myActions, ...Object.values(REFERRAL_VERBS)]);
