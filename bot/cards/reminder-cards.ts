// Reminder cards sent to an action's owner (due soon, due today, overdue, chased), the escalation
// sent to the chair, and the weekly digest. They are drawn when sent, from the action as it is
// then, so a reminder delayed by an outage still tells the truth about the due date.
import { daysBetween, formatLongDate } from '../../api/domain/agenda/calendar-date';
import type { DigestView, ReminderView } from '../../api/services/ports/card-views';
import { reminderHeadline } from '../../api/services/reminders/reminder-headline';
import { card, execute, facts, heading, text, type AdaptiveCard, type CardElement } from './adaptive-card';
import { STATUS_LABELS } from './action-card';
import { CARD_VERBS } from './verbs';

export function buildReminderCard(view: ReminderView): AdaptiveCard {
  const headline = reminderHeadline(view);
  const late = daysBetween(view.today, view.dueDate) < 0;
  const body: CardElement[] = [
    text(headline, { weight: 'bolder', color: late ? 'attention' : 'default' }),
    heading(view.title),
    facts([
      ['Case', view.caseReference],
      ['Due', formatLongDate(view.dueDate)],
      ['Status', STATUS_LABELS[view.status]],
      ['Owner', view.ownerLabel],
    ]),
  ];
  if (view.kind === 'ESCALATION')
    body.push(text('The owner has had reminders. You may want to chase them or bring the action to the next panel.', { isSubtle: true }));
  return card(body, {
    actions: [execute(CARD_VERBS.showAction, 'Open action', { actionId: view.actionId }, { associatedInputs: 'none' })],
    fallbackText: `${headline}: ${view.title} (case ${view.caseReference}).`,
  });
}

export function buildDigestCard(view: DigestView): AdaptiveCard {
  const overdue = view.actions.filter((action) => action.overdue).length;
  const summary = `You have ${view.actions.length} open action${view.actions.length === 1 ? '' : 's'}${overdue > 0 ? `, ${overdue} overdue` : ''}.`;
  const body: CardElement[] = [heading(`Your actions: ${view.weekLabel}`), text(summary)];
  for (const action of view.actions) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(action.title, { weight: 'bolder' }),
        text(
          `Case ${action.caseReference}, due ${formatLongDate(action.dueDate)}${action.overdue ? ', overdue' : ''}. ${STATUS_LABELS[action.status]}.`,
          {
            color: action.overdue ? 'attention' : 'default',
            spacing: 'none',
            size: 'small',
          },
        ),
      ],
    });
  }
  return card(body, {
    actions: [execute(CARD_VERBS.myActions, 'Show my actions', {}, { associatedInputs: 'none' })],
    fallbackText: `Your actions this week. ${summary}`,
  });
}
