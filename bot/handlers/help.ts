import { MessageFactory } from 'botbuilder';
import type { BotCommand } from './turn';

export const HELP_TEXT = [
  'I help your partnership run its ASB risk panels. Commands:',
  '- **my actions**: your open actions, with cards to accept, update and complete them (in our personal chat)',
  '- **overdue**: your overdue actions (in our personal chat)',
  '- **refer**: start a referral (in our personal chat)',
  '- **agenda**: the agenda of the next panel meeting in this chat',
  '- **help**: this message',
].join('\n');

export const helpCommand: BotCommand = {
  names: ['help'],
  reach: 'anywhere',
  async run(turn) {
    await turn.context.sendActivity(MessageFactory.text(HELP_TEXT));
  },
};
