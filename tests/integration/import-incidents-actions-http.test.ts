// Importing incidents and open actions over real HTTP and the real database, after the cases they
// belong to: the example files go in whole, a second import changes nothing, every row's problem is
// named, one bad row writes nothing, only partnership admins may import, and a run left RUNNING by a
// crash becomes FAILED with a reason and can be committed again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../api/paths';
import { ABANDONED_IMPORT, failAbandonedImports } from '../../api/services/import/imports';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { tableRowCounts } from '../support/table-counts';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';

const NOW = new Date('2026-11-02T10:00:00Z');
const member = (name: string) => DEMO_MEMBERS.find((m) => m.displayName === name)!;
const admin = member('Owen Dummy');
const example = (fileName: string) => readFileSync(path.join(projectRoot, 'examples', 'import', fileName), 'utf8');

let database: TestDatabase;
let app: RunningApp;
let token: string;

interface Uploaded {
  id: string;
  kind: string;
  suggestedMapping: Record<string, string>;
  missingFields: string[];
}
interface DryRun {
  kind: string;
  toImport: number;
  alreadyImported: number;
  problemCount: number;
  problems: Array<{ row: number; column: string; message: string }>;
  skippedCount: number;
  skipped: Array<{ row: number; message: string }>;
  duplicates: Array<{ key: string }>;
}
interface Status {
  status: string;
  error: string | null;
  created: { incidents: number; actions: number; alreadyImported: number; skipped: number } | null;
}
type Refusal = { error: { code: string; message: string; fields?: Array<{ field: string; message: string }> } };

const upload = (fileName: string, content: string, options: { kind?: string; as?: string } = {}) =>
  app.call<Uploaded>('POST', '/api/imports', {
    token: options.as ?? token,
    body: {
      fileName,
      sourceSystem: 'ECINS',
      content: Buffer.from(content).toString('base64'),
      ...(options.kind ? { kind: options.kind } : {}),
    },
  });

const dryRun = (uploaded: Uploaded) =>
  app.call<DryRun>('POST', `/api/imports/${uploaded.id}/dry-run`, { token, body: { mapping: uploaded.suggestedMapping } });

