// What a bot command or card action handler receives: the Teams turn, the member who acted (or
// null when the sender is not a member), and the app's services.
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { TabLinks } from '../../api/config';
import type { Logger } from '../../api/logger';
import type { Database } from '../../api/store/database';
import type { ServiceContext } from '../../api/services/context';
import type { TeamsSender } from '../../api/services/ports/teams-sender';
import type { MemberReach } from '../../api/services/ports/member-reach';

export interface BotDependencies {
  db: Database;
  logger: Logger;
  clock: () => Date;
  /** Posts and updates cards beyond the current turn (personal chats, meeting chats). */
  sender: TeamsSender;
  /** With Graph: installs the app for, or e-mails, an action's owner Teams cannot reach. */
  reach?: MemberReach | null;
  /** Where cards link into the tab; without it cards carry no links. */
  tabLinks?: TabLinks;
}

export interface BotTurn {
  context: TurnContext;
  deps: BotDependencies;
  /** The acting member's context for api/services, or null when Teams' sender is not a member. */
  service: ServiceContext | null;
}

/**
 * Where a command may answer. A member's own actions, drafts and digests are `personal`: in a group,
 * meeting or channel chat everyone present would read them, so there the bot only points to the
 * personal chat.
 */
export type CommandReach = 'personal' | 'anywhere';

/** A chat command such as "my actions". `rest` is the text after the command words. */
export interface BotCommand {
  /** Lower-case command words, e.g. ["my actions"]; the first is shown in help. */
  names: readonly string[];
  reach: CommandReach;
  run(turn: BotTurn, rest: string): Promise<void>;
}

/** An Action.Execute verb's handler: answers with the card that replaces the clicked one. */
export type CardActionHandler = (turn: BotTurn, data: Record<string, unknown>) => Promise<AdaptiveCardInvokeResponse>;
