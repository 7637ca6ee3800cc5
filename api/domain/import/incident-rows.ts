// Checks each row of an incidents file and turns it into an incident on a case imported earlier from
// the same system, or into the problems to fix in the file. Pure: the import keys already held, the
// clock and the partnership's agencies are passed in.
import { londonInstant, type CalendarDate } from '../agenda/calendar-date';
import { INCIDENT_FIELDS, type ColumnMapping } from './fields';
import { importKey } from './keys';
import { columnIndexOf, parseImportDate, readRows, RowReader, words, type RowProblem } from './row-reader';

export type AsbCategory = 'PERSONAL' | 'NUISANCE' | 'ENVIRONMENTAL';

export interface ImportedIncident {
  row: number;
  sourceId: string;
  caseId: string;
  occurredAt: Date;
  category: AsbCategory;
  description: string;
  locationId: string | null;
  people: Array<{ personId: string; role: 'VICTIM' | 'PERPETRATOR' }>;
}

export interface ImportedRowContext {
  /** Import key ("Case:C-1") → the record imported earlier from the same source system. */
  keys: ReadonlyMap<string, string>;
  sourceSystem: string;
  now: Date;
}

const CATEGORIES: Record<string, AsbCategory> = {
  personal: 'PERSONAL',
  nuisance: 'NUISANCE',
  environmental: 'ENVIRONMENTAL',
  environment: 'ENVIRONMENTAL',
};

/** A date with an optional London wall-clock time: "2026-10-01 14:30", "01/10/2026 14:30", "2026-10-01T14:30:00". */
export function parseImportDateTime(raw: string): { date: CalendarDate; time: string } | null {
  const match = /^(\S+?)(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(raw.trim());
  if (!match) return null;
  const date = parseImportDate(match[1]!);
  if (!date) return null;
  const [hours, minutes] = [Number(match[2] ?? 0), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59) return null;
  return { date, time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

/** The case the row belongs to, imported earlier: or the problem that says to import it first. */
export function importedCaseOf(reader: RowReader, field: string, context: ImportedRowContext): string {
  const ref = reader.requiredId(field);
  const caseId = ref ? context.keys.get(importKey('Case', ref)) : undefined;
  if (ref && !caseId) {
    reader.problemSaying(field, `Case ${ref} has not been imported from ${context.sourceSystem}: import its cases file first.`);
  }
  return caseId ?? '';
}

function importedPeople(reader: RowReader, field: string, role: 'VICTIM' | 'PERPETRATOR', context: ImportedRowContext) {
  const people: ImportedIncident['people'] = [];
  for (const ref of reader.ids(field)) {
    const personId = context.keys.get(importKey('Person', ref));
    if (personId) people.push({ personId, role });
    else
      reader.problemSaying(field, `Person ${ref} has not been imported from ${context.sourceSystem}: import the cases they are on first.`);
  }
  return people;
}

function readIncident(reader: RowReader, context: ImportedRowContext): ImportedIncident {
  const sourceId = reader.requiredId('incidentId');
  const caseId = importedCaseOf(reader, 'caseRef', context);

  const when = reader.text('occurredAt');
  const parsed = when ? parseImportDateTime(when) : null;
  let occurredAt = context.now;
  if (!when) reader.problem('occurredAt', 'is empty.');
  else if (!parsed) reader.problem('occurredAt', `"${when}" is not a date and time; write it as 2026-03-01 14:30 or 01/03/2026 14:30.`);
  else {
    occurredAt = londonInstant(parsed.date, parsed.time);
    if (occurredAt > context.now) reader.problem('occurredAt', `${parsed.date} ${parsed.time} is in the future.`);
  }

  const categoryText = reader.text('category');
  const category =
    CATEGORIES[
      words(categoryText)
        .replace(/\basb\b/g, '')
        .trim()
    ];
  if (!category) {
    reader.problem(
      'category',
      categoryText ? `"${categoryText}" is not a category; use personal, nuisance or environmental.` : 'is empty.',
    );
  }

  const description = reader.text('description');
  if (!description) reader.problem('description', 'is empty: say what happened.');

  const locationRef = reader.id('locationRef');
  const locationId = locationRef ? (context.keys.get(importKey('Location', locationRef)) ?? null) : null;
  if (locationRef && !locationId) {
    reader.problemSaying(
      'locationRef',
      `Location ${locationRef} has not been imported from ${context.sourceSystem}: import the cases at it first.`,
    );
  }

  const people = [
    ...importedPeople(reader, 'victimRefs', 'VICTIM', context),
    ...importedPeople(reader, 'perpetratorRefs', 'PERPETRATOR', context),
  ];
  return { row: reader.row, sourceId, caseId, occurredAt, category: category ?? 'NUISANCE', description, locationId, people };
}

/** Every row's problems, or the incidents to import when there are none. */
export function readIncidentRows(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  mapping: ColumnMapping,
  context: ImportedRowContext,
): { incidents: ImportedIncident[]; problems: RowProblem[] } {
  const columnIndex = columnIndexOf(headers);
  const { records, problems } = readRows(
    rows,
    (cells, row) => new RowReader(cells, row, mapping, columnIndex, INCIDENT_FIELDS),
    (reader) => readIncident(reader, context),
    'incidentId',
  );
  return { incidents: records, problems };
}
