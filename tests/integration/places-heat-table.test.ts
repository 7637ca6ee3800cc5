// Incidents and new cases by ward and month over real HTTP, against hand-counted rows.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createGovernanceWorld, NOW, type GovernanceWorld } from './governance-fixtures';

type Cell = { value: number | null; suppressed: boolean };
interface Places {
  months: string[];
  suppressed: boolean;
  areas: Array<{ area: string; incidents: Cell[]; cases: Cell[]; incidentsTotal: Cell; casesTotal: Cell; hotspot: boolean }>;
}

let database: TestDatabase;
let app: RunningApp;
let world: GovernanceWorld;
const FIRST_QUARTER = '?from=2026-01-01&to=2026-03-31';
const values = (cells: Cell[]) => cells.map((cell) => (cell.suppressed ? '<5' : cell.value));

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createGovernanceWorld(database.db);
  app = await startTestApp(database.db, { clock: () => NOW });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('places', () => {
  it('counts incidents and new cases per ward per London month, busiest first, and marks the hotspot', async () => {
    const token = await app.signInAs(world.members.chair);
    const { status, body } = await app.call<Places>('GET', `/api/places${FIRST_QUARTER}`, { token });
    expect(status).toBe(200);
    expect(body.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(
      body.areas.map((row) => [
        row.area,
        values(row.incidents),
        values(row.cases),
        row.incidentsTotal.value,
        row.casesTotal.value,
        row.hotspot,
      ]),
    ).toEqual([
      ['Exampleford', [6, 2, 0], [1, 0, 0], 8, 1, true],
      ['No location recorded', [0, 1, 0], [0, 0, 1], 1, 1, false],
      ['Sampleton', [0, 0, 1], [0, 1, 0], 1, 1, false],
    ]);
  });

  it('withholds small counts from a panel member from a partner agency', async () => {
    const token = await app.signInAs(world.members.housingMember);
    const { body } = await app.call<Places>('GET', `/api/places${FIRST_QUARTER}`, { token });
    expect(body.suppressed).toBe(true);
    expect(values(body.areas[0]!.incidents)).toEqual([6, '<5', 0]);
    expect(body.areas[0]!.incidentsTotal.value).toBe(8);
    expect(body.areas.slice(1).flatMap((row) => values(row.incidents))).not.toContain(1);
  });

  it('refuses a referrer and a bad period', async () => {
    expect(
      (await app.call('GET', `/api/places${FIRST_QUARTER}`, { token: await app.signInAs(world.members.housingReferrer) })).status,
    ).toBe(403);
    const chair = await app.signInAs(world.members.chair);
    const answer = await app.call<{ error: { fields: Array<{ field: string }> } }>('GET', '/api/places?from=2026-04-01&to=2026-03-01', {
      token: chair,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.map((f) => f.field)).toEqual(['from']);
  });
});
