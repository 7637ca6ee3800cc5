// The card the chair (or minute-taker) fills in to assign an action during an agenda item or on a
// case. Adaptive Cards 1.5 has no dependent drop-downs, so choosing the agency sends the card back
// to the bot ("Show officers"), which answers with the same card listing that agency's officers and
// keeping everything already typed. A rejected submission comes back with each error by its field.
import type { CalendarDate } from '../../api/domain/agenda/calendar-date';
import { card, execute, heading, text, type ActionSet, type AdaptiveCard, type CardElement, type CardInput } from './adaptive-card';
import { PRIORITY_LABELS } from './action-card';
import { ACTION_PRIORITIES, CARD_VERBS, INPUT_IDS, type ActionPriority, type AssignContext, type FieldError } from './verbs';

export interface AssignActionCardView {
  context: AssignContext;
  caseReference: string;
  /** e.g. "Item 3 of the CMARAC on 12 November 2026", when assigned during a meeting. */
  whereLabel?: string | null;
  agencies: readonly { id: string; name: string }[];
  /** The chosen agency's active members; empty until an agency is chosen. */
  officers: readonly { id: string; name: string; jobTitle?: string | null }[];
  values: Partial<{ title: string; ownerAgencyId: string; ownerMemberId: string; dueDate: CalendarDate; priority: ActionPriority }>;
  fieldErrors: readonly FieldError[];
  /** The earliest due date the date picker offers. */
  today: CalendarDate;
}

export function buildAssignActionCard(view: AssignActionCardView): AdaptiveCard {
  const errorFor = (field: string) => view.fieldErrors.find((error) => error.field === field)?.message;
  const inputIds = new Set<string>(Object.values(INPUT_IDS));
  const general = view.fieldErrors.filter((error) => !inputIds.has(error.field));

  const body: CardElement[] = [heading(`Assign an action: case ${view.caseReference}`)];
  if (view.whereLabel) body.push(text(view.whereLabel, { isSubtle: true, spacing: 'none' }));
  if (view.fieldErrors.length > 0) {
    const count = view.fieldErrors.length;
    body.push(
      text(count === 1 ? 'Please correct the highlighted field.' : `Please correct the ${count} highlighted fields.`, {
        color: 'attention',
        weight: 'bolder',
      }),
    );
    for (const error of general) body.push(text(error.message, { color: 'attention', spacing: 'small' }));
  }

  const withError = (input: CardInput): CardElement[] => {
    const message = errorFor(input.id);
    return message ? [input, text(message, { color: 'attention', size: 'small', spacing: 'none' })] : [input];
  };

  body.push(
    ...withError({
      type: 'Input.Text',
      id: INPUT_IDS.title,
      label: 'What will be done',
      isRequired: true,
      errorMessage: 'Say what will be done.',
      maxLength: 500,
      isMultiline: true,
      ...(view.values.title ? { value: view.values.title } : {}),
    }),
    ...withError({
      type: 'Input.ChoiceSet',
      id: INPUT_IDS.ownerAgencyId,
      label: 'Owner agency',
      isRequired: true,
      errorMessage: 'Choose the agency that owns this action.',
      placeholder: 'Choose an agency',
      choices: view.agencies.map((agency) => ({ title: agency.name, value: agency.id })),
      ...(view.values.ownerAgencyId ? { value: view.values.ownerAgencyId } : {}),
    }),
  );
  const showOfficers: ActionSet = {
    type: 'ActionSet',
    spacing: 'small',
    actions: [
      execute(CARD_VERBS.chooseOwnerAgency, view.officers.length > 0 ? 'Show officers again' : 'Show officers', { ...view.context }),
    ],
  };
  body.push(showOfficers);
  if (view.officers.length > 0) {
    body.push(
      ...withError({
        type: 'Input.ChoiceSet',
        id: INPUT_IDS.ownerMemberId,
        label: 'Owner officer (leave empty for the agency as a whole)',
        placeholder: 'No named officer',
        choices: view.officers.map((officer) => ({
          title: officer.jobTitle ? `${officer.name}, ${officer.jobTitle}` : officer.name,
          value: officer.id,
        })),
        ...(view.values.ownerMemberId ? { value: view.values.ownerMemberId } : {}),
      }),
    );
  } else if (errorFor(INPUT_IDS.ownerMemberId)) {
    body.push(text(errorFor(INPUT_IDS.ownerMemberId) as string, { color: 'attention', size: 'small' }));
  }
  body.push(
    ...withError({
      type: 'Input.Date',
      id: INPUT_IDS.dueDate,
      label: 'Due date',
      isRequired: true,
      errorMessage: 'Choose a due date.',
      min: view.today,
      ...(view.values.dueDate ? { value: view.values.dueDate } : {}),
    }),
    ...withError({
      type: 'Input.ChoiceSet',
      id: INPUT_IDS.priority,
      label: 'Priority',
      value: view.values.priority ?? 'NORMAL',
      choices: ACTION_PRIORITIES.map((priority) => ({ title: PRIORITY_LABELS[priority], value: priority })),
    }),
  );

  return card(body, {
    actions: [execute(CARD_VERBS.assign, 'Assign action', { ...view.context }, { style: 'positive' })],
    fallbackText: `Assign an action for case ${view.caseReference}.`,
  });
}
