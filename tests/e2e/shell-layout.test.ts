// The tab in the ~320 px meeting side panel and in the full-width tab.
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { FULL_TAB_SIZE, pageOverflow, signInThroughPicker, SIDE_PANEL_WIDTH, startBrowserApp, type BrowserApp } from '../support/browser';

const MEMBER = DEMO_MEMBERS.find((member) => member.displayName === 'Nadia Exampleton')!;

let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp();
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

describe('the narrow meeting side panel', () => {
  it('shows the sign-in table without sideways scrolling of the page; the table scrolls within its own region', async () => {
    const page = await tab.openTab({ width: SIDE_PANEL_WIDTH });
    const region = page.getByRole('region', { name: 'Demo members' });
    await region.waitFor();
    expect(await pageOverflow(page)).toBe(0);
    const box = await region.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(SIDE_PANEL_WIDTH);
    // The names are the sign-in buttons and come first, so each is in reach without scrolling sideways.
    for (const member of DEMO_MEMBERS) {
      const button = page.getByRole('button', { name: `Sign in as ${member.displayName}` });
      await button.scrollIntoViewIfNeeded();
      const buttonBox = (await button.boundingBox())!;
      expect(buttonBox.x + buttonBox.width).toBeLessThanOrEqual(SIDE_PANEL_WIDTH);
    }
    expect(await region.evaluate((element) => element.scrollLeft as number)).toBe(0);
    await page.context().close();
  });

  it('fits the signed-in page to the panel, keeps the banner and navigation, and drops the partnership name', async () => {
    const page = await tab.openTab({ width: SIDE_PANEL_WIDTH });
    await signInThroughPicker(page, MEMBER.displayName);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    // Home's own parts load after its heading: measure the page as the member reads it.
    await page.getByRole('heading', { level: 3, name: /^Overdue: \d+$/ }).waitFor();
    await page.getByRole('table', { name: 'What happened to your referrals' }).waitFor();

    expect(await pageOverflow(page)).toBe(0);
    expect(await page.getByTestId('development-sign-in-banner').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Home' }).isVisible()).toBe(true);
    expect(await page.getByRole('banner').getByText('Fernbrook Community Safety Partnership', { exact: true }).isVisible()).toBe(false);
    // Every element ends inside the panel, but for what sits in a region that scrolls sideways on its own
    // (a wide table): that region itself must fit, its content may not.
    const overflowing = await page.locator('main').evaluate((main, width) => {
      const view = main.ownerDocument.defaultView!;
      const all = [...main.querySelectorAll('*')];
      const insideScroller = (element: (typeof all)[number]) => {
        for (let parent = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
          if (['auto', 'scroll'].includes(view.getComputedStyle(parent).overflowX)) return true;
        }
        return false;
      };
      return all
        .filter((element) => !insideScroller(element) && element.getBoundingClientRect().right > width + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    }, SIDE_PANEL_WIDTH);
    expect(overflowing).toEqual([]);
    await page.context().close();
  });
});

describe('the full-width tab', () => {
  it('shows the partnership name in the banner beside who is signed in', async () => {
    const page = await tab.openTab({ width: FULL_TAB_SIZE.width });
    await signInThroughPicker(page, MEMBER.displayName);
    const banner = page.getByRole('banner');
    expect(await banner.getByText('Fernbrook Community Safety Partnership', { exact: true }).isVisible()).toBe(true);
    expect(await banner.getByText(`Signed in as ${MEMBER.displayName}, ${MEMBER.agencyName}`).isVisible()).toBe(true);
    expect(await pageOverflow(page)).toBe(0);
    await page.context().close();
  });

  it('names each page in the window title and shows a page-not-found page with a way home for an unknown address', async () => {
    const page = await tab.openTab();
    await signInThroughPicker(page, MEMBER.displayName);
    expect(await page.title()).toBe('Home – ASB Panels');

    await page.goto(tab.tabUrl({ route: 'cases/no-such-case/extra' }));
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found – ASB Panels');
    await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.context().close();
  });
});
