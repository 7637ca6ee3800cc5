// POST /api/messages: hands each authenticated activity to the bot.
import type { RequestHandler } from 'express';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';

export function botEndpoint(adapter: CloudAdapter, bot: ActivityHandler): RequestHandler {
  return async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
