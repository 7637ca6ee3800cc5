// Incidents, re-assessments and ASB case reviews (the Community Trigger) over real HTTP against the
// database, with their refusals. Today is Christmas Eve 2026, so deadlines run over bank holidays.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { answersAll, auditEvents, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

const NOW = new Date('2026-12-24T12:00:00Z');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}
interface Trigger {
  thresholdMet: boolean;
  people: Array<{ personId: string; met: boolean; qualifying: number; required: number; explanation: string }>;
  locations: unknown[];
}
interface Review {
  id: string;
  status: string;
  acknowledgeBy: string;
  decisionDueBy: string;
  reviewDueBy: string | null;
  qualifyingComplaints: number;
  outcome: string | null;
  nextStep: { step: string; dueBy: string; overdue: boolean; daysLeft: number } | null;
}
interface Assessment {
  id: string;
  score: number;
  finalBand: string;
  supersedesId: string | null;
  answers: Array<{ questionId: string; wording: string }>;
  template: { version: number };
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
let caseId: string;
let victimId: string;
const tokens: Record<string, string> = {};
const as = (who: keyof ReferralWorld['members']) => tokens[who]!;
const fields = (body: unknown) => (body as ErrorBody).error.fields?.map((f) => f.field) ?? [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createReferralWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
  for (const who of Object.keys(world.members) as Array<keyof ReferralWorld['members']>)
    tokens[who] = await app.signInAs(world.members[who]);
  const started = await app.call<{ id: string }>('POST', '/api/referrals', {
    token: as('policeReferrer'),
    body: {
      subjectType: 'VICTIM',
      draft: {
        subject: { givenName: 'Mabel', familyName: 'Exampleton' },
        concerns: 'Stones at the windows.',
        answers: answersAll('VICTIM', 'serious'),
        consent: { status: 'GIVEN' },
      },
    },
  });
  const submitted = await app.call<{ result: { case: { id: string } }; referral: { person: { id: string } } }>(
    'POST',
    `/api/referrals/${started.body.id}/submit`,
    { token: as('policeReferrer') },
  );
  caseId = submitted.body.result.case.id;
  victimId = submitted.body.referral.person.id;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const incident = (day: string, extra: Record<string, unknown> = {}) => ({
  occurredAt: `${day}T21:00:00Z`,
  reportedAt: `${day}T22:00:00Z`,
  category: 'PERSONAL',
  description: 'Stones thrown at the front window.',
  ...extra,
});

describe('incidents', () => {
  it('records incidents on a case and says when the victim crosses the case review threshold', async () => {
    const first = await app.call<{
      incident: { id: string; people: Array<{ personId: string; role: string }> };
      communityTrigger: Trigger;
    }>('POST', `/api/cases/${caseId}/incidents`, {
      token: as('policeReferrer'),
      body: incident('2026-11-02', { sourceReference: 'FB-1001' }),
    });
    expect(first.status).toBe(201);
    expect(first.body.incident.people).toEqual([{ personId: victimId, role: 'VICTIM' }]);
    expect([first.body.communityTrigger.thresholdMet, first.body.communityTrigger.people[0]?.qualifying]).toEqual([false, 1]);
    // The same incident reported to the council as well counts once.
    await app.call('POST', `/api/cases/${caseId}/incidents`, {
      token: as('policeReferrer'),
      body: incident('2026-11-02', { sourceReference: 'FB-1001' }),
    });
    await app.call('POST', `/api/cases/${caseId}/incidents`, { token: as('policeReferrer'), body: incident('2026-11-20') });
    const third = await app.call<{ communityTrigger: Trigger }>('POST', `/api/cases/${caseId}/incidents`, {
      token: as('policeReferrer'),
      body: incident('2026-12-10'),
    });
    expect(third.body.communityTrigger.people[0]).toMatchObject({ personId: victimId, met: true, qualifying: 3, required: 3 });
    expect(await auditEvents(database.db, 'incident.create')).toHaveLength(4);
  });

  it('refuses impossible dates and people who are not on the case, and records nothing', async () => {
    const before = await database.db.prisma.incident.count();
    const answer = await app.call<ErrorBody>('POST', `/api/cases/${caseId}/incidents`, {
      token: as('policeReferrer'),
      body: incident('2026-12-01', { reportedAt: '2026-11-30T10:00:00Z', people: [{ personId: UNKNOWN_ID, role: 'WITNESS' }] }),
    });
    expect([answer.status, fields(answer.body)]).toEqual([400, ['reportedAt', 'people.0.personId']]);
    const future = await app.call<ErrorBody>('POST', `/api/cases/${caseId}/incidents`, {
      token: as('policeReferrer'),
      body: incident('2027-01-05'),
    });
    expect(fields(future.body)).toEqual(['occurredAt', 'reportedAt']);
    const shape = await app.call<ErrorBody>('POST', `/api/cases/${caseId}/incidents`, {
      token: as('policeReferrer'),
      body: { occurredAt: 'last Tuesday', category: 'LOUD' },
    });
    expect(fields(shape.body).sort()).toEqual(['category', 'description', 'occurredAt', 'reportedAt']);
    expect(await database.db.prisma.incident.count()).toBe(before);
  });

  it('refuses an agency with no part in the case as if the case did not exist', async () => {
    const unknown = await app.call<ErrorBody>('POST', `/api/cases/${UNKNOWN_ID}/incidents`, {
      token: as('councilReferrer'),
      body: incident('2026-12-01'),
    });
    const hidden = await app.call<ErrorBody>('POST', `/api/cases/${caseId}/incidents`, {
      token: as('councilReferrer'),
      body: incident('2026-12-01'),
    });
    expect([hidden.status, hidden.body]).toEqual([404, unknown.body]);
    expect((await app.call('POST', `/api/cases/${caseId}/incidents`, { token: as('auditor'), body: incident('2026-12-01') })).status).toBe(
      403,
    );
    expect((await app.call('POST', `/api/cases/${caseId}/incidents`, { body: incident('2026-12-01') })).status).toBe(401);
  });

  it('searches incidents only on cases the member can see, and audits the search', async () => {
    const seen = await app.call<{ incidents: Array<{ case: { id: string } }> }>('GET', '/api/incidents?from=2026-11-01&to=2026-11-30', {
      token: as('policeReferrer'),
    });
    expect([seen.status, seen.body.incidents.length]).toEqual([200, 3]);
    const none = await app.call<{ incidents: unknown[] }>('GET', '/api/incidents?from=2026-11-01&to=2026-12-31', {
      token: as('councilReferrer'),
    });
    expect(none.body.incidents).toEqual([]);
    const [row] = (await auditEvents(database.db, 'incident.search')).slice(-1);
    expect(row?.after).toMatchObject({ found: 0 });
    const backwards = await app.call<ErrorBody>('GET', '/api/incidents?from=2026-12-01&to=2026-11-01', { token: as('policeReferrer') });
    expect([backwards.status, fields(backwards.body)]).toEqual([400, ['from']]);
    const missing = await app.call<ErrorBody>('GET', '/api/incidents?from=2026-12-01', { token: as('policeReferrer') });
    expect(fields(missing.body)).toEqual(['to']);
    expect((await app.call('GET', '/api/incidents?from=2026-11-01&to=2026-11-30', { token: as('auditor') })).status).toBe(403);
  });
});

describe('re-assessment', () => {
  it('adds a new version that supersedes the last and leaves the submitted one untouched', async () => {
    const before = await app.call<{ assessments: Assessment[] }>('GET', `/api/cases/${caseId}/assessments`, {
      token: as('policeReferrer'),
    });
    expect(before.body.assessments.map((a) => [a.score, a.finalBand])).toEqual([[60, 'HIGH']]);
    expect(before.body.assessments[0]?.answers[0]?.wording).toBe(
      'Does the victim have a long-term illness, disability or mental health condition?',
    );
    const first = await database.db.prisma.riskAssessment.findUniqueOrThrow({ where: { id: before.body.assessments[0]!.id } });

    const again = await app.call<Assessment>('POST', `/api/cases/${caseId}/assessments`, {
      token: as('policeReferrer'),
      body: { answers: answersAll('VICTIM', 'some') },
    });
    expect(again.status).toBe(201);
    expect([again.body.score, again.body.finalBand, again.body.supersedesId]).toEqual([30, 'MEDIUM', first.id]);
    expect(await database.db.prisma.riskAssessment.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
    expect((await database.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).currentRiskBand).toBe('MEDIUM');
    const [row] = await auditEvents(database.db, 'case.reassess', caseId);
    expect([row?.before, row?.after]).toEqual([
      { currentRiskBand: 'HIGH', assessmentId: first.id },
      { currentRiskBand: 'MEDIUM', assessmentId: again.body.id, score: 30 },
    ]);
    const after = await app.call<{ assessments: Assessment[] }>('GET', `/api/cases/${caseId}/assessments`, { token: as('policeReferrer') });
    expect(after.body.assessments.map((a) => a.score)).toEqual([60, 30]);
    expect((await auditEvents(database.db, 'case.read', caseId)).map((r) => r.after)).toContainEqual({ view: 'assessments' });
  });

  it('refuses judgement that lowers the risk and answers the template does not offer', async () => {
    const lower = await app.call<ErrorBody>('POST', `/api/cases/${caseId}/assessments`, {
      token: as('policeReferrer'),
      body: { answers: answersAll('VICTIM', 'serious'), judgement: { band: 'LOW', reason: 'Calmer now.' } },
    });
    expect([lower.status, fields(lower.body)]).toEqual([400, ['judgement.band']]);
    const unknown = await app.call<ErrorBody>('POST', `/api/cases/${caseId}/assessments`, {
      token: as('policeReferrer'),
      body: { answers: { ...answersAll('VICTIM', 'none'), 'v-fear': 'a bit' } },
    });
    expect([unknown.status, fields(unknown.body)]).toEqual([400, ['answers.v-fear']]);
    expect(await database.db.prisma.riskAssessment.count({ where: { caseId } })).toBe(2);
  });

  it('refuses re-assessment and reading to those who may not see the case', async () => {
    expect((await app.call('GET', `/api/cases/${caseId}/assessments`, { token: as('councilReferrer') })).status).toBe(404);
    expect(
      (await app.call('POST', `/api/cases/${caseId}/assessments`, { token: as('councilReferrer'), body: { answers: {} } })).status,
    ).toBe(404);
    expect((await app.call('POST', `/api/cases/${caseId}/assessments`, { token: as('auditor'), body: { answers: {} } })).status).toBe(403);
    expect((await app.call('GET', `/api/cases/${caseId}/assessments`)).status).toBe(401);
  });
});

describe('ASB case review (Community Trigger)', () => {
  let reviewId: string;

  it('reports the threshold for each victim on the case', async () => {
    const { status, body } = await app.call<Trigger>('GET', `/api/cases/${caseId}/community-trigger`, { token: as('housingMember') });
    expect(status).toBe(200);
    expect(body.people[0]?.explanation).toBe(
      'Threshold met: 3 qualifying incidents reported within a month of happening and within six months before the application on 24 December 2026 (threshold 3).',
    );
    expect((await app.call('GET', `/api/cases/${caseId}/community-trigger`, { token: as('councilReferrer') })).status).toBe(404);
  });

  it('opens a review with deadlines counted in working days around Christmas', async () => {
    const { status, body } = await app.call<{ review: Review; threshold: { met: boolean } }>('POST', '/api/case-reviews', {
      token: as('policeReferrer'),
      body: { caseId, applicantPersonId: victimId, receivedAt: '2026-12-24T09:00:00Z' },
    });
    expect(status).toBe(201);
    reviewId = body.review.id;
    // Received Thursday 24th: Friday 25th and Monday 28th are bank holidays, so two working days end on Wednesday 30th.
    expect([body.review.acknowledgeBy, body.review.decisionDueBy, body.review.reviewDueBy]).toEqual([
      '2026-12-30',
      '2027-01-18',
      '2027-02-08',
    ]);
    expect([body.review.status, body.review.qualifyingComplaints, body.threshold.met]).toEqual(['RECEIVED', 3, true]);
    expect(body.review.nextStep).toEqual({ step: 'acknowledge', dueBy: '2026-12-30', overdue: false, daysLeft: 6 });
    expect(await auditEvents(database.db, 'caseReview.open', reviewId)).toHaveLength(1);
  });

  it('moves the review on step by step, counting the review period from the actual decision', async () => {
    const step = (body: unknown) =>
      app.call<{ review: Review } & ErrorBody>('POST', `/api/case-reviews/${reviewId}/progress`, { token: as('policeReferrer'), body });
    const early = await step({ step: 'HOLD_REVIEW', outcome: 'Too soon' });
    expect([early.status, early.body.error.message]).toEqual([409, 'The review is received, so it cannot hold review now.']);
    expect((await step({ step: 'ACKNOWLEDGE' })).body.review.status).toBe('ACKNOWLEDGED');
    const decided = await step({ step: 'DECIDE_THRESHOLD', met: true });
    expect([decided.body.review.status, decided.body.review.reviewDueBy]).toEqual(['THRESHOLD_MET', '2027-01-14']);
    const noOutcome = await step({ step: 'HOLD_REVIEW', outcome: '' });
    expect([noOutcome.status, fields(noOutcome.body)]).toEqual([400, ['outcome']]);
    const held = await step({ step: 'HOLD_REVIEW', outcome: 'Housing to move the victim; police patrols nightly for a month.' });
    expect([held.body.review.status, held.body.review.nextStep]).toEqual(['REVIEW_HELD', null]);
    const read = await app.call<{ review: Review }>('GET', `/api/case-reviews/${reviewId}`, { token: as('housingMember') });
    expect(read.body.review.outcome).toBe('Housing to move the victim; police patrols nightly for a month.');
    expect((await auditEvents(database.db, 'caseReview.progress', reviewId)).map((r) => (r.after as { status: string }).status)).toEqual([
      'ACKNOWLEDGED',
      'THRESHOLD_MET',
      'REVIEW_HELD',
    ]);
  });

  it("counts the working days against the partnership's own bank holidays: in Scotland the 2 January substitute day does not count", async () => {
    await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { bankHolidayRegion: 'SCOTLAND' } });
    try {
      const { status, body } = await app.call<{ review: Review }>('POST', '/api/case-reviews', {
        token: as('policeReferrer'),
        body: { caseId, applicantPersonId: victimId, receivedAt: '2026-12-24T09:00:00Z' },
      });
      expect(status).toBe(201);
      // As in England and Wales but for Monday 4 January 2027, so the decision and the review fall a day later.
      expect([body.review.acknowledgeBy, body.review.decisionDueBy, body.review.reviewDueBy]).toEqual([
        '2026-12-30',
        '2027-01-19',
        '2027-02-09',
      ]);
    } finally {
      await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { bankHolidayRegion: 'ENGLAND_AND_WALES' } });
    }
  });

