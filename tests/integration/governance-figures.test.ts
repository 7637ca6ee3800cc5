// Governance figures over real HTTP against a partnership seeded with rows whose figures are worked
// out by hand in tests/integration/governance-fixtures.ts.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createGovernanceWorld, NOW, PERIOD, type GovernanceWorld } from './governance-fixtures';

type Cell = { value: number | null; suppressed: boolean; secondary?: true };
interface Delivery {
  set: Cell;
  completed: Cell;
  completionRate: Cell;
  medianDaysToComplete: Cell;
  overdue: Cell;
}
interface Figures {
  period: { from: string; to: string };
  asOf: string;
  suppressed: boolean;
  actionsByAgency: Array<{ agency: { id: string; name: string } } & Delivery>;
  actionTotals: Delivery;
  casesByRiskBand: Array<{ band: string; cases: Cell }>;
  riskChange: Record<'closed' | 'reduced' | 'unchanged' | 'increased' | 'unknown', Cell>;
  toolsAndPowers: Array<{ type: string; name: string; used: Cell }>;
  referralsBySourceAgency: Array<{ agency: { id: string; name: string }; referrals: Cell }>;
  repeatReferrals: { referrals: Cell; repeats: Cell; rate: Cell };
}

let database: TestDatabase;
let app: RunningApp;
let world: GovernanceWorld;
const tokens: Record<string, string> = {};
const exact = (value: number | null): Cell => ({ value, suppressed: false });
const WITHHELD: Cell = { value: null, suppressed: true };
/** Withheld because it would give a small count away (secondary suppression). */
const DERIVABLE: Cell = { value: null, suppressed: true, secondary: true };
const query = `?from=${PERIOD.from}&to=${PERIOD.to}`;

async function figuresFor(who: keyof GovernanceWorld['members'], search = query) {
  return app.call<Figures>('GET', `/api/governance/figures${search}`, { token: tokens[who]! });
}

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

describe('governance figures for a chair (exact figures)', () => {
  let figures: Figures;
  beforeAll(async () => {
    const answer = await figuresFor('chair');
    expect(answer.status).toBe(200);
    figures = answer.body;
  });

  it('covers the period asked for, with overdue counted at its end', () => {
    expect(figures.period).toEqual(PERIOD);
    expect(figures.asOf).toBe('2026-06-30');
    expect(figures.suppressed).toBe(false);
  });

  it('gives each agency its actions set, completed, completion rate, median days to complete and overdue', () => {
    expect(figures.actionsByAgency).toEqual([
      {
        agency: { id: world.agencies.housing, name: 'Fernbrook Homes' },
        set: exact(6),
        completed: exact(5),
        completionRate: exact(0.833),
        medianDaysToComplete: exact(7),
        overdue: exact(1),
      },
      {
        agency: { id: world.agencies.police, name: 'Fernbrook Police' },
        set: exact(3),
        completed: exact(2),
        completionRate: exact(0.667),
        medianDaysToComplete: exact(14.5),
        overdue: exact(3),
      },
    ]);
    expect(figures.actionTotals).toEqual({
      set: exact(9),
      completed: exact(7),
      completionRate: exact(0.778),
      medianDaysToComplete: exact(7),
      overdue: exact(4),
    });
  });

  it('bands the cases open in the period and compares risk at referral with risk at closure', () => {
    expect(figures.casesByRiskBand).toEqual([
      { band: 'HIGH', cases: exact(1) },
      { band: 'MEDIUM', cases: exact(2) },
      { band: 'LOW', cases: exact(1) },
      { band: 'UNASSESSED', cases: exact(1) },
    ]);
    expect(figures.riskChange).toEqual({
      closed: exact(2),
      reduced: exact(1),
      unchanged: exact(1),
      increased: exact(0),
      unknown: exact(0),
    });
  });

  it('counts the tools and powers used, referrals by source agency and repeat referrals', () => {
    expect(figures.toolsAndPowers).toEqual([
      { type: 'WARNING_LETTER', name: 'Warning letter', used: exact(1) },
      { type: 'CIVIL_INJUNCTION', name: 'Civil injunction', used: exact(2) },
    ]);
    expect(figures.referralsBySourceAgency.map((row) => [row.agency.name, row.referrals])).toEqual([
      ['Fernbrook Council ASB Team', exact(1)],
      ['Fernbrook Homes', exact(2)],
      ['Fernbrook Police', exact(3)],
    ]);
    expect(figures.repeatReferrals).toEqual({ referrals: exact(6), repeats: exact(2), rate: exact(0.333) });
  });
});

