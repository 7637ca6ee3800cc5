// The verbs our cards' Action.Execute buttons send, and the schemas that check what comes back in
// an `adaptiveCard/action` invoke (`activity.value.action.verb` and `.data`) before anything inward
// sees it. Card data is written by us but returned by the client: it is input like any other.
import { z } from 'zod';

export const CARD_VERBS = {
  /** Universal Actions refresh of an action card: answer with the viewer's own view. */
  refreshAction: 'action.refresh',
  /** "Open action" on a reminder: answer with the action card. */
  showAction: 'action.show',
  accept: 'action.accept',
  updateProgress: 'action.updateProgress',
  complete: 'action.complete',
  cannotComplete: 'action.cannotComplete',
  /** The assign card's agency was chosen: answer with the card again, listing that agency's officers. */
  chooseOwnerAgency: 'action.assign.chooseAgency',
  assign: 'action.assign',
  /** "Show my actions" on a weekly digest: answer as the `my actions` command does. */
  myActions: 'actions.mine',
  refreshAgenda: 'agenda.refresh',
  nextAgendaItem: 'agenda.next',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/** Input ids, shared by the card builders and the schemas so a renamed input cannot drift. */
export const INPUT_IDS = {
  progressNote: 'progressNote',
  completionNote: 'completionNote',
  cannotCompleteReason: 'cannotCompleteReason',
  cannotCompleteNote: 'cannotCompleteNote',
  title: 'title',
  ownerAgencyId: 'ownerAgencyId',
  ownerMemberId: 'ownerMemberId',
  dueDate: 'dueDate',
  priority: 'priority',
} as const;

export const ACTION_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export const CANNOT_COMPLETE_REASONS = ['CIRCUMSTANCES_CHANGED', 'AGENCY_DID_NOT_DO_IT'] as const;

// guid, not uuid: any PostgreSQL uuid is ours to accept, whatever its version bits.
const id = z.guid({ message: 'This card refers to something that does not exist.' });
const version = z.number().int().min(0);
const note = (message: string) =>
  z.string({ message }).trim().min(1, { message }).max(4000, { message: 'Keep this under 4,000 characters.' });

/** What every action card button carries: the action and the version the card was drawn from. */
export const actionCardRef = z.object({ actionId: id, version });
export type ActionCardRef = z.infer<typeof actionCardRef>;

export const actionCardSubmissions = {
  [CARD_VERBS.refreshAction]: actionCardRef,
  [CARD_VERBS.showAction]: z.object({ actionId: id }),
  [CARD_VERBS.accept]: actionCardRef,
  [CARD_VERBS.updateProgress]: actionCardRef.extend({ [INPUT_IDS.progressNote]: note('Say what has been done so far.') }),
  [CARD_VERBS.complete]: actionCardRef.extend({ [INPUT_IDS.completionNote]: note('Say what was done, for the minutes.') }),
  [CARD_VERBS.cannotComplete]: actionCardRef.extend({
    [INPUT_IDS.cannotCompleteReason]: z.enum(CANNOT_COMPLETE_REASONS, { message: 'Choose why the action cannot be completed.' }),
    [INPUT_IDS.cannotCompleteNote]: note('Explain why the action cannot be completed.'),
  }),
} as const;

/** Where the assign card was opened from; carried through every re-render of the card. */
export const assignContext = z.object({
  caseId: id,
  meetingId: id.optional(),
  agendaItemId: id.optional(),
});
export type AssignContext = z.infer<typeof assignContext>;

// Empty inputs arrive as '' (or not at all); both mean "not given".
const given = (value: unknown) => (value === '' || value === null ? undefined : value);

export const assignActionSubmission = assignContext.extend({
  [INPUT_IDS.title]: z.preprocess(
    given,
    z
      .string({ message: 'Say what will be done.' })
      .trim()
      .min(1, { message: 'Say what will be done.' })
      .max(500, { message: 'Keep the action under 500 characters.' }),
  ),
  [INPUT_IDS.ownerAgencyId]: z.preprocess(given, z.guid({ message: 'Choose the agency that owns this action.' })),
  [INPUT_IDS.ownerMemberId]: z.preprocess(given, z.guid({ message: 'Choose an officer from the list.' }).optional()),
  [INPUT_IDS.dueDate]: z.preprocess(
    given,
    z.string({ message: 'Choose a due date.' }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Choose a due date.' }),
  ),
  [INPUT_IDS.priority]: z.preprocess(given, z.enum(ACTION_PRIORITIES, { message: 'Choose a priority.' }).default('NORMAL')),
});
export type AssignActionSubmission = z.infer<typeof assignActionSubmission>;

/** Choosing the agency keeps whatever else was typed, so nothing is lost when the card comes back. */
export const chooseOwnerAgencySubmission = assignContext.extend({
  [INPUT_IDS.title]: z.preprocess(given, z.string().max(500).optional()),
  [INPUT_IDS.ownerAgencyId]: z.preprocess(given, z.guid().optional()),
  [INPUT_IDS.dueDate]: z.preprocess(
    given,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  ),
  [INPUT_IDS.priority]: z.preprocess(given, z.enum(ACTION_PRIORITIES).optional()),
});

export const agendaCardRef = z.object({ meetingId: id, version });

export interface FieldError {
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldError[] };

/** Checks card data against a schema, turning zod's issues into field errors the card can show. */
export function parseCardData<T>(schema: z.ZodType<T>, data: unknown): Parsed<T> {
  const result = schema.safeParse(data ?? {});
  if (result.success) return { ok: true, value: result.data };
  const fieldErrors = result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'card', message: issue.message }));
  // One message per field: the first is the one that matters to the person filling the card in.
  return { ok: false, fieldErrors: fieldErrors.filter((error, index) => fieldErrors.findIndex((e) => e.field === error.field) === index) };
}
