// The Teams bot: turns messages into commands and Action.Execute clicks into card actions, each
// handled by one small handler (bot/handlers) that calls api/services. No click ever ends in
// Teams' generic failure: refusals and errors come back as cards.
import {
  MessageFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { SystemContext } from '../api/services/context';
import { ServiceError } from '../api/services/errors';
import { recordTeamsMeetingEvent } from '../api/services/meeting-room';
import type { AdaptiveCard } from './cards/adaptive-card';
import { buildErrorCard, buildRefusalCard } from './cards/notice-cards';
import { actorForActivity } from './identity';
import { BOT_COMMANDS, CARD_ACTIONS, PERSONAL_CARD_VERBS } from './handlers';
import { HELP_TEXT, WELCOME_PERSONAL, WELCOME_SHARED } from './handlers/help';
import { linkChatToPanelMeeting } from './handlers/meeting-chat';
import { cardAttachment, cardResponse } from './handlers/replies';
import { auditIfRefused } from './handlers/refused-attempts';
import type { BotCommand, BotDependencies, BotTurn, CardActionHandler } from './handlers/turn';

const NOT_A_MEMBER = 'Your account is not set up as a member of a partnership here. Ask your partnership administrator.';
/** Said in the meeting chat when Teams ends the meeting: no case data, only what the chair does next. */
export const MINUTES_PROMPT =
  'The meeting has ended. Chair: record any outcomes still open and draft the minutes on the meeting’s page in the ASB Panels tab; they are due within three working days.';
/** The whole answer to a personal command in a shared chat: no case data, only where to ask instead. */
export const PERSONAL_ONLY =
  'I answer that in our personal chat only, so that nothing about your cases shows here. Open your chat with ASB Panels and ask there.';

export interface AsbPanelsBotOptions {
  commands?: readonly BotCommand[];
  cardActions?: Readonly<Record<string, CardActionHandler>>;
}

export class AsbPanelsBot extends TeamsActivityHandler {
  private readonly commands: readonly BotCommand[];
  private readonly cardActions: Readonly<Record<string, CardActionHandler>>;

  constructor(
    private readonly deps: BotDependencies,
    options: AsbPanelsBotOptions = {},
  ) {
    super();
    this.commands = options.commands ?? BOT_COMMANDS;
    this.cardActions = options.cardActions ?? CARD_ACTIONS;
    // Teams sends installationUpdate once per install, in the scope it was installed in.
    this.onInstallationUpdateAdd(async (context, next) => {
      await linkChatToPanelMeeting(context, this.deps);
      await context.sendActivity(MessageFactory.text(inPersonalChat(context) ? WELCOME_PERSONAL : WELCOME_SHARED));
      await next();
    });
    // Added to a meeting chat: Teams' meeting details link the chat to its panel meeting by the join link.
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient?.id);
      if (botAdded) await linkChatToPanelMeeting(context, this.deps);
      await next();
    });
    // Meeting start and end move the panel meeting's state; the app never depends on receiving them.
    this.onTeamsMeetingStartEvent(async (_meeting, context, next) => {
      await recordTeamsMeetingEvent(this.systemContext(), context.activity.conversation.id, 'started');
      await next();
    });
    this.onTeamsMeetingEndEvent(async (_meeting, context, next) => {
      const ended = await recordTeamsMeetingEvent(this.systemContext(), context.activity.conversation.id, 'ended');
      if (ended?.changed) await context.sendActivity(MessageFactory.text(MINUTES_PROMPT));
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answerCommand(context);
      await next();
    });
  }

  private systemContext(): SystemContext {
    return { db: this.deps.db, system: 'teams-meeting-events', now: this.deps.clock };
  }

  private async turnFor(context: TurnContext): Promise<BotTurn> {
    const actor = await actorForActivity(this.deps.db, context.activity);
    return {
      context,
      deps: this.deps,
      service: actor ? { db: this.deps.db, actor, requestId: context.activity.id, now: this.deps.clock } : null,
    };
  }

  private async answerCommand(context: TurnContext): Promise<void> {
    // Mentions arrive as "<at>Bot</at> command" in group chats and channels.
    const said = (context.activity.text ?? '')
      .replace(/<at>[^<]*<\/at>/g, '')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ');
    const match = findCommand(this.commands, said);
    if (!match) {
      await context.sendActivity(MessageFactory.text(said === '' ? HELP_TEXT : `I don't know that command. ${HELP_TEXT}`));
      return;
    }
    if (match.command.reach === 'personal' && !inPersonalChat(context)) {
      await context.sendActivity(MessageFactory.text(PERSONAL_ONLY));
      return;
    }
    const turn = await this.turnFor(context);
    if (!turn.service && match.command.names[0] !== 'help') {
      await context.sendActivity(MessageFactory.text(NOT_A_MEMBER));
      return;
    }
    try {
      await match.command.run(turn, match.rest);
    } catch (error) {
      await auditIfRefused(turn, { attempted: `command ${match.command.names[0]!}`, entityType: 'BotCommand' }, error);
      await context.sendActivity(
        MessageFactory.attachment(cardAttachment(this.cardForFailure(error, context, 'Your command could not be completed'))),
      );
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    const handler = Object.hasOwn(this.cardActions, verb) ? this.cardActions[verb] : undefined;
    if (!handler) {
      return cardResponse(
        buildErrorCard({ title: 'This card is out of date', message: 'This button is no longer supported. Ask for a fresh card.' }),
      );
    }
    if (PERSONAL_CARD_VERBS.has(verb) && !inPersonalChat(context)) {
      return cardResponse(buildRefusalCard({ attempted: 'Show this here', reason: PERSONAL_ONLY }));
    }
    const turn = await this.turnFor(context);
    if (!turn.service) return cardResponse(buildRefusalCard({ attempted: 'Use this card', reason: NOT_A_MEMBER }));
    try {
      return await handler(turn, (invokeValue.action.data ?? {}) as Record<string, unknown>);
    } catch (error) {
      await auditIfRefused(turn, { attempted: `card ${verb}`, entityType: 'CardAction' }, error);
      return cardResponse(this.cardForFailure(error, context, 'This could not be done'));
    }
  }

  private cardForFailure(error: unknown, context: TurnContext, title: string): AdaptiveCard {
    if (error instanceof ServiceError && error.code === 'FORBIDDEN') return buildRefusalCard({ attempted: title, reason: error.message });
    if (error instanceof ServiceError && error.code !== 'INTERNAL' && error.code !== 'DATABASE_UNAVAILABLE') {
      return buildErrorCard({ title, message: error.message });
    }
    // Log the class only: messages from lower layers may quote personal data.
    this.deps.logger.error(
      { activityId: context.activity.id, failure: error instanceof Error ? error.name : typeof error },
      'bot handler failed',
    );
    return buildErrorCard({
      title,
      message: 'Something went wrong on our side. Try again in a moment.',
      reference: context.activity.id ?? null,
    });
  }
}

/** Teams marks group, meeting and channel conversations; only a one-to-one chat with the bot is personal. */
function inPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}

function findCommand(commands: readonly BotCommand[], said: string): { command: BotCommand; rest: string } | null {
  for (const command of commands) {
    for (const name of command.names) {
      if (said === name || said.startsWith(`${name} `)) return { command, rest: said.slice(name.length).trim() };
    }
  }
  return null;
}