describe('the period', () => {
  it('moves every figure with the dates: January alone', async () => {
    const { body } = await figuresFor('chair', '?from=2026-01-01&to=2026-01-31');
    expect(body.actionTotals).toEqual({
      set: exact(1),
      completed: exact(1),
      completionRate: exact(1),
      medianDaysToComplete: exact(4),
      overdue: exact(1),
    });
    expect(body.referralsBySourceAgency.map((row) => [row.agency.name, row.referrals.value])).toEqual([['Fernbrook Police', 1]]);
    expect(body.toolsAndPowers.map((row) => [row.type, row.used.value])).toEqual([['WARNING_LETTER', 1]]);
    expect(body.riskChange.closed).toEqual(exact(0));
  });

  it('defaults to the twelve months to today, with overdue counted today', async () => {
    const { status, body } = await figuresFor('chair', '');
    expect(status).toBe(200);
    expect(body.period).toEqual({ from: '2025-11-21', to: '2026-11-20' });
    // Open today and past due: H6 (due 1 June), P2 (15 June) and P3 (1 December 2025).
    expect(body.actionTotals.overdue).toEqual(exact(3));
  });

  it.each<[string, string, string]>([
    ['an impossible date', '?from=2026-02-30', 'from'],
    ['a date in another format', '?to=30/06/2026', 'to'],
    ['a reversed period', '?from=2026-07-01&to=2026-06-30', 'from'],
    ['a period over two years', '?from=2023-01-01&to=2026-06-30', 'from'],
    ['an unknown parameter', '?panel=all', 'query'],
  ])('refuses %s with a field error', async (_name, search, field) => {
    const answer = await app.call<{ error: { code: string; fields: Array<{ field: string }> } }>(
      'GET',
      `/api/governance/figures${search}`,
      { token: tokens.chair! },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.fields.length).toBeGreaterThan(0);
    if (field !== 'query') expect(answer.body.error.fields.map((f) => f.field)).toContain(field);
  });
});

describe('who sees what', () => {
  it('withholds counts of 1 to 4 from a panel member from a partner agency', async () => {
    const { status, body } = await figuresFor('housingMember');
    expect(status).toBe(200);
    expect(body.suppressed).toBe(true);
    expect(body.actionsByAgency).toEqual([
      {
        agency: { id: world.agencies.housing, name: 'Fernbrook Homes' },
        // 9 set in all less Housing's 6 would give Police's 3 away; likewise 7 completed less 5.
        set: DERIVABLE,
        completed: DERIVABLE,
        completionRate: DERIVABLE,
        medianDaysToComplete: exact(7),
        overdue: WITHHELD,
      },
      {
        agency: { id: world.agencies.police, name: 'Fernbrook Police' },
        set: WITHHELD,
        completed: WITHHELD,
        completionRate: WITHHELD,
        medianDaysToComplete: WITHHELD,
        overdue: WITHHELD,
      },
    ]);
    expect(body.actionTotals).toEqual({
      set: exact(9),
      completed: exact(7),
      completionRate: exact(0.778),
      medianDaysToComplete: exact(7),
      overdue: WITHHELD,
    });
    expect(body.casesByRiskBand.map((row) => row.cases)).toEqual([WITHHELD, WITHHELD, WITHHELD, WITHHELD]);
    // 6 referrals × 0.333 would give the 2 repeats away.
    expect(body.repeatReferrals).toEqual({ referrals: exact(6), repeats: WITHHELD, rate: DERIVABLE });
    expect(JSON.stringify(body)).not.toMatch(/"value":[1-4][,}]/);
  });

  it.each(['auditor', 'admin'] as const)('gives the %s exact figures', async (who) => {
    const { status, body } = await figuresFor(who);
    expect(status).toBe(200);
    expect(body.suppressed).toBe(false);
    expect(body.actionTotals.overdue).toEqual(exact(4));
  });

  it('refuses a referrer, whose role has no governance figures', async () => {
    const answer = await figuresFor('housingReferrer');
    expect(answer.status).toBe(403);
    expect((await app.call('GET', `/api/governance/figures.csv${query}`, { token: tokens.housingReferrer! })).status).toBe(403);
  });

  it('refuses a caller who is not signed in', async () => {
    expect((await app.call('GET', `/api/governance/figures${query}`)).status).toBe(401);
  });
});
