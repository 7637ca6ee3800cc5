// The action card's verbs: refresh (each viewer's own view), open from a reminder, and the owner's
// accept / update progress / mark complete / can't complete. Every answer is the card drawn from the
// database after the click; a stale click, bad input or a refusal comes back on the card.
import type { z } from 'zod';
import type { ActionCommand } from '../../api/domain/actions/lifecycle';
import { changeActionForCard, readActionForCard } from '../../api/services/actions';
import { ServiceError } from '../../api/services/errors';
import { cardResponse } from './replies';
import type { CardNotice } from '../../api/services/ports/card-views';
import { actionCardFor } from '../cards/action-card-view';
import { buildErrorCard, buildRefusalCard } from '../cards/notice-cards';
import { actionCardRef, actionCardSubmissions, CARD_VERBS, INPUT_IDS, parseCardData } from '../cards/verbs';
import { auditIfRefused } from './refused-attempts';
import type { BotTurn, CardActionHandler } from './turn';

const OUT_OF_DATE = buildErrorCard({
  title: 'This card is out of date',
  message: 'It no longer points at an action. Ask for a fresh card with "my actions".',
});

/** Refresh and "Open action": the viewer's own view, or a refusal for someone who may not see the case. */
function showAction(attempted: string): CardActionHandler {
  return async (turn, data) => {
    const ref = parseCardData(actionCardSubmissions[CARD_VERBS.showAction], data);
    if (!ref.ok) return cardResponse(OUT_OF_DATE);
    const service = turn.service!;
    try {
      return cardResponse(actionCardFor(await readActionForCard(service, ref.value.actionId), service.actor, service.now()));
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'NOT_FOUND')
        return cardResponse(buildRefusalCard({ attempted, reason: error.message }));
      throw error;
    }
  };
}

interface ChangeVerb<Schema extends z.ZodType> {
  schema: Schema;
  attempted: string;
  done: string;
  command(value: z.output<Schema>): ActionCommand;
}

function changeFromCard<Schema extends z.ZodType>(verb: ChangeVerb<Schema>): CardActionHandler {
  return async (turn, data) => {
    const service = turn.service!;
    const ref = actionCardRef.safeParse(data);
    if (!ref.success) return cardResponse(OUT_OF_DATE);
    const parsed = parseCardData<z.output<Schema>>(verb.schema as z.ZodType<z.output<Schema>>, data);
    if (!parsed.ok)
      return redraw(turn, ref.data.actionId, verb.attempted, {
        tone: 'attention',
        text: parsed.fieldErrors.map((error) => error.message).join(' '),
      });
    try {
      const result = await changeActionForCard(service, turn.deps, ref.data.actionId, {
        expectedVersion: ref.data.version,
        command: verb.command(parsed.value),
        clickedInPersonalChat: clickedInPersonalChat(turn),
      });
      const notice: CardNotice =
        result.outcome === 'APPLIED'
          ? { tone: 'good', text: verb.done }
          : { tone: 'good', text: `${verb.done} (your earlier click had already done this).` };
      return cardResponse(actionCardFor(result.record, service.actor, service.now(), notice));
    } catch (error) {
      await auditIfRefused(turn, { attempted: `card ${verb.attempted}`, entityType: 'Action', entityId: ref.data.actionId }, error);
      if (!(error instanceof ServiceError)) throw error;
      switch (error.code) {
        case 'FORBIDDEN':
        case 'NOT_FOUND':
          return cardResponse(buildRefusalCard({ attempted: verb.attempted, reason: error.message }));
        case 'CONFLICT':
          return redraw(turn, ref.data.actionId, verb.attempted, {
            tone: 'warning',
            text: `${error.message.replace(/ Refresh and try again\.$/, '')} This is how it stands now.`,
          });
        case 'VALIDATION_FAILED':
          return redraw(turn, ref.data.actionId, verb.attempted, {
            tone: 'attention',
            text: error.fieldErrors.map((field) => field.message).join(' ') || error.message,
          });
        default:
          throw error;
      }
    }
  };
}

async function redraw(turn: BotTurn, actionId: string, attempted: string, notice: CardNotice) {
  const service = turn.service!;
  try {
    return cardResponse(actionCardFor(await readActionForCard(service, actionId), service.actor, service.now(), notice));
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND')
      return cardResponse(buildRefusalCard({ attempted, reason: error.message }));
    throw error;
  }
}

/** A card in a personal chat is seen by the clicker alone; the invoke answer replaces it for them. */
function clickedInPersonalChat(turn: BotTurn) {
  const { conversation, replyToId } = turn.context.activity;
  return conversation?.conversationType === 'personal' && replyToId
    ? { conversationId: conversation.id, activityId: replyToId }
    : undefined;
}

export const ACTION_CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = {
  [CARD_VERBS.refreshAction]: showAction('See this action'),
  [CARD_VERBS.showAction]: showAction('Open this action'),
  [CARD_VERBS.accept]: changeFromCard({
    schema: actionCardSubmissions[CARD_VERBS.accept],
    attempted: 'Accept this action',
    done: 'Accepted.',
    command: () => ({ kind: 'ACCEPT' }),
  }),
  [CARD_VERBS.updateProgress]: changeFromCard({
    schema: actionCardSubmissions[CARD_VERBS.updateProgress],
    attempted: 'Update this action',
    done: 'Progress saved.',
    command: (value) => ({ kind: 'UPDATE_PROGRESS', note: value[INPUT_IDS.progressNote] }),
  }),
  [CARD_VERBS.complete]: changeFromCard({
    schema: actionCardSubmissions[CARD_VERBS.complete],
    attempted: 'Mark this action complete',
    done: 'Marked complete.',
    command: (value) => ({ kind: 'COMPLETE', note: value[INPUT_IDS.completionNote] }),
  }),
  [CARD_VERBS.cannotComplete]: changeFromCard({
    schema: actionCardSubmissions[CARD_VERBS.cannotComplete],
    attempted: "Record that this action can't be completed",
    done: "Recorded as can't be completed.",
    command: (value) => ({
      kind: 'CANNOT_COMPLETE',
      reason: value[INPUT_IDS.cannotCompleteReason],
      note: value[INPUT_IDS.cannotCompleteNote],
    }),
  }),
};
