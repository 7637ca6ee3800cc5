// Turns an uploaded CSV or Excel file into a header row and rows of text cells, refusing what cannot
// be imported safely with a reason an admin can act on: not UTF-8, too many rows, formulas (in a
// sheet, or a CSV cell that starts with "=").
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ServiceError, type FieldError } from '../errors';

/** A file larger than this is refused at the edge; see IMPORT_UPLOAD_BODY_LIMIT. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** One file is one transaction: split bigger exports. */
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportFile {
  headers: string[];
  rows: string[][];
}

const refused = (message: string, fieldErrors: FieldError[] = []) => new ServiceError('VALIDATION_FAILED', message, fieldErrors);

const tooManyRows = (count: string) =>
  refused(
    `The file has ${count} rows; at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} can be imported at once. Split it into smaller files.`,
  );

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function readImportFile(fileName: string, bytes: Buffer): Promise<ImportFile> {
  if (bytes.length === 0) throw refused('The file is empty.');
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw refused('The file is larger than 10 MB. Split it into smaller files.');
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls')) throw refused('Old Excel files (.xls) are not read: save the sheet as .xlsx or as CSV UTF-8.');
  const table = lower.endsWith('.xlsx') || isZip(bytes) ? await readWorkbook(bytes) : readCsv(bytes);
  const [headerRow, ...rows] = table;
  const headers = (headerRow ?? []).map((header) => header.trim());
  if (headers.every((header) => !header)) throw refused('The file has no header row: its first row must name the columns.');
  const nonEmpty = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw refused('The file has a header row but no rows to import.');
  return { headers, rows: nonEmpty };
}

function readCsv(bytes: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused('The file is not UTF-8 text. In Excel choose "Save as: CSV UTF-8", or export as UTF-8 from the source system.');
  }
  if (text.includes('\u0000')) throw refused('The file is not a text CSV file (it holds binary data). Upload a CSV or .xlsx file.');
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, to_line: MAX_IMPORT_ROWS + 2 }) as string[][];
  } catch (error) {
    throw refused(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  if (rows.length > MAX_IMPORT_ROWS + 1) throw tooManyRows(`more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')}`);
  refuseFormulas(csvFormulas(rows));
  return rows;
}

/**
 * Cells a spreadsheet would evaluate when it opens the file: an export with one was edited by hand or
 * tampered with, and its value is not what the source system held. A leading +, - or @ is left as
 * text (phone numbers, negative numbers, handles); the app's own exports escape those.
 */
function csvFormulas(rows: string[][]): FieldError[] {
  const headers = rows[0] ?? [];
  const formulas: FieldError[] = [];
  rows.forEach((row, index) => {
    row.forEach((cell, column) => {
      if (index > 0 && cell.trimStart().startsWith('=')) {
        const header = headers[column]?.trim() || `column ${column + 1}`;
        formulas.push({ field: `row ${index + 1}`, message: `${header} holds a formula.` });
      }
    });
  });
  return formulas;
}

function refuseFormulas(formulas: FieldError[]): void {
  if (formulas.length === 0) return;
  throw refused(
    `The file holds ${formulas.length} formula cell${formulas.length === 1 ? '' : 's'}. Formulas are never evaluated on import: copy the sheet and paste values only, then upload it again.`,
    formulas.slice(0, 100),
  );
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

const isFormula = (value: ExcelJS.CellValue): boolean =>
  typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);

async function readWorkbook(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refused('The file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or export it as CSV UTF-8.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refused('The workbook has no sheets.');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows((sheet.actualRowCount - 1).toLocaleString('en-GB'));
  const width = sheet.columnCount;
  const rows: string[][] = [];
  const formulas: FieldError[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) {
      const cell = row.getCell(column);
      if (isFormula(cell.value)) {
        formulas.push({ field: `row ${rowNumber}`, message: `Cell ${cell.address} holds a formula.` });
        cells.push('');
      } else cells.push(cellText(cell.value));
    }
    rows[rowNumber - 1] = cells;
  });
  refuseFormulas(formulas);
  return Array.from(rows, (row) => row ?? []);
}
