// The assign card's verbs. "Show officers" redraws the card with the chosen agency's officers,
// keeping what was typed; "Assign action" creates the action through the same use case as the REST
// API and answers with the action card, saying whether the owner was reached in Teams.
import { londonDateOf } from '../../api/domain/agenda/calendar-date';
import { refreshPostedCards, type OwnerDelivery } from '../../api/services/action-delivery';
import { assignmentChoices } from '../../api/services/assignment-choices';
import { loadActionRecord } from '../../api/services/action-records';
import { assignAction } from '../../api/services/actions';
import { ServiceError, type FieldError } from '../../api/services/errors';
import { cardResponse } from './replies';
import type { CardNotice } from '../../api/services/ports/card-views';
import { actionCardFor } from '../cards/action-card-view';
import { buildAssignActionCard, type AssignActionCardView } from '../cards/assign-action-card';
import { buildErrorCard, buildRefusalCard } from '../cards/notice-cards';
import {
  assignActionSubmission,
  assignContext,
  CARD_VERBS,
  chooseOwnerAgencySubmission,
  parseCardData,
  type AssignContext,
} from '../cards/verbs';
import { auditIfRefused } from './refused-attempts';
import type { BotTurn, CardActionHandler } from './turn';

const OUT_OF_DATE = buildErrorCard({
  title: 'This card is out of date',
  message: 'It no longer points at a case. Open the case again to assign an action.',
});

/** What was typed, kept as given so a redrawn card loses nothing. */
function typedValues(data: Record<string, unknown>): AssignActionCardView['values'] {
  const values: AssignActionCardView['values'] = {};
  for (const key of ['title', 'ownerAgencyId', 'ownerMemberId', 'dueDate', 'priority'] as const) {
    const value = data[key];
    if (typeof value === 'string' && value !== '') (values as Record<string, string>)[key] = value;
  }
  return values;
}

async function assignCard(turn: BotTurn, context: AssignContext, data: Record<string, unknown>, fieldErrors: FieldError[]) {
  const service = turn.service!;
  const values = typedValues(data);
  const choices = await assignmentChoices(service, context, values.ownerAgencyId);
  return cardResponse(
    buildAssignActionCard({
      context,
      caseReference: choices.caseReference,
      whereLabel: choices.whereLabel,
      agencies: choices.agencies,
      officers: choices.officers,
      values,
      fieldErrors,
      today: londonDateOf(service.now()),
    }),
  );
}

function refusedOr(attempted: string, error: unknown) {
  if (error instanceof ServiceError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND'))
    return cardResponse(buildRefusalCard({ attempted, reason: error.message }));
  throw error;
}

const chooseOwnerAgency: CardActionHandler = async (turn, data) => {
  const parsed = parseCardData(chooseOwnerAgencySubmission, data);
  if (!parsed.ok) {
    const context = assignContext.safeParse(data);
    if (!context.success) return cardResponse(OUT_OF_DATE);
    return assignCard(turn, context.data, data, parsed.fieldErrors).catch((error: unknown) => refusedOr('Assign an action', error));
  }
  const { caseId, meetingId, agendaItemId } = parsed.value;
  return assignCard(turn, { caseId, ...(meetingId ? { meetingId } : {}), ...(agendaItemId ? { agendaItemId } : {}) }, data, []).catch(
    (error: unknown) => refusedOr('Assign an action', error),
  );
};

const assign: CardActionHandler = async (turn, data) => {
  const service = turn.service!;
  const context = assignContext.safeParse(data);
  if (!context.success) return cardResponse(OUT_OF_DATE);
  const parsed = parseCardData(assignActionSubmission, data);
  try {
    if (!parsed.ok) return await assignCard(turn, context.data, data, parsed.fieldErrors);
    const { activity } = turn.context;
    const fromCard =
      activity.conversation?.id && activity.replyToId
        ? { conversationId: activity.conversation.id, activityId: activity.replyToId }
        : undefined;
    const result = await assignAction(service, turn.deps, { ...parsed.value, fromCard });
    // In a meeting or group chat everyone else still sees the assign card: replace it for them too.
    if (fromCard && activity.conversation?.conversationType !== 'personal')
      await refreshPostedCards(turn.deps.db, turn.deps.sender, result.action.id, service.now(), { only: fromCard });
    const record = await loadActionRecord(turn.deps.db.prisma, result.action.id);
    return cardResponse(actionCardFor(record!, service.actor, service.now(), deliveryNotice(result.outcome, result.deliveries)));
  } catch (error) {
    await auditIfRefused(turn, { attempted: `card ${CARD_VERBS.assign}`, entityType: 'Case', entityId: context.data.caseId }, error);
    if (error instanceof ServiceError && error.code === 'VALIDATION_FAILED') return assignCard(turn, context.data, data, error.fieldErrors);
    return refusedOr('Assign an action', error);
  }
};

/** Tells the chair whether the owner got the card, and whom to contact another way. */
function deliveryNotice(outcome: 'APPLIED' | 'ALREADY_APPLIED', deliveries: OwnerDelivery[]): CardNotice {
  if (outcome === 'ALREADY_APPLIED') return { tone: 'good', text: 'This action was already assigned from this card.' };
  if (deliveries.length === 0)
    return { tone: 'warning', text: 'Assigned, but nobody in the owner agency can receive it in Teams. Let them know another way.' };
  const names = (status: OwnerDelivery['status']) =>
    deliveries
      .filter((d) => d.status === status)
      .map((d) => d.displayName)
      .join(', ');
  const missed = deliveries.filter((d) => d.status !== 'SENT' && d.status !== 'RETRYING');
  const lines = [
    names('SENT') ? `Assigned and sent to ${names('SENT')} in Teams.` : 'Assigned.',
    names('RETRYING') ? `Teams is busy, so ${names('RETRYING')} will get it in a few minutes.` : '',
    missed.length > 0
      ? `${missed.map((d) => `${d.displayName} (${d.problem ?? 'not delivered'})`).join(', ')} could not be reached in Teams. Let them know another way.`
      : '',
  ];
  return { tone: missed.length > 0 ? 'warning' : 'good', text: lines.filter(Boolean).join(' ') };
}

export const ASSIGN_CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = {
  [CARD_VERBS.chooseOwnerAgency]: chooseOwnerAgency,
  [CARD_VERBS.assign]: assign,
};
