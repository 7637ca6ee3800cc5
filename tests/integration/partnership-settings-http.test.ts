// The partnership's local rules over HTTP: every member reads them, the administrator changes them within
// the domain's bounds (audited before→after), and a referral keeps the rules that decided it.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { answersAll, auditEvents, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

const NOW = new Date('2026-11-20T12:00:00Z');

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}
interface Settings {
  escalation: { incidents: number; withinDays: number };
  repeatVictimisationRules: Array<{ incidents: number; withinDays: number }>;
  repeatReferralWithinDays: number;
  review: { highRiskReviewDays: number; mediumRiskReviewDays: number };
  caseReview: {
    qualifyingComplaints: number;
    acknowledgeWithinWorkingDays: number;
    decideThresholdWithinWorkingDays: number;
    holdReviewWithinDays: number;
  };
  confidentialityStatement: string;
  reminders: {
    daysBeforeDue: number;
    onDueDay: boolean;
    overdueEveryDays: number;
    escalateAfterDaysOverdue: number;
    digestWeekday: string;
  };
  chaseCooldownHours: number;
}
interface ReferralRead {
  rulesApplied: { review: { highRiskReviewDays: number }; escalation: { withinDays: number } } | null;
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
const tokens: Record<string, string> = {};
const as = (who: keyof ReferralWorld['members']) => tokens[who]!;

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

const read = async (who: keyof ReferralWorld['members'] = 'policeReferrer') =>
  (await app.call<Settings>('GET', '/api/partnership/settings', { token: as(who) })).body;

async function referHighRiskVictim(givenName: string): Promise<{ id: string; caseReviewDue: string | null }> {
  const started = await app.call<{ id: string }>('POST', '/api/referrals', {
    token: as('policeReferrer'),
    body: {
      subjectType: 'VICTIM',
      draft: {
        concerns: 'Abuse in the stairwell.',
        subject: { givenName, familyName: 'Settingson' },
        answers: answersAll('VICTIM', 'serious'),
        consent: { status: 'GIVEN' },
      },
    },
  });
  const submitted = await app.call<{ result: { reviewDue: string | null } }>('POST', `/api/referrals/${started.body.id}/submit`, {
    token: as('policeReferrer'),
  });
  expect(submitted.status).toBe(200);
  return { id: started.body.id, caseReviewDue: submitted.body.result.reviewDue };
}

describe("the partnership's settings", () => {
  it('start from the shipped rules, with the deployment reminder policy and the current chase wait', async () => {
    const settings = await read();
    expect(settings).toMatchObject({
      escalation: { incidents: 3, withinDays: 365 },
      repeatVictimisationRules: [{ incidents: 3, withinDays: 90 }],
      repeatReferralWithinDays: 365,
      review: { highRiskReviewDays: 14, mediumRiskReviewDays: 28 },
      caseReview: {
        qualifyingComplaints: 3,
        acknowledgeWithinWorkingDays: 2,
        decideThresholdWithinWorkingDays: 14,
        holdReviewWithinDays: 21,
      },
      reminders: { daysBeforeDue: 3, onDueDay: true, overdueEveryDays: 2, escalateAfterDaysOverdue: 5, digestWeekday: 'MONDAY' },
      chaseCooldownHours: 24,
    });
    expect(settings.confidentialityStatement).toMatch(/s115 of the Crime and Disorder Act 1998/);
  });

  it('are changed by the administrator, audited with only what changed, and a referral keeps the rules that decided it', async () => {
    const first = await referHighRiskVictim('Ada');
    const before = await read();
    const edited: Settings = {
      ...before,
      review: { highRiskReviewDays: 7, mediumRiskReviewDays: 28 },
      escalation: { incidents: 4, withinDays: 180 },
      confidentialityStatement: 'What is said here stays with the agencies present, under s115 and our sharing agreement.',
      chaseCooldownHours: 48,
    };
    const put = await app.call<Settings>('PUT', '/api/partnership/settings', { token: as('admin'), body: edited });
    expect([put.status, put.body]).toEqual([200, edited]);
    expect(await read('auditor')).toEqual(edited);

    const [row] = await auditEvents(database.db, 'partnershipSettings.update');
    expect([row?.before, row?.after]).toEqual([
      {
        escalation: before.escalation,
        review: before.review,
        confidentialityStatement: before.confidentialityStatement,
        chaseCooldownHours: 24,
      },
      {
        escalation: edited.escalation,
        review: edited.review,
        confidentialityStatement: edited.confidentialityStatement,
        chaseCooldownHours: 48,
      },
    ]);

    const second = await referHighRiskVictim('Bea');
    const rulesOf = async (id: string) =>
      (await app.call<ReferralRead>('GET', `/api/referrals/${id}`, { token: as('policeReferrer') })).body.rulesApplied;
    expect(await rulesOf(first.id)).toMatchObject({ review: { highRiskReviewDays: 14 }, escalation: { withinDays: 365 } });
    expect(await rulesOf(second.id)).toMatchObject({ review: { highRiskReviewDays: 7 }, escalation: { withinDays: 180 } });
    expect([first.caseReviewDue, second.caseReviewDue]).toEqual(['2026-12-04', '2026-11-27']);
  });

  it('refuses values outside the bounds, naming each field, and changes nothing', async () => {
    const kept = await read();
    const audited = (await auditEvents(database.db, 'partnershipSettings.update')).length;
    const answer = await app.call<ErrorBody>('PUT', '/api/partnership/settings', {
      token: as('admin'),
      body: {
        ...kept,
        review: { highRiskReviewDays: 0, mediumRiskReviewDays: 28 },
        caseReview: { ...kept.caseReview, qualifyingComplaints: 4 },
        confidentialityStatement: 'Too short.',
        reminders: { ...kept.reminders, overdueEveryDays: 0 },
        chaseCooldownHours: 500,
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([
      { field: 'review.highRiskReviewDays', message: 'High-risk cases must be reviewed every 1 to 365 days.' },
      {
        field: 'caseReview.qualifyingComplaints',
        message: 'The law does not allow a threshold above 3 qualifying complaints; 4 was asked for.',
      },
      { field: 'confidentialityStatement', message: 'The confidentiality statement must be 40 to 2000 characters long.' },
      { field: 'reminders.overdueEveryDays', message: 'Overdue reminders must repeat every 1 to 365 days.' },
      { field: 'chaseCooldownHours', message: 'The wait between chases must be 0 to 168 hours.' },
    ]);
    const malformed = await app.call<ErrorBody>('PUT', '/api/partnership/settings', {
      token: as('admin'),
      body: { ...kept, repeatReferralWithinDays: 'a year' },
    });
    expect([malformed.status, malformed.body.error.fields?.map((f) => f.field)]).toEqual([400, ['repeatReferralWithinDays']]);
    expect(await read()).toEqual(kept);
    expect(await auditEvents(database.db, 'partnershipSettings.update')).toHaveLength(audited);
  });

  it('refuses anyone but an administrator', async () => {
    const kept = await read();
    for (const who of ['cmaracChair', 'policeReferrer', 'auditor'] as const) {
      const answer = await app.call<ErrorBody>('PUT', '/api/partnership/settings', { token: as(who), body: kept });
      expect([who, answer.status]).toEqual([who, 403]);
    }
  });
});
