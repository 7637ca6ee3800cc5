// A change a member attempted and was refused leaves one `attempt.refused` audit row saying who,
// what and why (a reason code, never what was typed), and nothing else: over HTTP (judgement that
// lowers a risk band, a stale version, a role that does not allow it) and from Teams cards.
import { REFUSED_ATTEMPT_EVENT } from '../../api/services/refused-attempts';
import { CARD_VERBS } from '../../bot/cards/verbs';
import { openAccessWorld, resolveId, WORLD_TODAY, type AccessWorld } from '../support/access-world';
import { clickCard } from '../support/card-click';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { SAMPLE_DATE } from '../support/sample-input';
import { tableFingerprints } from '../support/table-counts';
import { startTestApp, type RunningApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';
import { answersAll, createReferralWorld, type ReferralWorld } from './referrals-fixtures';

let database: TestDatabase;
let access: AccessWorld;
let referrals: ReferralWorld;
let app: RunningApp;
let connector: FakeBotConnector;

beforeAll(async () => {
  // The access world holds the demo partnership alone; the referral world is added to it.
  ({ database, world: access } = await openAccessWorld());
  referrals = await createReferralWorld(database.db);
  connector = await startFakeBotConnector();
  app = await startTestApp(database.db, { clock: () => WORLD_TODAY });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

async function refusedAttempts() {
  return database.db.prisma.auditEvent.findMany({ where: { event: REFUSED_ATTEMPT_EVENT }, orderBy: { seq: 'asc' } });
}

/**
 * Every table but the audit trail and ConversationReference: the bot records where it can reach a
 * member on any turn from them (bot/conversations.ts), refused or not.
 */
async function dataFingerprints() {
  const { ConversationReference: _reference, AuditEvent: _audit, ...tables } = await tableFingerprints(database.db);
  return tables;
}

/**
 * Runs `attempt` and returns the one refused-attempt row it wrote, checking that nothing else
 * changed: the only other audit rows allowed are reads (a refused card is redrawn from the database).
 */
async function onlyAuditRowOf(attempt: () => Promise<void>) {
  const before = await dataFingerprints();
  const lastSeq = (await database.db.prisma.auditEvent.findFirst({ orderBy: { seq: 'desc' } }))?.seq ?? 0n;
  await attempt();
  expect(await dataFingerprints()).toEqual(before);
  const written = await database.db.prisma.auditEvent.findMany({ where: { seq: { gt: lastSeq } }, orderBy: { seq: 'asc' } });
  expect(written.map((row) => row.event).filter((event) => !event.endsWith('.read'))).toEqual([REFUSED_ATTEMPT_EVENT]);
  return written.find((row) => row.event === REFUSED_ATTEMPT_EVENT)!;
}

/** An open action of the fire service, proposed to this member: theirs to accept. */
async function proposedActionOf(memberId: string) {
  const action = await database.db.prisma.action.findFirstOrThrow({
    where: { ownerAgencyId: access.agencyId, status: { in: ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS'] } },
    orderBy: { id: 'asc' },
  });
  return database.db.prisma.action.update({ where: { id: action.id }, data: { ownerMemberId: memberId, status: 'PROPOSED' } });
}

const PRIVATE_WORDS = 'Mabel Exampleton is calmer now';

describe('refused attempts over HTTP', () => {
  let caseId: string;
  let policeToken: string;

  beforeAll(async () => {
    policeToken = await app.signInAs(referrals.members.policeReferrer);
    const started = await app.call<{ id: string }>('POST', '/api/referrals', {
      token: policeToken,
      body: {
        subjectType: 'VICTIM',
        draft: {
          subject: { givenName: 'Mabel', familyName: 'Exampleton' },
          concerns: 'Stones.',
          answers: answersAll('VICTIM', 'serious'),
          consent: { status: 'GIVEN' },
        },
      },
    });
    const submitted = await app.call<{ result: { case: { id: string }; finalBand: string } }>(
      'POST',
      `/api/referrals/${started.body.id}/submit`,
      { token: policeToken },
    );
    expect(submitted.body.result.finalBand).toBe('HIGH');
    caseId = submitted.body.result.case.id;
  }, 60_000);

  test('a re-assessment whose judgement lowers the risk band is audited as a refused attempt, without the reason typed', async () => {
    const row = await onlyAuditRowOf(async () => {
      const answer = await app.call('POST', `/api/cases/${caseId}/assessments`, {
        token: policeToken,
        body: { answers: answersAll('VICTIM', 'serious'), judgement: { band: 'LOW', reason: PRIVATE_WORDS } },
      });
      expect(answer.status).toBe(400);
    });
    expect([row.actorKind, row.actorId, row.entityType, row.entityId]).toEqual([
      'MEMBER',
      referrals.members.policeReferrer,
      'Case',
      caseId,
    ]);
    expect(row.after).toEqual({
      attempted: 'POST /api/cases/:id/assessments',
      reason: 'JUDGEMENT_CANNOT_LOWER_RISK',
      fields: ['judgement.band'],
    });
    expect(JSON.stringify({ ...row, seq: String(row.seq) })).not.toMatch(/Mabel|Exampleton|calmer/);
  });

  test('a referral submitted with judgement that lowers the risk is audited against the referral', async () => {
    const token = await app.signInAs(referrals.members.housingReferrer);
    const started = await app.call<{ id: string }>('POST', '/api/referrals', {
      token,
      body: {
        subjectType: 'VICTIM',
        draft: {
          subject: { givenName: 'Fay', familyName: 'Invented' },
          concerns: 'Shouting.',
          answers: answersAll('VICTIM', 'serious'),
          consent: { status: 'GIVEN' },
          judgement: { band: 'LOW', reason: PRIVATE_WORDS },
        },
      },
    });
    const row = await onlyAuditRowOf(async () => {
      expect((await app.call('POST', `/api/referrals/${started.body.id}/submit`, { token })).status).toBe(400);
    });
    expect([row.actorId, row.entityType, row.entityId]).toEqual([referrals.members.housingReferrer, 'Referral', started.body.id]);
    expect(row.after).toEqual({
      attempted: 'POST /api/referrals/:id/submit',
      reason: 'JUDGEMENT_CANNOT_LOWER_RISK',
      fields: ['judgement.band'],
    });
  });

  test('a change the role does not allow is audited with the route it tried', async () => {
    const token = await app.signInAs(referrals.members.auditor);
    const row = await onlyAuditRowOf(async () => {
      const answer = await app.call('POST', '/api/panels', { token, body: { name: 'A panel the auditor wants', type: 'CMARAC' } });
      expect(answer.status).toBe(403);
    });
    expect([row.actorId, row.entityType, row.entityId]).toEqual([referrals.members.auditor, 'Panel', null]);
    expect(row.after).toEqual({ attempted: 'POST /api/panels', reason: 'FORBIDDEN' });
  });

  test('a change drawn from a stale version is audited as STALE_VERSION against the action', async () => {
    const referrer = access.members.REFERRER;
    const { id: actionId, version } = await proposedActionOf(referrer.id);
    const action = { id: actionId };
    const token = await app.signInAs(referrer.id);
    const row = await onlyAuditRowOf(async () => {
      const answer = await app.call('POST', `/api/actions/${action.id}/accept`, { token, body: { expectedVersion: version + 3 } });
      expect(answer.status).toBe(409);
    });
    expect([row.actorId, row.entityType, row.entityId]).toEqual([referrer.id, 'Action', action.id]);
    expect(row.after).toEqual({ attempted: 'POST /api/actions/:id/accept', reason: 'STALE_VERSION' });
  });

  test('a refused read and a slip in a form are not attempts at a change, so nothing is audited', async () => {
    const before = (await refusedAttempts()).length;
    expect((await app.call('GET', '/api/audit', { token: policeToken })).status).toBe(403);
    expect((await app.call('POST', `/api/cases/${caseId}/assessments`, { token: policeToken, body: { answers: 'none' } })).status).toBe(
      400,
    );
    expect(await refusedAttempts()).toHaveLength(before);
  });
});

describe('refused attempts from Teams cards', () => {
  const clicker = () => ({ app, serviceUrl: connector.serviceUrl, timestamp: WORLD_TODAY });

  test('an assign click by a member whose role may not assign is audited against the case', async () => {
    const referrer = access.members.REFERRER;
    const caseId = await resolveId(access, 'caseId', 'own');
    const row = await onlyAuditRowOf(async () => {
      const answer = await clickCard(clicker(), referrer, CARD_VERBS.assign, {
        caseId,
        title: PRIVATE_WORDS,
        ownerAgencyId: access.agencyId,
        dueDate: SAMPLE_DATE,
        priority: 'NORMAL',
      });
      expect(answer.card).toContain("You can't do this");
    });
    expect([row.actorId, row.entityType, row.entityId]).toEqual([referrer.id, 'Case', caseId]);
    expect(row.after).toEqual({ attempted: `card ${CARD_VERBS.assign}`, reason: 'FORBIDDEN' });
    expect(JSON.stringify({ ...row, seq: String(row.seq) })).not.toMatch(/calmer/);
  });

  test('a stale accept click is audited once, as STALE_VERSION against the action', async () => {
    const referrer = access.members.REFERRER;
    const action = await proposedActionOf(referrer.id);
    const row = await onlyAuditRowOf(async () => {
      await clickCard(clicker(), referrer, CARD_VERBS.accept, { actionId: action.id, version: action.version + 5 });
    });
    expect([row.actorId, row.entityType, row.entityId]).toEqual([referrer.id, 'Action', action.id]);
    expect(row.after).toMatchObject({ reason: 'STALE_VERSION' });
    expect((row.after as { attempted: string }).attempted).toMatch(/^card /);
  });
});
