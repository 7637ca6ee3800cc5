// Referrals and risk templates over real HTTP against the database: drafts, submission with
// scoring, criteria and routing, duplicate matching, chair decisions, and every refusal.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { answersAll, auditEvents, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

const NOW = new Date('2026-11-20T12:00:00Z');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}
interface Referral {
  id: string;
  status: string;
  subjectType: string;
  draft: Record<string, unknown> | null;
  case: { id: string; reference: string; status: string } | null;
  person: { id: string; name: string } | null;
  panel: { id: string; name: string } | null;
  criteriaMet: string[];
  route: string | null;
  routingExplanation: string | null;
  declineReason: string | null;
  assessments: Array<{ score: number; finalBand: string; template: { version: number } }>;
}
interface Submitted {
  referral: Referral;
  result: {
    score: number;
    maximumScore: number;
    finalBand: string;
    calculatedBand: string;
    reasons: string[];
    criteria: Array<{ criterion: string; because: string }>;
    route: string;
    panel: { id: string; name: string } | null;
    explanation: string;
    reviewDue: string | null;
    case: { id: string; reference: string; status: string };
  };
}
interface Template {
  id: string;
  name: string;
  version: number;
  subjectType: string;
  isActive: boolean;
  usable: boolean;
  referralThreshold: number;
  bands: Array<{ band: string; from: number; to: number }>;
  questions: Array<{ id: string; wording: string; options: Array<{ id: string; weight: number }> }>;
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
const tokens: Record<string, string> = {};
const as = (who: keyof ReferralWorld['members']) => tokens[who]!;
const fields = (body: unknown) => (body as ErrorBody).error.fields?.map((f) => f.field) ?? [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createReferralWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
  for (const who of Object.keys(world.members) as Array<keyof ReferralWorld['members']>)
    tokens[who] = await app.signInAs(world.members[who]);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

async function start(token: string, subjectType: string, draft: Record<string, unknown>): Promise<Referral> {
  const answer = await app.call<Referral>('POST', '/api/referrals', { token, body: { subjectType, draft } });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function refer(token: string, subjectType: string, draft: Record<string, unknown>) {
  const referral = await start(token, subjectType, draft);
  return app.call<Submitted>('POST', `/api/referrals/${referral.id}/submit`, { token });
}

const victim = (
  givenName: string,
  familyName: string,
  dateOfBirth: string,
  option: 'none' | 'some' | 'serious',
  extra: Record<string, unknown> = {},
) => ({
  subject: { givenName, familyName, dateOfBirth },
  concerns: 'Stones thrown at the windows most nights; the victim no longer leaves the flat after dark.',
  answers: answersAll('VICTIM', option),
  consent: { status: 'GIVEN' },
  ...extra,
});

describe('risk templates', () => {
  it('reads templates without writing anything, even for a partnership that has none stored yet', async () => {
    const before = { templates: await database.db.prisma.riskTemplate.count(), audits: await database.db.prisma.auditEvent.count() };
    const answers = await Promise.all(
      ['policeReferrer', 'cmaracChair'].map((who) =>
        app.call<{ templates: Template[] }>('GET', '/api/risk-templates', { token: as(who as 'policeReferrer') }),
      ),
    );
    expect(answers.map((a) => [a.status, a.body.templates])).toEqual([
      [200, []],
      [200, []],
    ]);
    expect({ templates: await database.db.prisma.riskTemplate.count(), audits: await database.db.prisma.auditEvent.count() }).toEqual(
      before,
    );
  });

  it('seeds the default victim, perpetrator and location templates once when referrals are first submitted at the same time', async () => {
    const drafts = await Promise.all(
      (['policeReferrer', 'housingReferrer', 'councilReferrer'] as const).map((who, i) =>
        start(as(who), 'VICTIM', victim('Seeded', `Firstsubmit${'abc'[i]}`, `1960-0${i + 1}-15`, 'none')),
      ),
    );
    const submitted = await Promise.all(
      drafts.map((d, i) =>
        app.call<Submitted>('POST', `/api/referrals/${d.id}/submit`, {
          token: as((['policeReferrer', 'housingReferrer', 'councilReferrer'] as const)[i]!),
        }),
      ),
    );
    expect(submitted.map((a) => a.status)).toEqual([200, 200, 200]);
    const { body } = await app.call<{ templates: Template[] }>('GET', '/api/risk-templates', { token: as('housingReferrer') });
    expect(body.templates.map((t) => [t.subjectType, t.version, t.usable, t.questions.length, t.referralThreshold])).toEqual([
      ['VICTIM', 1, true, 15, 32],
      ['PERPETRATOR', 1, true, 12, 28],
      ['LOCATION', 1, true, 10, 24],
    ]);
    expect(await database.db.prisma.riskTemplate.count({ where: { partnershipId: world.partnershipId } })).toBe(3);
    expect(await auditEvents(database.db, 'riskTemplate.create')).toHaveLength(3);
  });

  it('publishes an edit by an administrator as the next version and keeps the old one readable', async () => {
    const { body } = await app.call<{ templates: Template[] }>('GET', '/api/risk-templates', { token: as('admin') });
    const location = body.templates.find((t) => t.subjectType === 'LOCATION')!;
    const definition = { subjectType: 'LOCATION', referralThreshold: 20, bands: location.bands, questions: location.questions };
    const published = await app.call<Template>('POST', `/api/risk-templates/${location.id}/versions`, {
      token: as('admin'),
      body: { definition },
    });
    expect(published.status).toBe(201);
    expect([published.body.version, published.body.referralThreshold, published.body.isActive]).toEqual([2, 20, true]);
    const old = await app.call<Template>('GET', `/api/risk-templates/${location.id}`, { token: as('policeReferrer') });
    expect([old.status, old.body.version, old.body.isActive, old.body.referralThreshold]).toEqual([200, 1, false, 24]);
    const all = await app.call<{ templates: Template[] }>('GET', '/api/risk-templates?includeRetired=true', { token: as('admin') });
    expect(all.body.templates.filter((t) => t.subjectType === 'LOCATION').map((t) => t.version)).toEqual([2, 1]);
    const [row] = await auditEvents(database.db, 'riskTemplate.publish', published.body.id);
    expect(row?.before).toEqual({ id: location.id, name: location.name, version: 1 });
  });

  it('refuses a template whose bands do not join up, naming the field, and publishes nothing', async () => {
    const { body } = await app.call<{ templates: Template[] }>('GET', '/api/risk-templates', { token: as('admin') });
    const victimTemplate = body.templates.find((t) => t.subjectType === 'VICTIM')!;
    const bands = [
      { band: 'LOW', from: 0, to: 15 },
      { band: 'MEDIUM', from: 17, to: 31 },
      { band: 'HIGH', from: 32, to: 60 },
    ];
    const answer = await app.call<ErrorBody>('POST', `/api/risk-templates/${victimTemplate.id}/versions`, {
      token: as('admin'),
      body: { definition: { subjectType: 'VICTIM', referralThreshold: 32, bands, questions: victimTemplate.questions } },
    });
    expect(answer.status).toBe(400);
    expect(fields(answer.body)).toEqual(['definition.bands']);
    expect(answer.body.error.fields?.[0]?.message).toMatch(/medium band must start at 16/);
    expect(await database.db.prisma.riskTemplate.count({ where: { partnershipId: world.partnershipId, subjectType: 'VICTIM' } })).toBe(1);
  });

  it("refuses template edits to everyone but an administrator, and hides other partnerships' templates", async () => {
    const { body } = await app.call<{ templates: Template[] }>('GET', '/api/risk-templates', { token: as('admin') });
    const id = body.templates[0]!.id;
    const edit = {
      definition: {
        subjectType: 'LOCATION',
        referralThreshold: 20,
        bands: body.templates[0]!.bands,
        questions: body.templates[0]!.questions,
      },
    };
    expect((await app.call('POST', `/api/risk-templates/${id}/versions`, { token: as('cmaracChair'), body: edit })).status).toBe(403);
    expect((await app.call('POST', `/api/risk-templates/${id}/versions`, { body: edit })).status).toBe(401);
    const hidden = await app.call<ErrorBody>('GET', `/api/risk-templates/${id}`, { token: as('outsider') });
    const unknown = await app.call<ErrorBody>('GET', `/api/risk-templates/${UNKNOWN_ID}`, { token: as('outsider') });
    expect([hidden.status, hidden.body]).toEqual([404, unknown.body]);
  });
});

describe('referral drafts', () => {
  it('keeps a half-finished referral exactly as it was left and lets the referrer resume it', async () => {
    const draft = {
      step: 'about-the-person',
      subject: { givenName: 'Mabel', familyName: 'Exampleton' },
      answers: { 'v-health': 'serious' },
      notesForLater: 'ring the warden',
    };
    const started = await start(as('policeReferrer'), 'VICTIM', draft);
    expect([started.status, started.draft]).toEqual(['DRAFT', draft]);
    const more = { ...draft, step: 'risk', answers: { 'v-health': 'serious', 'v-fear': 'some' } };
    const saved = await app.call<Referral>('PUT', `/api/referrals/${started.id}/draft`, {
      token: as('policeReferrer'),
      body: { draft: more },
    });
    expect([saved.status, saved.body.draft]).toEqual([200, more]);
    const read = await app.call<Referral>('GET', `/api/referrals/${started.id}`, { token: as('policeReferrer') });
    expect(read.body.draft).toEqual(more);
    const [row] = await auditEvents(database.db, 'referral.draft.save', started.id);
    expect([row?.before, row?.after]).toEqual([
      { subjectType: 'VICTIM', draft },
      { subjectType: 'VICTIM', draft: more },
    ]);
    expect(await auditEvents(database.db, 'referral.read', started.id)).toHaveLength(1);
    const mine = await app.call<{ referrals: Array<{ id: string; draft?: unknown }> }>('GET', '/api/referrals?status=DRAFT', {
      token: as('policeReferrer'),
    });
    expect(mine.body.referrals.find((r) => r.id === started.id)?.draft).toEqual(more);
  });

  it('shows a draft to nobody but its referrer, answering as for a referral that does not exist', async () => {
    const started = await start(as('policeReferrer'), 'VICTIM', { concerns: 'private draft' });
    const unknown = await app.call<ErrorBody>('GET', `/api/referrals/${UNKNOWN_ID}`, { token: as('cmaracChair') });
    for (const who of ['housingReferrer', 'cmaracChair', 'outsider'] as const) {
      const answer = await app.call<ErrorBody>('GET', `/api/referrals/${started.id}`, { token: as(who) });
      expect([who, answer.status, answer.body]).toEqual([who, 404, unknown.body]);
    }
    const put = await app.call('PUT', `/api/referrals/${started.id}/draft`, {
      token: as('housingReferrer'),
      body: { draft: { concerns: 'overwritten' } },
    });
    expect(put.status).toBe(404);
    expect((await app.call('GET', `/api/referrals/${started.id}`)).status).toBe(401);
    const kept = await database.db.prisma.referral.findUniqueOrThrow({ where: { id: started.id } });
    expect(kept.draft).toEqual({ concerns: 'private draft' });
  });

  it('refuses a draft with values of the wrong kind, field by field, and keeps the saved one', async () => {
    const started = await start(as('policeReferrer'), 'VICTIM', { concerns: 'first version' });
    const answer = await app.call<ErrorBody>('PUT', `/api/referrals/${started.id}/draft`, {
      token: as('policeReferrer'),
      body: { draft: { subject: { givenName: 42 }, judgement: { band: 'EXTREME' } } },
    });
    expect(answer.status).toBe(400);
    expect(fields(answer.body).sort()).toEqual(['draft.judgement.band', 'draft.subject.givenName']);
    const bad = await app.call<ErrorBody>('POST', '/api/referrals', { token: as('policeReferrer'), body: { subjectType: 'NEIGHBOUR' } });
    expect([bad.status, fields(bad.body)]).toEqual([400, ['subjectType']]);
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { id: started.id } })).draft).toEqual({
      concerns: 'first version',
    });
  });

