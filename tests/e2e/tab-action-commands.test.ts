// Working on an action from the tab, in Debian's chromium against the real app over the demo
// partnership: the owner goes from home to My actions, opens an action, accepts it, updates its
// progress by keyboard alone and completes it; the chair opens an outstanding action, chases it (the
// second chase is refused with when it may be chased again), and moves its due date. A form drawn
// from an old version is refused and the page shows the action as it now stands. axe-core and
// screenshots in the three Teams themes.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { addDays, londonDateOf } from '../../api/domain/agenda/calendar-date';
import {
  axeViolations,
  collectPageErrors,
  documentRoot,
  focusedElement,
  SCREENSHOT_DIR,
  signInThroughPicker,
  startBrowserApp,
  THEMES,
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

const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const inDays = (days: number) => addDays(londonDateOf(new Date()), days);

/**
 * A fresh action for Kate on a case of hers heard by a panel Priya chairs, so each test owns its
 * action and both of them see it.
 */
async function actionForKate(status: 'PROPOSED' | 'ACCEPTED'): Promise<{ id: string; title: string }> {
  const prisma = tab.database.db.prisma;
  const model = await prisma.action.findFirstOrThrow({
    where: { ownerMemberId: OFFICER.id, meeting: { panel: { chairs: { some: { memberId: CHAIR.id } } } } },
    orderBy: { id: 'asc' },
  });
  const title = `Check the door entry system ${randomUUID().slice(0, 6)}`;
  const created = await prisma.action.create({
    data: {
      partnershipId: model.partnershipId,
      caseId: model.caseId,
      meetingId: model.meetingId,
      agendaItemId: model.agendaItemId,
      title,
      ownerAgencyId: model.ownerAgencyId,
      ownerMemberId: OFFICER.id,
      createdById: CHAIR.id,
      dueDate: new Date(`${inDays(14)}T00:00:00Z`),
      status,
      version: 1,
    },
  });
  return { id: created.id, title };
}

async function signedInAtHome(member: { displayName: string }): Promise<Page> {
  const page = await tab.openTab({ route: '' });
  await signInThroughPicker(page, member.displayName);
  await page.getByRole('heading', { level: 2, name: 'Pages' }).waitFor();
  return page;
}

/** The page's notice of what a command did (the history table may say the same words). */
const notice = (page: Page, title: string) => page.locator('[aria-live="polite"]').getByText(title, { exact: true });

/** Reloads the page in each theme, lets `ready` bring the view back, then checks axe and takes the screenshot. */
async function checkThemes(page: Page, name: string, ready: (page: Page) => Promise<void>): Promise<void> {
  const url = new URL(page.url());
  for (const theme of THEMES) {
    url.searchParams.set('theme', theme);
    await page.goto(url.href);
    await ready(page);
    expect([theme, await axeViolations(page)]).toEqual([theme, []]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${theme}.png`), fullPage: true });
  }
}

describe("an action's owner working on it from the tab", () => {
  it('goes from home to My actions, accepts an action, updates its progress by keyboard alone, and completes it', async () => {
    const action = await actionForKate('PROPOSED');
    const page = await signedInAtHome(OFFICER);
    const errors = collectPageErrors(page);
    await page.getByRole('link', { name: 'My actions', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'My actions' }).waitFor();
    const row = page.getByRole('table', { name: 'My actions' }).getByRole('row', { name: literally(action.title) });
    await row.getByRole('link', { name: action.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();

    // Only the owner's command for a proposed action: no chair's commands, no chase.
    const commands = page.getByRole('group', { name: 'What you can do' });
    expect(await commands.getByRole('button').allTextContents()).toEqual(['Accept']);
    await commands.getByRole('button', { name: 'Accept', exact: true }).click();
    await notice(page, 'Action accepted').waitFor();
    expect(await commands.getByRole('button').allTextContents()).toEqual(['Update progress', 'Complete', "Can't complete"]);

    // By keyboard: from the notice (where focus lands) to Update progress, type the note, save.
    expect(await documentRoot(page).evaluate((html) => html.ownerDocument.activeElement?.getAttribute('aria-live'))).toBe('polite');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toMatchObject({ tag: 'BUTTON', name: 'Update progress' });
    await page.keyboard.press('Enter');
    const note = page.getByRole('textbox', { name: 'What has been done so far' });
    await note.waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'TEXTAREA' });
    await page.keyboard.type('Visited the block; the entry system is being repaired.');
    await page.getByText('54 of 4,000 characters').waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toMatchObject({ tag: 'BUTTON', name: 'Save progress' });
    await page.keyboard.press('Enter');
    await notice(page, 'Progress saved').waitFor();
    await page
      .getByRole('table', { name: 'History of this action' })
      .getByText('Visited the block; the entry system is being repaired.')
      .waitFor();

    await commands.getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByRole('textbox', { name: 'What was done, for the minutes' }).fill('The entry system was repaired on Friday.');
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await notice(page, 'Action completed').waitFor();
    await page.getByText('There is nothing more for you to do on this action.').waitFor();
    expect(await tab.database.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({
      status: 'COMPLETED',
      version: 4,
      progressNote: 'The entry system was repaired on Friday.',
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the owner's commands and the progress form with no axe violations in every theme", async () => {
    const action = await actionForKate('ACCEPTED');
    const page = await tab.openTab({ route: `actions/${action.id}` });
    await signInThroughPicker(page, OFFICER.displayName);
    await checkThemes(page, 'action-owner-progress', async (p) => {
      await p.getByRole('heading', { level: 1, name: action.title }).waitFor();
      await p.getByRole('button', { name: 'Update progress' }).click();
      await p.getByRole('textbox', { name: 'What has been done so far' }).fill('Spoke to the managing agent.');
    });
    await page.context().close();
  });

  it('refuses a change drawn from an old version, and shows the action as it now stands', async () => {
    const action = await actionForKate('ACCEPTED');
    const page = await tab.openTab({ route: `actions/${action.id}` });
    await signInThroughPicker(page, OFFICER.displayName);
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    await page.getByRole('button', { name: 'Update progress' }).click();
    // Meanwhile Kate completes it from the card in Teams.
    const token = await tab.app.signInAs(OFFICER.id);
    const elsewhere = await tab.app.call('POST', `/api/actions/${action.id}/complete`, {
      token,
      body: { expectedVersion: 1, note: 'Done, from the card.' },
    });
    expect(elsewhere.status).toBe(200);

    await page.getByRole('textbox', { name: 'What has been done so far' }).fill('Booked a visit.');
    await page.getByRole('button', { name: 'Save progress' }).click();
    await notice(page, 'Your change was not saved').waitFor();
    await page.getByText(/changed this action since you opened it\..*The action below is shown as it stands now\./).waitFor();
    await page.getByText('Done, from the card.').first().waitFor();
    await page.getByText('There is nothing more for you to do on this action.').waitFor();
    expect(await tab.database.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({
      status: 'COMPLETED',
      progressNote: 'Done, from the card.',
    });
    await page.context().close();
  });
});

describe('the chair overseeing an action from the tab', () => {
  it('opens an outstanding action, chases it (a second chase is refused, saying when), and moves its due date', async () => {
    const action = await actionForKate('ACCEPTED');
    const page = await signedInAtHome(CHAIR);
    const errors = collectPageErrors(page);
    await page.getByRole('link', { name: 'Outstanding actions', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Outstanding actions' }).waitFor();
    const row = page.getByRole('table', { name: 'Outstanding actions' }).getByRole('row', { name: literally(action.title) });

    // Chased from its row: the row says how it went and when it was last chased.
    await row.getByRole('button', { name: `Chase now: ${action.title}` }).click();
    await row.getByText('Reminder not delivered', { exact: true }).waitFor();
    await row.getByText(/^Last chased /).waitFor();
    await row.screenshot({ path: path.join(SCREENSHOT_DIR, 'action-chased-row.png') });

    await row.getByRole('link', { name: action.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    const commands = page.getByRole('group', { name: 'What you can do' });
    expect(await commands.getByRole('button').allTextContents()).toEqual([
      "Can't complete",
      'Cancel action',
      'Reassign',
      'Change due date',
      'Chase now',
    ]);
    expect(
      await page
        .getByRole('definition')
        .filter({ hasText: /\d{2}:\d{2}$/ })
        .count(),
    ).toBeGreaterThan(0);

    await commands.getByRole('button', { name: 'Chase now', exact: true }).click();
    await notice(page, 'Not chased').waitFor();
    await page.getByText(/^This action was chased at \d{2}:\d{2} on .+\. It can be chased again from \d{2}:\d{2} on .+\.$/).waitFor();
    expect(await tab.database.db.prisma.auditEvent.count({ where: { event: 'action.chase', entityId: action.id } })).toBe(1);

    await commands.getByRole('button', { name: 'Change due date' }).click();
    const date = page.getByLabel('New due date');
    expect(await date.getAttribute('min')).toBe(inDays(0));
    await date.fill(inDays(-1));
    await page.getByRole('textbox', { name: 'Why the date is changing' }).fill('Waiting for the contractor.');
    await page.getByRole('button', { name: 'Change the due date' }).last().click();
    await page.getByText('The due date cannot be in the past.').waitFor();
    await date.fill(inDays(28));
    await page.getByRole('button', { name: 'Change the due date' }).last().click();
    await notice(page, 'Due date changed').waitFor();
    const saved = await tab.database.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } });
    expect(saved.dueDate.toISOString().slice(0, 10)).toBe(inDays(28));
    // The refused second chase is the one failed request the browser reports.
    expect(errors).toEqual(['console error: Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await page.context().close();
  });

  it("shows the chair's commands and the reassign form with no axe violations in every theme", async () => {
    const action = await actionForKate('ACCEPTED');
    const page = await tab.openTab({ route: `actions/${action.id}` });
    await signInThroughPicker(page, CHAIR.displayName);
    await checkThemes(page, 'action-chair-reassign', async (p) => {
      await p.getByRole('heading', { level: 1, name: action.title }).waitFor();
      await p.getByRole('button', { name: 'Reassign', exact: true }).click();
      await p.getByRole('combobox', { name: 'Officer' }).locator('option', { hasText: OFFICER.displayName }).waitFor({ state: 'attached' });
    });
    await page.context().close();
  });
});
