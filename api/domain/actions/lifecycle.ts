// The life of a panel action: who may move it where, with a history line for every change.
// Agencies own their actions (docs/domain.md §1), so only the owner progresses one; the chair keeps
// the plan honest by cancelling, reassigning and moving due dates.
import { formatLongDate, isCalendarDate, londonDateOf, type CalendarDate } from '../agenda/calendar-date';
import { fail, ok, type Result } from '../result';

export const ACTION_STATUSES = ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETED', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Open: still the owner's to do. Only an open action is overdue, reminded or chased. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS'];
/** Unfinished: neither completed nor cancelled. A blocked action waits on the panel, so it still needs the panel's eye. */
export const UNFINISHED_ACTION_STATUSES: readonly ActionStatus[] = [...OPEN_ACTION_STATUSES, 'BLOCKED'];

/** The two reasons the minutes record for an action not done (docs/domain.md §4). */
export type CannotCompleteReason = 'CIRCUMSTANCES_CHANGED' | 'AGENCY_DID_NOT_DO_IT';

export interface Action {
  id: string;
  caseId: string;
  title: string;
  status: ActionStatus;
  version: number;
  ownerAgencyId: string;
  /** The named officer; when absent, anyone in the owner agency may act. */
  ownerMemberId: string | null;
  dueDate: CalendarDate;
}

export type ActionCommand =
  | { kind: 'ACCEPT' }
  | { kind: 'UPDATE_PROGRESS'; note: string }
  | { kind: 'COMPLETE'; note: string }
  | { kind: 'CANNOT_COMPLETE'; reason: CannotCompleteReason; note: string }
  | { kind: 'CANCEL'; reason: string }
  | { kind: 'REASSIGN'; agencyId: string; memberId: string | null; reason: string }
  | { kind: 'CHANGE_DUE_DATE'; dueDate: CalendarDate; reason: string };

export interface Actor {
  memberId: string;
  agencyId: string;
  isChair: boolean;
}

export interface ActionHistoryEntry {
  actionId: string;
  /** The version this change produced. */
  version: number;
  from: ActionStatus;
  to: ActionStatus;
  command: ActionCommand;
  note: string;
  actorMemberId: string;
  at: Date;
}

export interface ActionTransitionRequest {
  action: Action;
  command: ActionCommand;
  actor: Actor;
  expectedVersion: number;
  at: Date;
  /** The action's latest history entry, to recognise a command that was already applied. */
  lastEntry?: ActionHistoryEntry;
}

/**
 * APPLIED: save the action and the entry. ALREADY_APPLIED: the same person sent the same command
 * against the version it produced (a double click or a retried request); save nothing and answer
 * as if it had just succeeded.
 */
export type ActionTransition =
  { outcome: 'APPLIED'; action: Action; entry: ActionHistoryEntry } | { outcome: 'ALREADY_APPLIED'; action: Action };

/** Where each command may start from. A blocked action can be resumed when its owner reports progress. */
const ALLOWED_FROM: Record<ActionCommand['kind'], readonly ActionStatus[]> = {
  ACCEPT: ['PROPOSED'],
  UPDATE_PROGRESS: ['ACCEPTED', 'IN_PROGRESS', 'BLOCKED'],
  COMPLETE: ['ACCEPTED', 'IN_PROGRESS'],
  CANNOT_COMPLETE: ['ACCEPTED', 'IN_PROGRESS'],
  CANCEL: UNFINISHED_ACTION_STATUSES,
  REASSIGN: UNFINISHED_ACTION_STATUSES,
  CHANGE_DUE_DATE: UNFINISHED_ACTION_STATUSES,
};

const STATUS_WORDS: Record<ActionStatus, string> = {
  PROPOSED: 'proposed',
  ACCEPTED: 'accepted',
  IN_PROGRESS: 'in progress',
  COMPLETED: 'completed',
  BLOCKED: 'blocked',
  CANCELLED: 'cancelled',
};

/** Open actions are waiting on their owner; a blocked one waits on the panel instead. */
export function isOpen(status: ActionStatus): boolean {
  return OPEN_ACTION_STATUSES.includes(status);
}

