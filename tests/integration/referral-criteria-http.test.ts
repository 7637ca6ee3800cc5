// The referral criteria as the database feeds them: a partnership's own repeat-victim rules and case
// review threshold, incidents recorded earlier, and when the case was last heard at panel.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { answersAll, auditEvents, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

const NOW = new Date('2026-11-20T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}
interface Submitted {
  referral: { id: string; criteriaMet: string[]; person: { id: string } };
  result: {
    route: string;
    explanation: string;
    criteria: Array<{ criterion: string; because: string }>;
    case: { id: string; status: string };
  };
}
/** The part of GET /api/partnership/settings these tests read; a PUT sends the whole of it back. */
interface Settings {
  repeatVictimisationRules: Array<{ incidents: number; withinDays: number }>;
  escalation: { incidents: number; withinDays: number };
  repeatReferralWithinDays: number;
  caseReview: { qualifyingComplaints: number } & Record<string, number>;
  [setting: string]: unknown;
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
const tokens: Record<string, string> = {};
const as = (who: keyof ReferralWorld['members']) => tokens[who]!;
let victimId: string;
let caseId: string;

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

async function referVictim(draft: Record<string, unknown>) {
  const started = await app.call<{ id: string }>('POST', '/api/referrals', {
    token: as('policeReferrer'),
    body: { subjectType: 'VICTIM', draft: { concerns: 'Abuse in the stairwell.', consent: { status: 'GIVEN' }, ...draft } },
  });
  const answer = await app.call<Submitted>('POST', `/api/referrals/${started.body.id}/submit`, { token: as('policeReferrer') });
  expect(answer.status).toBe(200);
  return answer.body;
}

const recordIncident = (occurredAt: string) =>
  app.call('POST', `/api/cases/${caseId}/incidents`, {
    token: as('policeReferrer'),
    body: { occurredAt, reportedAt: occurredAt, category: 'PERSONAL', description: 'Shouted abuse in the stairwell.' },
  });

describe("the partnership's referral rules", () => {
  const settingsNow = async (who: keyof ReferralWorld['members']) =>
    (await app.call<Settings>('GET', '/api/partnership/settings', { token: as(who) })).body;
  const withRules = (settings: Settings, rules: Settings['repeatVictimisationRules'], qualifyingComplaints: number): Settings => ({
    ...settings,
    repeatVictimisationRules: rules,
    caseReview: { ...settings.caseReview, qualifyingComplaints },
  });

  it('starts from the research defaults', async () => {
    const settings = await settingsNow('policeReferrer');
    expect({
      repeatVictimisationRules: settings.repeatVictimisationRules,
      qualifyingComplaints: settings.caseReview.qualifyingComplaints,
      escalation: settings.escalation,
      repeatReferralWithinDays: settings.repeatReferralWithinDays,
    }).toEqual({
      repeatVictimisationRules: [{ incidents: 3, withinDays: 90 }],
      qualifyingComplaints: 3,
      escalation: { incidents: 3, withinDays: 365 },
      repeatReferralWithinDays: 365,
    });
  });

  it('lets an administrator use "2 in 14 days or 5 in 180 days" and a lower case review threshold', async () => {
    const rules = [
      { incidents: 2, withinDays: 14 },
      { incidents: 5, withinDays: 180 },
    ];
    const { status, body } = await app.call<Settings>('PUT', '/api/partnership/settings', {
      token: as('admin'),
      body: withRules(await settingsNow('admin'), rules, 2),
    });
    expect([status, body.repeatVictimisationRules, body.caseReview.qualifyingComplaints]).toEqual([200, rules, 2]);
    const [row] = await auditEvents(database.db, 'partnershipSettings.update');
    expect([row?.before, row?.after]).toEqual([
      { repeatVictimisationRules: [{ incidents: 3, withinDays: 90 }], caseReview: expect.objectContaining({ qualifyingComplaints: 3 }) },
      { repeatVictimisationRules: rules, caseReview: expect.objectContaining({ qualifyingComplaints: 2 }) },
    ]);
  });

  it('refuses a case review threshold above the statutory three, a rule of nothing, and anyone but an administrator', async () => {
    const current = await settingsNow('admin');
    const tooHigh = await app.call<ErrorBody>('PUT', '/api/partnership/settings', {
      token: as('admin'),
      body: withRules(current, [{ incidents: 3, withinDays: 90 }], 4),
    });
    expect([tooHigh.status, tooHigh.body.error.fields]).toEqual([
      400,
      [
        {
          field: 'caseReview.qualifyingComplaints',
          message: 'The law does not allow a threshold above 3 qualifying complaints; 4 was asked for.',
        },
      ],
    ]);
    const nothing = await app.call<ErrorBody>('PUT', '/api/partnership/settings', {
      token: as('admin'),
      body: withRules(current, [], 3),
    });
    expect([nothing.status, nothing.body.error.fields?.map((f) => f.field)]).toEqual([400, ['repeatVictimisationRules']]);
    expect(
      (
        await app.call('PUT', '/api/partnership/settings', {
          token: as('cmaracChair'),
          body: withRules(current, [{ incidents: 3, withinDays: 90 }], 3),
        })
      ).status,
    ).toBe(403);
    expect((await settingsNow('auditor')).caseReview.qualifyingComplaints).toBe(2);
  });
});

describe('criteria met from recorded incidents', () => {
  it('keeps a low-scoring repeat victim in casework, never closing them with advice alone', async () => {
    const first = await referVictim({ subject: { givenName: 'Rhoda', familyName: 'Repeatson' }, answers: answersAll('VICTIM', 'some') });
    caseId = first.result.case.id;
    victimId = first.referral.person.id;
    expect(first.result.route).toBe('LEAD_AGENCY_CASEWORK');
    expect((await recordIncident(daysAgo(3))).status).toBe(201);
    expect((await recordIncident(daysAgo(10))).status).toBe(201);

    const again = await referVictim({ match: { personId: victimId }, answers: answersAll('VICTIM', 'none') });
    expect(again.result.case.id).toBe(caseId);
    expect([again.result.route, again.referral.criteriaMet]).toEqual(['LEAD_AGENCY_CASEWORK', ['REPEAT_VICTIMISATION']]);
    expect(again.result.explanation).toMatch(/the victim had 2 personal incidents in the last 14 days \(a repeat victim\)/);
  });

  it('sends the victim to panel on potential escalation once three incidents fall within a year', async () => {
    expect((await recordIncident(daysAgo(200))).status).toBe(201);
    const third = await referVictim({ match: { personId: victimId }, answers: answersAll('VICTIM', 'none') });
    expect(third.result.criteria).toEqual([{ criterion: 'POTENTIAL_ESCALATION', because: 'there were 3 incidents in the last 365 days' }]);
    expect([third.result.route, third.result.case.status]).toEqual(['PANEL', 'OPEN']);
  });

  it('makes a repeat referral of a new incident after the case was last heard at panel', async () => {
    await database.db.prisma.case.update({ where: { id: caseId }, data: { lastHeardAt: new Date(daysAgo(100)) } });
    const repeat = await referVictim({ match: { personId: victimId }, answers: answersAll('VICTIM', 'none') });
    expect(repeat.result.criteria.map((c) => c.criterion)).toEqual(['POTENTIAL_ESCALATION', 'REPEAT_REFERRAL']);
    expect(repeat.result.criteria[1]?.because).toBe('there was a new incident 90 days after the case was last heard at panel');
  });

  it('meets the lowered case review threshold with two prompt complaints in six months', async () => {
    const { body } = await app.call<{ people: Array<{ met: boolean; qualifying: number; required: number }> }>(
      'GET',
      `/api/cases/${caseId}/community-trigger`,
      { token: as('policeReferrer') },
    );
    // The incident 200 days ago was reported more than six months before today, so it does not qualify.
    expect(body.people).toEqual([expect.objectContaining({ met: true, qualifying: 2, required: 2 })]);
  });
});
