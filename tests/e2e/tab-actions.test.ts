// The chair's outstanding actions, an officer's own actions and the case view, in Debian's chromium
// against the real app over the demo partnership: filters, sort, chase now, opening a case, empty
// and error states, keyboard use, axe-core and screenshots in the three Teams themes. Chasing goes
// through the real sender; no member of the demo has a Teams chat with the bot, so the chair is told
// the reminder could not be delivered, which is what Teams would answer.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import {
  failFirstRequest,
  axeViolations,
  collectPageErrors,
  focusedElement,
  pageOverflow,
  screenshotInThemes,
  signInThroughPicker,
  SIDE_PANEL_WIDTH,
  SCREENSHOT_DIR,
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

async function signedInAt(route: string, member: { displayName: string }, options: { width?: number } = {}): Promise<Page> {
  const page = await tab.openTab({ route, ...options });
  await signInThroughPicker(page, member.displayName);
  return page;
}

const table = (page: Page, name: string) => page.getByRole('table', { name });
const rowsOf = async (page: Page, name: string) => (await table(page, name).getByRole('row').all()).slice(1);
const actionsReady = (name: string) => async (page: Page) => {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await table(page, name).waitFor();
};

describe("the chair's outstanding actions", () => {
  it('lists the actions, filters to overdue ones, sorts by risk, chases one and opens its case', async () => {
    const page = await signedInAt('actions', CHAIR);
    const errors = collectPageErrors(page);
    await actionsReady('Outstanding actions')(page);
    const all = await rowsOf(page, 'Outstanding actions');
    expect(all.length).toBeGreaterThan(0);

    const filtered = page.waitForResponse(/\/api\/actions\?overdue=true$/);
    await page.getByRole('checkbox', { name: 'Overdue only' }).check();
    await filtered;
    await page.getByText('Updating the list').waitFor({ state: 'hidden' });
    const overdue = await rowsOf(page, 'Outstanding actions');
    expect(overdue.length).toBeLessThanOrEqual(all.length);
    for (const row of overdue) expect(await row.getByText(/days? overdue$/).count()).toBe(1);

    const sorted = page.waitForResponse(/\/api\/actions\?overdue=true&sort=risk$/);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('risk');
    await sorted;
    await page.getByText('Updating the list').waitFor({ state: 'hidden' });
    const bands = await table(page, 'Outstanding actions')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => (row.textContent?.match(/(High|Medium|Low) risk|Risk not assessed/)?.[0] ?? '') as string));
    const rank = (band: string) => ['High risk', 'Medium risk', 'Low risk', 'Risk not assessed'].indexOf(band);
    expect(bands.map(rank)).toEqual([...bands.map(rank)].sort((a, b) => a - b));

    const first = (await rowsOf(page, 'Outstanding actions'))[0]!;
    const title = (await first.getByRole('cell').first().textContent())!;
    await first.getByRole('button', { name: `Chase now: ${title}` }).click();
    await page.getByText('Reminder not delivered', { exact: true }).waitFor();
    expect(await page.getByText(/cannot be reached in Teams\. Phone or email them instead\.$/).isVisible()).toBe(true);
    const trail = await tab.database.db.prisma.auditEvent.findMany({ where: { event: 'action.chase', actorId: CHAIR.id } });
    expect(trail).toHaveLength(1);
    expect((await tab.database.db.prisma.action.findUniqueOrThrow({ where: { id: trail[0]!.entityId! } })).title).toBe(title);

    const caseLink = first.getByRole('link', { name: /^Open case / });
    const reference = (await caseLink.textContent())!;
    await caseLink.click();
    await page.getByRole('heading', { level: 1, name: `Case ${reference}` }).waitFor();
    for (const section of [
      'Victims, perpetrators and locations',
      'Risk history',
      'Incidents',
      'Agenda history',
      'Actions',
      'Interventions',
      'Who viewed this case',
    ]) {
      expect(await page.getByRole('heading', { level: 2, name: section, exact: true }).isVisible()).toBe(true);
    }
    await table(page, 'Members who viewed this case').getByRole('cell', { name: CHAIR.displayName }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is usable by keyboard alone: a filter, then into a case', async () => {
    const page = await signedInAt('actions', CHAIR);
    await actionsReady('Outstanding actions')(page);
    const checkbox = page.getByRole('checkbox', { name: 'Overdue only' });
    for (
      let presses = 0;
      presses < 30 && !(await checkbox.evaluate((element) => element === element.ownerDocument.activeElement));
      presses += 1
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedElement(page)).toMatchObject({ tag: 'INPUT' });
    await page.keyboard.press('Space');
    await page.waitForURL(/overdue=true/);
    // Focus stays on the filter while the list reloads, so the user can carry on from there.
    expect(await checkbox.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);

    const link = table(page, 'Outstanding actions')
      .getByRole('link', { name: /^Open case / })
      .first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Case / }).waitFor();
    expect((await focusedElement(page)).tag).toBe('H1');
    await page.context().close();
  });

  it('says when no action matches the filters, and clears them', async () => {
    const page = await signedInAt('actions?status=CANCELLED&officerId=00000000-0000-4000-8000-000000000000', CHAIR);
    await page.getByRole('heading', { name: 'No actions match these filters' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await table(page, 'Outstanding actions').waitFor();
    expect(page.url()).toMatch(/#\/actions$/);
    await page.context().close();
  });

  it("shows the API's message and a Retry that works when the list cannot load", async () => {
    const page = await tab.openTab({ route: 'actions' });
    await failFirstRequest(page, '**/api/actions', 503, {
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database is not answering. Try again in a minute.',
    });
    await signInThroughPicker(page, CHAIR.displayName);
    const alert = page.getByRole('alert');
    await alert.getByText('The database is not answering. Try again in a minute.').waitFor();
    expect(await alert.getByText('Could not load the actions').isVisible()).toBe(true);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await table(page, 'Outstanding actions').waitFor();
    await page.context().close();
  });
});

describe('a case that cannot be opened', () => {
  it("says a case is not there or not visible, in the API's words, without telling which", async () => {
    const page = await signedInAt('cases/00000000-0000-4000-8000-000000000000', OFFICER);
    const alert = page.getByRole('alert');
    await alert.getByText('Could not load the case').waitFor();
    expect(await alert.getByText('There is no case with that id, or you may not see it.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: 'Case' }).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe("an officer's own actions", () => {
  /** The first demo officer (not a chair) whose own list the API finds empty, or not: the demo moves with the day it is built for. */
  async function officerWhoseList(isEmpty: boolean): Promise<{ displayName: string; titles: string[] }> {
    for (const member of DEMO_MEMBERS.filter(
      (m) => !m.roles.includes('PANEL_CHAIR') && m.roles.some((role) => role === 'PANEL_MEMBER' || role === 'REFERRER'),
    )) {
      const token = await tab.app.signInAs(member.id);
      const { body } = await tab.app.call<{ actions: Array<{ title: string }> }>('GET', '/api/actions/mine', { token });
      if ((body.actions.length === 0) === isEmpty)
        return { displayName: member.displayName, titles: body.actions.map((action) => action.title) };
    }
    throw new Error(`no demo officer has ${isEmpty ? 'an empty' : 'a'} list of their own`);
  }

  it('lists the actions the API gives them, without chasing or owner filters, and their case view leaves out who viewed it', async () => {
    const officer = await officerWhoseList(false);
    const page = await signedInAt('my-actions', officer);
    await actionsReady('My actions')(page);
    const shown = await table(page, 'My actions').locator('tbody tr td:first-child').allTextContents();
    expect(shown).toEqual(officer.titles);
    expect(await page.getByRole('button', { name: /^Chase now/ }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Agency' }).count()).toBe(0);
    await page
      .getByRole('link', { name: /^Open case / })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: 'Risk history' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Who viewed this case' }).count()).toBe(0);
    await page.context().close();
  });

  it('tells an officer with no actions how actions reach them', async () => {
    const page = await signedInAt('my-actions', await officerWhoseList(true));
    await page.getByRole('heading', { name: 'You have no outstanding actions' }).waitFor();
    expect(await page.getByText(/the ASB Panels bot sends you a card in Teams to accept it\.$/).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('accessibility, the side panel and the three themes', () => {
  it('finds no axe-core violations on the action lists and the case view, in every theme, and screenshots them', async () => {
    const page = await signedInAt('actions', CHAIR);
    await actionsReady('Outstanding actions')(page);
    const caseHref = (await page
      .getByRole('link', { name: /^Open case / })
      .first()
      .getAttribute('href'))!;
    const views: Array<[string, string, (page: Page) => Promise<void>]> = [
      ['outstanding-actions', 'actions', actionsReady('Outstanding actions')],
      ['my-actions', 'my-actions', (p) => p.getByRole('heading', { level: 1, name: 'My actions' }).waitFor()],
      ['case-view', caseHref.slice(2), (p) => table(p, 'Members who viewed this case').waitFor()],
    ];
    for (const [name, route, ready] of views) {
      await page.goto(tab.tabUrl({ route }));
      const files = await screenshotInThemes(page, name, async (themed) => {
        await ready(themed);
        expect(await axeViolations(themed)).toEqual([]);
      });
      expect(files).toHaveLength(3);
    }
    await page.context().close();
  });

  it('shows the actions as cards in the 320 px side panel, and fits them and the case view without sideways page scrolling', async () => {
    const page = await signedInAt('actions', CHAIR, { width: SIDE_PANEL_WIDTH });
    const cards = page.getByRole('list', { name: 'Outstanding actions' });
    await cards.waitFor();
    expect(await table(page, 'Outstanding actions').count()).toBe(0);
    expect(await cards.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await cards.getByRole('button', { name: /^Chase now: / }).count()).toBeGreaterThan(0);
    expect(await pageOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('link', { name: /^Open case / })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: 'Risk history' }).waitFor();
    expect(await pageOverflow(page)).toBe(0);
    await page.context().close();
  });
});

describe('a long list, a page at a time', () => {
  it('shows the first 50 actions, and Show more adds the next pages under them until there are no more', async () => {
    const token = await tab.app.signInAs(CHAIR.id);
    const first = await tab.app.call<{ actions: Array<{ id: string }> }>('GET', '/api/actions', { token });
    // More actions than a page holds, on the case, agency and meeting of one already on the chair's list.
    const p = tab.database.db.prisma;
    const sample = await p.action.findUniqueOrThrow({ where: { id: first.body.actions[0]!.id } });
    await p.action.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        partnershipId: sample.partnershipId,
        caseId: sample.caseId,
        title: `Follow-up visit ${i + 1}`,
        ownerAgencyId: sample.ownerAgencyId,
        meetingId: sample.meetingId,
        createdById: CHAIR.id,
        status: 'ACCEPTED' as const,
        dueDate: new Date(Date.UTC(2030, 0, 1 + i)),
      })),
    });
    let total = 0;
    let after: string | null = null;
    do {
      const answer: { body: { actions: unknown[]; nextCursor: string | null } } = await tab.app.call(
        'GET',
        `/api/actions${after ? `?after=${encodeURIComponent(after)}` : ''}`,
        {
          token,
        },
      );
      total += answer.body.actions.length;
      after = answer.body.nextCursor;
    } while (after !== null);
    expect(total).toBeGreaterThan(60);

    const page = await signedInAt('actions', CHAIR);
    const errors = collectPageErrors(page);
    await actionsReady('Outstanding actions')(page);
    await expect(page.getByRole('status').filter({ hasText: 'actions shown; there are more' }).textContent()).resolves.toBe(
      '50 actions shown; there are more',
    );
    expect(await rowsOf(page, 'Outstanding actions')).toHaveLength(50);
    await page.getByRole('button', { name: 'Show more' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: total > 100 ? '100 actions' : `${total} actions` })
      .waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'actions-show-more.png'), fullPage: true });
    while (await page.getByRole('button', { name: 'Show more' }).isVisible()) {
      await page.getByRole('button', { name: 'Show more' }).click();
      await page.getByText('Loading more actions').waitFor({ state: 'hidden' });
    }
    await page
      .getByRole('status')
      .filter({ hasText: `${total} actions` })
      .waitFor();
    const rows = await rowsOf(page, 'Outstanding actions');
    expect(rows).toHaveLength(total);
    await expect(rows[rows.length - 1]!.textContent()).resolves.toContain('Follow-up visit 60');
    expect(errors).toEqual([]);
  });
});
