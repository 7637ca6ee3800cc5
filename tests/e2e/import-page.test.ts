// The import page in headless Chromium against the real app and demo data: an admin uploads a file
// with a bad row and sees the dry run name it, then uploads a good file whose first victim is already
// known, links that row to the existing person, commits and watches the progress bar to the end; then
// imports open actions on those cases, seeing the finished one skipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../api/paths';
import { DEMO_AGENCIES, DEMO_MEMBERS } from '../../api/store/demo-data';
import { calendarDateOrNull } from '../../api/store/calendar-dates';
import { axeViolations, collectPageErrors, signInThroughPicker, startBrowserApp, type BrowserApp } from '../support/browser';
import { ECINS_HEADERS, exampleCaseRows, toCsv } from '../support/import-case-file';
import { SCREENSHOT_DIR } from '../support/screenshot-dir';

const TODAY = new Date('2026-11-02T10:00:00Z');
const admin = DEMO_MEMBERS.find((m) => m.displayName === 'Owen Dummy')!;
const agencies = DEMO_AGENCIES.map((a) => a.name);
const column = (name: (typeof ECINS_HEADERS)[number]) => ECINS_HEADERS.indexOf(name);

let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp({ today: TODAY });
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

describe('the import page', () => {
  it('reports a bad row in the dry run, then imports a good file with a known victim linked, showing progress', async () => {
    const prisma = tab.database.db.prisma;
    const known = await prisma.person.findFirstOrThrow({
      where: { caseRoles: { some: { role: 'VICTIM' } }, dateOfBirth: { not: null } },
      orderBy: { id: 'asc' },
    });
    const page = await tab.openTab();
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, admin.displayName);
    await page.getByRole('link', { name: 'Import', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();

    const bad = exampleCaseRows(20, agencies);
    bad[1]![column('Date Opened')] = 'next Tuesday';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(ECINS_HEADERS, bad)) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('bad.csv: 20 rows of cases from ECINS.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Lead agency (required)' }).inputValue()).toBe('Lead Agency');
    await page.getByRole('button', { name: 'Check every row (dry run)' }).click();
    await page.getByRole('status').filter({ hasText: '1 problem to fix in the file' }).waitFor();
    const problems = page.getByRole('table', { name: 'Problems by row' });
    await problems.getByRole('row', { name: /3 Date Opened Date Opened "next Tuesday" is not a date/ }).waitFor();

    const good = exampleCaseRows(300, agencies);
    good[0]![column('Victim Forename')] = known.givenName;
    good[0]![column('Victim Surname')] = known.familyName;
    good[0]![column('Victim DOB')] = calendarDateOrNull(known.dateOfBirth)!;
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(ECINS_HEADERS, good)) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('cases.csv: 300 rows of cases from ECINS.').waitFor();
    await page.getByRole('button', { name: 'Check every row (dry run)' }).click();
    await page.getByRole('status').filter({ hasText: 'Ready: 300 cases to import' }).waitFor({ timeout: 90_000 });
    const importButton = page.getByRole('button', { name: 'Import 300 cases' });
    expect(await importButton.isDisabled()).toBe(true);
    await page
      .getByRole('radio', { name: new RegExp(`^Use ${known.givenName} ${known.familyName}`) })
      .first()
      .check();
    // Every other possible duplicate (the made-up names may resemble the demo's) is taken as new.
    for (const radio of await page.getByRole('radio', { name: /^Create a new/ }).all()) {
      const group = radio.locator('xpath=ancestor::*[@role="radiogroup"][1]');
      if ((await group.getByRole('radio', { checked: true }).count()) === 0) await radio.check();
    }
    await importButton.click();

    const progress = page.getByRole('progressbar');
    await progress.waitFor();
    await page.getByRole('status').filter({ hasText: 'Imported 300 cases' }).waitFor({ timeout: 60_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('1');
    await page.getByText(/^\d[\d,]* of \d[\d,]* records$/).waitFor();
    // The bar's width eases to its value (Fluent keeps the transition under reduced motion too).
    // Read in the page through the bar's element: the tab's content security policy refuses evaluated strings.
    const barFilled = () =>
      progress.evaluate((track) => {
        const bar = track.firstElementChild;
        const width = track.getBoundingClientRect().width;
        return bar !== null && width > 0 && Math.abs(bar.getBoundingClientRect().width - width) < 1;
      });
    for (let waited = 0; !(await barFilled()) && waited < 10_000; waited += 100) await page.waitForTimeout(100);
    expect(await barFilled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'import-committed.png'), fullPage: true });

    const first = await prisma.case.findFirstOrThrow({ where: { reference: 'ECINS-C-00001' }, include: { subjects: true } });
    expect(first.subjects).toEqual([expect.objectContaining({ personId: known.id, role: 'VICTIM' })]);
    expect(await prisma.case.count({ where: { reference: { startsWith: 'ECINS-C-' } } })).toBe(300);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('imports open actions on the cases imported before, listing the finished one as skipped', async () => {
    const prisma = tab.database.db.prisma;
    const page = await tab.openTab();
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, admin.displayName);
    await page.getByRole('link', { name: 'Import', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();

    await page.getByRole('combobox', { name: 'The file holds' }).selectOption({ label: 'Open actions on cases imported before' });
    const actions = readFileSync(path.join(projectRoot, 'examples', 'import', 'ecins-actions.csv'));
    await page.locator('input[type=file]').setInputFiles({ name: 'ecins-actions.csv', mimeType: 'text/csv', buffer: actions });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('ecins-actions.csv: 7 rows of actions from ECINS.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Owner agency (required)' }).inputValue()).toBe('Owner Agency');
    await page.getByRole('button', { name: 'Check every row (dry run)' }).click();
    await page.getByRole('status').filter({ hasText: 'Ready: 6 actions to import. 1 row skipped, listed below.' }).waitFor();
    await page
      .getByRole('table', { name: 'Rows skipped' })
      .getByRole('row', { name: /8 Action A-0007 is done: only open actions are imported\./ })
      .waitFor();
    await page.getByRole('button', { name: 'Import 6 actions' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 6 actions; 0 actions already here, 1 row skipped.' })
      .waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'import-actions.png'), fullPage: true });

    const imported = await prisma.action.findMany({ where: { case: { reference: { startsWith: 'ECINS-C-' } } } });
    expect(imported.map((a) => a.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'IN_PROGRESS', 'IN_PROGRESS']);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
