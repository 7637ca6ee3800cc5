// The chair finding out, in Debian's chromium, that an officer is not getting their actions in Teams:
// starting from home, chasing one of the officer's actions that Teams refuses (403
// MessageWritesBlocked from a fake Bot Connector on loopback), seeing it on the row, on the action's
// page with what to do, and on home's out-of-reach list whose count opens the officer's actions.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { teamsActivity } from '../bot/sending-fixtures';
import {
  axeViolations,
  collectPageErrors,
  pageOverflow,
  SCREENSHOT_DIR,
  SIDE_PANEL_WIDTH,
  screenshotInThemes,
  signInThroughPicker,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';

const CHAIR = DEMO_MEMBERS.find((member) => member.displayName === 'Priya Example')!;
const OFFICER = DEMO_MEMBERS.find((member) => member.displayName === 'Kate Mockley')!;
const OFFICER_CHAT = 'a:1personal-kate';

let tab: BrowserApp;
let connector: FakeBotConnector;

beforeAll(async () => {
  connector = await startFakeBotConnector();
  tab = await startBrowserApp();
  // Kate has the app in Teams: her personal chat is known, so she is not on the out-of-reach list yet.
  await teamsActivity(tab.database.db, connector.serviceUrl, {
    conversationId: OFFICER_CHAT,
    aad: OFFICER.entraObjectId,
    userId: '29:1kate',
    tenantId: OFFICER.tenantId,
  });
}, 180_000);

afterAll(async () => {
  await tab?.close();
  await connector?.close();
});

const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const table = (page: Page, name: string) => page.getByRole('table', { name });
const rowsOf = async (page: Page, name: string) => (await table(page, name).getByRole('row').all()).slice(1);
const homeReady = async (page: Page) => {
  await page.getByRole('heading', { level: 2, name: 'Not reached in Teams' }).waitFor();
  await table(page, 'Members who cannot be reached').waitFor();
};

describe("the chair's view of owners the app cannot reach", () => {
  it('shows an action Teams refused on its row, on its page with what to do, and on home with a count that opens the list', async () => {
    const page = await tab.openTab({ route: '' });
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, CHAIR.displayName);
    await homeReady(page);
    const members = table(page, 'Members who cannot be reached');
    expect(await members.getByRole('cell', { name: OFFICER.displayName, exact: true }).count()).toBe(0);

    // Kate blocks the app. The chair opens the outstanding actions from home and chases one of hers.
    connector.blockWrites(OFFICER_CHAT);
    await page.getByRole('link', { name: 'Outstanding actions', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Outstanding actions' }).waitFor();
    const filtered = page.waitForResponse(/\/api\/actions\?officerId=/);
    await page.getByRole('combobox', { name: 'Officer' }).selectOption({ label: OFFICER.displayName });
    await filtered;
    await page.getByText('Updating the list').waitFor({ state: 'hidden' });
    const kates = await rowsOf(page, 'Outstanding actions');
    expect(kates.length).toBeGreaterThan(0);
    const first = kates[0]!;
    const title = (await first.getByRole('cell').first().textContent())!;
    await first.getByRole('button', { name: `Chase now: ${title}` }).click();
    await page.getByText('Reminder not delivered', { exact: true }).waitFor();
    expect(connector.requests.filter((r) => r.conversationId === OFFICER_CHAT).map((r) => r.status)).toEqual([403]);

    // The row says so in words.
    const row = table(page, 'Outstanding actions').getByRole('row', { name: literally(title) });
    await row.getByText(/^Not reached in Teams since /).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'out-of-reach-actions-row.png'), fullPage: true });

    // The action's page says who is not getting it, why, since when and what to do instead.
    await row.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const note = page.getByText(`${OFFICER.displayName} is not getting this action in Teams`);
    await note.waitFor();
    expect(
      await page.getByText(/blocked or removed the app in Teams\. Phone or email them to chase it, or reassign the action/).isVisible(),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Checked before the reloads below: on a reload teams-js asks its CDN for valid domains, which the CSP refuses.
    expect(errors).toEqual([]);
    await screenshotInThemes(page, 'out-of-reach-action', async (p) => {
      await p.getByText(`${OFFICER.displayName} is not getting this action in Teams`).waitFor();
    });

    // Home lists Kate as blocked with her outstanding actions, and the action itself; the count opens her list.
    await page.goto(tab.tabUrl({ route: '' }));
    await homeReady(page);
    const kate = table(page, 'Members who cannot be reached').getByRole('row', { name: literally(OFFICER.displayName) });
    await kate.getByText(/^Blocked or removed the app/).waitFor();
    const undelivered = table(page, 'Actions not reaching their owner');
    expect(await undelivered.getByRole('link', { name: title, exact: true }).isVisible()).toBe(true);
    const countLink = kate.getByRole('link', { name: new RegExp(`actions? owned by ${OFFICER.displayName}$`) });
    const count = Number((await countLink.textContent())!.match(/^\d+/)![0]);
    expect(count).toBe(kates.length);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotInThemes(page, 'out-of-reach-home', homeReady);

    await page
      .getByRole('table', { name: 'Members who cannot be reached' })
      .getByRole('link', { name: new RegExp(`owned by ${OFFICER.displayName}$`) })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Outstanding actions' }).waitFor();
    await table(page, 'Outstanding actions').waitFor();
    expect(page.url()).toContain(`officerId=${OFFICER.id}`);
    expect(await rowsOf(page, 'Outstanding actions')).toHaveLength(count);
    await page.context().close();
  });

  it('fits the narrow side panel: the tables scroll on their own, the page does not', async () => {
    const page = await tab.openTab({ route: '', width: SIDE_PANEL_WIDTH });
    await signInThroughPicker(page, CHAIR.displayName);
    await homeReady(page);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'out-of-reach-home-narrow.png'), fullPage: true });
    await page.context().close();
  });

  it('is not on the home of a member who does not oversee actions', async () => {
    const page = await tab.openTab({ route: '' });
    const asked: string[] = [];
    page.on('request', (request) => asked.push(request.url()));
    await signInThroughPicker(page, OFFICER.displayName);
    await page.getByRole('heading', { level: 2, name: 'Pages' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Not reached in Teams' }).count()).toBe(0);
    expect(asked.filter((url) => url.includes('/api/actions/out-of-reach'))).toEqual([]);
    await page.context().close();
  });
});
