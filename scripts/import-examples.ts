// Writes the example import files in examples/import/: an ECINS-style CSV and a Sentinel-style Excel
// workbook of fictional cases whose lead agencies are the demo partnership's, so both import into the
// demo as they are. Run: npx tsx scripts/import-examples.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { projectRoot } from '../api/paths';
import { DEMO_AGENCIES } from '../api/store/demo-data';
import { ECINS_HEADERS, exampleCaseRows, toCsv } from '../tests/support/import-case-file';

/** The same columns as another system names them: the import suggests the mapping from either. */
const SENTINEL_HEADERS = [
  'Case Reference',
  'Type',
  'Case Status',
  'Opened',
  'Agency',
  'Risk',
  'Description',
  'Victim Ref',
  'Victim First Name',
  'Victim Last Name',
  'Victim DOB',
  'Perpetrator Ref',
  'Perpetrator First Name',
  'Perpetrator Last Name',
  'Perpetrator DOB',
  'Property Ref',
  'Address Line 1',
  'Town',
  'Post Code',
  'Ward',
];

async function main(): Promise<void> {
  const dir = path.join(projectRoot, 'examples', 'import');
  const agencies = DEMO_AGENCIES.map((agency) => agency.name);
  writeFileSync(path.join(dir, 'ecins-cases.csv'), toCsv(ECINS_HEADERS, exampleCaseRows(12, agencies)));

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.addRow(SENTINEL_HEADERS);
  const opened = SENTINEL_HEADERS.indexOf('Opened');
  for (const row of exampleCaseRows(12, agencies).map((cells) => cells.map((cell) => cell.replace(/^([CVPL])-/, 'S$1-')))) {
    // Excel holds dates as dates: the import reads them back as days.
    sheet.addRow(row.map((cell, i) => (i === opened ? new Date(`${cell}T00:00:00Z`) : cell)));
  }
  sheet.getColumn(opened + 1).numFmt = 'dd/mm/yyyy';
  // Fixed metadata, so regenerating an unchanged file gives the same bytes' content.
  workbook.created = workbook.modified = new Date('2026-11-02T00:00:00Z');
  await workbook.xlsx.writeFile(path.join(dir, 'sentinel-cases.xlsx'));
}

void main();
