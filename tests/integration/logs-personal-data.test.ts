// Logs carry ids, never names or notes: every line the app writes while members read cases, export
// the audit trail, anonymise a case, export a person's data and send bad input naming someone is
// searched for the names, dates of birth and notes of the people in the demo partnership.
import { Writable } from 'node:stream';
import { createLogger } from '../../api/logger';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { openAccessWorld, WORLD_TODAY, type AccessWorld } from '../support/access-world';
import { startTestApp, type RunningApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';

const member = (name: string) => DEMO_MEMBERS.find((m) => m.displayName === name)!;

let database: TestDatabase;
let world: AccessWorld;
let app: RunningApp;
const lines: string[] = [];

beforeAll(async () => {
  ({ database, world } = await openAccessWorld());
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  app = await startTestApp(database.db, { clock: () => WORLD_TODAY, logger: createLogger({ level: 'debug', destination }) });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

test('writes no name, date of birth or note of anyone in the cases to the log', async () => {
  const caseId = world.cases.other;
  const person = await database.db.prisma.person.findFirstOrThrow({ where: { caseRoles: { some: { caseId } } } });
  const chair = await app.signInAs(member('Priya Example').id);
  const auditor = await app.signInAs(member('Ruth Notreal').id);
  const admin = await app.signInAs(member('Owen Dummy').id);
  const fullName = `${person.givenName} ${person.familyName}`;

  const calls: [string, string, string, unknown?][] = [
    [chair, 'GET', `/api/cases/${caseId}/overview`],
    [chair, 'GET', `/api/cases/${caseId}/viewers`],
    [auditor, 'GET', '/api/audit/export?format=csv'],
    [auditor, 'GET', `/api/audit?entityId=${encodeURIComponent(fullName)}`],
    [auditor, 'GET', `/api/audit?event=${encodeURIComponent(fullName)}&limit=${encodeURIComponent(person.familyName)}`],
    [admin, 'GET', `/api/people/${person.id}/subject-access`],
    [admin, 'PUT', '/api/retention/settings', { retentionReviewMonths: fullName }],
    [admin, 'POST', `/api/retention/cases/${caseId}/anonymise`],
  ];
  for (const [token, method, path, body] of calls) {
    const answer = await app.call(method, path, { token, ...(body ? { body } : {}) });
    expect(answer.status).toBeLessThan(500);
  }

  const raw = lines.join('');
  // A name could reach the log percent-encoded (in a URL), so the decoded text is searched too.
  const log = `${raw}\n${decodeURIComponent(raw.replace(/%(?![0-9a-f]{2})/gi, '%25'))}`;
  expect(lines.length).toBeGreaterThanOrEqual(calls.length);
  const people = await database.db.prisma.person.findMany({ where: { caseRoles: { some: { caseId } } } });
  const personal = people.flatMap((p) => [
    `${p.givenName} ${p.familyName}`,
    p.familyName,
    p.dateOfBirth?.toISOString().slice(0, 10),
    p.healthNotes,
    p.safeguardingNotes,
    p.intelligenceNotes,
  ]);
  for (const value of personal.filter((v): v is string => typeof v === 'string' && v.length > 3)) expect(log).not.toContain(value);
});