  it('refuses text holding a NUL character, which the database cannot store, naming the field', async () => {
    const started = await start(as('policeReferrer'), 'VICTIM', { concerns: 'kept' });
    const answer = await app.call<ErrorBody>('PUT', `/api/referrals/${started.id}/draft`, {
      token: as('policeReferrer'),
      body: { draft: { concerns: 'stones\u0000thrown' } },
    });
    expect([answer.status, fields(answer.body)]).toEqual([400, ['draft.concerns']]);
    const extra = await app.call<ErrorBody>('PUT', `/api/referrals/${started.id}/draft`, {
      token: as('policeReferrer'),
      body: { draft: { notes: { later: ['ok', 'bad\u0000'] } } },
    });
    expect([extra.status, fields(extra.body)]).toEqual([400, ['draft.notes.later.1']]);
    const search = await app.call<ErrorBody>('GET', '/api/people?givenName=Ma%00bel&familyName=Exampleton', {
      token: as('policeReferrer'),
    });
    expect([search.status, fields(search.body)]).toEqual([400, ['givenName']]);
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { id: started.id } })).draft).toEqual({ concerns: 'kept' });
  });

  it('refuses to start referrals for auditors and administrators', async () => {
    for (const who of ['auditor', 'admin'] as const) {
      expect((await app.call('POST', '/api/referrals', { token: as(who), body: { subjectType: 'VICTIM' } })).status).toBe(403);
      expect((await app.call('GET', '/api/referrals', { token: as(who) })).status).toBe(403);
      expect((await app.call('GET', `/api/referrals/${UNKNOWN_ID}`, { token: as(who) })).status).toBe(403);
    }
  });
});

