// The chair's agenda page in headless Chromium at the 320 px side-panel width, over the demo
// partnership: the chair reorders with the keyboard and defers a case with a reason, the database
// follows; a failed Teams sync is retried; a panel member sees the same agenda read-only.
import type { Page } from 'playwright-core';
import {
  axeViolations,
  focusedElement,
  pageOverflow,
  screenshotInThemes,
  signInThroughPicker,
  SIDE_PANEL_WIDTH,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';

let tab: BrowserApp;
let meetingId: string;
let chairName: string;
let memberName: string;

beforeAll(async () => {
  tab = await startBrowserApp();
  const prisma = tab.database.db.prisma;
  const meeting = await prisma.meeting.findFirstOrThrow({
    where: { status: 'SCHEDULED', agendaItems: { some: { status: 'PLANNED', position: 3 } } },
    orderBy: { startsAt: 'asc' },
    include: { panel: { include: { chairs: { include: { member: true } }, agencies: true } } },
  });
  meetingId = meeting.id;
  chairName = meeting.panel.chairs[0]!.member.displayName;
  const chairIds = new Set(meeting.panel.chairs.map((chair) => chair.memberId));
  const members = await prisma.member.findMany({
    where: { agencyId: { in: meeting.panel.agencies.map((seat) => seat.agencyId) }, isActive: true },
    orderBy: { displayName: 'asc' },
  });
  memberName = members.find((member) => member.roles.includes('PANEL_MEMBER') && !chairIds.has(member.id))!.displayName;
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

/** The running order as stored: case references of the cases still to be heard here, by position. */
async function storedOrder(): Promise<string[]> {
  const items = await tab.database.db.prisma.agendaItem.findMany({
    where: { meetingId, status: { not: 'DEFERRED' } },
    orderBy: { position: 'asc' },
    include: { case: true },
  });
  return items.map((item) => item.case.reference);
}

async function openAgenda(name: string): Promise<Page> {
  const page = await tab.openTab({ width: SIDE_PANEL_WIDTH, route: `meetings/${meetingId}` });
  await signInThroughPicker(page, name);
  await page.getByRole('heading', { level: 2, name: 'Running order' }).waitFor();
  return page;
}

describe("the chair's agenda page", () => {
  let page: Page;

  it('shows the meeting, its Teams state and each case with why it is there, the minutes and the agencies it needs', async () => {
    page = await openAgenda(chairName);
    const [first] = await storedOrder();
    const item = page.getByRole('listitem', { name: `1. Case ${first}` });
    expect(await item.getByText(/min$/).first().innerText()).toMatch(/^\d+ min$/);
    expect(await item.getByText(/^Agencies needed: /).isVisible()).toBe(true);
    const stored = await tab.database.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId, case: { reference: first! } } });
    expect(await item.getByText(stored.reasonText, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('teams-sync').innerText()).toMatch(/Pending|Scheduled in Teams|Failed|Not in Teams/);
    expect(await pageOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('moves the second case to the top with the keyboard, keeps the focus on its buttons and saves the new order', async () => {
    const before = await storedOrder();
    const second = before[1]!;
    await page.getByRole('button', { name: `Move up case ${second}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('agenda-announcement').getByText(`Case ${second} moved to place 1 of ${before.length}.`).waitFor();
    expect(await storedOrder()).toEqual([second, before[0], ...before.slice(2)]);
    // At the top "Move up" has nothing left to do, so the focus is on its "Move down".
    expect((await focusedElement(page)).name).toBe(`Move down case ${second}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('agenda-announcement').getByText(`Case ${second} moved to place 2 of ${before.length}.`).waitFor();
    expect(await storedOrder()).toEqual(before);
    expect(await page.getByRole('listitem', { name: `2. Case ${second}` }).isVisible()).toBe(true);
  });

  it('defers a case with a reason, which then waits for the next meeting with that reason', async () => {
    const before = await storedOrder();
    const last = before.at(-1)!;
    await page.getByRole('button', { name: `Defer case ${last}` }).click({ timeout: 5000 });
    await page.getByRole('button', { name: 'Defer to the next meeting' }).click({ timeout: 5000 });
    await page.getByText('Say why, in a few words.').waitFor({ timeout: 5000 });
    await page.getByLabel(`Why defer case ${last}?`).fill('The housing officer is on leave', { timeout: 5000 });
    await page.getByRole('button', { name: 'Defer to the next meeting' }).click();
    const deferred = page.getByRole('region', { name: 'Deferred to the next meeting' });
    await deferred.getByText('The housing officer is on leave').waitFor({ timeout: 5000 });
    expect(await deferred.getByText(`Case ${last}`).isVisible()).toBe(true);
    const row = await tab.database.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId, case: { reference: last } } });
    expect([row.status, row.deferralReason]).toEqual(['DEFERRED', 'The housing officer is on leave']);
    expect(await storedOrder()).toEqual(before.slice(0, -1));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds a case back by its reference with a reason, after saying plainly that an unknown reference is not one it can see', async () => {
    const deferred = await tab.database.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, status: 'DEFERRED' },
      include: { case: true },
    });
    const form = page.getByRole('form', { name: 'Add a case' });
    await form.getByLabel('Case reference').fill('ASB-1999-9999');
    await form.getByLabel('Why it needs this meeting').fill('The officer is back from leave');
    await form.getByRole('button', { name: 'Add to the agenda' }).click();
    await form.getByText('No case with this reference that you may see.').waitFor({ timeout: 5000 });
    const count = (await storedOrder()).length + 1;
    await form.getByLabel('Case reference').fill(deferred.case.reference.toLowerCase());
    await form.getByRole('button', { name: 'Add to the agenda' }).click();
    await page
      .getByRole('listitem', { name: `${count}. Case ${deferred.case.reference}` })
      .getByText('Added by the chair: The officer is back from leave.')
      .waitFor({ timeout: 5000 });
    expect((await storedOrder()).at(-1)).toBe(deferred.case.reference);
    expect(await form.getByLabel('Case reference').inputValue()).toBe('');
  });

  it('offers a retry when Teams refused the meeting, and shows it pending again', async () => {
    await tab.database.db.prisma.meeting.update({
      where: { id: meetingId },
      data: { teamsSyncStatus: 'FAILED', teamsSyncError: 'The organiser has no Teams licence.' },
    });
    await page.reload();
    await page.getByText('Teams said: The organiser has no Teams licence.').waitFor();
    await page.getByRole('button', { name: 'Try Teams again' }).click();
    await page.getByTestId('teams-sync').getByText('Pending').waitFor();
    const meeting = await tab.database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.teamsSyncStatus).toBe('PENDING');
  });

  it('rebuilds into a shorter meeting keeping the order, spills over what does not fit, and hears a spilt case when the chair moves it up', async () => {
    const prisma = tab.database.db.prisma;
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { panel: true } });
    const reviewMinutes = Number(/(\d+)-minute review/.exec(await page.getByText(/-minute review/).innerText())![1]);
    // Room for three cases after the actions review.
    await prisma.panel.update({
      where: { id: meeting.panelId },
      data: { meetingMinutes: reviewMinutes + 3 * meeting.panel.defaultItemMinutes },
    });
    const before = await storedOrder();
    await page.getByRole('button', { name: 'Rebuild the agenda' }).click();
    const spill = page.getByRole('region', { name: 'Spill-over' });
    await spill.waitFor({ timeout: 5000 });
    expect(await storedOrder()).toEqual(before);
    const statuses = async () =>
      (await prisma.agendaItem.findMany({ where: { meetingId, status: { not: 'DEFERRED' } }, orderBy: { position: 'asc' } })).map(
        (row) => row.status,
      );
    expect(await statuses()).toEqual([...before.map((_, index) => (index < 3 ? 'PLANNED' : 'SPILLED_OVER'))]);
    expect(await spill.getByRole('listitem').count()).toBe(before.length - 3);
    await spill.getByRole('button', { name: `Move up case ${before[3]}` }).click();
    await page
      .getByRole('region', { name: 'Running order' })
      .getByRole('listitem', { name: `3. Case ${before[3]}` })
      .waitFor({ timeout: 5000 });
    expect(await spill.getByRole('listitem', { name: `4. Case ${before[2]}` }).isVisible()).toBe(true);
    expect((await focusedElement(page)).name).toBe(`Move up case ${before[3]}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('looks right in the light, dark and high-contrast themes', async () => {
    const files = await screenshotInThemes(page, 'meeting-agenda-chair-320', async (themed) => {
      await themed.getByRole('heading', { level: 2, name: 'Running order' }).waitFor();
      expect(await pageOverflow(themed)).toBe(0);
    });
    expect(files).toHaveLength(3);
    await page.context().close();
  });
});

describe('a panel member on the agenda page', () => {
  it('reads the same agenda without the controls to change it', async () => {
    const page = await openAgenda(memberName);
    const order = await storedOrder();
    expect(await page.getByRole('listitem', { name: `1. Case ${order[0]}` }).isVisible()).toBe(true);
    expect(await page.getByText("Only the panel's chairs can change the agenda; you can read it here.").isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Move (up|down) case|^Defer case|Rebuild the agenda|Add to the agenda/ }).count()).toBe(
      0,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a county-sized spill-over', () => {
  it('lists the first 50 cases that do not fit and says how many more go to the next meeting', async () => {
    // A county panel can have hundreds of cases that do not fit; the page lists the first 50 of them.
    // The demo has a handful, so 60 more open cases are added, spilt over after the ones already there.
    const prisma = tab.database.db.prisma;
    const meeting = await prisma.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { panel: { include: { agencies: true } } },
    });
    const last = await prisma.agendaItem.findFirstOrThrow({ where: { meetingId }, orderBy: { position: 'desc' } });
    const added = 60;
    for (let index = 0; index < added; index += 1) {
      const spilt = await prisma.case.create({
        data: {
          partnershipId: meeting.panel.partnershipId,
          reference: `SPILL-${String(index + 1).padStart(3, '0')}`,
          kind: 'VICTIM',
          leadAgencyId: meeting.panel.agencies[0]!.agencyId,
        },
      });
      await prisma.agendaItem.create({
        data: {
          meetingId,
          caseId: spilt.id,
          position: last.position + 1 + index,
          reasons: ['NEW_REFERRAL'],
          reasonText: 'New referral',
          minutes: meeting.panel.defaultItemMinutes,
          requiredAgencyIds: [],
          status: 'SPILLED_OVER',
        },
      });
    }
    const spiltInAll = await prisma.agendaItem.count({ where: { meetingId, status: 'SPILLED_OVER' } });
    expect(spiltInAll).toBeGreaterThan(50);

    const page = await openAgenda(chairName);
    const spill = page.getByRole('region', { name: 'Spill-over' });
    await spill.waitFor();
    expect(await spill.getByRole('listitem').count()).toBe(50);
    const more = spiltInAll - 50;
    expect(await spill.getByText(`${more} more cases do not fit; they go to the next meeting in this order.`).isVisible()).toBe(true);
    expect(await pageOverflow(page)).toBe(0);
    await page.context().close();
  });
});