async function commitAndWait(id: string, mapping: Record<string, string>, decisions: Record<string, string> = {}) {
  const started = await app.call<Status>('POST', `/api/imports/${id}/commit`, { token, body: { mapping, decisions } });
  expect(started.status).toBe(202);
  for (let poll = 0; poll < 400; poll++) {
    const status = await app.call<Status>('GET', `/api/imports/${id}`, { token });
    if (status.body.status !== 'RUNNING') return status.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

async function importFile(fileName: string, content: string) {
  const uploaded = (await upload(fileName, content)).body;
  const checked = (await dryRun(uploaded)).body;
  expect(checked.problems).toEqual([]);
  const decisions = Object.fromEntries(checked.duplicates.map((d) => [d.key, 'NEW']));
  return { uploaded, dryRun: checked, status: await commitAndWait(uploaded.id, uploaded.suggestedMapping, decisions) };
}

const recordTables = async () => {
  const counts = await tableRowCounts(database.db);
  return Object.fromEntries(
    ['Incident', 'IncidentPerson', 'Action', 'ActionEvent', 'CaseAgency', 'ImportKey'].map((table) => [table, counts[table]]),
  );
};

beforeAll(async () => {
  database = await openDemoDatabase({ today: NOW });
  app = await startTestApp(database.db, { clock: () => NOW });
  token = await app.signInAs(admin.id);
  const cases = await importFile('ecins-cases.csv', example('ecins-cases.csv'));
  expect(cases.status.status).toBe('DONE');
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('an incidents file', () => {
  test('is recognised from its headers and imports onto the cases, people and addresses imported before', async () => {
    const before = await recordTables();
    const { uploaded, dryRun: checked, status } = await importFile('ecins-incidents.csv', example('ecins-incidents.csv'));
    expect(uploaded).toMatchObject({ kind: 'INCIDENTS', missingFields: [] });
    expect(Object.keys(uploaded.suggestedMapping)).toHaveLength(8);
    expect(checked).toMatchObject({ kind: 'INCIDENTS', toImport: 8, alreadyImported: 0, problemCount: 0, duplicates: [] });
    expect(status).toMatchObject({ status: 'DONE', created: { incidents: 8, actions: 0, alreadyImported: 0 } });

    const after = await recordTables();
    expect(after.Incident! - before.Incident!).toBe(8);
    const incident = await database.db.prisma.incident.findFirstOrThrow({
      where: { sourceReference: 'INC-0002' },
      include: { case: true, location: true, people: { include: { person: true } } },
    });
    // 12/10/2026 23:15 in London (summer time) is 22:15 UTC.
    expect(incident).toMatchObject({ category: 'PERSONAL', occurredAt: new Date('2026-10-12T22:15:00Z') });
    expect(incident.case!.reference).toBe('ECINS-C-00001');
    expect(incident.location!.addressLine1).toBe('2 Tanner Row');
    expect(incident.people.map((p) => [p.role, p.person.givenName])).toEqual([['VICTIM', 'Iolo']]);
    const audited = await database.db.prisma.auditEvent.findFirstOrThrow({ where: { event: 'import.commit', entityId: uploaded.id } });
    expect(audited.after).toMatchObject({ kind: 'INCIDENTS', created: { incidents: 8 } });
  });

  test('imported a second time, changes nothing', async () => {
    const before = await recordTables();
    const { dryRun: checked, status } = await importFile('ecins-incidents.csv', example('ecins-incidents.csv'));
    expect(checked).toMatchObject({ toImport: 0, alreadyImported: 8 });
    expect(status).toMatchObject({ status: 'DONE', created: { incidents: 0, alreadyImported: 8 } });
    expect(await recordTables()).toEqual(before);
  });

  test("names each row's problem: a case not imported, a person not imported, a category, a time in the future", async () => {
    const csv = [
      'Incident Ref,Case Ref,Date/Time,Category,Description,Victim Refs,Perpetrator Refs,Location Ref',
      'N-1,C-12345,2026-10-03 22:40,Personal,Shouting,,,',
      'N-2,C-00001,2026-10-03 22:40,Burglary,Shouting,,,',
      'N-3,C-00001,2026-12-25 10:00,Nuisance,Shouting,,,',
      'N-4,C-00001,2026-10-03 25:00,Nuisance,Shouting,,,',
      'N-5,C-00001,2026-10-03,Nuisance,Shouting,V-00001; V-99999,,L-99999',
      'N-1,C-00001,2026-10-03,Nuisance,,,,',
    ].join('\n');
    const before = await recordTables();
    const uploaded = (await upload('incidents.csv', csv)).body;
    expect(uploaded.kind).toBe('INCIDENTS');
    const checked = (await dryRun(uploaded)).body;
    expect(checked.problems).toEqual([
      { row: 2, column: 'Case Ref', message: 'Case C-12345 has not been imported from ECINS: import its cases file first.' },
      { row: 3, column: 'Category', message: 'Category "Burglary" is not a category; use personal, nuisance or environmental.' },
      { row: 4, column: 'Date/Time', message: 'Date/Time 2026-12-25 10:00 is in the future.' },
      {
        row: 5,
        column: 'Date/Time',
        message: 'Date/Time "2026-10-03 25:00" is not a date and time; write it as 2026-03-01 14:30 or 01/03/2026 14:30.',
      },
      { row: 6, column: 'Location Ref', message: 'Location L-99999 has not been imported from ECINS: import the cases at it first.' },
      { row: 6, column: 'Victim Refs', message: 'Person V-99999 has not been imported from ECINS: import the cases they are on first.' },
      { row: 7, column: 'Description', message: 'Description is empty: say what happened.' },
      { row: 7, column: 'Incident Ref', message: 'Incident Ref "N-1" is also on row 2.' },
    ]);
    expect(checked).toMatchObject({ problemCount: 8, toImport: 0 });
    expect(await recordTables()).toEqual(before);
  });
});

test('an incidents file without a required column is refused at the dry run and the commit, naming it, and writes nothing', async () => {
  const csv = example('ecins-incidents.csv')
    .split('\n')
    .map((line) =>
      line
        .split(',')
        .filter((_cell, i) => i !== 3)
        .join(','),
    )
    .join('\n');
  const uploaded = (await upload('incidents.csv', csv, { kind: 'INCIDENTS' })).body;
  expect(uploaded).toMatchObject({ kind: 'INCIDENTS', missingFields: ['Category'] });
  const before = await tableRowCounts(database.db);
  const checked = await app.call<Refusal>('POST', `/api/imports/${uploaded.id}/dry-run`, {
    token,
    body: { mapping: uploaded.suggestedMapping },
  });
  const commit = await app.call<Refusal>('POST', `/api/imports/${uploaded.id}/commit`, {
    token,
    body: { mapping: uploaded.suggestedMapping },
  });
  expect([checked.status, commit.status]).toEqual([400, 400]);
  expect(checked.body.error.message).toBe('The file needs a column for: Category.');
  expect(commit.body.error.message).toBe('The file needs a column for: Category.');
  expect(await tableRowCounts(database.db)).toEqual(before);
});

describe('an open actions file', () => {
  test('imports the open actions with their owners, skipping the done one, and involves the owner agency in the case', async () => {
    const before = await recordTables();
    const uploaded = (await upload('ecins-actions.csv', example('ecins-actions.csv'), { kind: 'ACTIONS' })).body;
    expect(uploaded).toMatchObject({ kind: 'ACTIONS', missingFields: [] });
    const checked = (await dryRun(uploaded)).body;
    expect(checked).toMatchObject({ kind: 'ACTIONS', toImport: 6, problemCount: 0, skippedCount: 1 });
    expect(checked.skipped).toEqual([{ row: 8, message: 'Action A-0007 is done: only open actions are imported.' }]);
    const status = await commitAndWait(uploaded.id, uploaded.suggestedMapping);
    expect(status).toMatchObject({ status: 'DONE', created: { actions: 6, skipped: 1, alreadyImported: 0 } });

    const after = await recordTables();
    expect(after.Action! - before.Action!).toBe(6);
    expect(after.ActionEvent! - before.ActionEvent!).toBe(6);
    const prisma = database.db.prisma;
    const first = await prisma.action.findFirstOrThrow({
      where: { case: { reference: 'ECINS-C-00001' } },
      include: { ownerMember: true, events: true },
    });
    expect(first).toMatchObject({
      status: 'IN_PROGRESS',
      version: 1,
      title: 'Fit a door camera and check in with the victim weekly (example)',
    });
    expect(first.ownerMember!.displayName).toBe('Marcus Fictional');
    expect(first.events).toEqual([
      expect.objectContaining({ kind: 'CREATED', toStatus: 'IN_PROGRESS', note: 'Imported from ECINS (action A-0001).' }),
    ]);
    const fireCase = await prisma.case.findFirstOrThrow({
      where: { reference: 'ECINS-C-00007' },
      include: { agencies: { include: { agency: true } } },
    });
    expect(fireCase.agencies.map((a) => a.agency.name)).toContain('Fernbrook District Council ASB Team');
    expect(await prisma.action.count({ where: { case: { reference: 'ECINS-C-00012' } } })).toBe(0);

    // An imported action is an action like any other: its owner's agency sees it in the app.
    const owner = await app.signInAs(member('Marcus Fictional').id);
    const read = await app.call<{ status: string; allowedCommands: string[] }>('GET', `/api/actions/${first.id}`, { token: owner });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'IN_PROGRESS' });
    expect(read.body.allowedCommands).toContain('COMPLETE');
  });

  test('imported a second time, changes nothing', async () => {
    const before = await recordTables();
    const { dryRun: checked, status } = await importFile('ecins-actions.csv', example('ecins-actions.csv'));
    expect(checked).toMatchObject({ kind: 'ACTIONS', toImport: 0, alreadyImported: 6, skippedCount: 1 });
    expect(status).toMatchObject({ status: 'DONE', created: { actions: 0, alreadyImported: 6 } });
    expect(await recordTables()).toEqual(before);
  });

  test('with one bad row is refused at commit and writes nothing at all', async () => {
    const csv = [
      'Action Ref,Case Ref,Action,Owner Agency,Owner Email,Due Date,Status',
      'B-1,C-00002,Serve a warning letter,Fernbrook Homes,,2027-01-08,Open',
      'B-2,C-00002,Visit the tenant,Fernbrook Homes,marcus.fictional@fernbrook.gov.example,2027-01-08,Open',
      'B-3,C-00002,Visit the tenant,Ministry of Nowhere,,2027-01-08,Open',
      'B-4,C-00002,,Fernbrook Homes,,2027-01-08,Open',
      'B-5,C-00002,Visit the tenant,Fernbrook Homes,,someday,Pending',
      'B-6,C-00002,Visit the tenant,Fernbrook Homes,nobody@example.invalid,2026-10-01,In progress',
    ].join('\n');
    const uploaded = (await upload('actions.csv', csv)).body;
    expect(uploaded.kind).toBe('ACTIONS');
    const checked = (await dryRun(uploaded)).body;
    expect(checked.problems).toEqual([
      { row: 3, column: 'Owner Email', message: 'Owner Email marcus.fictional@fernbrook.gov.example does not work for Fernbrook Homes.' },
      { row: 4, column: 'Owner Agency', message: 'Owner Agency "Ministry of Nowhere" is not one of the partnership\'s agencies.' },
      { row: 5, column: 'Action', message: 'Action: Give the action a title that says what will be done.' },
      {
        row: 6,
        column: 'Status',
        message: 'Status "Pending" is not a status; use open or in progress (done and cancelled rows are skipped).',
      },
      { row: 6, column: 'Due Date', message: 'Due Date "someday" is not a date; write it as 2026-03-01 or 01/03/2026.' },
      { row: 7, column: 'Owner Email', message: 'Owner Email nobody@example.invalid is not an active member of the partnership.' },
    ]);
    const before = await tableRowCounts(database.db);
    const commit = await app.call<Refusal>('POST', `/api/imports/${uploaded.id}/commit`, {
      token,
      body: { mapping: uploaded.suggestedMapping, decisions: {} },
    });
    expect(commit.status).toBe(400);
    expect(commit.body.error.message).toBe('The file has 6 problems; nothing was imported. Fix them in the file and upload it again.');
    expect(await tableRowCounts(database.db)).toEqual(before);
  });

  test('refuses a mapping made for another kind of file', async () => {
    const uploaded = (await upload('actions.csv', example('ecins-actions.csv'))).body;
    const answer = await app.call<Refusal>('POST', `/api/imports/${uploaded.id}/dry-run`, {
      token,
      body: { mapping: { ...uploaded.suggestedMapping, leadAgency: 'Owner Agency' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('The mapping is for another kind of file than this actions file.');
  });
});

describe('only partnership admins import', () => {
  test.each(['Marcus Fictional', 'Helen Placeholder', 'Ruth Notreal'])(
    '%s is refused at every step, and nothing is written',
    async (name) => {
      const uploaded = (await upload('incidents.csv', example('ecins-incidents.csv'))).body;
      const other = await app.signInAs(member(name).id);
      const before = await tableRowCounts(database.db);
      const tried = [
        await upload('incidents.csv', example('ecins-incidents.csv'), { as: other }),
        await app.call('POST', `/api/imports/${uploaded.id}/dry-run`, { token: other, body: { mapping: uploaded.suggestedMapping } }),
        await app.call('POST', `/api/imports/${uploaded.id}/commit`, { token: other, body: { mapping: uploaded.suggestedMapping } }),
        await app.call('GET', `/api/imports/${uploaded.id}`, { token: other }),
      ];
      expect(tried.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
      expect(await tableRowCounts(database.db)).toEqual(before);
    },
  );
});

describe('a run left RUNNING by a crash or restart', () => {
  async function stuckRun(minutesAgo: number) {
    const uploaded = (await upload('incidents.csv', example('ecins-incidents.csv').replace(/INC-/g, 'CRASH-'))).body;
    // What a process that died mid-commit leaves behind: the run claimed, its transaction rolled back.
    await database.db.sql.query(`UPDATE "ImportRun" SET status = 'RUNNING', "updatedAt" = $1 WHERE id = $2`, [
      new Date(NOW.getTime() - minutesAgo * 60_000),
      uploaded.id,
    ]);
    return uploaded;
  }

  test('becomes FAILED when read once its commit cannot still be going, and can be committed again', async () => {
    const uploaded = await stuckRun(30);
    const read = await app.call<Status>('GET', `/api/imports/${uploaded.id}`, { token });
    expect(read.body).toMatchObject({ status: 'FAILED', error: ABANDONED_IMPORT });
    const status = await commitAndWait(uploaded.id, uploaded.suggestedMapping);
    expect(status).toMatchObject({ status: 'DONE', created: { incidents: 8 } });
  });

  test('is left RUNNING when read while another process may still be committing it', async () => {
    const uploaded = await stuckRun(1);
    const read = await app.call<Status>('GET', `/api/imports/${uploaded.id}`, { token });
    expect(read.body.status).toBe('RUNNING');
    const commit = await app.call<Refusal>('POST', `/api/imports/${uploaded.id}/commit`, {
      token,
      body: { mapping: uploaded.suggestedMapping },
    });
    expect(commit.status).toBe(409);
  });

  test('becomes FAILED at start-up, however recent, since no commit survives a restart', async () => {
    const uploaded = await stuckRun(0);
    expect(await failAbandonedImports(database.db, { startingUp: true })).toBeGreaterThanOrEqual(1);
    const read = await app.call<Status>('GET', `/api/imports/${uploaded.id}`, { token });
    expect(read.body).toMatchObject({ status: 'FAILED', error: ABANDONED_IMPORT });
  });
});