/** Derived, never stored: an open action is overdue from the day after it was due. */
export function isOverdue(action: Pick<Action, 'status' | 'dueDate'>, today: CalendarDate): boolean {
  return isOpen(action.status) && today > action.dueDate;
}

export interface NewAction {
  id: string;
  caseId: string;
  title: string;
  ownerAgencyId: string;
  ownerMemberId?: string | null;
  dueDate: CalendarDate;
}

export function proposeAction(input: NewAction, today: CalendarDate): Result<Action> {
  const title = input.title.trim();
  if (!title) return fail('TITLE_REQUIRED', 'Give the action a title that says what will be done.', 'title');
  if (!input.ownerAgencyId.trim()) return fail('OWNER_AGENCY_REQUIRED', 'Choose the agency that owns this action.', 'ownerAgencyId');
  const dueDateError = checkDueDate(input.dueDate, today);
  if (dueDateError) return dueDateError;
  return ok({
    id: input.id,
    caseId: input.caseId,
    title,
    status: 'PROPOSED',
    version: 1,
    ownerAgencyId: input.ownerAgencyId,
    ownerMemberId: input.ownerMemberId ?? null,
    dueDate: input.dueDate,
  });
}

function checkDueDate(dueDate: CalendarDate, today: CalendarDate): Result<never> | null {
  if (!isCalendarDate(dueDate)) return fail('INVALID_DUE_DATE', 'The due date must be a real date.', 'dueDate');
  if (dueDate < today) return fail('DUE_DATE_IN_PAST', 'The due date cannot be in the past.', 'dueDate');
  return null;
}

export function transitionAction(request: ActionTransitionRequest): Result<ActionTransition> {
  const { action, command, actor, expectedVersion, at, lastEntry } = request;
  if (expectedVersion !== action.version) {
    if (isRepeatOf(request, lastEntry)) return ok({ outcome: 'ALREADY_APPLIED', action });
    return fail('STALE', 'Someone else has changed this action since you opened it. Refresh and try again.', 'expectedVersion');
  }
  if (!isEntitled(action, command.kind, actor)) {
    return fail('NOT_ENTITLED', entitlementMessage(command), 'actor');
  }
  if (!ALLOWED_FROM[command.kind].includes(action.status)) {
    return fail('INVALID_TRANSITION', `This action is ${STATUS_WORDS[action.status]}, so it cannot be ${verbFor(command)}.`, 'status');
  }
  const change = apply(action, command, londonDateOf(at));
  if (!change.ok) return change;
  const next: Action = { ...change.value.action, version: action.version + 1 };
  const entry: ActionHistoryEntry = {
    actionId: action.id,
    version: next.version,
    from: action.status,
    to: next.status,
    command,
    note: change.value.note,
    actorMemberId: actor.memberId,
    at,
  };
  return ok({ outcome: 'APPLIED', action: next, entry });
}

function isRepeatOf(request: ActionTransitionRequest, lastEntry: ActionHistoryEntry | undefined): boolean {
  return (
    lastEntry !== undefined &&
    lastEntry.actionId === request.action.id &&
    lastEntry.version === request.action.version &&
    lastEntry.version === request.expectedVersion + 1 &&
    lastEntry.actorMemberId === request.actor.memberId &&
    sameCommand(lastEntry.command, request.command)
  );
}

function sameCommand(a: ActionCommand, b: ActionCommand): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

export type ActionCommandKind = ActionCommand['kind'];
const COMMAND_KINDS = Object.keys(ALLOWED_FROM) as ActionCommandKind[];

/**
 * The commands this member may give this action now: entitled to it and the status allows it. The
 * tab shows only these; changing the action still goes through transitionAction, which asks the same.
 */
export function commandsOpenTo(action: Pick<Action, 'status' | 'ownerAgencyId' | 'ownerMemberId'>, actor: Actor): ActionCommandKind[] {
  return COMMAND_KINDS.filter((kind) => isEntitled(action, kind, actor) && ALLOWED_FROM[kind].includes(action.status));
}

