// The tab's addresses as each role meets them: the navigation lists only the pages the member's roles
// use, the browser's Back and Forward move between pages the member opened (filters included), and an
// address written by hand (a trailing slash, an encoded id) opens the page it names.
import type { Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { collectPageErrors, signInThroughPicker, startBrowserApp, type BrowserApp } from '../support/browser';

let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp();
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

const navigationLinks = (page: Page) => page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allInnerTexts();
const hash = (page: Page) => new URL(page.url()).hash;

describe('the navigation', () => {
  it.each([
    ['Dan Sample', ['Home', 'My actions', 'Refer']],
    [
      'Priya Example',
      ['Home', 'Referral triage', 'Meetings', 'Outstanding actions', 'My actions', 'Governance figures', 'Places', 'Refer'],
    ],
    ['Ruth Notreal', ['Home', 'Governance figures', 'Places', 'Audit trail']],
    [
      'Owen Dummy',
      [
        'Home',
        'Meetings',
        'My actions',
        'Governance figures',
        'Places',
        'Retention review',
        'Agencies',
        'Members',
        'Panels',
        'Risk templates',
        'Partnership settings',
        'Import',
        'Refer',
      ],
    ],
  ])('lists for %s only the pages their roles use', async (name, pages) => {
    const page = await tab.openTab();
    await signInThroughPicker(page, name);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await navigationLinks(page)).toEqual(pages);
    // The home page offers the same pages as cards (a chair's home also lists who is out of reach, with links of its own).
    const cards = await page.getByRole('region', { name: 'Pages' }).getByRole('link').allInnerTexts();
    expect(cards).toEqual(pages.filter((title) => title !== 'Home'));
    await page.context().close();
  });
});

describe('moving between pages', () => {
  it("goes Back and Forward through the chair's pages and filters, each address showing its page", async () => {
    const page = await tab.openTab();
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, 'Priya Example');
    const navigation = page.getByRole('navigation', { name: 'Pages' });

    await navigation.getByRole('link', { name: 'Outstanding actions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outstanding actions' }).waitFor();
    expect(hash(page)).toBe('#/actions');
    await page.getByRole('checkbox', { name: 'Overdue only' }).check();
    await page.waitForURL((url) => url.hash === '#/actions?overdue=true');
    await navigation.getByRole('link', { name: 'Places' }).click();
    await page.getByRole('heading', { level: 1, name: 'Places' }).waitFor();
    await page.screenshot({ path: 'tests/e2e/__screenshots__/routes-places-chair.png' });

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Outstanding actions' }).waitFor();
    expect(hash(page)).toBe('#/actions?overdue=true');
    expect(await page.getByRole('checkbox', { name: 'Overdue only' }).isChecked()).toBe(true);
    expect(await navigation.getByRole('link', { name: 'Outstanding actions' }).getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await page.waitForURL((url) => url.hash === '#/actions');
    expect(await page.getByRole('checkbox', { name: 'Overdue only' }).isChecked()).toBe(false);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Outstanding actions' }).waitFor();
    expect(await page.title()).toBe('Outstanding actions – ASB Panels');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the page an address names when it ends in a slash or carries an encoded id', async () => {
    // A case on the agenda of a panel Priya chairs, so need-to-know lets her open it.
    const priya = DEMO_MEMBERS.find((member) => member.displayName === 'Priya Example')!;
    const caseRow = await tab.database.db.prisma.case.findFirstOrThrow({
      where: { agendaItems: { some: { meeting: { panel: { chairs: { some: { memberId: priya.id } } } } } } },
      select: { id: true, reference: true },
      orderBy: { reference: 'asc' },
    });
    const page = await tab.openTab({ route: 'dashboard/' });
    await signInThroughPicker(page, 'Priya Example');
    await page.getByRole('heading', { level: 1, name: 'Governance figures' }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Governance figures' }).getAttribute('aria-current'),
    ).toBe('page');

    await page.goto(tab.tabUrl({ route: `cases/${encodeURIComponent(caseRow.id).replace(/-/g, '%2D')}` }));
    await page.getByRole('heading', { level: 1, name: `Case ${caseRow.reference}` }).waitFor();
    await page.screenshot({ path: 'tests/e2e/__screenshots__/routes-case-chair.png' });
    await page.context().close();
  });
});
