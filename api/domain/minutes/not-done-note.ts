// The note a chair sends the lead of an agency whose action the panel found it did not do (issue 15,
// item 8). It names the action and the case reference only: no one's name, nothing about the people
// the case concerns.
import { formatLongDate, type CalendarDate } from '../agenda/calendar-date';

export interface NotDoneNoteFacts {
  agency: string;
  panelName: string;
  meetingDate: CalendarDate;
  actionTitle: string;
  caseReference: string;
  dueDate: CalendarDate;
}

export function draftNotDoneNote(facts: NotDoneNoteFacts): { to: string; text: string } {
  return {
    to: facts.agency,
    text:
      `To the lead for ${facts.agency}: at the ${facts.panelName} meeting on ${formatLongDate(facts.meetingDate)}, ` +
      `the panel reviewed the action "${facts.actionTitle}" on case ${facts.caseReference}, due ${formatLongDate(facts.dueDate)}, ` +
      `and recorded that it was not done by your agency. Please tell the chair by when it will be done, or why it cannot be.`,
  };
}
