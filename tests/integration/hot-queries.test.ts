import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../api/store/generated/client';
import { incidentsAtLocation, incidentsForPerson, openActionsForAgency, referralsForPanel } from '../../api/store/queries/hot-queries';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

// The hot queries are checked twice: that they return the right rows, and that the exact SQL
// Prisma sends can be served by the intended index (with sequential scans disabled, because on a
// table this small the planner would rightly prefer one).

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('hot queries', () => {
  let test: TestDatabase;
  let prisma: PrismaClient;
  const sent: { sql: string; params: unknown[] }[] = [];
  const ids = {
    partnership: randomUUID(),
    police: randomUUID(),
    housing: randomUUID(),
    member: randomUUID(),
    caseId: randomUUID(),
    panel: randomUUID(),
    otherPanel: randomUUID(),
    person: randomUUID(),
    location: randomUUID(),
    otherLocation: randomUUID(),
  };

  beforeAll(async () => {
    test = await openTestDatabase({ onQuery: (query) => sent.push(query) });
    prisma = test.db.prisma;

    const base = { partnershipId: ids.partnership };
    await prisma.partnership.create({ data: { id: ids.partnership, name: 'Testshire CSP', area: 'Testshire' } });
    await prisma.agency.createMany({
      data: [
        { id: ids.police, ...base, name: 'Testshire Police', type: 'POLICE' },
        { id: ids.housing, ...base, name: 'Sample Homes', type: 'HOUSING_PROVIDER' },
      ],
    });
    await prisma.member.create({
      data: {
        id: ids.member,
        ...base,
        agencyId: ids.police,
        entraObjectId: randomUUID(),
        tenantId: randomUUID(),
        displayName: 'Officer Example',
        roles: ['REFERRER'],
      },
    });
    await prisma.case.create({ data: { id: ids.caseId, ...base, reference: 'ASB-T-1', kind: 'VICTIM', leadAgencyId: ids.police } });
    await prisma.panel.createMany({
      data: [
        { id: ids.panel, ...base, type: 'CMARAC', name: 'CMARAC', cadence: {} },
        { id: ids.otherPanel, ...base, type: 'OFFENDER_PANEL', name: 'Offender Panel', cadence: {} },
      ],
    });
    const action = (
      title: string,
      owner: string,
      due: string,
      status: 'PROPOSED' | 'ACCEPTED' | 'IN_PROGRESS' | 'COMPLETED' | 'BLOCKED' | 'CANCELLED',
    ) => ({
      ...base,
      caseId: ids.caseId,
      title,
      ownerAgencyId: owner,
      createdById: ids.member,
      dueDate: day(due),
      status,
    });
    await prisma.action.createMany({
      data: [
        action('visit victim', ids.police, '2026-11-10', 'ACCEPTED'),
        action('check CCTV', ids.police, '2026-11-01', 'IN_PROGRESS'),
        action('done already', ids.police, '2026-10-01', 'COMPLETED'),
        action('cancelled', ids.police, '2026-10-02', 'CANCELLED'),
        action('far future', ids.police, '2027-02-01', 'PROPOSED'),
        action('housing visit', ids.housing, '2026-11-05', 'ACCEPTED'),
      ],
    });
    const referral = (panelId: string, status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED', submitted: string | null) => ({
      ...base,
      subjectType: 'VICTIM' as const,
      status,
      referrerId: ids.member,
      referrerAgencyId: ids.police,
      panelId,
      submittedAt: submitted ? day(submitted) : null,
    });
    await prisma.referral.createMany({
      data: [
        referral(ids.panel, 'SUBMITTED', '2026-11-03'),
        referral(ids.panel, 'SUBMITTED', '2026-11-01'),
        referral(ids.panel, 'DRAFT', null),
        referral(ids.otherPanel, 'SUBMITTED', '2026-11-02'),
        referral(ids.panel, 'ACCEPTED', '2026-10-20'),
      ],
    });
    await prisma.person.create({ data: { id: ids.person, ...base, givenName: 'Pat', familyName: 'Example', nameKey: 'pat example' } });
    const location = (id: string, line: string) => ({
      id,
      ...base,
      addressLine1: line,
      town: 'Testford',
      postcode: 'ZZ1 1AA',
      postcodeKey: 'ZZ1 1AA',
      addressKey: line.toLowerCase(),
      ward: 'Central',
    });
    await prisma.location.createMany({ data: [location(ids.location, '1 Sample Street'), location(ids.otherLocation, '2 Sample Street')] });
    for (const [occurred, locationId, withPerson] of [
      ['2026-01-05', ids.location, true],
      ['2026-06-01', ids.location, true],
      ['2026-09-09', ids.otherLocation, true],
      ['2026-10-10', ids.location, false],
      ['2025-12-31', ids.location, true],
    ] as const) {
      const incident = await prisma.incident.create({
        data: { ...base, locationId, occurredAt: day(occurred), reportedAt: day(occurred), category: 'NUISANCE', description: 'noise' },
      });
      if (withPerson)
        await prisma.incidentPerson.create({
          data: { incidentId: incident.id, personId: ids.person, role: 'VICTIM', occurredAt: day(occurred) },
        });
    }
  }, 60_000);
  afterAll(() => test.dispose());

  async function planOf(run: () => Promise<unknown>, table: string): Promise<string> {
    sent.length = 0;
    await run();
    const select = sent.find((s) => s.sql.startsWith('SELECT') && s.sql.includes(`"${table}"`));
    if (!select) throw new Error(`no SELECT on ${table} among ${sent.length} queries`);
    let plan = '';
    await test.db.sql.runScriptInTransaction('SET LOCAL enable_seqscan = off;', async (tx) => {
      const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${select.sql}`, select.params);
      plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    return plan;
  }

  it("lists an agency's open actions by due date, leaving out completed and cancelled ones and other agencies", async () => {
    const titles = (await openActionsForAgency(prisma, ids.police)).map((a) => a.title);
    expect(titles).toEqual(['check CCTV', 'visit victim', 'far future']);
    const dueSoon = (await openActionsForAgency(prisma, ids.police, { dueOnOrBefore: day('2026-11-30') })).map((a) => a.title);
    expect(dueSoon).toEqual(['check CCTV', 'visit victim']);
  });

  it('serves open actions by agency from the (owner agency, status, due date) index', async () => {
    expect(await planOf(() => openActionsForAgency(prisma, ids.police), 'Action')).toContain('Action_ownerAgencyId_status_dueDate_idx');
  });

  it("lists a panel's referrals in a status, oldest submission first", async () => {
    const submitted = await referralsForPanel(prisma, ids.panel, ['SUBMITTED']);
    expect(submitted.map((r) => r.submittedAt?.toISOString().slice(0, 10))).toEqual(['2026-11-01', '2026-11-03']);
    expect(await referralsForPanel(prisma, ids.panel, ['SUBMITTED', 'ACCEPTED'])).toHaveLength(3);
    expect(await planOf(() => referralsForPanel(prisma, ids.panel, ['SUBMITTED']), 'Referral')).toContain('Referral_panelId_status_idx');
  });

  it("lists a person's incidents within a window, in time order, from the (person, occurred) index", async () => {
    const window = { from: day('2026-01-01'), to: day('2026-12-31') };
    const rows = await incidentsForPerson(prisma, ids.person, window);
    expect(rows.map((r) => r.occurredAt.toISOString().slice(0, 10))).toEqual(['2026-01-05', '2026-06-01', '2026-09-09']);
    expect(await planOf(() => incidentsForPerson(prisma, ids.person, window), 'IncidentPerson')).toContain(
      'IncidentPerson_personId_occurredAt_idx',
    );
  });

  it("lists a location's incidents within a window from the (location, occurred) index", async () => {
    const window = { from: day('2026-01-01'), to: day('2026-12-31') };
    const rows = await incidentsAtLocation(prisma, ids.location, window);
    expect(rows.map((r) => r.occurredAt.toISOString().slice(0, 10))).toEqual(['2026-01-05', '2026-06-01', '2026-10-10']);
    expect(await planOf(() => incidentsAtLocation(prisma, ids.location, window), 'Incident')).toContain(
      'Incident_locationId_occurredAt_idx',
    );
  });
});
