// Reads one row of an import file through the confirmed mapping, collecting what is wrong with it
// named by the file's own column, so every kind of file reports its problems the same way.
import { isCalendarDate, type CalendarDate } from '../agenda/calendar-date';
import type { ColumnMapping, ImportField } from './fields';

export interface RowProblem {
  row: number;
  /** The file's column header, or the field's name when the column is missing. */
  column: string;
  message: string;
}

export const MAX_CELL_LENGTH = 2000;
const MAX_ID_LENGTH = 64;

/** Lower case, single spaces, dashes and underscores as spaces: how a file's words are compared. */
export const words = (raw: string): string => raw.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();

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

/** Column header → its index; the first of two columns with one header wins. */
export function columnIndexOf(headers: readonly string[]): Map<string, number> {
  const columnIndex = new Map<string, number>();
  headers.forEach((header, index) => {
    if (!columnIndex.has(header)) columnIndex.set(header, index);
  });
  return columnIndex;
}

export class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly cells: readonly string[],
    readonly row: number,
    private readonly mapping: ColumnMapping,
    private readonly columnIndex: ReadonlyMap<string, number>,
    private readonly fields: readonly ImportField[],
  ) {}

  column(field: string): string {
    return this.mapping[field] ?? this.fields.find((f) => f.key === field)?.label ?? field;
  }

  text(field: string): string {
    const header = this.mapping[field];
    const index = header === undefined ? undefined : this.columnIndex.get(header);
    const value = index === undefined ? '' : (this.cells[index] ?? '').trim();
    if (value.length > MAX_CELL_LENGTH) {
      this.problem(field, `is longer than ${MAX_CELL_LENGTH} characters.`);
      return value.slice(0, MAX_CELL_LENGTH);
    }
    return value;
  }

  problem(field: string, message: string): void {
    this.problems.push({ row: this.row, column: this.column(field), message: `${this.column(field)} ${message}` });
  }

  /** A problem whose message says it all, without the column's name in front. */
  problemSaying(field: string, message: string): void {
    this.problems.push({ row: this.row, column: this.column(field), message });
  }

  id(field: string): string {
    const value = this.text(field);
    if (value.length > MAX_ID_LENGTH) this.problem(field, `is longer than ${MAX_ID_LENGTH} characters; is it the right column?`);
    return value;
  }

  /** An id the row must have: a problem when empty. */
  requiredId(field: string): string {
    const value = this.id(field);
    if (!value) this.problem(field, 'is empty.');
    return value;
  }

  /** Several ids in one cell, separated by semicolons, commas or line breaks. */
  ids(field: string): string[] {
    const ids = this.text(field)
      .split(/[;,\n]/)
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.some((id) => id.length > MAX_ID_LENGTH)) this.problem(field, `holds an id longer than ${MAX_ID_LENGTH} characters.`);
    return [...new Set(ids)];
  }

  date(field: string, today: CalendarDate): CalendarDate | null {
    const value = this.text(field);
    if (!value) return null;
    const date = parseImportDate(value);
    if (!date) this.problem(field, `"${value}" is not a date; write it as 2026-03-01 or 01/03/2026.`);
    else if (date > today) this.problem(field, `${date} is in the future.`);
    return date;
  }
}

/** Reads every row with `read`; an id twice in one file is a problem on its second row. */
export function readRows<T extends { sourceId: string }>(
  rows: ReadonlyArray<readonly string[]>,
  reader: (cells: readonly string[], row: number) => RowReader,
  read: (reader: RowReader) => T,
  idField: string,
): { records: T[]; problems: RowProblem[] } {
  const records: T[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((cells, index) => {
    const rowReader = reader(cells, index + 2);
    const record = read(rowReader);
    const earlier = record.sourceId ? firstRowOf.get(record.sourceId) : undefined;
    if (earlier !== undefined) rowReader.problem(idField, `"${record.sourceId}" is also on row ${earlier}.`);
    else if (record.sourceId) firstRowOf.set(record.sourceId, rowReader.row);
    problems.push(...rowReader.problems);
    if (rowReader.problems.length === 0) records.push(record);
  });
  return { records, problems };
}
