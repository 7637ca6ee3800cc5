// The CSV export says what the JSON says, withholds what the JSON withholds, and is audited.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createGovernanceWorld, NOW, PERIOD, type GovernanceWorld } from './governance-fixtures';

let database: TestDatabase;
let app: RunningApp;
let world: GovernanceWorld;
const query = `?from=${PERIOD.from}&to=${PERIOD.to}`;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createGovernanceWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

/** Minimal RFC 4180 reader, enough for quoted fields with commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')),
    );
}

type Cell = { value: number | null; suppressed: boolean; secondary?: true };
const text = (cell: Cell) => (cell.secondary ? 'withheld' : cell.suppressed ? '<5' : cell.value === null ? '' : String(cell.value));

describe('governance CSV export', () => {
  it.each(['chair', 'housingMember'] as const)('holds the same figures as the JSON for the %s, as a download', async (who) => {
    const token = await app.signInAs(world.members[who]);
    const json = await app.call<{
      actionsByAgency: Array<{
        agency: { name: string };
        set: Cell;
        completed: Cell;
        completionRate: Cell;
        medianDaysToComplete: Cell;
        overdue: Cell;
      }>;
      casesByRiskBand: Array<{ band: string; cases: Cell }>;
      repeatReferrals: { referrals: Cell; repeats: Cell; rate: Cell };
    }>('GET', `/api/governance/figures${query}`, { token });
    const csv = await app.call<string>('GET', `/api/governance/figures.csv${query}`, { token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?governance-figures-2026-01-01-to-2026-06-30\.csv"?$/);
    const rows = parseCsv(csv.body);
    expect(rows[0]).toEqual(['section', 'group', 'measure', 'value']);
    const lookup = (section: string, group: string, measure: string) =>
      rows.find((r) => r[0] === section && r[1] === group && r[2] === measure)?.[3];
    for (const row of json.body.actionsByAgency) {
      expect(lookup('Actions by agency', row.agency.name, 'actions set')).toBe(text(row.set));
      expect(lookup('Actions by agency', row.agency.name, 'completion rate')).toBe(text(row.completionRate));
      expect(lookup('Actions by agency', row.agency.name, 'median days to complete')).toBe(text(row.medianDaysToComplete));
      expect(lookup('Actions by agency', row.agency.name, 'overdue')).toBe(text(row.overdue));
    }
    for (const row of json.body.casesByRiskBand) expect(lookup('Cases by risk band', row.band, 'cases')).toBe(text(row.cases));
    expect(lookup('Repeat referrals', 'All referrals', 'repeats')).toBe(text(json.body.repeatReferrals.repeats));
    // Known answers, independent of the JSON: police overdue 3 for the chair, withheld for the member.
    expect(lookup('Actions by agency', 'Fernbrook Police', 'overdue')).toBe(who === 'chair' ? '3' : '<5');
    expect(lookup('Tools and powers used', 'Civil injunction', 'used')).toBe(who === 'chair' ? '2' : '<5');
  });

  it('records the export in the audit trail with the period', async () => {
    const token = await app.signInAs(world.members.auditor);
    await app.call('GET', `/api/governance/figures.csv?from=2026-02-01&to=2026-02-28`, { token });
    const rows = await database.db.prisma.auditEvent.findMany({ where: { event: 'governance.export', actorId: world.members.auditor } });
    expect(rows).toEqual([
      expect.objectContaining({
        entityType: 'Partnership',
        entityId: world.partnershipId,
        after: { from: '2026-02-01', to: '2026-02-28', suppressed: false },
      }),
    ]);
  });

  it('refuses a bad period with a field error rather than an empty file', async () => {
    const token = await app.signInAs(world.members.chair);
    const answer = await app.call<{ error: { fields: Array<{ field: string }> } }>(
      'GET',
      '/api/governance/figures.csv?from=2026-06-01&to=2026-01-01',
      { token },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([expect.objectContaining({ field: 'from' })]);
  });
});
