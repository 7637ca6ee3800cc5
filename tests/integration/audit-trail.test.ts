// Auditors search, export and check the audit trail over real HTTP; every look at the trail is itself
// audited, and a row changed behind the append-only trigger makes the check fail.
import { DEMO_AGENCIES, DEMO_MEMBERS } from '../../api/store/demo-data';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';

const DAY_ONE = Date.parse('2026-11-02T10:00:00Z');
const member = (name: string) => DEMO_MEMBERS.find((m) => m.displayName === name)!;
const auditor = member('Ruth Notreal');
const chair = member('Priya Example');
const police = DEMO_AGENCIES.find((a) => a.key === 'police')!;

let database: TestDatabase;
let app: RunningApp;
let tick = DAY_ONE;
let auditorToken: string;
let policeCaseId: string;

interface AuditRow {
  seq: string;
  at: string;
  event: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; displayName: string } | null;
  after: unknown;
}
interface FieldErrors {
  error: { code: string; fields: { field: string; message: string }[] };
}
interface AuditPage {
  events: AuditRow[];
  nextCursor: string | null;
}

beforeAll(async () => {
  database = await openDemoDatabase({ today: new Date(DAY_ONE) });
  // One second per call, so rows are apart in time and a date filter has something to split.
  app = await startTestApp(database.db, { clock: () => new Date((tick += 1000)) });
  auditorToken = await app.signInAs(auditor.id);
  policeCaseId = (
    await database.db.prisma.case.findFirstOrThrow({ where: { leadAgencyId: police.id, status: 'OPEN' }, orderBy: { reference: 'asc' } })
  ).id;
  const chairToken = await app.signInAs(chair.id);
  expect((await app.call('GET', `/api/cases/${policeCaseId}/overview`, { token: chairToken })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const search = (query: string) => app.call<AuditPage>('GET', `/api/audit?${query}`, { token: auditorToken });

describe('searching the audit trail', () => {
  test('shows the auditor who read a case, filtered by the case', async () => {
    const answer = await search(`entityType=Case&entityId=${policeCaseId}`);

    expect(answer.status).toBe(200);
    expect(answer.body.events).toEqual([
      expect.objectContaining({
        event: 'case.read',
        entityType: 'Case',
        entityId: policeCaseId,
        actor: { id: chair.id, displayName: chair.displayName },
      }),
    ]);
  });

  test('filters by member and by event family, and records each search as an audit.search row', async () => {
    const byChair = await search(`actorId=${chair.id}&event=case.`);
    expect(byChair.body.events.map((row) => row.event)).toEqual(['case.read']);

    const searches = await search(`actorId=${auditor.id}&event=audit.search`);
    // The two searches before this one, newest first, each with the filter it used.
    expect(searches.body.events).toHaveLength(2);
    expect(searches.body.events[0]!.after).toMatchObject({ filter: { actorId: chair.id, event: 'case.' }, returned: 1 });
  });

  test('filters by London dates, inclusive at both ends', async () => {
    const today = (await search('limit=1')).body.events[0]!.at.slice(0, 10);
    expect((await search(`from=${today}&to=${today}&event=case.read`)).body.events).toHaveLength(1);
    expect((await search('from=2026-11-03&event=case.read')).body.events).toHaveLength(0);
    expect((await search('to=2026-11-01&event=case.read')).body.events).toHaveLength(0);
  });

  test('pages newest first with a cursor, without gaps or repeats', async () => {
    const all = await search(`actorId=${auditor.id}&limit=200`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: AuditPage } = await search(`actorId=${auditor.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.events.map((row) => row.seq));
      cursor = page.body.nextCursor;
    } while (cursor);
    // Each page is itself audited, but only after it read: the rows before the walk are what it saw.
    expect(seen.slice(-all.body.events.length)).toEqual(all.body.events.map((row) => row.seq));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => Number(b) - Number(a)));
  });

  test('explains a bad filter field by field and writes nothing', async () => {
    const before = await database.db.prisma.auditEvent.count();

    const answer = await app.call<FieldErrors>('GET', '/api/audit?limit=0&from=yesterday&actorId=42&colour=red', { token: auditorToken });

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.fields).toEqual([
      { field: 'actorId', message: 'Give the member id as a uuid.' },
      { field: 'from', message: 'Give a date as YYYY-MM-DD.' },
      { field: 'limit', message: expect.stringMatching(/>=1/) },
      { field: 'query', message: 'Unknown field: colour.' },
    ]);
    expect(await database.db.prisma.auditEvent.count()).toBe(before);
  });

  test('refuses a period that ends before it starts', async () => {
    const answer = await search('from=2026-11-05&to=2026-11-01');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: expect.objectContaining({ fields: [{ field: 'from', message: 'The start of the period must not be after its end.' }] }),
    });
  });

  test.each(['Priya Example', 'Owen Dummy', 'Grace Testington', 'Dan Sample'])(
    'refuses %s, who is not an auditor, with 403 and no rows',
    async (name) => {
      const token = await app.signInAs(member(name).id);
      for (const path of ['/api/audit', '/api/audit/export', '/api/audit/verify']) {
        const answer = await app.call('GET', path, { token });
        expect(answer.status).toBe(403);
        expect(JSON.stringify(answer.body)).not.toMatch(/case\.read|seq/);
      }
    },
  );

  test('asks for sign-in without a token', async () => {
    expect((await app.call('GET', '/api/audit')).status).toBe(401);
  });
});

describe('exporting the audit trail', () => {
  test('downloads the filtered rows as CSV, oldest first, and records the export', async () => {
    const answer = await app.call<string>('GET', `/api/audit/export?entityId=${policeCaseId}`, { token: auditorToken });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="?audit-trail-2026-11-02\.csv"?$/);
    const lines = answer.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,at,actorKind,actorId,actorName,event,entityType,entityId,before,after,requestId,hash');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,MEMBER,${chair.id},${chair.displayName},case.read,Case,${policeCaseId},`);
    const exports = await search('event=audit.export');
    expect(exports.body.events[0]!.after).toEqual({ filter: { entityId: policeCaseId }, format: 'csv', rows: 1 });
  });

  test('downloads JSON lines, one parseable row per line', async () => {
    const response = await fetch(`${app.baseUrl}/api/audit/export?format=jsonl&actorId=${auditor.id}`, {
      headers: { authorization: `Bearer ${auditorToken}` },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const rows = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditRow);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((row) => row.actor?.id === auditor.id && row.event.startsWith('audit.'))).toBe(true);
    expect(rows.map((row) => Number(row.seq))).toEqual(rows.map((row) => Number(row.seq)).sort((a, b) => a - b));
  });

  test('names the file after the London day, so an export at 00:30 in summer carries that day and not the UTC one', async () => {
    tick = Date.parse('2027-07-01T23:30:00Z');
    auditorToken = await app.signInAs(auditor.id);

    const answer = await app.call<string>('GET', `/api/audit/export?entityId=${policeCaseId}`, { token: auditorToken });

    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="?audit-trail-2027-07-02\.csv"?$/);
  });
});

describe('checking the audit trail', () => {
  test('finds the chain intact and records the check', async () => {
    const answer = await app.call<{ ok: boolean; checked: number }>('GET', '/api/audit/verify', { token: auditorToken });

    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(true);
    expect(answer.body.checked).toBe((await database.db.prisma.auditEvent.count()) - 1);
    expect((await search('event=audit.verify')).body.events[0]!.after).toEqual(answer.body);
  });

  test('reports the first row changed behind the append-only trigger', async () => {
    const target = (await search(`entityType=Case&entityId=${policeCaseId}`)).body.events[0]!;
    await database.db.sql.runScriptInTransaction(
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
       UPDATE "AuditEvent" SET "actorId" = NULL WHERE seq = ${target.seq};
       ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";`,
    );

    const answer = await app.call<{ ok: boolean; brokenAt: { seq: string; reason: string } }>('GET', '/api/audit/verify', {
      token: auditorToken,
    });

    expect(answer.status).toBe(200);
    const intactBefore = await database.db.prisma.auditEvent.count({ where: { seq: { lt: BigInt(target.seq) } } });
    expect(answer.body).toEqual({ ok: false, checked: intactBefore, brokenAt: { seq: target.seq, reason: 'HASH_MISMATCH' } });
  });
});
