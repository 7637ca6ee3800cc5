// Every chat command and card verb the bot answers. Each slice of the product adds its own here.
import type { BotCommand, CardActionHandler } from './turn';
import { helpCommand } from './help';
import { referCommand, REFERRAL_CARD_ACTIONS } from './refer';

export const BOT_COMMANDS: readonly BotCommand[] = [helpCommand, referCommand];

export const CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = { ...REFERRAL_CARD_ACTIONS };
