// Withdrawing a referral over real HTTP against the database: by its referrer or the chair of its
// panel, with a reason, audited, and refused once the panel has accepted it or to anyone else.
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
  case: { id: string; status: string } | null;
  withdrawnAt: string | null;
  withdrawnBy: { id: string; displayName: string } | null;
  withdrawalReason: string | null;
}

let database: TestDatabase;
let app: RunningApp;
let world: ReferralWorld;
const tokens: Record<string, string> = {};
type Who = keyof ReferralWorld['members'];
const as = (who: Who) => tokens[who]!;
let people = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createReferralWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
  for (const who of Object.keys(world.members) as Who[]) tokens[who] = await app.signInAs(world.members[who]);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

async function draftBy(who: Who): Promise<Referral> {
  people += 1;
  const draft = {
    subject: {
      givenName: 'Wendy',
      familyName: `Withdrawnton${'abcdefghijklmnop'[people]}`,
      dateOfBirth: `1950-01-${String(people + 10).padStart(2, '0')}`,
    },
    concerns: 'Repeated door knocking late at night; the victim is frightened to answer.',
    answers: answersAll('VICTIM', 'serious'),
    consent: { status: 'GIVEN' },
  };
  const answer = await app.call<Referral>('POST', '/api/referrals', { token: as(who), body: { subjectType: 'VICTIM', draft } });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** A high-risk victim: submitted, it goes to the CMARAC chaired by cmaracChair and opens a case. */
async function submittedBy(who: Who): Promise<Referral> {
  const draft = await draftBy(who);
  const answer = await app.call<{ referral: Referral }>('POST', `/api/referrals/${draft.id}/submit`, { token: as(who) });
  expect(answer.status).toBe(200);
  return answer.body.referral;
}

const withdraw = (who: Who | null, id: string, body: unknown = { reason: 'The victim has moved out of the area.' }) =>
  app.call<Referral & ErrorBody>('POST', `/api/referrals/${id}/withdrawal`, { ...(who ? { token: as(who) } : {}), body });
const statusOf = async (id: string) => (await database.db.prisma.referral.findUniqueOrThrow({ where: { id } })).status;

describe('withdrawing a referral', () => {
  it('lets the referrer withdraw their draft with a reason, records who and when, and audits it', async () => {
    const draft = await draftBy('policeReferrer');
    const answer = await withdraw('policeReferrer', draft.id, { reason: "  Sent in error: a duplicate of yesterday's referral.  " });
    expect(answer.status).toBe(200);
    expect([answer.body.status, answer.body.withdrawalReason, answer.body.withdrawnBy?.displayName, answer.body.withdrawnAt]).toEqual([
      'WITHDRAWN',
      "Sent in error: a duplicate of yesterday's referral.",
      'Pat Constable',
      NOW.toISOString(),
    ]);
    const [row] = await auditEvents(database.db, 'referral.withdraw', draft.id);
    expect([row?.before, row?.after]).toEqual([
      { status: 'DRAFT' },
      { status: 'WITHDRAWN', reason: "Sent in error: a duplicate of yesterday's referral.", by: 'referrer' },
    ]);
    const drafts = await app.call<{ referrals: Array<{ id: string }> }>('GET', '/api/referrals?status=DRAFT', {
      token: as('policeReferrer'),
    });
    expect(drafts.body.referrals.map((r) => r.id)).not.toContain(draft.id);
    const save = await app.call<ErrorBody>('PUT', `/api/referrals/${draft.id}/draft`, {
      token: as('policeReferrer'),
      body: { draft: { concerns: 'more' } },
    });
    expect(save.status).toBe(409);
  });

  it('lets the referrer withdraw a submitted referral, and the case no panel is asked to hear goes back to the lead agency', async () => {
    const referral = await submittedBy('housingReferrer');
    expect(referral.case?.status).toBe('OPEN');
    const answer = await withdraw('housingReferrer', referral.id);
    expect([answer.status, answer.body.status, answer.body.case?.status]).toEqual([200, 'WITHDRAWN', 'LEAD_AGENCY_CASEWORK']);
  });

  it('lets the chair of the panel a referral was sent to withdraw it, and says so in the audit', async () => {
    const referral = await submittedBy('councilReferrer');
    const answer = await withdraw('cmaracChair', referral.id, { reason: 'Already heard under another referral this month.' });
    expect([answer.status, answer.body.status, answer.body.withdrawnBy?.displayName]).toEqual([200, 'WITHDRAWN', 'Ruth Okafor']);
    const [row] = await auditEvents(database.db, 'referral.withdraw', referral.id);
    expect(row?.after).toEqual({ status: 'WITHDRAWN', reason: 'Already heard under another referral this month.', by: 'chair' });
  });

  it('refuses once the panel has accepted the referral, and once it is already withdrawn, changing nothing', async () => {
    const referral = await submittedBy('policeReferrer');
    expect(
      (
        await app.call('POST', `/api/referrals/${referral.id}/decision`, {
          token: as('cmaracChair'),
          body: { decision: 'ACCEPT', expectedVersion: 0 },
        })
      ).status,
    ).toBe(200);
    const accepted = await withdraw('policeReferrer', referral.id);
    expect([accepted.status, accepted.body.error.code, accepted.body.error.message]).toEqual([
      409,
      'CONFLICT',
      'This referral has already been accepted and can no longer be withdrawn.',
    ]);
    expect(await statusOf(referral.id)).toBe('ACCEPTED');

    const draft = await draftBy('policeReferrer');
    expect((await withdraw('policeReferrer', draft.id)).status).toBe(200);
    const again = await withdraw('policeReferrer', draft.id, { reason: 'Second thoughts.' });
    expect(again.status).toBe(409);
    expect(await auditEvents(database.db, 'referral.withdraw', draft.id)).toHaveLength(1);
  });

  it.each([
    ['no reason', {}],
    ['a blank reason', { reason: '   ' }],
    ['a reason over 2000 characters', { reason: 'x'.repeat(2001) }],
    ['a field it does not know', { reason: 'Moved away.', status: 'DRAFT' }],
  ])('refuses %s with a field-level error and leaves the referral as it was', async (_name, body) => {
    const draft = await draftBy('policeReferrer');
    const answer = await withdraw('policeReferrer', draft.id, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.length).toBeGreaterThan(0);
    expect(await statusOf(draft.id)).toBe('DRAFT');
  });

  it('answers as for an unknown referral to anyone but the referrer of a draft, and refuses without sign-in', async () => {
    const draft = await draftBy('policeReferrer');
    const unknown = await withdraw('cmaracChair', UNKNOWN_ID);
    expect(unknown.status).toBe(404);
    for (const who of ['housingReferrer', 'cmaracChair', 'outsider'] as const) {
      const answer = await withdraw(who, draft.id);
      expect([who, answer.status, answer.body]).toEqual([who, 404, unknown.body]);
    }
    expect((await withdraw(null, draft.id)).status).toBe(401);
    expect(await statusOf(draft.id)).toBe('DRAFT');
  });

  it.each([
    ['a panel member of a seated agency, who may read it', 'housingMember', 403],
    ['the chair of another panel, who may read its case', 'offenderChair', 403],
    ['another referrer, who may not read it', 'policeReferrer', 404],
    ['a member of another partnership', 'outsider', 404],
  ] as const)('refuses %s and leaves a submitted referral as it was', async (_name, who, status) => {
    const referral = await submittedBy('councilReferrer');
    const answer = await withdraw(who, referral.id);
    expect(answer.status).toBe(status);
    if (status === 404) expect(answer.body).toEqual((await withdraw(who, UNKNOWN_ID)).body);
    expect(await statusOf(referral.id)).toBe('SUBMITTED');
  });
});
