// Checks each row of a case file against the mapping and turns it into a case to import, or into
// the problems an admin must fix in the file, named by row and column. Pure: the partnership's
// agencies and today's date are passed in.

import { isCalendarDate, type CalendarDate } from '../agenda/calendar-date';
import { normalisePostcode } from '../matching/addresses';
import { CASE_FIELDS, type CaseFieldKey, type ColumnMapping } from './fields';

export interface ImportedPerson {
  sourceId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: CalendarDate | null;
}

export interface ImportedLocation {
  sourceId: string;
  address: string;
  town: string;
  postcode: string;
  postcodeKey: string;
  ward: string | null;
}

export interface ImportedCase {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  sourceId: string;
  kind: 'VICTIM' | 'PERPETRATOR' | 'LOCATION';
  status: 'OPEN' | 'LEAD_AGENCY_CASEWORK';
  openedOn: CalendarDate;
  leadAgencyId: string;
  riskBand: 'LOW' | 'MEDIUM' | 'HIGH' | null;
  summary: string | null;
  victim: ImportedPerson | null;
  perpetrator: ImportedPerson | null;
  location: ImportedLocation | null;
}

export interface RowProblem {
  row: number;
  /** The file's column header, or the field's name when the column is missing. */
  column: string;
  message: string;
}

export interface CaseRowContext {
  /** Agency names as the partnership spells them, with their ids. */
  agencies: ReadonlyArray<{ id: string; name: string }>;
  today: CalendarDate;
}

export const MAX_CELL_LENGTH = 2000;
const MAX_ID_LENGTH = 64;

const CASE_TYPES: Record<string, ImportedCase['kind']> = {
  victim: 'VICTIM',
  v: 'VICTIM',
  perpetrator: 'PERPETRATOR',
  offender: 'PERPETRATOR',
  p: 'PERPETRATOR',
  location: 'LOCATION',
  place: 'LOCATION',
  l: 'LOCATION',
};
const STATUSES: Record<string, ImportedCase['status']> = {
  open: 'OPEN',
  active: 'OPEN',
  'lead agency casework': 'LEAD_AGENCY_CASEWORK',
  casework: 'LEAD_AGENCY_CASEWORK',
};
const RISK_BANDS: Record<string, NonNullable<ImportedCase['riskBand']>> = {
  low: 'LOW',
  standard: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  'very high': 'HIGH',
};

const words = (raw: string): string => raw.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();

/** ISO (2026-03-01) or the British day-first form (01/03/2026 or 1.3.2026). */
export function parseImportDate(raw: string): CalendarDate | null {
  const text = raw.trim();
  if (isCalendarDate(text)) return text;
  const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!british) return null;
  const [, d, m, y] = british;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** Reads one row through the mapping; `problem` collects what is wrong, naming the file's column. */
class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly cells: readonly string[],
    private readonly row: number,
    private readonly mapping: ColumnMapping,
    private readonly columnIndex: ReadonlyMap<string, number>,
  ) {}

  column(field: CaseFieldKey): string {
    return this.mapping[field] ?? CASE_FIELDS.find((f) => f.key === field)!.label;
  }

  text(field: CaseFieldKey): string {
    const header = this.mapping[field];
    const index = header === undefined ? undefined : this.columnIndex.get(header);
    const value = index === undefined ? '' : (this.cells[index] ?? '').trim();
    if (value.length > MAX_CELL_LENGTH) {
      this.problem(field, `is longer than ${MAX_CELL_LENGTH} characters.`);
      return value.slice(0, MAX_CELL_LENGTH);
    }
    return value;
  }

  problem(field: CaseFieldKey, message: string): void {
    this.problems.push({ row: this.row, column: this.column(field), message: `${this.column(field)} ${message}` });
  }

  id(field: CaseFieldKey): string {
    const value = this.text(field);
    if (value.length > MAX_ID_LENGTH) this.problem(field, `is longer than ${MAX_ID_LENGTH} characters; is it the right column?`);
    return value;
  }

  date(field: CaseFieldKey, today: CalendarDate): CalendarDate | null {
    const value = this.text(field);
    if (!value) return null;
    const date = parseImportDate(value);
    if (!date) this.problem(field, `"${value}" is not a date; write it as 2026-03-01 or 01/03/2026.`);
    else if (date > today) this.problem(field, `${date} is in the future.`);
    return date;
  }
}

