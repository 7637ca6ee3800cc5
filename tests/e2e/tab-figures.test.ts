// Governance figures and places in Debian's chromium against the real app over the demo partnership:
// every figure's table against the API's own answer for the same member and period, the period
// picker, the CSV export, small numbers withheld for a partner, the heat table, the error state,
// axe-core and screenshots in the three Teams themes, and the 320 px side panel.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import {
  failFirstRequest,
  axeViolations,
  collectPageErrors,
  pageOverflow,
  screenshotInThemes,
  signInThroughPicker,
  SIDE_PANEL_WIDTH,
  startBrowserApp,
  type BrowserApp,
  savedDownload,
} from '../support/browser';

const CHAIR = DEMO_MEMBERS.find((member) => member.displayName === 'Priya Example')!;
const PARTNER = DEMO_MEMBERS.find((member) => member.displayName === 'Kate Mockley')!;

type Cell = { value: number | null; suppressed: boolean };
interface Figures {
  period: { from: string; to: string };
  suppressed: boolean;
  actionsByAgency: Array<{ agency: { name: string }; completionRate: Cell; overdue: Cell }>;
  casesByRiskBand: Array<{ band: string; cases: Cell }>;
  referralsBySourceAgency: Array<{ agency: { name: string }; referrals: Cell }>;
}
interface Places {
  months: string[];
  areas: Array<{ area: string; incidentsTotal: Cell; casesTotal: Cell; hotspot: boolean }>;
}

const SECTIONS = [
  'Action completion rate by agency',
  'Median days to complete an action, by agency',
  'Overdue actions by agency',
  'Cases by risk band',
  'Risk change between referral and closure',
  'Tools and powers used',
  'Referrals by source agency',
  'Repeat referrals',
];
const BAND_WORDS: Record<string, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low', UNASSESSED: 'Not assessed' };

let tab: BrowserApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  tab = await startBrowserApp();
  tokens.chair = await tab.app.signInAs(CHAIR.id);
  tokens.partner = await tab.app.signInAs(PARTNER.id);
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

const api = async <T>(who: string, path: string) => (await tab.app.call<T>('GET', path, { token: tokens[who]! })).body;
const count = (cell: Cell) => (cell.suppressed ? 'fewer than 5' : String(cell.value ?? '—'));

/** The table's body rows as [first cell, second cell] texts. */
async function tableRows(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].slice(0, 2).map((cell) => (cell.textContent ?? '').trim())));
}

async function signedInAt(route: string, member: { displayName: string }, width?: number): Promise<Page> {
  const page = await tab.openTab({ route, ...(width ? { width } : {}) });
  await signInThroughPicker(page, member.displayName);
  return page;
}

const dashboardReady = (page: Page) => page.getByRole('table', { name: 'Repeat referrals, as a table' }).waitFor();
const placesReady = (page: Page) => page.getByRole('table', { name: /by ward and month$/ }).waitFor();

