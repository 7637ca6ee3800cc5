// The case view's API over real HTTP and the real database: the overview of case c1 of the
// governance world (its rows are listed in governance-fixtures.ts), restricted notes by role,
// need-to-know refusals that answer like a missing case, and who viewed it from the audit trail.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createGovernanceWorld, NOW, type GovernanceWorld } from './governance-fixtures';

interface Overview {
  case: { id: string; reference: string; status: string; currentRiskBand: string | null; leadAgency: { name: string } };
  access: { ground: string; restricted: Record<string, boolean>; mayListViewers: boolean; mayRecordConsent: boolean };
  subjects: Array<{ role: string; person: Record<string, unknown> & { name: string } }>;
  locations: Array<{ addressLine1: string; ward: string | null }>;
  riskHistory: Array<{ assessedAt: string; score: number; finalBand: string; assessedBy: string }>;
  incidents: Array<{ occurredAt: string; ward: string | null }>;
  agendaHistory: Array<{ panel: { name: string }; reasonText: string; status: string; riskBandAfter: string; decisions: string }>;
  actions: Array<{ title: string; dueDate: string; overdue: boolean; daysOverdue: number }>;
  interventions: Array<{ type: string; status: string }>;
}
interface Viewers {
  viewers: Array<{ member: { displayName: string }; agency: { name: string }; views: number }>;
}
interface ErrorBody {
  error: { code: string; message: string };
}

let database: TestDatabase;
let app: RunningApp;
let world: GovernanceWorld;
const tokens: Record<string, string> = {};

const overviewOf = (who: string, caseId = world.cases.c1) =>
  app.call<Overview>('GET', `/api/cases/${caseId}/overview`, { token: tokens[who]! });

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createGovernanceWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
  for (const [who, id] of Object.entries(world.members)) tokens[who] = await app.signInAs(id);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('the case overview', () => {
  let body: Overview;
  beforeAll(async () => {
    const answer = await overviewOf('chair');
    expect(answer.status).toBe(200);
    body = answer.body;
  });

  it('gives the case, its victim, perpetrator and location', () => {
    expect(body.case).toMatchObject({
      id: world.cases.c1,
      reference: 'GOV-1',
      status: 'OPEN',
      currentRiskBand: 'HIGH',
      leadAgency: { name: 'Fernbrook Police' },
    });
    expect(body.subjects.map((subject) => [subject.role, subject.person.name])).toEqual([
      ['VICTIM', 'Ada Example'],
      ['PERPETRATOR', 'Bob Sample'],
    ]);
    expect(body.locations).toEqual([expect.objectContaining({ addressLine1: '1 Lorem Crescent', ward: 'Exampleford' })]);
  });

  it('gives the risk history oldest first, incidents newest first and the agenda history', () => {
    expect(body.riskHistory.map((r) => [r.assessedAt.slice(0, 10), r.score, r.finalBand, r.assessedBy])).toEqual([
      ['2026-01-05', 34, 'HIGH', 'Ruth Okafor'],
      ['2026-04-02', 20, 'MEDIUM', 'Ruth Okafor'],
    ]);
    expect(body.incidents.map((incident) => incident.occurredAt.slice(0, 10))).toEqual([
      '2026-02-03',
      '2026-01-16',
      '2026-01-15',
      '2026-01-14',
      '2026-01-13',
      '2026-01-12',
      '2026-01-11',
    ]);
    expect(body.agendaHistory).toEqual([
      expect.objectContaining({
        panel: expect.objectContaining({ name: 'Fernbrook CMARAC' }),
        reasonText: 'New high-risk referral',
        status: 'DISCUSSED',
        riskBandAfter: 'HIGH',
        decisions: 'Keep on; housing to visit.',
      }),
    ]);
  });

  it('gives the actions by due date with days overdue today, and the interventions', () => {
    expect(body.actions).toHaveLength(11);
    expect(body.actions[0]).toMatchObject({ title: 'Action P3', dueDate: '2025-12-01', overdue: true, daysOverdue: 354 });
    expect(body.actions.filter((action) => action.overdue).map((action) => [action.title, action.daysOverdue])).toEqual([
      ['Action P3', 354],
      ['Action H6', 172],
      ['Action P2', 158],
    ]);
    expect(body.interventions.map((item) => `${item.type} ${item.status}`).sort()).toEqual([
      'CIVIL_INJUNCTION ACTIVE',
      'CIVIL_INJUNCTION BREACHED',
      'CLOSURE_ORDER WITHDRAWN',
      'COMMUNITY_PROTECTION_NOTICE ACTIVE',
      'MEDIATION PROPOSED',
      'WARNING_LETTER EXPIRED',
    ]);
  });
});

