// The Teams bot: turns activities into plain commands for api/services and answers with text or
// Adaptive Cards. Command handlers are added by the referral, panel and action slices.
import { MessageFactory, TeamsActivityHandler, type TurnContext } from 'botbuilder';

export const HELP_TEXT = [
  'I help your partnership run its ASB risk panels. Commands:',
  '- **my actions**: your open actions, with cards to accept, update and complete them',
  '- **overdue**: your overdue actions',
  '- **refer**: start a referral',
  '- **agenda**: the agenda of the next panel meeting in this chat',
  '- **help**: this message',
].join('\n');

export class AsbPanelsBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await this.answerCommand(context);
      await next();
    });
  }

  private async answerCommand(context: TurnContext): Promise<void> {
    // Mentions arrive as "<at>Bot</at> command" in group chats and channels.
    const command = (context.activity.text ?? '').replace(/<at>[^<]*<\/at>/g, '').trim().toLowerCase();
    if (command === '' || command === 'help') {
      await context.sendActivity(MessageFactory.text(HELP_TEXT));
      return;
    }
    await context.sendActivity(MessageFactory.text(`I don't know that command. ${HELP_TEXT}`));
  }
}
