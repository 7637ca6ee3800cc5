// The partnership admin's panels page in headless Chromium against the real app and demo data: a
// refused setting shown on its field with nothing written, then a panel added with real clicks (its
// cadence, agencies and a chair), its cut-off changed, and the database and audit trail read back.
// Axe in every theme; screenshots to look at.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_AGENCIES, DEMO_MEMBERS } from '../../api/store/demo-data';
import {
  axeViolations,
  collectPageErrors,
  SCREENSHOT_DIR,
  screenshotInThemes,
  signInThroughPicker,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';

const TODAY = new Date('2026-11-02T10:00:00Z');
const memberByName = (name: string) => DEMO_MEMBERS.find((member) => member.displayName === name)!;
const agencyByKey = (key: string) => DEMO_AGENCIES.find((agency) => agency.key === key)!;
const ADMIN = memberByName('Owen Dummy');
const NAME = 'Fernbrook Youth Forum';

let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp({ today: TODAY });
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

const panelsReady = (page: Page) => page.getByRole('table', { name: 'Panels' }).waitFor();

describe("the partnership admin's panels page", () => {
  it('adds a panel with its cadence, agencies and chair, then changes its cut-off, showing a refused setting on its field', async () => {
    const prisma = tab.database.db.prisma;
    const panelsBefore = await prisma.panel.count();
    const page = await tab.openTab();
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, ADMIN.displayName);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Panels' }).click();
    await page.getByRole('heading', { level: 1, name: 'Panels' }).waitFor();
    await panelsReady(page);
    await page.getByRole('table', { name: 'Panels' }).getByRole('row').filter({ hasText: 'Fernbrook Community MARAC' }).waitFor();

    const form = page.getByRole('form', { name: 'Add a panel' });
    await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Problem-solving forum' });
    await form.getByLabel('Name').fill(NAME);
    await form.getByRole('combobox', { name: 'Meets' }).selectOption({ label: 'Every few weeks' });
    await form.getByLabel('Every how many weeks').fill('6');
    await form.getByLabel('First meeting').fill('2026-11-17');
    await form.getByLabel('Referral cut-off (days before)').fill('7');
    await form.getByLabel('Meeting length (minutes)').fill('10');
    await form.getByLabel('Minutes per case').fill('15');
    const seats = form.getByRole('group', { name: 'Agencies' });
    await seats.getByLabel(agencyByKey('council').name, { exact: true }).selectOption({ label: 'Core' });
    await seats.getByLabel(agencyByKey('police').name, { exact: true }).selectOption({ label: 'Core' });
    await seats.getByLabel(agencyByKey('fernbrookHomes').name, { exact: true }).selectOption({ label: 'Flexible' });
    const chair = memberByName('Helen Placeholder');
    await form
      .getByRole('group', { name: 'Chairs' })
      .getByRole('checkbox', { name: `${chair.displayName} (${chair.agencyName})` })
      .check();

    // A meeting shorter than the rules allow: the server's words appear on that field, nothing is written.
    await form.getByRole('button', { name: 'Add panel' }).click();
    await form.getByText('A meeting lasts at least 15 minutes.').waitFor();
    expect(await form.getByLabel('Meeting length (minutes)').getAttribute('aria-invalid')).toBe('true');
    expect(await prisma.panel.count()).toBe(panelsBefore);

    await form.getByLabel('Meeting length (minutes)').fill('90');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-panels-add-light.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Add panel' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${NAME} was added: every 6 weeks on Tuesdays, from 17 November 2026.` })
      .waitFor();
    const row = page.getByRole('table', { name: 'Panels' }).getByRole('row').filter({ hasText: NAME });
    await row.filter({ hasText: 'Helen Placeholder' }).waitFor();

    const added = await prisma.panel.findFirstOrThrow({
      where: { name: NAME },
      include: { agencies: true, chairs: true },
    });
    expect(added).toMatchObject({
      type: 'PROBLEM_SOLVING_FORUM',
      cadence: { kind: 'EVERY_N_WEEKS', everyWeeks: 6, anchor: '2026-11-17' },
      referralCutoffDays: 7,
      meetingMinutes: 90,
      defaultItemMinutes: 15,
    });
    expect(added.agencies.map((seat) => [seat.agencyId, seat.membership]).sort()).toEqual(
      [
        [agencyByKey('council').id, 'CORE'],
        [agencyByKey('police').id, 'CORE'],
        [agencyByKey('fernbrookHomes').id, 'FLEXIBLE'],
      ].sort(),
    );
    expect(added.chairs.map((seat) => seat.memberId)).toEqual([chair.id]);

    await page.getByRole('button', { name: `Edit ${NAME}` }).click();
    const editForm = page.getByRole('form', { name: `Edit ${NAME}` });
    expect(await editForm.getByRole('combobox', { name: 'Type' }).isDisabled()).toBe(true);
    expect(await editForm.getByLabel('Every how many weeks').inputValue()).toBe('6');
    await editForm.getByLabel('Referral cut-off (days before)').fill('5');
    await editForm.getByRole('button', { name: 'Save panel' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${NAME} was saved` })
      .waitFor();
    await row.filter({ hasText: '5 days before' }).waitFor();

    expect((await prisma.panel.findUniqueOrThrow({ where: { id: added.id } })).referralCutoffDays).toBe(5);
    // Only what changed is sent: the edit left the seats and chairs alone, so it is one update.
    const audited = await prisma.auditEvent.findMany({ where: { entityType: 'Panel', entityId: added.id }, orderBy: { seq: 'asc' } });
    expect(audited.map((event) => event.event)).toEqual(['panel.create', 'panel.agencies.set', 'panel.chairs.set', 'panel.update']);
    expect(audited[3]).toMatchObject({ actorId: ADMIN.id, before: { referralCutoffDays: 7 }, after: { referralCutoffDays: 5 } });

    expect(await axeViolations(page)).toEqual([]);
    // The refused setting's 400, which the browser reports on its console as it does any failed request.
    expect(errors).toEqual([expect.stringContaining('400 (Bad Request)')]);
    // axe in the dark and high-contrast themes too, on the reloads that take their screenshots (light is checked above).
    await screenshotInThemes(page, 'admin-panels', async (themed) => {
      await panelsReady(themed);
      if (new URL(themed.url()).searchParams.get('theme') !== 'light') expect(await axeViolations(themed)).toEqual([]);
    });
    await page.context().close();
  });

  it('keeps a new panel whose agencies were refused on the form as that panel, and seats them on the next save', async () => {
    const prisma = tab.database.db.prisma;
    const name = 'Fernbrook Night-time Economy Panel';
    const page = await tab.openTab({ route: 'admin/panels' });
    await signInThroughPicker(page, ADMIN.displayName);
    await panelsReady(page);

    const form = page.getByRole('form', { name: 'Add a panel' });
    await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Offender panel' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('combobox', { name: 'Week of the month' }).selectOption({ label: 'Last' });
    await form.getByRole('combobox', { name: 'Day' }).selectOption({ label: 'Friday' });
    await form.getByRole('button', { name: 'Add panel' }).click();

    const editForm = page.getByRole('form', { name: `Edit ${name}` });
    await editForm.getByText('Seat at least one agency.').waitFor();
    const made = await prisma.panel.findFirstOrThrow({ where: { name }, include: { agencies: true } });
    expect(made).toMatchObject({ type: 'OFFENDER_PANEL', cadence: { kind: 'MONTHLY', week: 'LAST', weekday: 'FRIDAY' }, agencies: [] });

    const chair = memberByName('Priya Example');
    await editForm
      .getByRole('group', { name: 'Agencies' })
      .getByLabel(agencyByKey('police').name, { exact: true })
      .selectOption({ label: 'Core' });
    await editForm
      .getByRole('group', { name: 'Chairs' })
      .getByRole('checkbox', { name: `${chair.displayName} (${chair.agencyName})` })
      .check();
    await editForm.getByRole('button', { name: 'Save panel' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} was saved: monthly, last Friday.` })
      .waitFor();

    expect(await prisma.panel.count({ where: { name } })).toBe(1);
    const seated = await prisma.panel.findUniqueOrThrow({ where: { id: made.id }, include: { agencies: true, chairs: true } });
    expect(seated.agencies.map((seat) => [seat.agencyId, seat.membership])).toEqual([[agencyByKey('police').id, 'CORE']]);
    expect(seated.chairs.map((seat) => seat.memberId)).toEqual([chair.id]);
    await page.context().close();
  });

  it('refuses to close a panel with a meeting to come, naming it; closes one without, and reopens it', async () => {
    const prisma = tab.database.db.prisma;
    const name = 'Fernbrook Town Centre Forum';
    const marac = await prisma.panel.findFirstOrThrow({ where: { name: 'Fernbrook Community MARAC' } });
    // Open again if a first attempt of this test closed it (browser tests get one retry).
    await prisma.panel.upsert({
      where: { partnershipId_name: { partnershipId: marac.partnershipId, name } },
      create: {
        partnershipId: marac.partnershipId,
        type: 'PROBLEM_SOLVING_FORUM',
        name,
        cadence: { kind: 'MONTHLY', weekday: 'TUESDAY', week: 1 },
      },
      update: { isActive: true },
    });
    const page = await tab.openTab({ route: 'admin/panels' });
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, ADMIN.displayName);
    await panelsReady(page);
    const table = page.getByRole('table', { name: 'Panels' });

    await page.getByRole('button', { name: 'Close Fernbrook Community MARAC' }).click();
    // The refusal is an alert; the list reloading meanwhile shows a status of its own.
    const answer = page.getByRole('alert').filter({ hasText: 'still has a meeting to come' });
    await answer.waitFor();
    expect(await answer.textContent()).toBe(
      'Fernbrook Community MARAC still has a meeting to come (12 November 2026): cancel it first, then close the panel.',
    );
    expect((await prisma.panel.findFirstOrThrow({ where: { name: 'Fernbrook Community MARAC' } })).isActive).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-panels-close-refused.png'), fullPage: true });

    await page.getByRole('button', { name: `Close ${name}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} was closed: it takes no referrals or meetings until it is reopened.` })
      .waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: `${name} (closed)` })
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    const closed = await prisma.panel.findFirstOrThrow({ where: { name } });
    expect(closed.isActive).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Reopen ${name}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} was reopened` })
      .waitFor();
    expect((await prisma.panel.findUniqueOrThrow({ where: { id: closed.id } })).isActive).toBe(true);
    const audited = await prisma.auditEvent.findMany({
      where: { entityId: closed.id, event: { in: ['panel.deactivate', 'panel.reactivate'] } },
      orderBy: { seq: 'asc' },
    });
    expect(audited.map((event) => [event.event, event.actorId])).toEqual([
      ['panel.deactivate', ADMIN.id],
      ['panel.reactivate', ADMIN.id],
    ]);
    // The refused close's 409, which the browser reports on its console as it does any failed request.
    expect(errors).toEqual([expect.stringContaining('409 (Conflict)')]);
    await page.context().close();
  });
});
