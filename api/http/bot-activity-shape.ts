// POST /api/messages takes Bot Framework activities; one that lacks what every activity carries, or
// a card invoke whose value is not an object, is answered 400 here instead of failing inside the
// bot SDK. A card invoke gets the Adaptive Card error response Teams shows to the member.
import type { RequestHandler } from 'express';
import { errorBody } from './errors';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Universal Actions' error answer (`application/vnd.microsoft.error`), which Teams renders as a message. */
export function adaptiveCardErrorResponse(message: string) {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
}

export const wellFormedBotActivity: RequestHandler = (req, res, next) => {
  const activity: unknown = req.body;
  if (!isObject(activity) || typeof activity.type !== 'string' || activity.type === '') {
    res.status(400).json(errorBody('BAD_REQUEST', 'A Bot Framework activity must be a JSON object with a type.'));
    return;
  }
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const value = activity.value;
    if (!isObject(value) || !isObject(value.action)) {
      res.status(400).json(adaptiveCardErrorResponse('This card sent something we cannot read. Ask for a fresh card.'));
      return;
    }
  }
  next();
};