function readPerson(reader: RowReader, role: 'victim' | 'perpetrator', today: CalendarDate): ImportedPerson | null {
  const id = `${role}Id` as const;
  const given = `${role}GivenName` as const;
  const family = `${role}FamilyName` as const;
  const dob = `${role}DateOfBirth` as const;
  const person = {
    sourceId: reader.id(id),
    givenName: reader.text(given),
    familyName: reader.text(family),
    dateOfBirth: reader.date(dob, today),
  };
  if (!person.sourceId && !person.givenName && !person.familyName && !person.dateOfBirth) return null;
  if (!person.sourceId) reader.problem(id, `is empty: each ${role} needs their id in the source system.`);
  if (!person.givenName) reader.problem(given, 'is empty.');
  if (!person.familyName) reader.problem(family, 'is empty.');
  return person;
}

function readLocation(reader: RowReader): ImportedLocation | null {
  const sourceId = reader.id('locationId');
  const address = reader.text('address');
  const town = reader.text('town');
  const postcode = reader.text('postcode');
  const ward = reader.text('ward') || null;
  if (!sourceId && !address && !town && !postcode) return null;
  if (!sourceId) reader.problem('locationId', 'is empty: each address needs its id in the source system.');
  if (!address) reader.problem('address', 'is empty.');
  if (!town) reader.problem('town', 'is empty.');
  const key = normalisePostcode(postcode);
  if (!key.ok) reader.problem('postcode', postcode ? `"${postcode}" is not a UK postcode.` : 'is empty.');
  return { sourceId, address, town, postcode, postcodeKey: key.ok ? key.value : '', ward };
}

function readCase(reader: RowReader, row: number, context: CaseRowContext, agencyIds: ReadonlyMap<string, string>): ImportedCase {
  const sourceId = reader.id('caseId');
  if (!sourceId) reader.problem('caseId', 'is empty.');

  const typeText = reader.text('caseType');
  const kind = CASE_TYPES[words(typeText)];
  if (!kind) reader.problem('caseType', `"${typeText}" is not a case type; use victim, perpetrator or location.`);

  const statusText = reader.text('status');
  const status = statusText ? STATUSES[words(statusText)] : 'OPEN';
  if (words(statusText) === 'closed') reader.problem('status', 'is closed: only open cases are imported.');
  else if (!status) reader.problem('status', `"${statusText}" is not a status; use open or lead agency casework.`);

  const openedOn = reader.date('openedOn', context.today);
  if (!reader.text('openedOn')) reader.problem('openedOn', 'is empty.');

  const agencyText = reader.text('leadAgency');
  const leadAgencyId = agencyIds.get(words(agencyText));
  if (!leadAgencyId) {
    reader.problem('leadAgency', agencyText ? `"${agencyText}" is not one of the partnership's agencies.` : 'is empty.');
  }

  const riskText = reader.text('riskBand');
  const riskBand = riskText ? (RISK_BANDS[words(riskText)] ?? null) : null;
  if (riskText && !riskBand) reader.problem('riskBand', `"${riskText}" is not a risk band; use low, medium or high.`);

  const victim = readPerson(reader, 'victim', context.today);
  const perpetrator = readPerson(reader, 'perpetrator', context.today);
  const location = readLocation(reader);
  if (kind === 'VICTIM' && !victim) reader.problem('victimId', 'is empty: a victim case needs its victim.');
  if (kind === 'PERPETRATOR' && !perpetrator) reader.problem('perpetratorId', 'is empty: a perpetrator case needs its perpetrator.');
  if (kind === 'LOCATION' && !location) reader.problem('locationId', 'is empty: a location case needs its address.');

  return {
    row,
    sourceId,
    kind: kind ?? 'VICTIM',
    status: status ?? 'OPEN',
    openedOn: openedOn ?? context.today,
    leadAgencyId: leadAgencyId ?? '',
    riskBand,
    summary: reader.text('summary') || null,
    victim,
    perpetrator,
    location,
  };
}

/**
 * Every row's problems, or the cases to import when there are none. A case id twice in one file is a
 * problem on its second row: the file must say which row is the case.
 */
export function readCaseRows(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  mapping: ColumnMapping,
  context: CaseRowContext,
): { cases: ImportedCase[]; problems: RowProblem[] } {
  const columnIndex = new Map<string, number>();
  headers.forEach((header, index) => {
    if (!columnIndex.has(header)) columnIndex.set(header, index);
  });
  const agencyIds = new Map(context.agencies.map((agency) => [words(agency.name), agency.id]));
  const cases: ImportedCase[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    const reader = new RowReader(cells, row, mapping, columnIndex);
    const kase = readCase(reader, row, context, agencyIds);
    const earlier = kase.sourceId ? firstRowOf.get(kase.sourceId) : undefined;
    if (earlier !== undefined) reader.problem('caseId', `"${kase.sourceId}" is also on row ${earlier}.`);
    else if (kase.sourceId) firstRowOf.set(kase.sourceId, row);
    problems.push(...reader.problems);
    if (reader.problems.length === 0) cases.push(kase);
  });
  return { cases, problems };
}
