// Checks each row of an open actions file and turns it into an action on a case imported earlier
// from the same system, owned by one of the partnership's agencies (and officers), or into the
// problems to fix in the file. Done and cancelled actions are history, not work: they are skipped.
import { proposeAction } from '../actions/lifecycle';
import { londonDateOf, type CalendarDate } from '../agenda/calendar-date';
import { ACTION_FIELDS, type ColumnMapping } from './fields';
import { importedCaseOf, type ImportedRowContext } from './incident-rows';
import { columnIndexOf, readRows, RowReader, words, type RowProblem } from './row-reader';

/** The lifecycle's title limit, as the assign form has it. */
export const MAX_ACTION_TITLE = 500;

export interface ImportedAction {
  row: number;
  sourceId: string;
  caseId: string;
  title: string;
  /** The whole text, when it is too long for a title. */
  description: string | null;
  ownerAgencyId: string;
  ownerMemberId: string | null;
  dueDate: CalendarDate;
  status: 'ACCEPTED' | 'IN_PROGRESS';
}

export interface SkippedRow {
  row: number;
  message: string;
}

export interface ActionRowContext extends ImportedRowContext {
  agencies: ReadonlyArray<{ id: string; name: string; isActive: boolean }>;
  members: ReadonlyArray<{ id: string; email: string | null; agencyId: string; isActive: boolean }>;
}

// An action open in the old system has been taken on by its owner: it arrives accepted, not waiting
// for the owner to accept it again.
const OPEN_STATUSES: Record<string, ImportedAction['status']> = {
  '': 'ACCEPTED',
  open: 'ACCEPTED',
  new: 'ACCEPTED',
  'not started': 'ACCEPTED',
  assigned: 'ACCEPTED',
  accepted: 'ACCEPTED',
  'in progress': 'IN_PROGRESS',
  started: 'IN_PROGRESS',
  ongoing: 'IN_PROGRESS',
};
const FINISHED_STATUSES = new Set(['done', 'complete', 'completed', 'closed', 'cancelled', 'canceled', 'withdrawn']);

type ActionRow = ImportedAction | { sourceId: string; skipped: SkippedRow };

function readAction(reader: RowReader, context: ActionRowContext, agencies: ReadonlyMap<string, string>): ActionRow {
  const sourceId = reader.requiredId('actionId');
  const statusText = reader.text('status');
  if (FINISHED_STATUSES.has(words(statusText))) {
    return {
      sourceId,
      skipped: { row: reader.row, message: `Action ${sourceId} is ${words(statusText)}: only open actions are imported.` },
    };
  }
  const status = OPEN_STATUSES[words(statusText)];
  if (!status) reader.problem('status', `"${statusText}" is not a status; use open or in progress (done and cancelled rows are skipped).`);

  const caseId = importedCaseOf(reader, 'caseRef', context);

  const text = reader.text('description');
  const agencyText = reader.text('ownerAgency');
  const ownerAgencyId = agencies.get(words(agencyText)) ?? '';
  if (!agencyText) reader.problem('ownerAgency', 'is empty.');
  else if (!ownerAgencyId) reader.problem('ownerAgency', `"${agencyText}" is not one of the partnership's agencies.`);

  const email = reader.text('ownerEmail').toLowerCase();
  let ownerMemberId: string | null = null;
  if (email) {
    const member = context.members.find((m) => m.email?.toLowerCase() === email && m.isActive);
    if (!member) reader.problem('ownerEmail', `${email} is not an active member of the partnership.`);
    else if (ownerAgencyId && member.agencyId !== ownerAgencyId) reader.problem('ownerEmail', `${email} does not work for ${agencyText}.`);
    else ownerMemberId = member.id;
  }

  const dueText = reader.text('dueDate');
  // Any real date: an action overdue in the old system arrives overdue.
  const dueDate = dueText ? reader.date('dueDate', '9999-12-31') : null;
  if (!dueText) reader.problem('dueDate', 'is empty.');

  const today = londonDateOf(context.now);
  // The lifecycle's rules for a new action decide whether the text will do as its title. Its "not in
  // the past" rule is for new assignments, so it is asked as of the due date when that has passed.
  const proposed = proposeAction(
    { id: sourceId, caseId, title: text.slice(0, MAX_ACTION_TITLE), ownerAgencyId, ownerMemberId, dueDate: dueDate ?? today },
    dueDate && dueDate < today ? dueDate : today,
  );
  if (!proposed.ok && proposed.error.field === 'title') {
    reader.problemSaying('description', `${reader.column('description')}: ${proposed.error.message}`);
  }
  const long = text.length > MAX_ACTION_TITLE;
  return {
    row: reader.row,
    sourceId,
    caseId,
    title: long ? `${text.slice(0, MAX_ACTION_TITLE - 1)}…` : text,
    description: long ? text : null,
    ownerAgencyId,
    ownerMemberId,
    dueDate: dueDate ?? today,
    status: status ?? 'ACCEPTED',
  };
}

/** Every row's problems, or the actions to import when there are none; finished actions are skipped. */
export function readActionRows(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  mapping: ColumnMapping,
  context: ActionRowContext,
): { actions: ImportedAction[]; skipped: SkippedRow[]; problems: RowProblem[] } {
  const columnIndex = columnIndexOf(headers);
  const agencies = new Map(context.agencies.filter((a) => a.isActive).map((agency) => [words(agency.name), agency.id]));
  const { records, problems } = readRows<ActionRow>(
    rows,
    (cells, row) => new RowReader(cells, row, mapping, columnIndex, ACTION_FIELDS),
    (reader) => readAction(reader, context, agencies),
    'actionId',
  );
  const actions = records.filter((r): r is ImportedAction => !('skipped' in r));
  const skipped = records.flatMap((r) => ('skipped' in r ? [r.skipped] : []));
  return { actions, skipped, problems };
}
