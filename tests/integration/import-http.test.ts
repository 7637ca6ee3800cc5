// Importing existing cases over real HTTP and the real database: a 1,000-case file goes in at one go
// while its progress is polled (each table it writes takes more than one chunk; the realistic 5,000-case
// file is bench/import.ts's, as its time is what that size is about), the dry run names every seeded
// problem by row, a second import of the same file changes nothing, and bad files or a file with one
// bad row write nothing. Files over the row limit are one row over it: that is the limit, and a bigger
// file would only take longer to build and read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { projectRoot } from '../../api/paths';
import { DEMO_AGENCIES, DEMO_MEMBERS } from '../../api/store/demo-data';
import { ECINS_HEADERS, exampleCaseRows, toCsv } from '../support/import-case-file';
import { tableRowCounts } from '../support/table-counts';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';

const NOW = new Date('2026-11-02T10:00:00Z');
const admin = DEMO_MEMBERS.find((m) => m.displayName === 'Owen Dummy')!;
const agencies = DEMO_AGENCIES.map((a) => a.name);

let database: TestDatabase;
let app: RunningApp;
let token: string;

beforeAll(async () => {
  database = await openDemoDatabase({ today: NOW });
  app = await startTestApp(database.db, { clock: () => NOW });
  token = await app.signInAs(admin.id);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

interface Uploaded {
  id: string;
  rowCount: number;
  suggestedMapping: Record<string, string>;
  missingFields: string[];
}
interface DryRun {
  casesToImport: number;
  alreadyImported: number;
  problemCount: number;
  problems: Array<{ row: number; column: string; message: string }>;
  duplicates: Array<{ key: string; candidates: Array<{ id: string }> }>;
}
interface Status {
  status: string;
  processed: number;
  total: number;
  created: { cases: number; people: number; locations: number; alreadyImported: number } | null;
}

const upload = (fileName: string, content: Buffer | string, sourceSystem = 'ECINS') =>
  app.call<Uploaded>('POST', '/api/imports', {
    token,
    body: { fileName, sourceSystem, content: Buffer.from(content).toString('base64') },
  });

async function uploadAndDryRun(csv: string, sourceSystem = 'ECINS') {
  const uploaded = await upload('cases.csv', csv, sourceSystem);
  expect(uploaded.status).toBe(201);
  const dryRun = await app.call<DryRun>('POST', `/api/imports/${uploaded.body.id}/dry-run`, {
    token,
    body: { mapping: uploaded.body.suggestedMapping },
  });
  expect(dryRun.status).toBe(200);
  return { uploaded: uploaded.body, dryRun: dryRun.body };
}

const importedTables = async () => {
  const counts = await tableRowCounts(database.db);
  return Object.fromEntries(
    ['Case', 'Person', 'Location', 'CaseSubject', 'CaseLocation', 'ImportKey'].map((table) => [table, counts[table]]),
  );
};

/** Commits with every possible duplicate taken as new, and polls until the job ends. */
async function commitAndWatch(id: string, mapping: Record<string, string>, dryRun: DryRun) {
  const decisions = Object.fromEntries(dryRun.duplicates.map((d) => [d.key, 'NEW']));
  const started = await app.call<Status>('POST', `/api/imports/${id}/commit`, { token, body: { mapping, decisions } });
  expect(started.status).toBe(202);
  expect(started.body.status).toBe('RUNNING');
  const seen: Status[] = [started.body];
  for (let poll = 0; poll < 600; poll++) {
    const status = await app.call<Status>('GET', `/api/imports/${id}`, { token });
    expect(status.status).toBe(200);
    seen.push(status.body);
    if (status.body.status !== 'RUNNING') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return seen;
}

/** More than one 500-row chunk (write-import.ts) in each table the import writes. */
const CASES = 1000;

describe('a 1,000-case file', () => {
  const csv = toCsv(ECINS_HEADERS, exampleCaseRows(CASES, agencies));

  test('imports in one go, reporting progress until every record is written', async () => {
    const before = await importedTables();
    const { uploaded, dryRun } = await uploadAndDryRun(csv);
    expect(uploaded.rowCount).toBe(CASES);
    expect(uploaded.missingFields).toEqual([]);
    expect(dryRun).toMatchObject({ casesToImport: CASES, alreadyImported: 0, problemCount: 0 });

    const seen = await commitAndWatch(uploaded.id, uploaded.suggestedMapping, dryRun);
    const last = seen.at(-1)!;
    expect(last.status).toBe('DONE');
    expect(last.processed).toBe(last.total);
    expect(last.total).toBeGreaterThan(CASES);
    const processed = seen.map((s) => s.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(last.created).toMatchObject({ cases: CASES, alreadyImported: 0 });

    const after = await importedTables();
    expect(after.Case! - before.Case!).toBe(CASES);
    expect(after.CaseLocation! - before.CaseLocation!).toBe(CASES);
    expect(after.Person! - before.Person!).toBe(last.created!.people);

    const kase = await database.db.prisma.case.findFirstOrThrow({
      where: { reference: 'ECINS-C-00001' },
      include: { subjects: { include: { person: true } }, locations: { include: { location: true } } },
    });
    expect(kase).toMatchObject({ kind: 'VICTIM', status: 'OPEN', currentRiskBand: 'MEDIUM' });
    expect(kase.subjects.map((s) => s.role)).toEqual(['VICTIM']);
    expect(kase.locations[0]!.location).toMatchObject({ addressLine1: '2 Tanner Row', postcodeKey: 'ZX2 2DE', ward: 'Fernbrook North' });

    const audited = await database.db.prisma.auditEvent.findFirstOrThrow({ where: { event: 'import.commit', entityId: uploaded.id } });
    expect(audited.after).toMatchObject({ created: { cases: CASES } });
  }, 300_000);

  test('imported a second time, changes nothing', async () => {
    const before = await importedTables();
    const { uploaded, dryRun } = await uploadAndDryRun(csv);
    expect(dryRun).toMatchObject({ casesToImport: 0, alreadyImported: CASES, problemCount: 0, duplicates: [] });
    const last = (await commitAndWatch(uploaded.id, uploaded.suggestedMapping, dryRun)).at(-1)!;
    expect(last).toMatchObject({ status: 'DONE', created: { cases: 0, people: 0, locations: 0, alreadyImported: CASES } });
    expect(await importedTables()).toEqual(before);
  }, 120_000);
});

describe('the dry run', () => {
  test('reports each seeded problem on its row and column, and writes no record', async () => {
    const rows = exampleCaseRows(6, agencies).map((row) => row.map((cell) => cell.replace(/^C-/, 'D-')));
    const column = (name: (typeof ECINS_HEADERS)[number]) => ECINS_HEADERS.indexOf(name);
    rows[0]![column('Date Opened')] = '31/02/2026';
    rows[1]![column('Lead Agency')] = 'Ministry of Nowhere';
    rows[2]![column('Postcode')] = 'NOT A POSTCODE';
    rows[3]![column('Case Type')] = 'Burglary';
    rows[4]![column('Case Ref')] = rows[0]![column('Case Ref')]!;
    const before = await importedTables();
    const { dryRun } = await uploadAndDryRun(toCsv(ECINS_HEADERS, rows), 'Sentinel');
    expect(dryRun.problems).toEqual([
      { row: 2, column: 'Date Opened', message: 'Date Opened "31/02/2026" is not a date; write it as 2026-03-01 or 01/03/2026.' },
      { row: 3, column: 'Lead Agency', message: 'Lead Agency "Ministry of Nowhere" is not one of the partnership\'s agencies.' },
      { row: 4, column: 'Postcode', message: 'Postcode "NOT A POSTCODE" is not a UK postcode.' },
      { row: 5, column: 'Case Type', message: 'Case Type "Burglary" is not a case type; use victim, perpetrator or location.' },
      { row: 6, column: 'Case Ref', message: 'Case Ref "D-00001" is also on row 2.' },
    ]);
    expect(dryRun).toMatchObject({ problemCount: 5, casesToImport: 0 });
    expect(await importedTables()).toEqual(before);
  });

  test('refuses a mapping that leaves a required column out, naming it', async () => {
    const headers = ECINS_HEADERS.filter((h) => h !== 'Lead Agency');
    const rows = exampleCaseRows(2, agencies).map((row) => row.filter((_cell, i) => ECINS_HEADERS[i] !== 'Lead Agency'));
    const uploaded = await upload('cases.csv', toCsv(headers, rows));
    expect(uploaded.body.missingFields).toEqual(['Lead agency']);
    const before = await tableRowCounts(database.db);
    const dryRun = await app.call<{ error: { message: string } }>('POST', `/api/imports/${uploaded.body.id}/dry-run`, {
      token,
      body: { mapping: uploaded.body.suggestedMapping },
    });
    expect(dryRun.status).toBe(400);
    expect(dryRun.body.error.message).toBe('The file needs a column for: Lead agency.');
    const commit = await app.call<{ error: { message: string } }>('POST', `/api/imports/${uploaded.body.id}/commit`, {
      token,
      body: { mapping: uploaded.body.suggestedMapping },
    });
    expect(commit.status).toBe(400);
    expect(commit.body.error.message).toBe('The file needs a column for: Lead agency.');
    expect(await tableRowCounts(database.db)).toEqual(before);
  });
});

describe('a file with one bad row', () => {
  test('is refused at commit and writes nothing at all', async () => {
    const rows = exampleCaseRows(50, agencies).map((row) => row.map((cell) => cell.replace(/^C-/, 'B-')));
    rows[32]![ECINS_HEADERS.indexOf('Victim Forename')] = '';
    const uploaded = await upload('cases.csv', toCsv(ECINS_HEADERS, rows));
    const before = await tableRowCounts(database.db);
    const commit = await app.call<{ error: { message: string; fields: Array<{ field: string; message: string }> } }>(
      'POST',
      `/api/imports/${uploaded.body.id}/commit`,
      { token, body: { mapping: uploaded.body.suggestedMapping, decisions: {} } },
    );
    expect(commit.status).toBe(400);
    expect(commit.body.error.message).toBe('The file has 1 problem; nothing was imported. Fix them in the file and upload it again.');
    expect(commit.body.error.fields).toEqual([{ field: 'row 34', message: 'Victim Forename is empty.' }]);
    expect(await tableRowCounts(database.db)).toEqual(before);
  });
});

describe('bad files get a clear report and write nothing', () => {
  async function refusedUpload(fileName: string, content: Buffer | string) {
    const before = await tableRowCounts(database.db);
    const answer = (await upload(fileName, content)) as unknown as { status: number; body: { error: { message: string } } };
    expect(await tableRowCounts(database.db)).toEqual(before);
    return answer;
  }

  test('a file not in UTF-8', async () => {
    const latin1 = Buffer.from(toCsv(ECINS_HEADERS, exampleCaseRows(2, agencies)).replace(/Fernbrook/g, 'Fernbröok'), 'latin1');
    const answer = await refusedUpload('cases.csv', latin1);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^The file is not UTF-8 text\./);
  });

  test('a file of 20,001 rows', async () => {
    // Only the required columns, so the file stays under the upload limit and the row limit is what refuses it.
    const big = `Case Ref,Case Type,Date Opened,Lead Agency\n${Array.from({ length: 20_001 }, (_, i) => `R-${i},Location,2026-01-02,Fire\n`).join('')}`;
    const answer = await refusedUpload('cases.csv', big);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe(
      'The file has more than 20,000 rows; at most 20,000 can be imported at once. Split it into smaller files.',
    );
  });

  test('a workbook of 20,001 rows', async () => {
    // Written as a stream: building the rows in memory first takes ten times as long.
    const file = new PassThrough();
    const chunks: Buffer[] = [];
    file.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet('Cases');
    sheet.addRow(['Case Ref', 'Case Type', 'Date Opened', 'Lead Agency']).commit();
    for (let i = 0; i < 20_001; i++) sheet.addRow([`R-${i}`, 'Location', '2026-01-02', 'Fire']).commit();
    sheet.commit();
    await writer.commit();
    const answer = await refusedUpload('cases.xlsx', Buffer.concat(chunks));
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe(
      'The file has 20,001 rows; at most 20,000 can be imported at once. Split it into smaller files.',
    );
  }, 60_000);

  test('a workbook with formulas in its cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cases');
    sheet.addRow([...ECINS_HEADERS]);
    sheet.addRow(exampleCaseRows(1, agencies)[0]!);
    sheet.getCell('G2').value = { formula: 'HYPERLINK("http://example.invalid","click")', result: 'click' } as ExcelJS.CellFormulaValue;
    const answer = await refusedUpload('cases.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      message:
        'The file holds 1 formula cell. Formulas are never evaluated on import: copy the sheet and paste values only, then upload it again.',
      fields: [{ field: 'row 2', message: 'Cell G2 holds a formula.' }],
    });
  });

  test('a CSV file with a formula in a cell', async () => {
    const rows = exampleCaseRows(3, agencies);
    rows[1]![ECINS_HEADERS.indexOf('Summary')] = '=HYPERLINK("http://example.invalid","click")';
    const answer = await refusedUpload('cases.csv', toCsv(ECINS_HEADERS, rows));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      message:
        'The file holds 1 formula cell. Formulas are never evaluated on import: copy the sheet and paste values only, then upload it again.',
      fields: [{ field: 'row 3', message: 'Summary holds a formula.' }],
    });
  });

  test('a 50 MB upload is refused at the edge', async () => {
    const before = await tableRowCounts(database.db);
    const answer = await app.call<{ error: { code: string; message: string } }>('POST', '/api/imports', {
      token,
      body: { fileName: 'cases.csv', sourceSystem: 'ECINS', content: 'A'.repeat(50 * 1024 * 1024) },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The file is larger than 10 MB. Split it into smaller files.',
    });
    expect(await tableRowCounts(database.db)).toEqual(before);
  });

  test('a large upload from someone not signed in is refused before its body is read', async () => {
    const answer = await app.call<{ error: { code: string } }>('POST', '/api/imports', {
      body: { fileName: 'cases.csv', sourceSystem: 'ECINS', content: 'A'.repeat(5 * 1024 * 1024) },
    });
    expect(answer.status).toBe(401);
  });
});

