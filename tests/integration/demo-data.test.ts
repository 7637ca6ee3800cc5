import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { DEMO_MEMBERS, hasAnyPartnership, seedDemoData, type DemoDataSummary } from '../../api/store/demo-data';

const TODAY = new Date('2026-11-20T09:30:00Z');
const SEED = 7;

async function rowsOf(test: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  return test.db.sql.query<Record<string, unknown>>(sql);
}

/** A few tables as JSON, ordered, to compare two seeded databases row for row. */
async function canonicalDump(test: TestDatabase): Promise<string> {
  const tables = ['Person', 'Location', 'Case', 'Incident', 'RiskAssessment', 'Referral', 'Meeting', 'Action', 'ActionEvent'];
  const dump: Record<string, unknown> = {};
  for (const table of tables) {
    dump[table] = (await rowsOf(test, `SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY id`)).map((r) => r.row);
  }
  return JSON.stringify(dump);
}

describe('demo data', () => {
  let test: TestDatabase;
  let summary: DemoDataSummary;
  let emptyBefore: boolean;

  beforeAll(async () => {
    test = await openTestDatabase();
    emptyBefore = !(await hasAnyPartnership(test.db.prisma));
    summary = await seedDemoData(test.db.prisma, { today: TODAY, seed: SEED });
  }, 120_000);

  afterAll(async () => {
    await test?.dispose();
  });

  it('reports an empty database as empty and a seeded one as having a partnership', async () => {
    expect(emptyBefore).toBe(true);
    expect(await hasAnyPartnership(test.db.prisma)).toBe(true);
  });

  it('writes one partnership with its agencies, members, panels, people, places, cases and incidents', async () => {
    const prisma = test.db.prisma;
    expect(await prisma.partnership.count()).toBe(1);
    expect(await prisma.agency.count()).toBeGreaterThanOrEqual(8);
    expect(await prisma.member.count()).toBe(21);
    expect(await prisma.panel.count()).toBe(3);
    expect(await prisma.person.count()).toBe(60);
    expect(await prisma.location.count()).toBe(40);
    expect(await prisma.case.count()).toBe(30);
    expect(await prisma.incident.count()).toBe(200);
    expect(summary).toMatchObject({ partnerships: 1, members: 21, panels: 3, people: 60, locations: 40, cases: 30, incidents: 200 });
    expect(await prisma.action.count()).toBe(summary.actions);
  });

  it('offers the same members to a sign-in screen as it writes, with a chair, an admin, an auditor and a minute-taker', async () => {
    const members = await test.db.prisma.member.findMany({ orderBy: { displayName: 'asc' } });
    expect(members.map((m) => m.id).sort()).toEqual(DEMO_MEMBERS.map((m) => m.id).sort());
    const roles = members.flatMap((m) => m.roles);
    expect(roles.filter((r) => r === 'PANEL_CHAIR')).toHaveLength(2);
    expect(roles).toEqual(expect.arrayContaining(['PARTNERSHIP_ADMIN', 'AUDITOR', 'REFERRER', 'PANEL_MEMBER', 'MINUTE_TAKER']));
    expect(await test.db.prisma.agency.count({ where: { guestTenantId: { not: null } } })).toBe(1);
  });

  it('names a lead for some agencies, each a member of that agency, and leaves others without one', async () => {
    const agencies = await test.db.prisma.agency.findMany({ include: { lead: true } });
    const led = agencies.filter((agency) => agency.lead);
    expect(led.length).toBeGreaterThan(0);
    expect(led.length).toBeLessThan(agencies.length);
    for (const agency of led) expect(agency.lead!.agencyId).toBe(agency.id);
  });

  it('has referrals in every status and actions in every status', async () => {
    const referralStatuses = await rowsOf(test, `SELECT DISTINCT status::text AS s FROM "Referral" ORDER BY 1`);
    expect(referralStatuses.map((r) => r.s)).toEqual(['ACCEPTED', 'DECLINED', 'DRAFT', 'SUBMITTED', 'WITHDRAWN']);
    const actionStatuses = await rowsOf(test, `SELECT DISTINCT status::text AS s FROM "Action" ORDER BY 1`);
    expect(actionStatuses.map((r) => r.s)).toEqual(['ACCEPTED', 'BLOCKED', 'CANCELLED', 'COMPLETED', 'IN_PROGRESS', 'PROPOSED']);
    expect(await test.db.prisma.referral.count({ where: { status: 'DECLINED', declineReason: null } })).toBe(0);
    expect(await test.db.prisma.action.count({ where: { status: 'BLOCKED', notDoneReason: null } })).toBe(0);
  });

  it('leaves several open actions overdue on the given day', async () => {
    const overdue = await test.db.prisma.action.count({
      where: { status: { in: ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED'] }, dueDate: { lt: new Date('2026-11-20T00:00:00Z') } },
    });
    expect(overdue).toBeGreaterThanOrEqual(3);
  });

  it('bands risk assessments roughly as one real panel did: 21% high, 34% medium, 45% low', async () => {
    const rows = await rowsOf(test, `SELECT "finalBand"::text AS band, count(*)::int AS n FROM "RiskAssessment" GROUP BY 1`);
    const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
    const share = (band: string): number => Number(rows.find((r) => r.band === band)?.n ?? 0) / total;
    expect(share('HIGH')).toBeCloseTo(0.21, 1);
    expect(share('MEDIUM')).toBeCloseTo(0.34, 1);
    expect(share('LOW')).toBeCloseTo(0.45, 1);
  });

  it('uses only postcodes in the fictional ZX area, in valid UK format', async () => {
    const postcodes = await rowsOf(test, `SELECT postcode, "postcodeKey" FROM "Location"`);
    for (const { postcode, postcodeKey } of postcodes) {
      expect(postcode).toMatch(/^ZX\d [0-9][ABD-HJLNP-UW-Z]{2}$/);
      expect(postcodeKey).toBe(postcode);
    }
  });

  it("involves every action owner agency in the action's case", async () => {
    const orphans = await rowsOf(
      test,
      `
      SELECT a.id FROM "Action" a
       WHERE NOT EXISTS (SELECT 1 FROM "CaseAgency" ca WHERE ca."caseId" = a."caseId" AND ca."agencyId" = a."ownerAgencyId")`,
    );
    expect(orphans).toEqual([]);
  });

  it('gives every action a history that ends in its current status, one version per change', async () => {
    const mismatched = await rowsOf(
      test,
      `
      SELECT a.id FROM "Action" a
       JOIN LATERAL (SELECT e."toStatus", count(*) OVER () AS n FROM "ActionEvent" e WHERE e."actionId" = a.id ORDER BY e.at DESC LIMIT 1) last ON true
       WHERE last."toStatus" <> a.status OR last.n - 1 <> a.version`,
    );
    expect(mismatched).toEqual([]);
  });

  it("copies each incident's time onto the people involved in it", async () => {
    const differing = await rowsOf(
      test,
      `
      SELECT ip."incidentId" FROM "IncidentPerson" ip JOIN "Incident" i ON i.id = ip."incidentId" WHERE ip."occurredAt" <> i."occurredAt"`,
    );
    expect(differing).toEqual([]);
  });

  it('writes identical rows for the same seed and day', async () => {
    const again = await openTestDatabase();
    try {
      await seedDemoData(again.db.prisma, { today: TODAY, seed: SEED });
      expect(await canonicalDump(again)).toEqual(await canonicalDump(test));
    } finally {
      await again.dispose();
    }
  }, 120_000);

  it('refuses to seed a second time and leaves the existing data as it was', async () => {
    const before = await canonicalDump(test);
    await expect(seedDemoData(test.db.prisma, { today: TODAY, seed: SEED + 1 })).rejects.toThrow();
    expect(await canonicalDump(test)).toEqual(before);
  }, 120_000);
});
