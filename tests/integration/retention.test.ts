// Retention and rights over real HTTP and the real database: the review period, the cases due,
// anonymising a closed case without moving the governance figures, and a subject-access export.
import { addMonths, londonDateOf } from '../../api/domain/agenda/calendar-date';
import { ANONYMISED_TEXT } from '../../api/domain/retention/review';
import { DEMO_AGENCIES, DEMO_MEMBERS } from '../../api/store/demo-data';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';
import { tableRowCounts } from '../support/table-counts';

const NOW = new Date('2026-11-02T10:00:00Z');
// The demo's three closed cases closed in October 2026; the tests move the clock past their review.
const LATER = new Date('2027-01-20T10:00:00Z');
let now = NOW;
const WHOLE_HISTORY = '?from=2024-11-03&to=2026-11-02';
const member = (name: string) => DEMO_MEMBERS.find((m) => m.displayName === name)!;
const admin = member('Owen Dummy');
const chair = member('Priya Example');
const policeId = DEMO_AGENCIES.find((a) => a.key === 'police')!.id;

let database: TestDatabase;
let app: RunningApp;
let adminToken: string;
let chairToken: string;

interface DueCase {
  id: string;
  reference: string;
  closedOn: string;
  reviewOn: string;
  counts: { subjects: number };
}
interface DueList {
  today: string;
  retentionReviewMonths: number;
  cases: DueCase[];
}

