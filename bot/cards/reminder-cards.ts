// Reminder cards sent to an action's owner (due soon, due today, overdue, chased), the escalation
// sent to the chair, and the weekly digest. They are drawn when sent, from the action as it is
// then, so a reminder delayed by an outage still tells the truth about the due date.
import type { ActionStatus } from '../../api/domain/actions/lifecycle';
import { daysBetween, formatLongDate, type CalendarDate } from '../../api/domain/agenda/calendar-date';
import { card, execute, facts, heading, text, type AdaptiveCard, type CardElement } from './adaptive-card';
import { STATUS_LABELS } from './action-card';
import { CARD_VERBS } from './verbs';

export type ReminderCardKind = 'BEFORE_DUE' | 'DUE_TODAY' | 'OVERDUE' | 'ESCALATION' | 'CHASE';

export interface ReminderCardView {
  kind: ReminderCardKind;
  actionId: string;
  title: string;
  caseReference: string;
  dueDate: CalendarDate;
  status: ActionStatus;
  /** "Sam Patel (Fernbrook Homes)": shown to the chair on an escalation, and to the owner as a check. */
  ownerLabel: string;
  today: CalendarDate;
}

/** The line that says why the card came, worked out from the due date on the day it is sent. */
export function reminderHeadline(view: Pick<ReminderCardView, 'kind' | 'caseReference' | 'dueDate' | 'today'>): string {
  const daysLeft = daysBetween(view.today, view.dueDate);
  const timing =
    daysLeft > 1
      ? `due in ${daysLeft} days`
      : daysLeft === 1
        ? 'due tomorrow'
        : daysLeft === 0
          ? 'due today'
          : `${-daysLeft} day${daysLeft === -1 ? '' : 's'} overdue`;
  switch (view.kind) {
    case 'ESCALATION':
      return `Escalation: an action for case ${view.caseReference} is ${timing}`;
    case 'CHASE':
      return `The panel chair has asked for an update on an action ${timing}`;
    default:
      return `Reminder: your action is ${timing}`;
  }
}

export function buildReminderCard(view: ReminderCardView): AdaptiveCard {
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

export interface DigestCardView {
  /** "Week 47, 2026" or similar, worked out by the caller from the ISO week. */
  weekLabel: string;
  actions: readonly {
    actionId: string;
    title: string;
    caseReference: string;
    dueDate: CalendarDate;
    status: ActionStatus;
    overdue: boolean;
  }[];
}

export function buildDigestCard(view: DigestCardView): AdaptiveCard {
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