  it('refuses an application naming nobody on the case, and hides reviews of cases the member cannot see', async () => {
    const nobody = await app.call<ErrorBody>('POST', '/api/case-reviews', {
      token: as('policeReferrer'),
      body: { caseId, receivedAt: '2026-12-24T09:00:00Z' },
    });
    expect([nobody.status, fields(nobody.body)]).toEqual([400, ['applicantPersonId']]);
    const stranger = await app.call<ErrorBody>('POST', '/api/case-reviews', {
      token: as('policeReferrer'),
      body: { caseId, applicantPersonId: UNKNOWN_ID, receivedAt: '2026-12-24T09:00:00Z' },
    });
    expect(fields(stranger.body)).toEqual(['applicantPersonId']);
    const unknown = await app.call<ErrorBody>('GET', `/api/case-reviews/${UNKNOWN_ID}`, { token: as('councilReferrer') });
    const hidden = await app.call<ErrorBody>('GET', `/api/case-reviews/${reviewId}`, { token: as('councilReferrer') });
    expect([hidden.status, hidden.body]).toEqual([404, unknown.body]);
    expect(
      (await app.call('POST', `/api/case-reviews/${reviewId}/progress`, { token: as('councilReferrer'), body: { step: 'ACKNOWLEDGE' } }))
        .status,
    ).toBe(404);
    expect(
      (
        await app.call('POST', '/api/case-reviews', {
          token: as('auditor'),
          body: { caseId, applicantPersonId: victimId, receivedAt: '2026-12-24T09:00:00Z' },
        })
      ).status,
    ).toBe(403);
    expect((await app.call('GET', `/api/case-reviews/${reviewId}`)).status).toBe(401);
  });
});

