// The line that opens a reminder, in the notification text and on the card alike.
import { daysBetween } from '../../domain/agenda/calendar-date';
import type { ReminderView } from '../ports/card-views';

/** The line that says why the card came, worked out from the due date on the day it is sent. */
export function reminderHeadline(view: Pick<ReminderView, 'kind' | 'caseReference' | 'dueDate' | 'today'>): string {
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