describe('an Excel workbook', () => {
  test('is read like the CSV, dates and numbers as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cases');
    sheet.addRow([...ECINS_HEADERS]);
    const row = exampleCaseRows(1, agencies)[0]!.map((cell) => cell.replace(/^C-/, 'X-'));
    sheet.addRow(row.map((cell, i) => (ECINS_HEADERS[i] === 'Date Opened' ? new Date(`${cell}T00:00:00Z`) : cell)));
    const uploaded = await upload('cases.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), 'Spreadsheet');
    expect(uploaded.status).toBe(201);
    const dryRun = await app.call<DryRun>('POST', `/api/imports/${uploaded.body.id}/dry-run`, {
      token,
      body: { mapping: uploaded.body.suggestedMapping },
    });
    expect(dryRun.body).toMatchObject({ casesToImport: 1, problemCount: 0 });
  });
});

describe('the example files in examples/import', () => {
  test.each(['ecins-cases.csv', 'sentinel-cases.xlsx'])('%s maps itself and passes the dry run', async (fileName) => {
    const uploaded = await upload(fileName, readFileSync(path.join(projectRoot, 'examples', 'import', fileName)), 'Example check');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.missingFields).toEqual([]);
    expect(Object.keys(uploaded.body.suggestedMapping)).toHaveLength(20);
    const dryRun = await app.call<DryRun>('POST', `/api/imports/${uploaded.body.id}/dry-run`, {
      token,
      body: { mapping: uploaded.body.suggestedMapping },
    });
    expect(dryRun.body).toMatchObject({ casesToImport: 12, problemCount: 0 });
  });
});
