// The tab's development sign-in in headless Chromium against the real app and demo data.
import type { Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { collectPageErrors, sessionItem, setSessionItem, signInThroughPicker, startBrowserApp, type BrowserApp } from '../support/browser';

const CHAIR = DEMO_MEMBERS.find((member) => member.displayName === 'Helen Placeholder')!;
const OFFICER = DEMO_MEMBERS.find((member) => member.displayName === 'Dan Sample')!;
const STORAGE_KEY = 'asb-panels.development-sign-in';

let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp();
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

async function storedToken(page: Page): Promise<string> {
  return (JSON.parse((await sessionItem(page, STORAGE_KEY)) ?? '{}') as { token?: string }).token ?? '';
}

describe('the development sign-in', () => {
  it('lists every demo member with their agency before anyone is signed in, with no banner', async () => {
    const page = await tab.openTab();
    const errors = collectPageErrors(page);
    await page.getByRole('heading', { level: 1, name: 'Development sign-in' }).waitFor();

    const table = page.getByRole('table', { name: 'Demo members' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(DEMO_MEMBERS.length + 1);
    const chairRow = table.getByRole('row').filter({ hasText: CHAIR.displayName });
    expect(await chairRow.getByRole('cell').allInnerTexts()).toEqual([CHAIR.displayName, CHAIR.agencyName, 'chair, panel member']);
    expect(await page.getByTestId('development-sign-in-banner').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('signs in as the chosen member and says so in a banner while signed in that way', async () => {
    const page = await tab.openTab();
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, CHAIR.displayName);

    await expect(page.getByTestId('development-sign-in-banner').innerText()).resolves.toContain(
      `Development sign-in: ${CHAIR.displayName}, ${CHAIR.agencyName}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    const facts = page.getByRole('region', { name: 'Signed in' });
    await expect(facts.innerText()).resolves.toMatch(
      new RegExp(`Name\\s+${CHAIR.displayName}\\s+Agency\\s+${literal(CHAIR.agencyName)}\\s+Roles\\s+chair, panel member`),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('stays signed in as the same member when the tab is reloaded', async () => {
    const page = await tab.openTab();
    await signInThroughPicker(page, OFFICER.displayName);
    await page.reload();
    await expect(page.getByTestId('development-sign-in-banner').innerText()).resolves.toContain(OFFICER.displayName);
    await page.context().close();
  });

  it('signs in again by itself when the server refuses the token it holds, and keeps the member', async () => {
    const page = await tab.openTab();
    await signInThroughPicker(page, OFFICER.displayName);
    const first = await storedToken(page);
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/me') && response.status() === 401) refused.push(response.url());
    });

    const saved = JSON.parse((await sessionItem(page, STORAGE_KEY))!) as { token: string };
    await setSessionItem(page, STORAGE_KEY, JSON.stringify({ ...saved, token: 'a-token-this-server-never-issued' }));
    await page.reload();

    await expect(page.getByTestId('development-sign-in-banner').innerText()).resolves.toContain(OFFICER.displayName);
    expect(refused).toHaveLength(1);
    const renewed = await storedToken(page);
    expect(renewed).not.toBe('a-token-this-server-never-issued');
    expect(renewed).not.toBe('');
    expect((await tab.app.call('GET', '/api/me', { token: renewed })).status).toBe(200);
    expect(first).not.toBe('');
    await page.context().close();
  });

  it('goes back to the member list when Switch member is chosen, and signs in as someone else', async () => {
    const page = await tab.openTab();
    await signInThroughPicker(page, CHAIR.displayName);
    await page.getByRole('button', { name: 'Switch member' }).click();
    await page.getByRole('heading', { level: 1, name: 'Development sign-in' }).waitFor();
    expect(await sessionItem(page, STORAGE_KEY)).toBeNull();

    await signInThroughPicker(page, OFFICER.displayName);
    await expect(page.getByTestId('development-sign-in-banner').innerText()).resolves.toContain(
      `${OFFICER.displayName}, ${OFFICER.agencyName}`,
    );
    await page.context().close();
  });

  it('shows the error with a Retry button when the server cannot be reached, and recovers on retry', async () => {
    const page = await tab.openTab();
    await signInThroughPicker(page, CHAIR.displayName);
    // The connection drops for exactly one request: the one that loads the signed-in member.
    await page.route('**/api/me', (route) => route.abort('connectionreset'), { times: 1 });
    await page.reload();

    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toMatch(/Could not sign you in[\s\S]*could not reach its server/);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
