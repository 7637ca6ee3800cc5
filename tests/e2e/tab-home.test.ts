// Home as each role first sees it, in Debian's chromium on the seeded demo partnership: the chair's
// referrals to decide, next meetings and overdue work by agency, whose counts open the lists behind
// them; the officer's actions by when they are due and what became of their referrals.
import type { Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import {
  axeViolations,
  collectPageErrors,
  pageOverflow,
  SIDE_PANEL_WIDTH,
  screenshotInThemes,
  signInThroughPicker,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';

const CHAIR = DEMO_MEMBERS.find((member) => member.displayName === 'Priya Example')!;
const OFFICER = DEMO_MEMBERS.find((member) => member.displayName === 'Kate Mockley')!;

let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp();
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

const BY_AGENCY = 'Overdue and blocked actions by agency, as a table';
const chairHomeReady = async (page: Page) => {
  await page.getByRole('table', { name: 'How ready the next meetings are' }).waitFor();
  await page.getByRole('table', { name: BY_AGENCY }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Referrals waiting for your decision' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'One step short of a threshold' }).waitFor();
};
const officerHomeReady = async (page: Page) => {
  await page.getByRole('heading', { level: 3, name: /^Overdue: \d+$/ }).waitFor();
  await page.getByRole('table', { name: 'What happened to your referrals' }).waitFor();
};
const withoutAxeViolations = (ready: (page: Page) => Promise<void>) => async (page: Page) => {
  await ready(page);
  expect(await axeViolations(page)).toEqual([]);
};

describe('home', () => {
  it("gives the chair what needs them, and each overdue count opens the agency's overdue actions", async () => {
    const page = await tab.openTab({ route: '' });
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, CHAIR.displayName);
    await chairHomeReady(page);

    const meetings = page.getByRole('table', { name: 'How ready the next meetings are' });
    expect(await meetings.getByRole('row').count()).toBeGreaterThan(1);
    expect(await meetings.getByText(/^\d+ of \d+ minutes/).count()).toBeGreaterThan(0);
    // The demo has victims with two of three similar incidents in 90 days.
    const warnings = page.getByRole('table', { name: 'Cases one step short of a threshold' });
    expect(await warnings.getByRole('row', { name: /Repeat victim 2 of 3 similar incidents within 90 days/ }).count()).toBeGreaterThan(0);

    // The first agency with overdue work: its count opens that agency's overdue list, as long.
    const countLink = page
      .getByRole('table', { name: BY_AGENCY })
      .getByRole('link', { name: /^\d+ overdue actions? of / })
      .first();
    const label = (await countLink.getAttribute('aria-label'))!;
    const count = Number(label.match(/^\d+/)![0]);
    expect(count).toBeGreaterThan(0);
    await countLink.click();
    await page.getByRole('heading', { level: 1, name: 'Outstanding actions' }).waitFor();
    await page.getByRole('table', { name: 'Outstanding actions' }).waitFor();
    expect(page.url()).toContain('overdue=true');
    expect(await page.getByRole('table', { name: 'Outstanding actions' }).getByRole('row').count()).toBe(count + 1);
    expect(errors).toEqual([]);

    await page.goBack();
    await chairHomeReady(page);
    await screenshotInThemes(page, 'home-chair', withoutAxeViolations(chairHomeReady));
    await page.context().close();
  });

  it("gives an officer their actions by when they are due, and each opens the action's page", async () => {
    const page = await tab.openTab({ route: '' });
    await signInThroughPicker(page, OFFICER.displayName);
    await officerHomeReady(page);
    // No chair's parts for an officer.
    expect(await page.getByRole('heading', { name: 'Referrals waiting for your decision' }).count()).toBe(0);
    expect(await page.getByRole('table', { name: BY_AGENCY }).count()).toBe(0);

    const groups = page.getByRole('region', { name: 'Your actions' });
    const headings = await groups.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings.map((text) => text.replace(/: \d+$/, ''))).toEqual(['Overdue', 'Due this week', 'Later']);
    const listed = headings.reduce((sum, text) => sum + Number(text.match(/\d+$/)![0]), 0);
    expect(listed).toBeGreaterThan(0);

    const first = groups.getByRole('listitem').first().getByRole('link');
    const title = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.goBack();
    await officerHomeReady(page);
    await screenshotInThemes(page, 'home-officer', withoutAxeViolations(officerHomeReady));
    await page.context().close();
  });

  it('fits the narrow side panel: tables scroll on their own, the page does not', async () => {
    const page = await tab.openTab({ route: '', width: SIDE_PANEL_WIDTH });
    await signInThroughPicker(page, CHAIR.displayName);
    await chairHomeReady(page);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