describe('submitting a referral', () => {
  it('names every missing answer and field at once and leaves the draft as it was', async () => {
    const draft = { subject: { givenName: 'Nora' }, answers: { 'v-health': 'serious', 'v-fear': 'terrified' } };
    const started = await start(as('policeReferrer'), 'VICTIM', draft);
    const answer = await app.call<ErrorBody>('POST', `/api/referrals/${started.id}/submit`, { token: as('policeReferrer') });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('The referral is not complete yet. It is still saved as a draft.');
    const list = fields(answer.body);
    expect(list.slice(0, 3)).toEqual(['subject.familyName', 'consent.status', 'concerns']);
    expect(list).toContain('answers.v-less-able');
    expect(list).toContain('answers.v-fear');
    expect(list).not.toContain('answers.v-health');
    expect(answer.body.error.fields?.find((f) => f.field === 'answers.v-fear')?.message).toMatch(/"terrified" is not one of the answers/);
    const kept = await database.db.prisma.referral.findUniqueOrThrow({ where: { id: started.id } });
    expect([kept.status, kept.draft, kept.caseId]).toEqual(['DRAFT', draft, null]);
  });

  it('scores a high-risk victim, routes them to CMARAC with the reasons and opens a case', async () => {
    const { status, body } = await refer(as('policeReferrer'), 'VICTIM', victim('Mabel', 'Exampleton', '1941-03-02', 'serious'));
    expect(status).toBe(200);
    const { result, referral } = body;
    expect([result.score, result.maximumScore, result.calculatedBand, result.finalBand, result.route]).toEqual([
      60,
      60,
      'HIGH',
      'HIGH',
      'PANEL',
    ]);
    expect(result.criteria.map((c) => c.criterion)).toEqual(['VISIBLE_HIGH_RISK']);
    expect(result.panel?.id).toBe(world.panels.cmarac);
    expect(result.explanation).toBe('Routed to CMARAC because the victim scored 60 (high, threshold 32). Review by 4 December 2026.');
    expect(result.reasons[0]).toBe('Scored 60 of 60: high (threshold 32).');
    expect([result.case.reference, result.case.status, result.reviewDue]).toEqual([
      expect.stringMatching(/^ASB-2026-\d{4}$/),
      'OPEN',
      '2026-12-04',
    ]);
    expect([referral.status, referral.route, referral.criteriaMet, referral.person?.name]).toEqual([
      'SUBMITTED',
      'PANEL',
      ['VISIBLE_HIGH_RISK'],
      'Mabel Exampleton',
    ]);

    const kase = await database.db.prisma.case.findUniqueOrThrow({ where: { id: result.case.id }, include: { subjects: true } });
    expect([kase.leadAgencyId, kase.currentRiskBand, kase.subjects.map((s) => s.role)]).toEqual([
      world.agencies.police,
      'HIGH',
      ['VICTIM'],
    ]);
    const assessment = await database.db.prisma.riskAssessment.findFirstOrThrow({ where: { referralId: referral.id } });
    const answers = assessment.answers as Array<{ questionId: string; wording: string; optionLabel: string }>;
    expect(answers).toHaveLength(15);
    expect(answers[0]).toMatchObject({
      questionId: 'v-health',
      wording: 'Does the victim have a long-term illness, disability or mental health condition?',
      optionLabel: 'Yes, and the ASB is making it worse',
    });
    const [row] = await auditEvents(database.db, 'referral.submit', referral.id);
    expect(row?.after).toMatchObject({ status: 'SUBMITTED', caseId: result.case.id, caseCreated: true, score: 60, route: 'PANEL' });
    expect(await auditEvents(database.db, 'person.create', referral.person!.id)).toHaveLength(1);
  });

  it('never changes a submitted referral: saving or submitting again is refused', async () => {
    const { body } = await refer(as('policeReferrer'), 'VICTIM', victim('Oswald', 'Nonesuch', '1950-01-01', 'serious'));
    const again = await app.call<ErrorBody>('POST', `/api/referrals/${body.referral.id}/submit`, { token: as('policeReferrer') });
    const save = await app.call<ErrorBody>('PUT', `/api/referrals/${body.referral.id}/draft`, {
      token: as('policeReferrer'),
      body: { draft: {} },
    });
    expect([again.status, save.status]).toEqual([409, 409]);
    expect(save.body.error.message).toMatch(/Record a re-assessment on its case instead/);
    expect(await database.db.prisma.riskAssessment.count({ where: { referralId: body.referral.id } })).toBe(1);
  });

  it("keeps a medium-risk victim in the lead agency's casework with a review date", async () => {
    const { body } = await refer(as('housingReferrer'), 'VICTIM', victim('Cyril', 'Placeholder', '1970-05-05', 'some'));
    expect([body.result.score, body.result.finalBand, body.result.route, body.result.panel, body.result.case.status]).toEqual([
      30,
      'MEDIUM',
      'LEAD_AGENCY_CASEWORK',
      null,
      'LEAD_AGENCY_CASEWORK',
    ]);
    expect(body.result.explanation).toBe(
      "Kept in Fernbrook Homes's own casework because the victim scored 30 (medium, threshold 32) and no referral criterion was met. Review by 18 December 2026.",
    );
  });

  it('gives advice and closes a low-risk referral', async () => {
    const { body } = await refer(as('housingReferrer'), 'VICTIM', victim('Delia', 'Fictional', '1980-02-02', 'none'));
    expect([body.result.route, body.result.case.status, body.result.reviewDue]).toEqual(['ADVICE_AND_CLOSURE', 'CLOSED', null]);
    expect(body.result.explanation).toBe(
      'Advice given and case closed because the victim scored 0 (low, threshold 32) and no referral criterion was met.',
    );
    const kase = await database.db.prisma.case.findUniqueOrThrow({ where: { id: body.result.case.id } });
    // Closed today: the retention review falls the partnership's 24 months later.
    expect([kase.closedAt, kase.closureReason, kase.retentionReviewDue]).toEqual([
      NOW,
      body.result.explanation,
      new Date('2028-11-20T00:00:00Z'),
    ]);
  });

  it('reopens a case closed with advice when the same person is referred again at high risk', async () => {
    const first = await refer(as('housingReferrer'), 'VICTIM', victim('Rita', 'Reopened', '1944-04-04', 'none'));
    expect(first.body.result.case.status).toBe('CLOSED');
    const again = await refer(as('housingReferrer'), 'VICTIM', {
      ...victim('Rita', 'Reopened', '1944-04-04', 'serious'),
      match: { personId: first.body.referral.person!.id },
    });
    expect([again.body.result.case.id, again.body.result.case.status, again.body.result.route]).toEqual([
      first.body.result.case.id,
      'OPEN',
      'PANEL',
    ]);
    const kase = await database.db.prisma.case.findUniqueOrThrow({ where: { id: first.body.result.case.id } });
    expect([kase.closedAt, kase.closureReason, kase.retentionReviewDue, kase.currentRiskBand]).toEqual([null, null, null, 'HIGH']);
    expect(await database.db.prisma.riskAssessment.count({ where: { caseId: kase.id } })).toBe(2);
  });

  it('lets professional judgement raise the risk to high, which sends a medium score to panel', async () => {
    const judgement = { band: 'HIGH', reason: 'Threats to burn the door last night.' };
    const { body } = await refer(as('housingReferrer'), 'VICTIM', victim('Edna', 'Madeup', '1939-09-09', 'some', { judgement }));
    expect([body.result.calculatedBand, body.result.finalBand, body.result.route]).toEqual(['MEDIUM', 'HIGH', 'PANEL']);
    expect(body.result.criteria.map((c) => c.criterion)).toEqual(['PROFESSIONAL_JUDGEMENT']);
    const assessment = await database.db.prisma.riskAssessment.findFirstOrThrow({ where: { referralId: body.referral.id } });
    expect([assessment.calculatedBand, assessment.overrideBand, assessment.overrideReason, assessment.finalBand]).toEqual([
      'MEDIUM',
      'HIGH',
      judgement.reason,
      'HIGH',
    ]);
  });

  it('refuses professional judgement that would lower the risk, and keeps the draft', async () => {
    const started = await start(
      as('housingReferrer'),
      'VICTIM',
      victim('Fay', 'Invented', '1960-06-06', 'serious', { judgement: { band: 'LOW', reason: 'They seemed fine.' } }),
    );
    const answer = await app.call<ErrorBody>('POST', `/api/referrals/${started.id}/submit`, { token: as('housingReferrer') });
    expect([answer.status, fields(answer.body)]).toEqual([400, ['judgement.band']]);
    expect(answer.body.error.fields?.[0]?.message).toMatch(/can raise the risk but never lower it/);
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { id: started.id } })).status).toBe('DRAFT');
    expect(await database.db.prisma.person.count({ where: { familyName: 'Invented' } })).toBe(0);
  });

  it('routes a persistent perpetrator to the Offender Panel and a problem place to the forum', async () => {
    const perpetrator = await refer(as('policeReferrer'), 'PERPETRATOR', {
      subject: { givenName: 'Kieran', familyName: 'Notreal' },
      concerns: 'Off-road bike on the recreation ground.',
      answers: answersAll('PERPETRATOR', 'serious'),
      consent: { status: 'GIVEN' },
    });
    expect([perpetrator.body.result.route, perpetrator.body.result.panel?.id]).toEqual(['PANEL', world.panels.offender]);
    expect(perpetrator.body.result.explanation).toMatch(/^Routed to the Offender Panel because the perpetrator scored 48/);
    const place = await refer(as('councilReferrer'), 'LOCATION', {
      subject: { address: 'Sampleton Recreation Ground', town: 'Fernbrook', postcode: 'zx1 9ab' },
      concerns: 'Fires and gatherings most evenings.',
      answers: answersAll('LOCATION', 'some'),
    });
    // 20 of 40 meets the threshold of the location template's version 2 (20), not version 1 (24).
    expect([place.body.result.score, place.body.result.route, place.body.result.panel?.id]).toEqual([20, 'PANEL', world.panels.forum]);
    expect(place.body.referral.assessments[0]?.template.version).toBe(2);
    const location = await database.db.prisma.location.findFirstOrThrow({
      where: { id: (await database.db.prisma.referral.findUniqueOrThrow({ where: { id: place.body.referral.id } })).locationId! },
    });
    expect([location.postcode, location.postcodeKey, location.addressKey, location.ward]).toEqual([
      'ZX1 9AB',
      'ZX1 9AB',
      'sampleton recreation ground',
      'Fernbrook',
    ]);
  });

  it('keeps a referral for a panel the partnership has not set up, and says so instead of failing', async () => {
    await database.db.prisma.panel.update({ where: { id: world.panels.offender }, data: { isActive: false } });
    try {
      const { status, body } = await refer(as('policeReferrer'), 'PERPETRATOR', {
        subject: { givenName: 'Vince', familyName: 'Nopanel' },
        concerns: 'Intimidation.',
        answers: answersAll('PERPETRATOR', 'serious'),
        consent: { status: 'GIVEN' },
      });
      expect([status, body.result.route, body.result.panel, body.referral.status]).toEqual([200, 'PANEL', null, 'SUBMITTED']);
      expect(body.result.explanation).toMatch(
        /The partnership has no active Offender Panel yet, so no chair can accept this referral: ask a partnership administrator to set one up\.$/,
      );
    } finally {
      await database.db.prisma.panel.update({ where: { id: world.panels.offender }, data: { isActive: true } });
    }
  });

  it("checks the subject's fields in plain words", async () => {
    const started = await start(as('councilReferrer'), 'LOCATION', {
      subject: { address: '1 Lorem Road', postcode: 'NOT A CODE' },
      concerns: 'x',
      answers: answersAll('LOCATION', 'none'),
    });
    const answer = await app.call<ErrorBody>('POST', `/api/referrals/${started.id}/submit`, { token: as('councilReferrer') });
    expect(answer.body.error.fields).toEqual([
      { field: 'subject.town', message: 'Enter the town.' },
      { field: 'subject.postcode', message: '"NOT A CODE" is not a UK postcode; it should look like BB11 1AA.' },
    ]);
  });

  it('refuses a date of birth that is no date, in the future, or 120 years or more ago, in the words the form uses', async () => {
    const refusal = async (dateOfBirth: string) => {
      const started = await start(as('policeReferrer'), 'VICTIM', {
        subject: { givenName: 'Ada', familyName: 'Datecheck', dateOfBirth },
        concerns: 'x',
        answers: answersAll('VICTIM', 'none'),
        consent: { status: 'GIVEN' },
      });
      const answer = await app.call<ErrorBody>('POST', `/api/referrals/${started.id}/submit`, { token: as('policeReferrer') });
      expect(answer.status).toBe(400);
      return answer.body.error.fields;
    };
    const today = NOW.toISOString().slice(0, 10);
    expect(await refusal('1990-02-31')).toEqual([{ field: 'subject.dateOfBirth', message: 'Date of birth must be a real date.' }]);
    expect(await refusal(today)).toEqual([{ field: 'subject.dateOfBirth', message: 'Date of birth must be in the past.' }]);
    expect(await refusal(`${Number(today.slice(0, 4)) - 121}-01-01`)).toEqual([
      { field: 'subject.dateOfBirth', message: 'Date of birth must be less than 120 years ago.' },
    ]);
  });
});

