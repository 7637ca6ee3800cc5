// The tab used by keyboard alone: sign-in, sorting, the skip link, navigation and visible focus.
import type { Locator, Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { focusedElement, startBrowserApp, type BrowserApp } from '../support/browser';

const MEMBER = DEMO_MEMBERS.find((member) => member.displayName === 'Bola Lorem')!;
const NAMES = DEMO_MEMBERS.map((member) => member.displayName).sort((a, b) => a.localeCompare(b, 'en-GB'));

let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp();
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

/** Presses Tab until the focused element has this accessible name (or text); fails after `limit` presses. */
async function tabTo(page: Page, name: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedElement(page)).name === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function firstColumn(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'Demo members' }).locator('tbody tr td:first-child').allInnerTexts();
}

/** The focus indicator is visible: the element's surroundings look different focused and unfocused. */
async function focusChangesLook(page: Page, element: Locator): Promise<boolean> {
  const box = (await element.boundingBox())!;
  const clip = { x: Math.max(0, box.x - 4), y: Math.max(0, box.y - 4), width: box.width + 8, height: box.height + 8 };
  const focused = await page.screenshot({ clip });
  await page.keyboard.press('Tab');
  const unfocused = await page.screenshot({ clip });
  await page.keyboard.press('Shift+Tab');
  return !focused.equals(unfocused);
}

describe('keyboard only', () => {
  it('sorts the member table from its headers with Enter and Space, announcing the order', async () => {
    const page = await tab.openTab();
    await page.getByRole('table', { name: 'Demo members' }).waitFor();
    await tabTo(page, 'Name');
    const header = page.getByRole('columnheader', { name: 'Name' });
    expect(await header.getAttribute('aria-sort')).toBe('none');

    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstColumn(page)).toEqual(NAMES);
    expect(await page.getByText('Sorted by Name, ascending').count()).toBe(1);

    await page.keyboard.press('Space');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await firstColumn(page)).toEqual([...NAMES].reverse());
    await page.context().close();
  });

  it('signs in, skips to the main content and moves between pages with visible focus throughout', async () => {
    const page = await tab.openTab({ route: 'no-such-page' });
    await page.getByRole('table', { name: 'Demo members' }).waitFor();
    await tabTo(page, `Sign in as ${MEMBER.displayName}`);
    expect(await focusChangesLook(page, page.getByRole('button', { name: `Sign in as ${MEMBER.displayName}` }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();

    // The first Tab stop is the skip link, shown on screen while it has focus.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect((await focusedElement(page)).name).toBe('Skip to main content');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect((await focusedElement(page)).id).toBe('main-content');

    await page.locator('body').focus();
    await tabTo(page, 'Home');
    const homeLink = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Home' });
    expect(await focusChangesLook(page, homeLink)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    // After moving to another page, focus starts at its heading.
    expect(await focusedElement(page)).toMatchObject({ tag: 'H1', name: 'Home' });
    expect(await homeLink.getAttribute('aria-current')).toBe('page');
    await page.context().close();
  });

  it('reaches Switch member and Retry by keyboard', async () => {
    const page = await tab.openTab();
    await page.getByRole('table', { name: 'Demo members' }).waitFor();
    await tabTo(page, `Sign in as ${MEMBER.displayName}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('development-sign-in-banner').waitFor();

    await page.route('**/api/me', (route) => route.abort('connectionreset'), { times: 1 });
    await page.reload();
    await page.getByRole('alert').waitFor();
    await tabTo(page, 'Retry');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    await page.locator('body').focus();
    await tabTo(page, 'Switch member');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Development sign-in' }).waitFor();
    await page.context().close();
  });
});