describe('governance figures', () => {
  it("shows every figure, each table giving the API's numbers for the chair", async () => {
    const page = await signedInAt('dashboard', CHAIR);
    const errors = collectPageErrors(page);
    await dashboardReady(page);
    for (const section of SECTIONS)
      expect(await page.getByRole('heading', { level: 2, name: section, exact: true }).isVisible()).toBe(true);

    const figures = await api<Figures>('chair', '/api/governance/figures');
    expect(figures.suppressed).toBe(false);
    expect(await tableRows(page, 'Cases by risk band, as a table')).toEqual(
      figures.casesByRiskBand.map((row) => [BAND_WORDS[row.band], count(row.cases)]),
    );
    expect(await tableRows(page, 'Overdue actions by agency, as a table')).toEqual(
      figures.actionsByAgency.map((row) => [row.agency.name, count(row.overdue)]),
    );
    expect(await tableRows(page, 'Referrals by source agency, as a table')).toEqual(
      figures.referralsBySourceAgency.map((row) => [row.agency.name, count(row.referrals)]),
    );
    const rates = await tableRows(page, 'Action completion rate by agency, as a table');
    expect(rates).toEqual(
      figures.actionsByAgency.map((row) => [
        row.agency.name,
        row.completionRate.value === null ? '—' : `${Math.round(row.completionRate.value * 1000) / 10}%`,
      ]),
    );
    // One bar per agency that completed any of its actions (a rate of 0 draws no bar).
    const bars = await page.locator('figure').first().locator('.recharts-bar-rectangle').count();
    expect(bars).toBe(figures.actionsByAgency.filter((row) => (row.completionRate.value ?? 0) > 0).length);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('moves every figure to the period chosen from the keyboard, and exports that period as CSV', async () => {
    const page = await signedInAt('dashboard', CHAIR);
    await dashboardReady(page);
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-01-01');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-03-31');
    // Enter in a date field asks for the figures, as the button does.
    await page.getByRole('textbox', { name: 'To', exact: true }).press('Enter');
    await page.waitForURL(/#\/dashboard\?from=2026-01-01&to=2026-03-31$/);
    await page.getByText('From 1 Jan 2026 to 31 Mar 2026.').waitFor();
    const figures = await api<Figures>('chair', '/api/governance/figures?from=2026-01-01&to=2026-03-31');
    expect(await tableRows(page, 'Cases by risk band, as a table')).toEqual(
      figures.casesByRiskBand.map((row) => [BAND_WORDS[row.band], count(row.cases)]),
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const saved = readFileSync(await savedDownload(download), 'utf8');
    const fromApi = await api<string>('chair', '/api/governance/figures.csv?from=2026-01-01&to=2026-03-31');
    expect(saved).toBe(fromApi);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.context().close();
  });

  it('withholds small numbers from a partner agency member, and says so', async () => {
    const page = await signedInAt('dashboard', PARTNER);
    await dashboardReady(page);
    const figures = await api<Figures>('partner', '/api/governance/figures');
    expect(figures.suppressed).toBe(true);
    expect(await page.getByText('Counts from 1 to 4 are withheld as “fewer than 5”', { exact: false }).isVisible()).toBe(true);
    expect(await tableRows(page, 'Cases by risk band, as a table')).toEqual(
      figures.casesByRiskBand.map((row) => [BAND_WORDS[row.band], count(row.cases)]),
    );
    const withheld = JSON.stringify(figures).includes('"suppressed":true');
    expect((await page.getByRole('cell', { name: 'fewer than 5' }).count()) > 0).toBe(withheld);
    await page.context().close();
  });

  it("shows the API's message and a Retry that works when the figures cannot load", async () => {
    const page = await tab.openTab({ route: 'dashboard' });
    await failFirstRequest(page, '**/api/governance/figures', 500, {
      code: 'INTERNAL',
      message: 'Something went wrong on our side. Try again.',
    });
    await signInThroughPicker(page, CHAIR.displayName);
    const alert = page.getByRole('alert');
    await alert.getByText('Could not load the figures').waitFor();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await dashboardReady(page);
    await page.context().close();
  });
});

describe('places', () => {
  it("draws the heat table of the API's wards, with totals and hotspots, for incidents and for new cases", async () => {
    const page = await signedInAt('places', CHAIR);
    await placesReady(page);
    const places = await api<Places>('chair', '/api/places');
    const totals = async () =>
      page
        .getByRole('table', { name: /by ward and month$/ })
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [(row.querySelector('th')?.textContent ?? '').replace('Hotspot', ''), row.lastElementChild?.textContent ?? '']),
        );
    expect(await totals()).toEqual(places.areas.map((row) => [row.area, count(row.incidentsTotal)]));
    expect(await page.getByRole('columnheader').count()).toBe(places.months.length + 2);
    expect(await page.getByText('Hotspot', { exact: true }).count()).toBe(places.areas.filter((row) => row.hotspot).length);

    await page.getByRole('combobox', { name: 'Show' }).selectOption('cases');
    await page.getByRole('table', { name: 'New cases by ward and month' }).waitFor();
    expect(await totals()).toEqual(places.areas.map((row) => [row.area, count(row.casesTotal)]));

    // A new period keeps showing new cases.
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(/#\/places\?show=cases&from=2026-01-01&to=/);
    await page.getByText(/^Vulnerable localities and hotspots from 1 Jan 2026/).waitFor();
    expect(await page.getByRole('table', { name: 'New cases by ward and month' }).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('accessibility, the side panel and the three themes', () => {
  it('finds no axe-core violations on the figures and places, in every theme, and screenshots them', async () => {
    const page = await signedInAt('dashboard', CHAIR);
    for (const [name, route, ready] of [
      ['governance-figures', 'dashboard', dashboardReady],
      ['places', 'places', placesReady],
    ] as const) {
      await page.goto(tab.tabUrl({ route }));
      const files = await screenshotInThemes(page, name, async (themed) => {
        await ready(themed);
        expect(await axeViolations(themed)).toEqual([]);
      });
      expect(files).toHaveLength(3);
    }
    await page.context().close();
  });

  it('fits the figures and places into the 320 px side panel without sideways page scrolling', async () => {
    const page = await signedInAt('dashboard', CHAIR, SIDE_PANEL_WIDTH);
    await dashboardReady(page);
    expect(await pageOverflow(page)).toBe(0);
    await page.goto(tab.tabUrl({ route: 'places' }));
    await placesReady(page);
    expect(await pageOverflow(page)).toBe(0);
    await page.context().close();
  });
});