describe('no double keying', () => {
  it('suggests a known person by similar name and the same date of birth to an agency on their case, and audits the search', async () => {
    const { status, body } = await app.call<{
      candidates: Array<{ id: string; givenName: string; familyName: string; reason: string; score: number }>;
      undisclosedMatch: boolean;
    }>('GET', '/api/people?givenName=Mable&familyName=Exampleton&dateOfBirth=1941-03-02', { token: as('policeReferrer') });
    expect(status).toBe(200);
    expect(body.candidates.map((c) => [c.givenName, c.familyName])).toEqual([['Mabel', 'Exampleton']]);
    expect(body.candidates[0]?.reason).toMatch(/^same date of birth, name 0\.9\d similar$/);
    expect(body.undisclosedMatch).toBe(false);
    const [row] = (await auditEvents(database.db, 'person.search')).slice(-1);
    expect(row?.after).toEqual({
      query: { givenName: 'Mable', familyName: 'Exampleton', dateOfBirth: '1941-03-02' },
      found: [body.candidates[0]!.id],
    });
  });

  it('tells an agency with no case about the person only that a possible match exists, never whose', async () => {
    const { status, body } = await app.call<{ candidates: unknown[]; undisclosedMatch: boolean; advice: string }>(
      'GET',
      '/api/people?givenName=Mable&familyName=Exampleton&dateOfBirth=1941-03-02',
      { token: as('housingReferrer') },
    );
    expect(status).toBe(200);
    expect(body).toEqual({ candidates: [], undisclosedMatch: true, advice: expect.stringMatching(/chair or coordinator/) });
    expect(JSON.stringify(body)).not.toMatch(/Mabel|1941/);
    // The audit trail still records which record the search touched, for the auditor.
    const [row] = (await auditEvents(database.db, 'person.search')).slice(-1);
    expect((row?.after as { found: string[] }).found).toHaveLength(1);
  });

  it('will not create a second record for a known person until the referrer chooses one or says they are new', async () => {
    const draft = victim('Mable', 'Exampleton', '1941-03-02', 'serious');
    const started = await start(as('housingReferrer'), 'VICTIM', draft);
    const refused = await app.call<ErrorBody>('POST', `/api/referrals/${started.id}/submit`, { token: as('housingReferrer') });
    expect([refused.status, fields(refused.body)]).toEqual([400, ['match']]);
    expect(await database.db.prisma.person.count({ where: { familyName: 'Exampleton' } })).toBe(1);

    const known = await database.db.prisma.person.findFirstOrThrow({ where: { familyName: 'Exampleton' } });
    const firstCase = await database.db.prisma.case.findFirstOrThrow({ where: { subjects: { some: { personId: known.id } } } });
    await app.call('PUT', `/api/referrals/${started.id}/draft`, {
      token: as('housingReferrer'),
      body: { draft: { ...draft, match: { personId: known.id } } },
    });
    const linked = await app.call<Submitted>('POST', `/api/referrals/${started.id}/submit`, { token: as('housingReferrer') });
    expect(linked.status).toBe(200);
    expect([linked.body.referral.person?.id, linked.body.result.case.id]).toEqual([known.id, firstCase.id]);
    expect(await database.db.prisma.person.count({ where: { familyName: 'Exampleton' } })).toBe(1);
    const involved = await database.db.prisma.caseAgency.findMany({ where: { caseId: firstCase.id } });
    expect(involved.map((a) => a.agencyId)).toEqual([world.agencies.housing]);
  });

  it('creates a new record when the referrer confirms the similar person is someone else', async () => {
    const draft = victim('Mabel', 'Exampleton', '1990-12-12', 'none', { match: { confirmedNew: true } });
    const { body } = await refer(as('councilReferrer'), 'VICTIM', draft);
    expect(await database.db.prisma.person.count({ where: { familyName: 'Exampleton' } })).toBe(2);
    expect(body.result.case.reference).not.toBe('ASB-2026-0001');
  });

  it('suggests a known place by address and postcode', async () => {
    const { body } = await app.call<{ candidates: Array<{ address: string; postcode: string; reason: string }> }>(
      'GET',
      '/api/locations?address=Sampleton%20Rec%20Ground&postcode=ZX19AB',
      { token: as('policeReferrer') },
    );
    expect(body.candidates.map((c) => [c.address, c.postcode])).toEqual([['Sampleton Recreation Ground', 'ZX1 9AB']]);
    expect(body.candidates[0]?.reason).toMatch(/^same postcode ZX1 9AB/);
  });

  it('refuses searches without a name, and searches by auditors', async () => {
    const answer = await app.call<ErrorBody>('GET', '/api/people?givenName=Mabel', { token: as('policeReferrer') });
    expect([answer.status, fields(answer.body)]).toEqual([400, ['familyName']]);
    expect((await app.call('GET', '/api/people?givenName=Mabel&familyName=Exampleton', { token: as('auditor') })).status).toBe(403);
    expect((await app.call('GET', '/api/locations?address=Sampleton', { token: as('admin') })).status).toBe(403);
    expect((await app.call('GET', '/api/locations?address=Sampleton')).status).toBe(401);
  });

  it('never suggests people from another partnership', async () => {
    const { body } = await app.call<{ candidates: unknown[] }>('GET', '/api/people?givenName=Mabel&familyName=Exampleton', {
      token: as('outsider'),
    });
    expect(body.candidates).toEqual([]);
  });
});