beforeAll(async () => {
  database = await openDemoDatabase({ today: NOW });
  app = await startTestApp(database.db, { clock: () => now });
  adminToken = await app.signInAs(admin.id);
  chairToken = await app.signInAs(chair.id);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const prisma = () => database.db.prisma;

async function closedCasesDueAfter(months: number): Promise<string[]> {
  const closed = await prisma().case.findMany({ where: { status: 'CLOSED' }, select: { reference: true, closedAt: true } });
  return closed
    .filter((c) => addMonths(londonDateOf(c.closedAt!), months) <= londonDateOf(now))
    .map((c) => c.reference)
    .sort();
}

describe('the retention review period', () => {
  test('starts at the partnership default of 24 months', async () => {
    const answer = await app.call('GET', '/api/retention/settings', { token: adminToken });
    expect(answer).toMatchObject({ status: 200, body: { retentionReviewMonths: 24 } });
  });

  test('lists the closed cases whose review date has come, and more when the period is shortened', async () => {
    const before = await app.call<DueList>('GET', '/api/retention/due', { token: adminToken });
    expect(before.status).toBe(200);
    expect(before.body.cases.map((c) => c.reference).sort()).toEqual(await closedCasesDueAfter(24));

    const changed = await app.call('PUT', '/api/retention/settings', { token: adminToken, body: { retentionReviewMonths: 3 } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ retentionReviewMonths: 3, casesRedated: await prisma().case.count({ where: { status: 'CLOSED' } }) });

    now = LATER;
    // Sign-in tokens are short-lived against the app's clock: sign in again in the later world.
    adminToken = await app.signInAs(admin.id);
    chairToken = await app.signInAs(chair.id);
    const after = await app.call<DueList>('GET', '/api/retention/due', { token: adminToken });
    const expected = await closedCasesDueAfter(3);
    expect(before.body.cases).toEqual([]);
    // Two closed in early October are due by 20 January; the one closed on 28 October is not yet.
    expect(expected).toHaveLength(2);
    expect(after.body.cases.map((c) => c.reference).sort()).toEqual(expected);
    for (const due of after.body.cases) expect(due.reviewOn).toBe(addMonths(due.closedOn, 3));
    // The list names no one: references, dates and counts only.
    expect(JSON.stringify(after.body)).not.toMatch(/givenName|familyName|summary/);

    const audited = await prisma().auditEvent.findFirst({ where: { event: 'retention.period.change' }, orderBy: { seq: 'desc' } });
    expect(audited).toMatchObject({ actorId: admin.id, before: { retentionReviewMonths: 24 }, after: { retentionReviewMonths: 3 } });
  });

  test.each([
    [{ retentionReviewMonths: 0 }, 'retentionReviewMonths'],
    [{ retentionReviewMonths: 2.5 }, 'retentionReviewMonths'],
    [{ retentionReviewMonths: '12' }, 'retentionReviewMonths'],
    [{ retentionReviewMonths: 12, keepForever: true }, 'body'],
    [{}, 'retentionReviewMonths'],
  ])('refuses %j with a field error and changes nothing', async (body, field) => {
    const counts = await tableRowCounts(database.db);

    const answer = await app.call<{ error: { fields: { field: string }[] } }>('PUT', '/api/retention/settings', {
      token: adminToken,
      body,
    });

    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.map((f) => f.field)).toEqual([field]);
    expect(await tableRowCounts(database.db)).toEqual(counts);
    expect((await prisma().partnership.findFirstOrThrow()).retentionReviewMonths).toBe(3);
  });
});

describe('anonymising a closed case', () => {
  test('replaces names, dates of birth, addresses and notes but leaves every governance figure unchanged', async () => {
    const due = (await app.call<DueList>('GET', '/api/retention/due', { token: adminToken })).body.cases;
    const target = due.find((c) => c.counts.subjects > 0)!;
    const figuresBefore = await app.call('GET', `/api/governance/figures${WHOLE_HISTORY}`, { token: chairToken });
    const placesBefore = await app.call('GET', `/api/places${WHOLE_HISTORY}`, { token: chairToken });
    const countsBefore = await tableRowCounts(database.db);
    const subjects = await prisma().caseSubject.findMany({ where: { caseId: target.id }, select: { personId: true } });
    const wardsBefore = await prisma().location.findMany({
      where: { cases: { some: { caseId: target.id } } },
      select: { id: true, ward: true },
      orderBy: { id: 'asc' },
    });

    const answer = await app.call<{ anonymisedPeople: number; keptPeopleIds: string[] }>(
      'POST',
      `/api/retention/cases/${target.id}/anonymise`,
      { token: adminToken },
    );

    expect(answer.status).toBe(200);
    expect(answer.body.anonymisedPeople + answer.body.keptPeopleIds.length).toBe(new Set(subjects.map((s) => s.personId)).size);
    const people = await prisma().person.findMany({
      where: { id: { in: subjects.map((s) => s.personId) }, NOT: { id: { in: answer.body.keptPeopleIds } } },
    });
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) {
      expect(person).toMatchObject({
        givenName: 'Anonymised',
        familyName: 'person',
        dateOfBirth: null,
        healthNotes: null,
        safeguardingNotes: null,
        intelligenceNotes: null,
        phone: null,
      });
      expect(person.anonymisedAt).toEqual(LATER);
    }
    const places = await prisma().location.findMany({ where: { cases: { some: { caseId: target.id } } }, orderBy: { id: 'asc' } });
    for (const place of places.filter((p) => p.anonymisedAt))
      expect(place).toMatchObject({ addressLine1: 'Anonymised address', postcode: '', uprn: null });
    expect(places.map(({ id, ward }) => ({ id, ward }))).toEqual(wardsBefore);
    const incidents = await prisma().incident.findMany({ where: { caseId: target.id }, select: { description: true } });
    expect(incidents.every((incident) => incident.description === ANONYMISED_TEXT)).toBe(true);
    const minutes = await prisma().meetingMinutes.findMany({
      where: { meeting: { agendaItems: { some: { caseId: target.id } } } },
      select: { content: true },
    });
    const heard = minutes
      .flatMap((m) => (m.content as { cases: { heading: string; decisions: string }[] }).cases)
      .filter((item) => item.heading.endsWith(`Case ${target.reference}`));
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((item) => item.decisions === ANONYMISED_TEXT)).toBe(true);

    expect(await tableRowCounts(database.db)).toEqual({ ...countsBefore, AuditEvent: countsBefore.AuditEvent! + 1 });
    expect((await app.call('GET', `/api/governance/figures${WHOLE_HISTORY}`, { token: chairToken })).body).toEqual(figuresBefore.body);
    expect((await app.call('GET', `/api/places${WHOLE_HISTORY}`, { token: chairToken })).body).toEqual(placesBefore.body);

    const dueAfter = (await app.call<DueList>('GET', '/api/retention/due', { token: adminToken })).body.cases;
    expect(dueAfter.map((c) => c.id)).not.toContain(target.id);
    expect(await prisma().auditEvent.findFirst({ where: { event: 'retention.anonymise', entityId: target.id } })).toMatchObject({
      actorId: admin.id,
    });
  });

  test('keeps a person who is still part of an open case, and says so', async () => {
    const due = (await app.call<DueList>('GET', '/api/retention/due', { token: adminToken })).body.cases;
    const target = due.find((c) => c.counts.subjects > 0)!;
    const shared = (await prisma().caseSubject.findFirstOrThrow({ where: { caseId: target.id } })).personId;
    const openCase = await prisma().case.findFirstOrThrow({ where: { status: 'OPEN' } });
    await prisma().caseSubject.create({ data: { caseId: openCase.id, personId: shared, role: 'WITNESS' } });
    const before = await prisma().person.findUniqueOrThrow({ where: { id: shared } });

    const answer = await app.call<{ keptPeopleIds: string[] }>('POST', `/api/retention/cases/${target.id}/anonymise`, {
      token: adminToken,
    });

    expect(answer.status).toBe(200);
    expect(answer.body.keptPeopleIds).toContain(shared);
    for (const kept of answer.body.keptPeopleIds) {
      expect(
        await prisma().caseSubject.count({ where: { personId: kept, case: { id: { not: target.id }, anonymisedAt: null } } }),
      ).toBeGreaterThan(0);
    }
    expect(await prisma().person.findUniqueOrThrow({ where: { id: shared } })).toEqual(before);
  });

  test('refuses an open case and a case already anonymised with 409, changing nothing', async () => {
    const openCase = await prisma().case.findFirstOrThrow({ where: { status: 'OPEN' } });
    const done = await prisma().case.findFirstOrThrow({ where: { anonymisedAt: { not: null } } });
    const counts = await tableRowCounts(database.db);

    const open = await app.call('POST', `/api/retention/cases/${openCase.id}/anonymise`, { token: adminToken });
    const again = await app.call('POST', `/api/retention/cases/${done.id}/anonymise`, { token: adminToken });

    expect(open).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', message: 'Only a closed case can be anonymised. Close the case first.' } },
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: 'This case has already been anonymised.' } } });
    expect(await tableRowCounts(database.db)).toEqual(counts);
  });

  test('answers an unknown case exactly as a malformed id', async () => {
    const unknown = await app.call('POST', '/api/retention/cases/00000000-0000-4000-8000-000000000000/anonymise', { token: adminToken });
    const malformed = await app.call('POST', '/api/retention/cases/not-a-case/anonymise', { token: adminToken });
    expect(unknown.status).toBe(404);
    expect(malformed.body).toEqual(unknown.body);
  });
});

