// Referral triage over real HTTP against the database: the chair's queue per panel and status, the
// completeness check, accept / decline / redirect (to a panel or to casework), versioned decisions,
// the notifications queued for chairs and referrer, and every refusal.
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
  version: number;
  panel: { id: string; name: string } | null;
  person: { id: string } | null;
  case: { id: string; reference: string; status: string; nextReviewDue: string | null } | null;
  redirect: string | null;
  redirectedFrom: { id: string; name: string } | null;
  redirectReason: string | null;
  declineReason: string | null;
}
interface Queue {
  panels: Array<{ id: string; name: string; counts: Record<string, number> }>;
  panelId: string | null;
  status: string;
  referrals: Array<{ id: string; version: number; case: { reference: string } | null; finalBand: string | null }>;
}
interface Triage {
  referral: Referral;
  completeness: Array<{ item: string; message: string }>;
  mayDecide: boolean;
  redirectPanels: Array<{ id: string; name: string }>;
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

let victims = 0;
/** A high-risk victim referred by the police: it goes to the CMARAC, chaired by Ruth Okafor. */
async function referVictim(): Promise<Referral> {
  victims += 1;
  const draft = {
    subject: {
      givenName: 'Triage',
      familyName: `Testcase${'abcdefghij'[victims]}`,
      dateOfBirth: `1970-01-${String(victims).padStart(2, '0')}`,
    },
    concerns: 'Stones thrown at the windows most nights.',
    answers: answersAll('VICTIM', 'serious'),
    consent: { status: 'GIVEN' },
    match: { confirmedNew: true },
  };
  const started = await app.call<Referral>('POST', '/api/referrals', {
    token: as('policeReferrer'),
    body: { subjectType: 'VICTIM', draft },
  });
  const submitted = await app.call<{ referral: Referral }>('POST', `/api/referrals/${started.body.id}/submit`, {
    token: as('policeReferrer'),
  });
  expect(submitted.body.referral.panel?.id).toBe(world.panels.cmarac);
  return submitted.body.referral;
}

const decide = (who: keyof ReferralWorld['members'], id: string, body: Record<string, unknown>) =>
  app.call<Referral & ErrorBody>('POST', `/api/referrals/${id}/decision`, { token: as(who), body });
const queue = (who: keyof ReferralWorld['members'], search = '') =>
  app.call<Queue & ErrorBody>('GET', `/api/referral-triage${search}`, { token: as(who) });

describe('the triage queue', () => {
  it("lists the panels the chair chairs with a count per status, and the first panel's referrals awaiting a decision, oldest first", async () => {
    const first = await referVictim();
    const second = await referVictim();
    // The app's clock stands still in this file: the first was sent the day before.
    await database.db.prisma.referral.update({ where: { id: first.id }, data: { submittedAt: new Date('2026-11-19T12:00:00Z') } });
    const { status, body } = await queue('cmaracChair');
    expect(status).toBe(200);
    expect(body.panels.map((panel) => panel.name)).toEqual(['Fernbrook CMARAC', 'Fernbrook Problem-Solving Forum']);
    expect(body.panelId).toBe(world.panels.cmarac);
    expect(body.status).toBe('SUBMITTED');
    const ids = body.referrals.map((r) => r.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(body.referrals.find((r) => r.id === first.id)).toMatchObject({
      version: 0,
      finalBand: 'HIGH',
      case: { reference: first.case!.reference },
    });
    expect(body.panels[0]!.counts.SUBMITTED).toBe(body.referrals.length);
  });

  it('moves an accepted referral to the accepted list', async () => {
    const referral = await referVictim();
    expect((await decide('cmaracChair', referral.id, { decision: 'ACCEPT', expectedVersion: 0 })).status).toBe(200);
    const accepted = await queue('cmaracChair', `?panelId=${world.panels.cmarac}&status=ACCEPTED`);
    expect(accepted.body.referrals.map((r) => r.id)).toContain(referral.id);
    const waiting = await queue('cmaracChair', `?panelId=${world.panels.cmarac}`);
    expect(waiting.body.referrals.map((r) => r.id)).not.toContain(referral.id);
  });

  it('answers a panel the chair does not chair exactly as an unknown one, and refuses roles that do not triage', async () => {
    const other = await queue('cmaracChair', `?panelId=${world.panels.offender}`);
    const unknown = await queue('cmaracChair', `?panelId=${UNKNOWN_ID}`);
    expect([other.status, other.body]).toEqual([404, unknown.body]);
    expect((await queue('policeReferrer')).status).toBe(403);
    expect((await queue('housingMember')).status).toBe(403);
    expect((await app.call('GET', '/api/referral-triage')).status).toBe(401);
    const bad = await queue('cmaracChair', '?status=DRAFT');
    expect([bad.status, fields(bad.body)]).toEqual([400, ['status']]);
  });
});

describe('the completeness check', () => {
  it('names a missing information-sharing basis until one is recorded, and offers the other panels for a redirect', async () => {
    const referral = await referVictim();
    // As for a case referred before consent was asked: submitting now records it, so remove it here.
    await database.db.prisma.consentRecord.deleteMany({ where: { personId: referral.person!.id } });
    const before = await app.call<Triage>('GET', `/api/referrals/${referral.id}/triage`, { token: as('cmaracChair') });
    expect(before.status).toBe(200);
    expect(before.body.completeness.map((gap) => gap.item)).toEqual(['SHARING_BASIS']);
    expect(before.body.mayDecide).toBe(true);
    expect(before.body.redirectPanels.map((panel) => panel.id).sort()).toEqual([world.panels.offender, world.panels.forum].sort());
    await database.db.prisma.consentRecord.create({
      data: {
        personId: referral.person!.id,
        caseId: referral.case!.id,
        regime: 'UK_GDPR_DPA_PART_2',
        lawfulBasis: 'PUBLIC_TASK',
        consent: 'NOT_SOUGHT',
        justification: 'Crime and Disorder Act 1998 s115.',
        recordedById: world.members.policeReferrer,
      },
    });
    const after = await app.call<Triage>('GET', `/api/referrals/${referral.id}/triage`, { token: as('cmaracChair') });
    expect(after.body.completeness).toEqual([]);
  });

  it("hides another panel's referral from a chair as an unknown one", async () => {
    const referral = await referVictim();
    const other = await app.call('GET', `/api/referrals/${referral.id}/triage`, { token: as('offenderChair') });
    const unknown = await app.call('GET', `/api/referrals/${UNKNOWN_ID}/triage`, { token: as('offenderChair') });
    expect([other.status, other.body]).toEqual([404, unknown.body]);
  });
});

describe('deciding', () => {
  it('queues the triage card for the chair on submission and tells the referrer the decision', async () => {
    const referral = await referVictim();
    const triage = await database.db.prisma.notification.findMany({
      where: { kind: 'REFERRAL_TRIAGE', dedupeKey: { startsWith: `triage:${referral.id}:` } },
    });
    expect(triage.map((n) => n.recipientId)).toEqual([world.members.cmaracChair]);
    await decide('cmaracChair', referral.id, {
      decision: 'DECLINE',
      reason: 'Already heard at the domestic abuse MARAC.',
      expectedVersion: 0,
    });
    const told = await database.db.prisma.notification.findMany({
      where: { kind: 'REFERRAL_DECIDED', dedupeKey: { startsWith: `referral-decided:${referral.id}:` } },
    });
    expect(told.map((n) => n.recipientId)).toEqual([world.members.policeReferrer]);
  });

  it('redirects to another panel, whose chair then triages it, and refuses a stale decision with how it stands now', async () => {
    const referral = await referVictim();
    const noReason = await decide('cmaracChair', referral.id, {
      decision: 'REDIRECT',
      to: { kind: 'PANEL', panelId: world.panels.offender },
      reason: ' ',
      expectedVersion: 0,
    });
    expect([noReason.status, fields(noReason.body)]).toEqual([400, ['reason']]);
    const same = await decide('cmaracChair', referral.id, {
      decision: 'REDIRECT',
      to: { kind: 'PANEL', panelId: world.panels.cmarac },
      reason: 'x',
      expectedVersion: 0,
    });
    expect([same.status, fields(same.body)]).toEqual([400, ['panelId']]);

    const redirected = await decide('cmaracChair', referral.id, {
      decision: 'REDIRECT',
      to: { kind: 'PANEL', panelId: world.panels.offender },
      reason: 'The concern is the neighbour’s behaviour: the Offender Panel should hear it.',
      expectedVersion: 0,
    });
    expect(redirected.status).toBe(200);
    expect([
      redirected.body.status,
      redirected.body.panel?.id,
      redirected.body.redirect,
      redirected.body.redirectedFrom?.id,
      redirected.body.version,
    ]).toEqual(['SUBMITTED', world.panels.offender, 'PANEL', world.panels.cmarac, 1]);
    const [row] = await auditEvents(database.db, 'referral.redirect', referral.id);
    expect(row?.after).toMatchObject({ redirect: 'PANEL', toPanelId: world.panels.offender, version: 1 });

    const theirs = await queue('offenderChair');
    expect(theirs.body.referrals.map((r) => r.id)).toContain(referral.id);
    const sent = await database.db.prisma.notification.findMany({
      where: { dedupeKey: { startsWith: `triage:${referral.id}:${world.panels.offender}:` } },
    });
    expect(sent.map((n) => n.recipientId)).toEqual([world.members.offenderChair]);

    // The version is required: a decision that does not say what it was made from is refused, not applied.
    const unversioned = await decide('offenderChair', referral.id, { decision: 'ACCEPT' });
    expect([unversioned.status, fields(unversioned.body)]).toEqual([400, ['expectedVersion']]);
    expect(JSON.stringify(unversioned.body)).toContain('Say which version of the referral you are deciding on.');
    const stale = await decide('offenderChair', referral.id, { decision: 'ACCEPT', expectedVersion: 0 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(stale.body.error.message).toMatch(/changed this referral since you opened it/);
    const current = await app.call<Triage>('GET', `/api/referrals/${referral.id}/triage`, { token: as('offenderChair') });
    expect([current.body.referral.status, current.body.referral.version, current.body.mayDecide]).toEqual(['SUBMITTED', 1, true]);
    expect((await decide('offenderChair', referral.id, { decision: 'ACCEPT', expectedVersion: 1 })).body.status).toBe('ACCEPTED');
    const late = await decide('offenderChair', referral.id, { decision: 'ACCEPT', expectedVersion: 1 });
    expect([late.status, late.body.error.message]).toEqual([409, 'This referral has already been accepted by Owen Chair.']);
  });

  it("redirects to the lead agency's casework with a review date after today and a reason", async () => {
    const referral = await referVictim();
    const past = await decide('cmaracChair', referral.id, {
      decision: 'REDIRECT',
      to: { kind: 'LEAD_AGENCY_CASEWORK', reviewDate: '2026-11-20' },
      reason: 'Medium risk once the housing move is made.',
      expectedVersion: 0,
    });
    expect([past.status, fields(past.body)]).toEqual([400, ['reviewDate']]);
    const done = await decide('cmaracChair', referral.id, {
      decision: 'REDIRECT',
      to: { kind: 'LEAD_AGENCY_CASEWORK', reviewDate: '2026-12-18' },
      reason: 'Medium risk once the housing move is made.',
      expectedVersion: 0,
    });
    expect([done.body.status, done.body.redirect, done.body.redirectReason, done.body.case?.status, done.body.case?.nextReviewDue]).toEqual(
      ['DECLINED', 'LEAD_AGENCY_CASEWORK', 'Medium risk once the housing move is made.', 'LEAD_AGENCY_CASEWORK', '2026-12-18'],
    );
    const declined = await queue('cmaracChair', `?status=DECLINED`);
    expect(declined.body.referrals.map((r) => r.id)).toContain(referral.id);
  });

  it('refuses a decision from a role that may not decide, and from the chair of another panel as not found', async () => {
    const referral = await referVictim();
    expect((await decide('policeReferrer', referral.id, { decision: 'ACCEPT', expectedVersion: 0 })).status).toBe(403);
    expect((await decide('housingMember', referral.id, { decision: 'ACCEPT', expectedVersion: 0 })).status).toBe(403);
    const other = await decide('offenderChair', referral.id, { decision: 'ACCEPT', expectedVersion: 0 });
    const unknown = await decide('offenderChair', UNKNOWN_ID, { decision: 'ACCEPT', expectedVersion: 0 });
    expect([other.status, other.body]).toEqual([404, unknown.body]);
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe('SUBMITTED');
  });

  it('lists a withdrawn referral under withdrawn and no longer offers a decision on it', async () => {
    const referral = await referVictim();
    const withdrawn = await app.call('POST', `/api/referrals/${referral.id}/withdrawal`, {
      token: as('policeReferrer'),
      body: { reason: 'The family moved out of the area.' },
    });
    expect(withdrawn.status).toBe(200);
    const list = await queue('cmaracChair', '?status=WITHDRAWN');
    expect(list.body.referrals.map((r) => r.id)).toContain(referral.id);
    const triage = await app.call<Triage>('GET', `/api/referrals/${referral.id}/triage`, { token: as('cmaracChair') });
    expect([triage.body.mayDecide, triage.body.referral.version]).toEqual([false, 1]);
  });
});