describe("the chair's decision", () => {
  it('lets the chair of the panel accept a referral, and lists it for them first', async () => {
    const { body } = await refer(as('policeReferrer'), 'VICTIM', victim('Gwen', 'Specimen', '1955-05-05', 'serious'));
    const pending = await app.call<{ referrals: Array<{ id: string; finalBand: string }> }>('GET', '/api/referrals?status=SUBMITTED', {
      token: as('cmaracChair'),
    });
    expect(pending.body.referrals.map((r) => r.id)).toContain(body.referral.id);
    const accepted = await app.call<Referral>('POST', `/api/referrals/${body.referral.id}/decision`, {
      token: as('cmaracChair'),
      body: { decision: 'ACCEPT', expectedVersion: 0 },
    });
    expect([accepted.status, accepted.body.status]).toEqual([200, 'ACCEPTED']);
    const [row] = await auditEvents(database.db, 'referral.accept', body.referral.id);
    expect([row?.before, row?.after]).toEqual([
      { status: 'SUBMITTED', panelId: world.panels.cmarac, version: 0 },
      { status: 'ACCEPTED', panelId: world.panels.cmarac, version: 1 },
    ]);
    const twice = await app.call<ErrorBody>('POST', `/api/referrals/${body.referral.id}/decision`, {
      token: as('cmaracChair'),
      body: { decision: 'ACCEPT', expectedVersion: 0 },
    });
    expect([twice.status, twice.body.error.message]).toEqual([409, 'This referral has already been accepted by Ruth Okafor.']);
  });

  it('records a decline with its reason and leaves the case with the lead agency', async () => {
    const { body } = await refer(as('policeReferrer'), 'VICTIM', victim('Hal', 'Sampleson', '1965-07-07', 'serious'));
    const noReason = await app.call<ErrorBody>('POST', `/api/referrals/${body.referral.id}/decision`, {
      token: as('cmaracChair'),
      body: { decision: 'DECLINE', reason: ' ', expectedVersion: 0 },
    });
    expect([noReason.status, fields(noReason.body)]).toEqual([400, ['reason']]);
    const declined = await app.call<Referral>('POST', `/api/referrals/${body.referral.id}/decision`, {
      token: as('cmaracChair'),
      body: { decision: 'DECLINE', reason: 'Already heard at the domestic abuse MARAC.', expectedVersion: 0 },
    });
    expect([declined.body.status, declined.body.declineReason]).toEqual(['DECLINED', 'Already heard at the domestic abuse MARAC.']);
    expect((await database.db.prisma.case.findUniqueOrThrow({ where: { id: body.result.case.id } })).status).toBe('LEAD_AGENCY_CASEWORK');
  });

  it('refuses decisions by a chair of another panel (as not found), by referrers and without sign-in', async () => {
    const { body } = await refer(as('policeReferrer'), 'VICTIM', victim('Ivy', 'Exemplar', '1945-04-04', 'serious'));
    const path = `/api/referrals/${body.referral.id}/decision`;
    const unknown = await app.call<ErrorBody>('POST', `/api/referrals/${UNKNOWN_ID}/decision`, {
      token: as('offenderChair'),
      body: { decision: 'ACCEPT', expectedVersion: 0 },
    });
    const other = await app.call<ErrorBody>('POST', path, { token: as('offenderChair'), body: { decision: 'ACCEPT', expectedVersion: 0 } });
    expect([other.status, other.body]).toEqual([404, unknown.body]);
    expect((await app.call('POST', path, { token: as('policeReferrer'), body: { decision: 'ACCEPT', expectedVersion: 0 } })).status).toBe(
      403,
    );
    expect((await app.call('POST', path, { body: { decision: 'ACCEPT', expectedVersion: 0 } })).status).toBe(401);
    const bad = await app.call<ErrorBody>('POST', path, { token: as('cmaracChair'), body: { decision: 'MAYBE' } });
    expect([bad.status, fields(bad.body)]).toEqual([400, ['decision']]);
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { id: body.referral.id } })).status).toBe('SUBMITTED');
  });

  it('tells a chair who can see a referral but does not chair its panel that it is not theirs to decide', async () => {
    const { body } = await refer(as('councilReferrer'), 'LOCATION', {
      subject: { address: 'Loremgate Underpass', town: 'Fernbrook', postcode: 'ZX2 4AB' },
      concerns: 'Drug dealing in the underpass.',
      answers: answersAll('LOCATION', 'serious'),
    });
    expect(body.result.panel?.id).toBe(world.panels.forum);
    const refused = await app.call<ErrorBody>('POST', `/api/referrals/${body.referral.id}/decision`, {
      token: as('offenderChair'),
      body: { decision: 'ACCEPT', expectedVersion: 0 },
    });
    expect([refused.status, refused.body.error.message]).toEqual([
      403,
      'Your role does not allow you to decide on a referral sent to a panel you do not chair.',
    ]);
    const edit = await app.call<ErrorBody>('PUT', `/api/referrals/${body.referral.id}/draft`, {
      token: as('offenderChair'),
      body: { draft: {} },
    });
    expect(edit.status).toBe(409);
  });

  it("shows a submitted referral to the panel's seated agencies but not to an agency with no part in it", async () => {
    const { body } = await refer(as('policeReferrer'), 'VICTIM', victim('Jude', 'Nobody', '1975-03-03', 'serious'));
    expect((await app.call('GET', `/api/referrals/${body.referral.id}`, { token: as('housingMember') })).status).toBe(200);
    expect((await app.call('GET', `/api/referrals/${body.referral.id}`, { token: as('councilReferrer') })).status).toBe(404);
    expect((await app.call('GET', `/api/referrals/${body.referral.id}`, { token: as('outsider') })).status).toBe(404);
  });
});