describe('subject-access export', () => {
  test('gives everything held about a person and who viewed their case, and records the export', async () => {
    const subject = await prisma().caseSubject.findFirstOrThrow({
      where: { case: { status: 'OPEN', leadAgencyId: policeId }, person: { incidents: { some: {} }, anonymisedAt: null } },
      select: { personId: true, caseId: true, person: { select: { givenName: true, familyName: true } } },
    });
    const chairSees = await app.call('GET', `/api/cases/${subject.caseId}/overview`, { token: chairToken });

    const answer = await app.call<{
      person: { id: string; givenName: string; familyName: string };
      cases: { id: string }[];
      incidents: unknown[];
      places: { id: string }[];
      viewedBy: { member: string; entityId: string }[];
    }>('GET', `/api/people/${subject.personId}/subject-access`, { token: adminToken });

    expect(answer.status).toBe(200);
    expect(answer.body.person).toMatchObject({
      id: subject.personId,
      givenName: subject.person.givenName,
      familyName: subject.person.familyName,
    });
    expect(answer.body.cases.map((c) => c.id)).toContain(subject.caseId);
    expect(answer.body.incidents).toHaveLength(await prisma().incidentPerson.count({ where: { personId: subject.personId } }));
    expect(answer.body.places.map((p) => p.id).sort()).toEqual(
      (
        await prisma().location.findMany({
          where: { cases: { some: { case: { subjects: { some: { personId: subject.personId } } } } } },
          select: { id: true },
        })
      )
        .map((l) => l.id)
        .sort(),
    );
    expect(chairSees.status).toBe(200);
    expect(answer.body.viewedBy).toContainEqual(expect.objectContaining({ member: chair.displayName, entityId: subject.caseId }));
    expect(await prisma().auditEvent.findFirst({ where: { event: 'subjectAccess.export', entityId: subject.personId } })).toMatchObject({
      actorId: admin.id,
    });
  });

  test('answers an unknown person exactly as a malformed id', async () => {
    const unknown = await app.call('GET', '/api/people/00000000-0000-4000-8000-000000000000/subject-access', { token: adminToken });
    const malformed = await app.call('GET', '/api/people/x/subject-access', { token: adminToken });
    expect(unknown.status).toBe(404);
    expect(malformed.body).toEqual(unknown.body);
  });
});

describe('who may manage retention', () => {
  test.each(['Priya Example', 'Ruth Notreal', 'Grace Testington', 'Dan Sample'])(
    'refuses %s, who is not a partnership administrator, with 403',
    async (name) => {
      const token = await app.signInAs(member(name).id);
      const someCase = await prisma().case.findFirstOrThrow({ where: { status: 'CLOSED', anonymisedAt: null } });
      const somePerson = await prisma().person.findFirstOrThrow();
      const counts = await tableRowCounts(database.db);
      for (const [method, path, body] of [
        ['GET', '/api/retention/settings'],
        ['PUT', '/api/retention/settings', { retentionReviewMonths: 1 }],
        ['GET', '/api/retention/due'],
        ['POST', `/api/retention/cases/${someCase.id}/anonymise`],
        ['GET', `/api/people/${somePerson.id}/subject-access`],
      ] as const) {
        const answer = await app.call(method, path, { token, ...(body ? { body } : {}) });
        expect(answer.status).toBe(403);
        expect(JSON.stringify(answer.body)).not.toContain(someCase.reference);
      }
      expect(await tableRowCounts(database.db)).toEqual(counts);
    },
  );
});