describe('restricted notes by role', () => {
  const victimOf = (overview: Overview) => overview.subjects.find((subject) => subject.role === 'VICTIM')!.person;

  it('gives a chair every note, and the right to see who viewed the case', async () => {
    const { body } = await overviewOf('chair');
    expect(body.access).toEqual({
      ground: 'LEAD_AGENCY',
      restricted: { healthNotes: true, safeguardingNotes: true, intelligenceNotes: true },
      mayListViewers: true,
      mayRecordConsent: true,
    });
    expect(victimOf(body)).toMatchObject({
      healthNotes: 'Takes medication for anxiety.',
      safeguardingNotes: 'Adult safeguarding referral made.',
      intelligenceNotes: 'Neighbour known to police.',
    });
  });

  it('gives a housing panel member health and safeguarding notes but not police intelligence, not even its key', async () => {
    const { status, body } = await overviewOf('housingMember');
    expect(status).toBe(200);
    expect(body.access).toEqual({
      ground: 'INVOLVED_AGENCY',
      restricted: { healthNotes: true, safeguardingNotes: true, intelligenceNotes: false },
      mayListViewers: false,
      mayRecordConsent: true,
    });
    expect(victimOf(body)).toHaveProperty('healthNotes', 'Takes medication for anxiety.');
    expect(victimOf(body)).not.toHaveProperty('intelligenceNotes');
    expect(JSON.stringify(body)).not.toContain('Neighbour known to police');
  });

  it('gives a referrer from an involved agency the case without any restricted note', async () => {
    const { status, body } = await overviewOf('housingReferrer');
    expect(status).toBe(200);
    expect(Object.keys(victimOf(body)).sort()).toEqual(['dateOfBirth', 'id', 'name', 'vulnerabilities']);
  });
});

describe('refusals', () => {
  it("answers a referrer whose agency has no part in the case exactly as a missing case, and as another partnership's case", async () => {
    const other = await database.db.prisma.case.findFirstOrThrow({ where: { reference: 'ELSE-1' } });
    const answers = [
      await overviewOf('councilReferrer'),
      await overviewOf('chair', '00000000-0000-4000-8000-000000000000'),
      await overviewOf('chair', other.id),
      await overviewOf('chair', 'GOV-1'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
  });

  it.each(['auditor', 'admin'])('refuses the %s, whose role never sees case content, with 403', async (who) => {
    const answer = await app.call<ErrorBody>('GET', `/api/cases/${world.cases.c1}/overview`, { token: tokens[who]! });
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).not.toContain('GOV-1');
  });

  it('refuses a caller who is not signed in', async () => {
    expect((await app.call('GET', `/api/cases/${world.cases.c1}/overview`)).status).toBe(401);
    expect((await app.call('GET', `/api/cases/${world.cases.c1}/viewers`)).status).toBe(401);
  });
});

describe('who viewed the case', () => {
  it('lists each member who read the case with how often, for the chair and the auditor, from the audit trail', async () => {
    const c3 = world.cases.c3;
    await overviewOf('chair', c3);
    await overviewOf('chair', c3);
    await overviewOf('housingMember', c3);
    for (const who of ['chair', 'auditor']) {
      const answer = await app.call<Viewers>('GET', `/api/cases/${c3}/viewers`, { token: tokens[who]! });
      expect(answer.status).toBe(200);
      expect(answer.body.viewers.map((viewer) => [viewer.member.displayName, viewer.agency.name, viewer.views])).toEqual([
        ['Sam Patel', 'Fernbrook Homes', 1],
        ['Ruth Okafor', 'Fernbrook Police', 2],
      ]);
    }
    expect(await database.db.prisma.auditEvent.count({ where: { event: 'case.viewers.list', entityId: c3 } })).toBe(2);
  });

  it('refuses a panel member with 403 and a chair who may not see the case with 404', async () => {
    expect((await app.call('GET', `/api/cases/${world.cases.c1}/viewers`, { token: tokens.housingMember! })).status).toBe(403);
    const other = await database.db.prisma.case.findFirstOrThrow({ where: { reference: 'ELSE-1' } });
    expect((await app.call('GET', `/api/cases/${other.id}/viewers`, { token: tokens.chair! })).status).toBe(404);
    expect((await app.call('GET', `/api/cases/${other.id}/viewers`, { token: tokens.auditor! })).status).toBe(404);
  });
});