describe('case references', () => {
  it('gives referrals submitted at the same moment their own case references', async () => {
    const drafts = await Promise.all(
      ['Ada', 'Bea', 'Cal', 'Dot'].map((name) =>
        start(
          as('councilReferrer'),
          'VICTIM',
          victim(name, 'Concurrent-Testcase', '1990-01-01', 'serious', { match: { confirmedNew: true } }),
        ),
      ),
    );
    const answers = await Promise.all(
      drafts.map((d) => app.call<Submitted>('POST', `/api/referrals/${d.id}/submit`, { token: as('councilReferrer') })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.result.case.reference)).size).toBe(4);
  });
});

describe('the OpenAPI document', () => {
  it('describes every referral, case record and risk template route with its role gate', async () => {
    const { body } = await app.call<{ paths: Record<string, Record<string, { 'x-capability'?: string }>> }>('GET', '/api/openapi.json', {
      token: as('policeReferrer'),
    });
    const described = Object.entries(body.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op['x-capability'] ?? '-'}`),
    );
    expect(described).toEqual(
      expect.arrayContaining([
        'POST /api/referrals referral.create',
        'PUT /api/referrals/{referralId}/draft referral.create',
        'POST /api/referrals/{referralId}/submit referral.create',
        'POST /api/referrals/{referralId}/decision referral.decide',
        'POST /api/risk-templates/{templateId}/versions riskTemplate.manage',
        'GET /api/people person.search',
        'POST /api/cases/{caseId}/incidents case.update',
        'POST /api/case-reviews case.update',
      ]),
    );
  });
});
