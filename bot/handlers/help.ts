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

/** Said once in personal chat when someone installs the app. */
export const WELCOME_PERSONAL = [
  'Welcome to ASB Panels. Your partnership refers high-risk victims, persistent perpetrators and problem places to its panels here, and the actions agreed at a panel come to you in this chat, with reminders before and after they are due.',
  HELP_TEXT,
].join('\n\n');

/** Said when the app is added to a group, meeting or channel chat: nothing personal belongs there. */
export const WELCOME_SHARED = [
  'ASB Panels is here to help run your panel meetings. Mention me with **agenda** for the agenda of the meeting this chat belongs to, or **help**.',
  "Everyone's own actions, referrals and reminders stay in their personal chat with me, never here.",
].join('\n\n');
