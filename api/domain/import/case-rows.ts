// Checks each row of a case file against the mapping and turns it into a case to import, or into
// the problems an admin must fix in the file, named by row and column. Pure: the partnership's
// agencies and today's date are passed in.

import type { CalendarDate } from '../agenda/calendar-date';
import { normalisePostcode } from '../matching/addresses';
import { CASE_FIELDS, type ColumnMapping } from './fields';
import { columnIndexOf, readRows, RowReader, words, type RowProblem } from './row-reader';

export { parseImportDate, type RowProblem } from './row-reader';

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

export interface CaseRowContext {
  /** Agency names as the partnership spells them, with their ids. */
  agencies: ReadonlyArray<{ id: string; name: string }>;
  today: CalendarDate;
}

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

function readCase(reader: RowReader, context: CaseRowContext, agencyIds: ReadonlyMap<string, string>): ImportedCase {
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
    row: reader.row,
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
  const columnIndex = columnIndexOf(headers);
  const agencyIds = new Map(context.agencies.map((agency) => [words(agency.name), agency.id]));
  const { records, problems } = readRows(
    rows,
    (cells, row) => new RowReader(cells, row, mapping, columnIndex, CASE_FIELDS),
    (reader) => readCase(reader, context, agencyIds),
    'caseId',
  );
  return { cases: records, problems };
}
