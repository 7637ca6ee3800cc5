// The partnership admin's pages in headless Chromium against the real app and demo data: adding an
// agency, being refused deactivation of one that owns unfinished actions (with the list), finding a
// person through Graph (a loopback fake speaking GET /users with $filter=startswith) and adding them,
// after which they can sign in. Axe in every theme; screenshots to look at.
import type { Page } from 'playwright-core';
import { createGraphMemberDirectory } from '../../api/graph/graph-member-directory';
import { DEMO_MEMBERS, DEMO_TENANT_ID } from '../../api/store/demo-data';
import path from 'node:path';
import {
  axeViolations,
  collectPageErrors,
  SCREENSHOT_DIR,
  screenshotInThemes,
  signInThroughPicker,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';

const TODAY = new Date('2026-11-02T10:00:00Z');
const ADMIN = DEMO_MEMBERS.find((member) => member.displayName === 'Owen Dummy')!;
const NEWCOMER_OID = '5e1f0000-0000-4000-8000-00000000f1e1';

let graph: FakeGraph;
let tab: BrowserApp;

beforeAll(async () => {
  graph = await startFakeGraph();
  graph.directoryUsers.push({
    id: NEWCOMER_OID,
    displayName: 'Morgan Ashby',
    mail: 'morgan.ashby@fernbrookfire.example',
    userPrincipalName: 'morgan.ashby_fernbrookfire.example#EXT#@fernbrook.onmicrosoft.com',
    jobTitle: 'Community Safety Advocate',
    userType: 'Guest',
  });
  const directory = createGraphMemberDirectory({
    baseUrl: graph.graphBaseUrl,
    accessToken: async () => graph.issueToken(),
    tenantId: DEMO_TENANT_ID,
  });
  tab = await startBrowserApp({ today: TODAY, directory });
}, 180_000);

afterAll(async () => {
  await tab?.close();
  await graph?.close();
});

const agenciesReady = (page: Page) => page.getByRole('table', { name: 'Agencies' }).waitFor();
const membersReady = (page: Page) => page.getByRole('table', { name: 'Members' }).waitFor();

describe("the partnership admin's pages", () => {
  it('adds an agency, and refuses to deactivate one that owns unfinished actions, listing them', async () => {
    const page = await tab.openTab({ route: 'admin/agencies' });
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, ADMIN.displayName);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Agencies' }).click();
    await agenciesReady(page);

    const form = page.getByRole('form', { name: 'Add an agency' });
    await form.getByLabel('Name').fill('Fernbrook Fire and Rescue');
    await form.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Fire' }).click();
    await form.getByRole('button', { name: 'Add agency' }).click();
    await page.getByRole('status').filter({ hasText: 'Fernbrook Fire and Rescue was added.' }).waitFor();
    await page.getByRole('table', { name: 'Agencies' }).getByRole('row').filter({ hasText: 'Fernbrook Fire and Rescue' }).waitFor();

    const police = await tab.database.db.prisma.agency.findFirstOrThrow({
      where: {
        ownedActions: { some: { status: { in: ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED'] } } },
        members: { none: { id: ADMIN.id } },
      },
      orderBy: { name: 'asc' },
    });
    await page.getByRole('button', { name: `Deactivate ${police.name}` }).click();
    await page.getByText(/still owns \d+ unfinished actions?\. Ask the chair to reassign/).waitFor();
    expect(await page.getByRole('list', { name: 'Unfinished actions' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-agencies-refusal-light.png'), fullPage: true });
    expect((await tab.database.db.prisma.agency.findUniqueOrThrow({ where: { id: police.id } })).isActive).toBe(true);

    expect(await axeViolations(page)).toEqual([]);
    // The refusal's 409, which the browser reports on its console as it does any failed request.
    expect(errors).toEqual([expect.stringContaining('409 (Conflict)')]);
    // axe in the dark and high-contrast themes too, on the reloads that take their screenshots (light is checked above).
    await screenshotInThemes(page, 'admin-agencies', async (themed) => {
      await agenciesReady(themed);
      if (new URL(themed.url()).searchParams.get('theme') !== 'light') expect(await axeViolations(themed)).toEqual([]);
    });
    await page.context().close();
  });

  it('finds a partner agency’s guest through the directory and adds them, who can then sign in', async () => {
    const page = await tab.openTab({ route: 'admin/members' });
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, ADMIN.displayName);
    await membersReady(page);

    const search = page.getByRole('search', { name: 'Find someone in the directory' });
    await search.getByLabel('Name or e-mail address').fill('morg');
    await search.getByRole('button', { name: 'Find' }).click();
    const found = page.getByRole('table', { name: 'People found' });
    await found.getByRole('row').filter({ hasText: 'Morgan Ashby' }).getByText('Guest (partner agency)').waitFor();
    await page.getByRole('button', { name: 'Add Morgan Ashby' }).click();

    const form = page.getByRole('form', { name: 'Add Morgan Ashby' });
    await form.getByRole('combobox', { name: 'Agency' }).selectOption({ label: 'Fernbrook Fire and Rescue' });
    await form.getByRole('checkbox', { name: 'Referrer' }).check();
    await form.getByRole('checkbox', { name: 'Panel member' }).check();
    expect(await form.getByRole('checkbox', { checked: true }).count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-members-add-light.png'), fullPage: true });
    await form.getByRole('button', { name: 'Add member' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Morgan Ashby was added as (referrer, panel member|panel member, referrer) of Fernbrook Fire and Rescue\./ })
      .waitFor();
    const added = await tab.database.db.prisma.member.findFirstOrThrow({ where: { entraObjectId: NEWCOMER_OID } });
    expect([...added.roles].sort()).toEqual(['PANEL_MEMBER', 'REFERRER']);
    await page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: 'Morgan Ashby' }).waitFor();
    expect(errors).toEqual([]);
    // axe in the dark and high-contrast themes too, on the reloads that take their screenshots (light is checked above).
    await screenshotInThemes(page, 'admin-members', async (themed) => {
      await membersReady(themed);
      if (new URL(themed.url()).searchParams.get('theme') !== 'light') expect(await axeViolations(themed)).toEqual([]);
    });
    await page.context().close();

    const newcomer = await tab.openTab({ route: 'refer' });
    await signInThroughPicker(newcomer, 'Morgan Ashby');
    await newcomer.getByRole('heading', { level: 1, name: 'Refer' }).waitFor();
    await newcomer.context().close();
  });
});
