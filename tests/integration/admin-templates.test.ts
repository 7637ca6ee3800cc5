// The administrator adds and removes risk questions over real HTTP against the database: the edited
// template is checked by the domain, published as a new version that the next referral is scored
// with, while an assessment made before keeps the version and answers it was scored with.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { answersAll, auditEvents, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

const NOW = new Date('2026-11-20T12:00:00Z');

interface Question {
  id: string;
  section: string;
  topic: string;
  wording: string;
  helpText: string;
  required: boolean;
  options: Array<{ id: string; label: string; weight: number }>;
}
interface Template {
  id: string;
  name: string;
  version: number;
  subjectType: string;
  referralThreshold: number;
  bands: Array<{ band: string; from: number; to: number }>;
  questions: Question[];
}
interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
let admin: string;
let referrer: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createReferralWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
  admin = await app.signInAs(world.members.admin);
  referrer = await app.signInAs(world.members.policeReferrer);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const afraid: Question = {
  id: 'is-the-victim-afraid-to-go-out',
  section: 'HARM_AND_IMPACT',
  topic: 'afraid to go out',
  wording: 'Is the victim afraid to go out?',
  helpText: 'Ask about evenings and weekends too.',
  required: true,
  options: [
    { id: 'no', label: 'No', weight: 0 },
    { id: 'sometimes', label: 'Sometimes', weight: 3 },
    { id: 'yes', label: 'Yes, they stay in', weight: 6 },
  ],
};

async function referVictim(answers: Record<string, string>, givenName: string, familyName: string) {
  const started = await app.call<{ id: string }>('POST', '/api/referrals', {
    token: referrer,
    body: {
      subjectType: 'VICTIM',
      draft: {
        concerns: 'Stones thrown at the windows most nights.',
        subject: { givenName, familyName },
        answers,
        consent: { status: 'GIVEN' },
      },
    },
  });
  expect(started.status).toBe(201);
  const submitted = await app.call<{ result: { score: number; maximumScore: number } }>(
    'POST',
    `/api/referrals/${started.body.id}/submit`,
    { token: referrer },
  );
  return { ...submitted, referralId: started.body.id };
}

async function victimTemplate(): Promise<Template> {
  const { body } = await app.call<{ templates: Template[] }>('GET', '/api/risk-templates', { token: admin });
  return body.templates.find((t) => t.subjectType === 'VICTIM')!;
}

const publish = (template: Template, change: Partial<Omit<Template, 'id' | 'name' | 'version'>>) =>
  app.call<Template & ErrorBody>('POST', `/api/risk-templates/${template.id}/versions`, {
    token: admin,
    body: {
      definition: {
        subjectType: template.subjectType,
        referralThreshold: change.referralThreshold ?? template.referralThreshold,
        bands: change.bands ?? template.bands,
        questions: change.questions ?? template.questions,
      },
    },
  });

describe('adding and removing risk questions', () => {
  it('publishes a question added and one removed as the next version; the earlier assessment keeps its own', async () => {
    const before = await referVictim(answersAll('VICTIM', 'serious'), 'Anwen', 'Beforeedit');
    expect([before.status, before.body.result.score, before.body.result.maximumScore]).toEqual([200, 60, 60]);
    const v1 = await victimTemplate();
    const removed = v1.questions[0]!;
    const questions = [...v1.questions.slice(1), afraid];
    // 14 questions of 0-4 and one of 0-6: the high band now ends at 62.
    const bands = [
      { band: 'LOW', from: 0, to: 15 },
      { band: 'MEDIUM', from: 16, to: 31 },
      { band: 'HIGH', from: 32, to: 62 },
    ];
    const published = await publish(v1, { questions, bands });
    expect(published.status).toBe(201);
    expect([published.body.version, published.body.questions.length, published.body.questions.at(-1)?.id]).toEqual([2, 15, afraid.id]);
    expect(published.body.questions.map((q) => q.id)).not.toContain(removed.id);

    const answers = { ...answersAll('VICTIM', 'serious'), [afraid.id]: 'yes' };
    delete answers[removed.id];
    const after = await referVictim(answers, 'Bartholomew', 'Quixley');
    expect([after.status, after.body.result.score, after.body.result.maximumScore]).toEqual([200, 62, 62]);
    const stale = await referVictim(answersAll('VICTIM', 'serious'), 'Cyrus', 'Zebedee');
    expect(stale.status).toBe(400);

    const assessments = await database.db.prisma.riskAssessment.findMany({
      where: { referralId: { in: [before.referralId, after.referralId] } },
      select: { score: true, answers: true, template: { select: { version: true } } },
      orderBy: { score: 'asc' },
    });
    expect(assessments.map((a) => [a.score, a.template.version])).toEqual([
      [60, 1],
      [62, 2],
    ]);
    expect(JSON.stringify(assessments[0]!.answers)).toContain(removed.id);
    const [audit] = await auditEvents(database.db, 'riskTemplate.publish', published.body.id);
    expect(audit?.before).toEqual({ id: v1.id, name: v1.name, version: 1 });
  });

  it.each([
    [
      'two questions share an id',
      (t: Template) => ({ questions: [...t.questions, { ...afraid, id: t.questions[0]!.id }] }),
      /Two questions share the id/,
    ],
    [
      'the medium band can no longer be reached',
      (t: Template) => ({
        questions: [t.questions[0]!],
        referralThreshold: 2,
        bands: [
          { band: 'LOW', from: 0, to: 0 },
          { band: 'MEDIUM', from: 1, to: 1 },
          { band: 'HIGH', from: 2, to: 4 },
        ],
      }),
      /No set of answers scores from 1 to 1, so the medium band could never be given/,
    ],
    ['every question is removed', () => ({ questions: [] }), /at least one question/],
  ])('refuses a version where %s, saying why, and publishes nothing', async (_case, change, message) => {
    const current = await victimTemplate();
    const count = await database.db.prisma.riskTemplate.count({ where: { partnershipId: world.partnershipId, subjectType: 'VICTIM' } });
    const answer = await publish(current, change(current) as Partial<Template>);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.map((f) => f.message).join(' ')).toMatch(message);
    expect(await database.db.prisma.riskTemplate.count({ where: { partnershipId: world.partnershipId, subjectType: 'VICTIM' } })).toBe(
      count,
    );
  });

  it('refuses a question added by anyone but an administrator', async () => {
    const current = await victimTemplate();
    const chair = await app.signInAs(world.members.cmaracChair);
    const answer = await app.call('POST', `/api/risk-templates/${current.id}/versions`, {
      token: chair,
      body: { definition: { ...current, id: undefined, name: undefined, version: undefined, questions: [...current.questions, afraid] } },
    });
    expect(answer.status).toBe(403);
  });
});