describe('people and places', () => {
  it('shows a person with the cases about them that the member can see, and audits the read', async () => {
    const { status, body } = await app.call<{ name: string; cases: Array<{ id: string; role: string }> }>(
      'GET',
      `/api/people/${victimId}`,
      { token: as('housingMember') },
    );
    expect(status).toBe(200);
    expect([body.name, body.cases.map((c) => [c.id, c.role])]).toEqual(['Mabel Exampleton', [[caseId, 'VICTIM']]]);
    const [row] = (await auditEvents(database.db, 'person.read', victimId)).slice(-1);
    expect([row?.actorId, row?.after]).toEqual([world.members.housingMember, { cases: [caseId] }]);
    expect(body).not.toHaveProperty('healthNotes');
  });

  it('hides a person from an agency with no part in their cases, exactly as an unknown id', async () => {
    const unknown = await app.call<ErrorBody>('GET', `/api/people/${UNKNOWN_ID}`, { token: as('councilReferrer') });
    for (const who of ['councilReferrer', 'outsider'] as const) {
      const hidden = await app.call<ErrorBody>('GET', `/api/people/${victimId}`, { token: as(who) });
      expect([who, hidden.status, hidden.body]).toEqual([who, 404, unknown.body]);
    }
    expect((await app.call('GET', `/api/people/${victimId}`, { token: as('auditor') })).status).toBe(403);
    expect((await app.call('GET', `/api/people/${victimId}`)).status).toBe(401);
  });

  it('shows a place to the agency that referred it and hides it from a referrer elsewhere', async () => {
    const started = await app.call<{ id: string }>('POST', '/api/referrals', {
      token: as('councilReferrer'),
      body: {
        subjectType: 'LOCATION',
        draft: {
          subject: { address: 'Ipsum Walk Garages', town: 'Fernbrook', postcode: 'ZX3 3AB' },
          concerns: 'Fires.',
          answers: answersAll('LOCATION', 'some'),
        },
      },
    });
    const submitted = await app.call<{ referral: { location: { id: string } }; result: { case: { id: string } } }>(
      'POST',
      `/api/referrals/${started.body.id}/submit`,
      { token: as('councilReferrer') },
    );
    const locationId = submitted.body.referral.location.id;
    const seen = await app.call<{ addressLine1: string; postcode: string; cases: Array<{ id: string }> }>(
      'GET',
      `/api/locations/${locationId}`,
      { token: as('councilReferrer') },
    );
    expect([seen.status, seen.body.addressLine1, seen.body.postcode, seen.body.cases.map((c) => c.id)]).toEqual([
      200,
      'Ipsum Walk Garages',
      'ZX3 3AB',
      [submitted.body.result.case.id],
    ]);
    expect(await auditEvents(database.db, 'location.read', locationId)).toHaveLength(1);
    const unknown = await app.call<ErrorBody>('GET', `/api/locations/${UNKNOWN_ID}`, { token: as('policeReferrer') });
    const hidden = await app.call<ErrorBody>('GET', `/api/locations/${locationId}`, { token: as('policeReferrer') });
    expect([hidden.status, hidden.body]).toEqual([404, unknown.body]);
  });
});

describe('searching incidents by day', () => {
  it('takes the days as London days, so an incident at 00:30 on a summer night is found on its own day, not the one before', async () => {
    const recorded = await app.call('POST', `/api/cases/${caseId}/incidents`, {
      token: as('policeReferrer'),
      body: incident('2026-07-01', { occurredAt: '2026-07-01T23:30:00Z', reportedAt: '2026-07-02T08:00:00Z' }),
    });
    expect(recorded.status).toBe(201);
    const found = (from: string, to: string) =>
      app.call<{ incidents: Array<{ occurredAt: string }> }>('GET', `/api/incidents?from=${from}&to=${to}&caseId=${caseId}`, {
        token: as('policeReferrer'),
      });

    expect((await found('2026-07-02', '2026-07-02')).body.incidents.map((i) => i.occurredAt)).toEqual(['2026-07-01T23:30:00.000Z']);
    expect((await found('2026-07-01', '2026-07-01')).body.incidents).toEqual([]);
  });
});
