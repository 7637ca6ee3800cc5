// GET /api/home: what needs each member now, over real HTTP on the real database. Each count is
// checked against the list it links to, so home never says one number and the list another.
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { answersAll, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

interface Home {
  triage: { awaitingDecision: number; oldestSubmittedAt: string | null } | null;
  nextMeetings:
    | {
        panel: { id: string; name: string };
        meeting: { id: string; items: number; plannedMinutes: number; lengthMinutes: number; lateReferrals: number } | null;
      }[]
    | null;
  actionsByAgency: { agency: { id: string; name: string }; overdue: number; blocked: number }[] | null;
  earlyWarnings:
    { case: { id: string; reference: string }; threshold: string; counted: number; needed: number; windowClosesOn: string }[] | null;
  referrals: {
    drafts: number;
    recent: { id: string; status: string; declineReason: string | null; panelName: string | null; case: { id: string } | null }[];
  } | null;
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
const now = new Date('2026-11-02T10:00:00Z');
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createReferralWorld(database.db);
  app = await startTestApp(database.db, { clock: () => now });
  for (const [name, id] of Object.entries(world.members)) tokens[name] = await app.signInAs(id);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const homeOf = async (who: keyof ReferralWorld['members']) => {
  const answer = await app.call<Home>('GET', '/api/home', { token: tokens[who]! });
  expect(answer.status).toBe(200);
  return answer.body;
};

async function referVictim(who: keyof ReferralWorld['members'], givenName: string) {
  const started = await app.call<{ id: string }>('POST', '/api/referrals', {
    token: tokens[who]!,
    body: {
      subjectType: 'VICTIM',
      draft: {
        subject: { givenName, familyName: 'Homeson' },
        concerns: 'Stones.',
        answers: answersAll('VICTIM', 'serious'),
        consent: { status: 'GIVEN' },
      },
    },
  });
  expect(started.status).toBe(201);
  const sent = await app.call<{ result: { case: { id: string } } }>('POST', `/api/referrals/${started.body.id}/submit`, {
    token: tokens[who]!,
  });
  expect(sent.status).toBe(200);
  return { referralId: started.body.id, caseId: sent.body.result.case.id };
}

describe('home', () => {
  let declined: { referralId: string; caseId: string };
  let accepted: { referralId: string; caseId: string };
  let meetingId: string;

  beforeAll(async () => {
    declined = await referVictim('policeReferrer', 'Dora');
    accepted = await referVictim('policeReferrer', 'Abe');
  });

  test('a chair sees the referrals to their panels waiting for a decision; the chair of another panel does not', async () => {
    const chair = await homeOf('cmaracChair');
    expect(chair.triage).toEqual({ awaitingDecision: 2, oldestSubmittedAt: now.toISOString() });
    expect((await homeOf('offenderChair')).triage).toEqual({ awaitingDecision: 0, oldestSubmittedAt: null });
  });

  test('the referrer sees what happened to each referral, with the reason it was declined', async () => {
    const decline = await app.call('POST', `/api/referrals/${declined.referralId}/decision`, {
      token: tokens.cmaracChair!,
      body: { decision: 'DECLINE', reason: 'Already held by the lead agency.', expectedVersion: 0 },
    });
    expect(decline.status).toBe(200);
    expect(
      (
        await app.call('POST', `/api/referrals/${accepted.referralId}/decision`, {
          token: tokens.cmaracChair!,
          body: { decision: 'ACCEPT', expectedVersion: 0 },
        })
      ).status,
    ).toBe(200);

    const referrer = await homeOf('policeReferrer');
    const byId = new Map(referrer.referrals!.recent.map((referral) => [referral.id, referral]));
    expect(byId.get(declined.referralId)).toMatchObject({ status: 'DECLINED', declineReason: 'Already held by the lead agency.' });
    expect(byId.get(accepted.referralId)).toMatchObject({
      status: 'ACCEPTED',
      panelName: 'Fernbrook CMARAC',
      case: { id: accepted.caseId },
    });
    expect(referrer.referrals!.drafts).toBe(0);
    expect((await homeOf('cmaracChair')).triage!.awaitingDecision).toBe(0);
    // Another referrer's home says nothing of these.
    expect((await homeOf('housingReferrer')).referrals).toEqual({ drafts: 0, recent: [] });
  });

  test('the next meeting of each chaired panel says how full its agenda is, as the agenda itself does', async () => {
    const before = await homeOf('cmaracChair');
    expect(before.nextMeetings!.map((row) => [row.panel.name, row.meeting])).toEqual([
      ['Fernbrook CMARAC', null],
      ['Fernbrook Problem-Solving Forum', null],
    ]);
    const scheduled = await app.call<{ meeting: { id: string }; items: { minutes: number }[]; actionsReviewMinutes: number }>(
      'POST',
      `/api/panels/${world.panels.cmarac}/meetings`,
      { token: tokens.cmaracChair!, body: {} },
    );
    expect(scheduled.status).toBe(201);
    meetingId = scheduled.body.meeting.id;

    const next = (await homeOf('cmaracChair')).nextMeetings!.find((row) => row.panel.id === world.panels.cmarac)!;
    expect(next.meeting).toEqual(
      expect.objectContaining({
        id: scheduled.body.meeting.id,
        items: scheduled.body.items.length,
        plannedMinutes: scheduled.body.items.reduce((sum, item) => sum + item.minutes, scheduled.body.actionsReviewMinutes),
        lengthMinutes: 120,
        lateReferrals: 0,
      }),
    );
    expect(next.meeting!.items).toBeGreaterThan(0);
  });

  test('overdue and blocked actions by agency match the outstanding lists they link to', async () => {
    const action = (ownerAgencyId: string, status: 'ACCEPTED' | 'BLOCKED', dueDate: string, title: string) =>
      database.db.prisma.action.create({
        data: {
          partnershipId: world.partnershipId,
          caseId: accepted.caseId,
          // Assigned at the panel's meeting: on its chair's list whatever agency owns it.
          meetingId,
          title,
          ownerAgencyId,
          createdById: world.members.cmaracChair,
          dueDate: new Date(`${dueDate}T00:00:00Z`),
          status,
        },
      });
    await action(world.agencies.police, 'ACCEPTED', '2026-10-20', 'Visit the victim');
    await action(world.agencies.police, 'ACCEPTED', '2026-10-30', 'Check the CCTV');
    await action(world.agencies.police, 'ACCEPTED', '2026-11-20', 'Not yet due');
    await action(world.agencies.housing, 'BLOCKED', '2026-11-20', 'Move the family');

    const rows = (await homeOf('cmaracChair')).actionsByAgency!;
    expect(rows.map((row) => [row.agency.name, row.overdue, row.blocked])).toEqual([
      ['Fernbrook Police', 2, 0],
      ['Fernbrook Homes', 0, 1],
    ]);
    for (const row of rows) {
      const list = async (query: string) =>
        (await app.call<{ actions: unknown[] }>('GET', `/api/actions?agencyId=${row.agency.id}&${query}`, { token: tokens.cmaracChair! }))
          .body.actions.length;
      expect([await list('overdue=true'), await list('status=BLOCKED')]).toEqual([row.overdue, row.blocked]);
    }
  });

  test("a case one incident short of the partnership's rules warns its chair and its lead agency, with the date the window closes", async () => {
    const incident = (occurredOn: string, category: string) =>
      app.call('POST', `/api/cases/${accepted.caseId}/incidents`, {
        token: tokens.policeReferrer!,
        body: {
          occurredAt: `${occurredOn}T20:00:00Z`,
          reportedAt: `${occurredOn}T21:00:00Z`,
          category,
          description: 'Stones thrown at the window.',
        },
      });
    const warningsOf = async (who: keyof ReferralWorld['members']) =>
      ((await homeOf(who)).earlyWarnings ?? []).filter((warning) => warning.case.id === accepted.caseId);
    expect(await warningsOf('cmaracChair')).toEqual([]);

    expect((await incident('2026-09-20', 'PERSONAL')).status).toBe(201);
    expect((await incident('2026-10-25', 'PERSONAL')).status).toBe(201);
    const expected = [
      // Repeat victim, 3 similar in 90 days: until 90 days after 20 September.
      { threshold: 'REPEAT_VICTIM', counted: 2, needed: 3, windowClosesOn: '2026-12-19' },
      // Case review, 3 qualifying complaints: until six months after the first report.
      { threshold: 'CASE_REVIEW', counted: 2, needed: 3, windowClosesOn: '2027-03-20' },
      // Escalation, 3 in 365 days.
      { threshold: 'ESCALATION', counted: 2, needed: 3, windowClosesOn: '2027-09-20' },
    ];
    expect(await warningsOf('cmaracChair')).toEqual(expected.map((warning) => expect.objectContaining(warning)));
    // The case's lead agency is the referrer's (police): its members are warned too; another agency's are not.
    expect(await warningsOf('policeReferrer')).toHaveLength(3);
    expect(await warningsOf('housingReferrer')).toEqual([]);
    expect(await warningsOf('offenderChair')).toEqual([]);

    // The third incident crosses every threshold: nothing is one step short any more.
    expect((await incident('2026-11-01', 'PERSONAL')).status).toBe(201);
    expect(await warningsOf('cmaracChair')).toEqual([]);
  });

  test('a member whose roles use none of it gets no part of it, and the read is audited', async () => {
    expect(await homeOf('auditor')).toEqual({
      triage: null,
      nextMeetings: null,
      actionsByAgency: null,
      earlyWarnings: null,
      referrals: null,
    });
    const read = await database.db.prisma.auditEvent.findFirst({ where: { event: 'home.read', actorId: world.members.auditor } });
    expect(read).not.toBeNull();
    expect((await homeOf('policeReferrer')).triage).toBeNull();
  });

  test('refuses a caller who is not signed in', async () => {
    expect((await app.call('GET', '/api/home')).status).toBe(401);
  });
});
