// The meeting side panel in headless Chromium at 320 px over the demo partnership: a panel member
// accepts the confidentiality statement, and when the chair moves on (through the API, as the card
// or another side panel would) the member's panel follows within two seconds.
import type { Page } from 'playwright-core';
import { axeViolations, pageOverflow, signInThroughPicker, SIDE_PANEL_WIDTH, startBrowserApp, type BrowserApp } from '../support/browser';

let tab: BrowserApp;
let meetingId: string;
let chairId: string;
let memberName: string;
let chairToken: string;

beforeAll(async () => {
  tab = await startBrowserApp();
  const prisma = tab.database.db.prisma;
  const meeting = await prisma.meeting.findFirstOrThrow({
    where: { status: 'SCHEDULED', panel: { type: 'CMARAC' }, agendaItems: { some: { status: 'PLANNED' } } },
    orderBy: { startsAt: 'asc' },
    include: { panel: { include: { chairs: true, agencies: true } } },
  });
  meetingId = meeting.id;
  // Held today: a meeting is started and attended on its day, not before.
  await prisma.meeting.update({ where: { id: meetingId }, data: { startsAt: new Date(), endsAt: new Date(Date.now() + 7_200_000) } });
  chairId = meeting.panel.chairs[0]!.memberId;
  const chairIds = new Set(meeting.panel.chairs.map((chair) => chair.memberId));
  const members = await prisma.member.findMany({
    where: { agencyId: { in: meeting.panel.agencies.map((seat) => seat.agencyId) }, isActive: true },
    orderBy: { displayName: 'asc' },
  });
  memberName = members.find((member) => member.roles.includes('PANEL_MEMBER') && !chairIds.has(member.id))!.displayName;
  chairToken = await tab.app.signInAs(chairId);
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

async function chairMovesOn(): Promise<void> {
  const answer = await tab.app.call('POST', `/api/meetings/${meetingId}/next`, { token: chairToken, body: {} });
  expect(answer.status).toBe(200);
}

async function currentReference(): Promise<string> {
  const meeting = await tab.database.db.prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { currentItem: { include: { case: true } } },
  });
  return meeting.currentItem!.case.reference;
}

async function openSidePanel(): Promise<Page> {
  const page = await tab.openTab({ width: SIDE_PANEL_WIDTH, route: `meetings/${meetingId}/side-panel` });
  await signInThroughPicker(page, memberName);
  await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
  return page;
}

describe('the meeting side panel', () => {
  let page: Page;

  it('shows the agenda and asks for the confidentiality statement before any case', async () => {
    page = await openSidePanel();
    expect(await page.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await page.getByText('No case is being discussed yet.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Confidentiality statement' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Open the agenda page' }).getAttribute('href')).toBe(`#/meetings/${meetingId}`);
    expect(await pageOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('withholds the current case until the member accepts, then shows it', async () => {
    await chairMovesOn();
    const reference = await currentReference();
    await page.getByTestId('current-item').getByText(`Now: case ${reference}`).waitFor({ timeout: 3000 });
    expect(
      await page.getByText('Sign the attendance register and accept the confidentiality statement to see this case.').isVisible(),
    ).toBe(true);
    expect(await page.getByLabel(`Case ${reference}`).count()).toBe(0);
    await page.getByRole('button', { name: 'I accept: sign me in for my agency' }).click();
    await page.getByLabel(`Case ${reference}`).waitFor({ timeout: 3000 });
    expect(await page.getByRole('heading', { name: 'Confidentiality statement' }).count()).toBe(0);
  });

  it('follows the chair to the next item within two seconds', async () => {
    for (let step = 0; step < 2; step += 1) {
      await chairMovesOn();
      const reference = await currentReference();
      const movedAt = Date.now();
      await page.getByTestId('current-item').getByText(`Now: case ${reference}`).waitFor({ timeout: 2000 });
      expect(Date.now() - movedAt).toBeLessThan(2000);
      expect(await page.locator('li[aria-current="step"]').innerText()).toContain(`Case ${reference}`);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('explains, outside Teams, that the meeting page is opened from a Teams meeting', async () => {
    const outside = await tab.openTab({ width: SIDE_PANEL_WIDTH, route: 'meeting' });
    await signInThroughPicker(outside, memberName);
    await outside.getByRole('heading', { name: 'Open this in a Teams meeting' }).waitFor();
    await outside.context().close();
  });
});