function isEntitled(action: Pick<Action, 'ownerAgencyId' | 'ownerMemberId'>, kind: ActionCommandKind, actor: Actor): boolean {
  const isOwner = action.ownerMemberId ? actor.memberId === action.ownerMemberId : actor.agencyId === action.ownerAgencyId;
  switch (kind) {
    case 'ACCEPT':
    case 'UPDATE_PROGRESS':
    case 'COMPLETE':
      return isOwner;
    // The owner may say it cannot be done; the chair records it at the actions review.
    case 'CANNOT_COMPLETE':
      return isOwner || actor.isChair;
    case 'CANCEL':
    case 'REASSIGN':
    case 'CHANGE_DUE_DATE':
      return actor.isChair;
  }
}

function entitlementMessage(command: ActionCommand): string {
  return ['CANCEL', 'REASSIGN', 'CHANGE_DUE_DATE'].includes(command.kind)
    ? 'Only the panel chair can do this.'
    : 'Only the officer who owns this action, or their agency when no officer is named, can do this.';
}

function verbFor(command: ActionCommand): string {
  const verbs: Record<ActionCommand['kind'], string> = {
    ACCEPT: 'accepted',
    UPDATE_PROGRESS: 'updated',
    COMPLETE: 'completed',
    CANNOT_COMPLETE: 'marked as not possible',
    CANCEL: 'cancelled',
    REASSIGN: 'reassigned',
    CHANGE_DUE_DATE: 'given a new due date',
  };
  return verbs[command.kind];
}

function apply(action: Action, command: ActionCommand, today: CalendarDate): Result<{ action: Action; note: string }> {
  const required = (text: string, field: string, message: string) => (text.trim() ? null : fail<never>('NOTE_REQUIRED', message, field));
  switch (command.kind) {
    case 'ACCEPT':
      return ok({ action: { ...action, status: 'ACCEPTED' }, note: '' });
    case 'UPDATE_PROGRESS':
      return (
        required(command.note, 'note', 'Say what has been done so far.') ??
        ok({ action: { ...action, status: 'IN_PROGRESS' }, note: command.note.trim() })
      );
    case 'COMPLETE':
      return (
        required(command.note, 'note', 'Say what was done, for the minutes.') ??
        ok({ action: { ...action, status: 'COMPLETED' }, note: command.note.trim() })
      );
    case 'CANNOT_COMPLETE':
      return (
        required(command.note, 'note', 'Explain why the action cannot be completed.') ??
        ok({ action: { ...action, status: 'BLOCKED' }, note: command.note.trim() })
      );
    case 'CANCEL':
      return (
        required(command.reason, 'reason', 'Give a reason for cancelling the action.') ??
        ok({ action: { ...action, status: 'CANCELLED' }, note: command.reason.trim() })
      );
    case 'REASSIGN': {
      const missing = required(command.reason, 'reason', 'Give a reason for reassigning the action.');
      if (missing) return missing;
      if (!command.agencyId.trim()) return fail('OWNER_AGENCY_REQUIRED', 'Choose the agency that will own this action.', 'agencyId');
      if (command.agencyId === action.ownerAgencyId && command.memberId === action.ownerMemberId) {
        return fail('SAME_OWNER', 'The action already belongs to this agency and officer.', 'agencyId');
      }
      // The new owner has not agreed to it yet, so it goes back to proposed for them to accept.
      const reassigned: Action = { ...action, status: 'PROPOSED', ownerAgencyId: command.agencyId, ownerMemberId: command.memberId };
      return ok({ action: reassigned, note: command.reason.trim() });
    }
    case 'CHANGE_DUE_DATE': {
      const missing = required(command.reason, 'reason', 'Give a reason for changing the due date.');
      if (missing) return missing;
      const dueDateError = checkDueDate(command.dueDate, today);
      if (dueDateError) return dueDateError;
      if (command.dueDate === action.dueDate) return fail('SAME_DUE_DATE', 'The action is already due on that date.', 'dueDate');
      return ok({
        action: { ...action, dueDate: command.dueDate },
        note: `Due date moved from ${formatLongDate(action.dueDate)} to ${formatLongDate(command.dueDate)}: ${command.reason.trim()}`,
      });
    }
  }
}
