// The chair's meetings and minutes in Debian's chromium, over the demo partnership: from home through
// the navigation to Meetings, scheduling the next meeting from the cadence and moving it by keyboard,
// then a held meeting's draft minutes: a decision corrected, approved, downloaded as Word (read back
// with jszip) and circulated in Teams (fake Bot Connector on loopback). axe in all three themes.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { londonInstant } from '../../api/domain/agenda/calendar-date';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { teamsActivity } from '../bot/sending-fixtures';
import {
  axeViolations,
  collectPageErrors,
  savedDownload,
  screenshotInThemes,
  signInThroughPicker,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';

const CHAIR = DEMO_MEMBERS.find((member) => member.displayName === 'Priya Example')!;
const CHAIR_CHAT = 'a:1personal-priya';
const PANEL = 'Fernbrook Community MARAC';
const EDITED = 'Housing to offer a management move; police to visit weekly until the review.';

let tab: BrowserApp;
let connector: FakeBotConnector;
let panelId: string;
let heldMeetingId: string;

beforeAll(async () => {
  connector = await startFakeBotConnector();
  tab = await startBrowserApp();
  const prisma = tab.database.db.prisma;
  panelId = (await prisma.panel.findFirstOrThrow({ where: { name: PANEL } })).id;
  // The panel's last meeting held has its minutes still in draft; every earlier one is approved.
  const held = await prisma.meeting.findMany({
    where: { panelId, status: 'ENDED', agendaItems: { some: { status: 'DISCUSSED' } } },
    orderBy: { startsAt: 'desc' },
  });
  heldMeetingId = held[0]!.id;
  await prisma.meetingMinutes.updateMany({ where: { meeting: { panelId } }, data: { status: 'APPROVED', circulatedAt: new Date() } });
  await prisma.meetingMinutes.update({
    where: { meetingId: heldMeetingId },
    data: { status: 'DRAFT', approvedById: null, approvedAt: null, circulatedAt: null },
  });
  await prisma.attendance.updateMany({ where: { meetingId: heldMeetingId, memberId: CHAIR.id }, data: { status: 'PRESENT' } });
  await teamsActivity(tab.database.db, connector.serviceUrl, {
    conversationId: CHAIR_CHAT,
    aad: CHAIR.entraObjectId,
    userId: '29:1priya',
    tenantId: CHAIR.tenantId,
  });
}, 180_000);

afterAll(async () => {
  await tab?.close();
  await connector?.close();
});

const panelSection = (page: Page) => page.getByRole('region', { name: PANEL, exact: true });

async function axeInThemes(page: Page, name: string, ready: (page: Page) => Promise<void>): Promise<void> {
  const files = await screenshotInThemes(page, name, async (themed) => {
    await ready(themed);
    expect(await axeViolations(themed)).toEqual([]);
  });
  expect(files).toHaveLength(3);
}

describe("the chair's meetings and minutes", () => {
  let page: Page;
  let errors: string[];

  it('goes from home to Meetings, schedules the next meeting on the date the cadence proposes, and moves it by keyboard', async () => {
    page = await tab.openTab({ route: '' });
    errors = collectPageErrors(page);
    await signInThroughPicker(page, CHAIR.displayName);
    const due = page.getByRole('table', { name: 'Minutes awaiting approval and when each is due' });
    await due.waitFor();
    expect(await due.getByRole('link', { name: new RegExp(`^${PANEL}, `) }).count()).toBe(1);

    await page.getByRole('navigation').getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    const before = await tab.database.db.prisma.meeting.count({ where: { panelId } });
    const upcoming = panelSection(page).getByRole('table', { name: `Upcoming ${PANEL} meetings` });
    const rescheduleButtons = upcoming.getByRole('button', { name: /^Reschedule the meeting of / });
    const listedBefore = await rescheduleButtons.count();
    await panelSection(page).getByRole('button', { name: 'Schedule next meeting' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('proposed-meeting').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await tab.database.db.prisma.meeting.count({ where: { panelId } })).toBe(before + 1);
    const scheduled = await tab.database.db.prisma.meeting.findFirstOrThrow({ where: { panelId }, orderBy: { startsAt: 'desc' } });
    expect(scheduled.teamsSyncStatus).toBe('PENDING');

    // The newest meeting is the last upcoming row once the list has reloaded with it (until then the
    // last row is an older meeting); the chair moves it a day on, at 14:00, by keyboard.
    await rescheduleButtons.nth(listedBefore).waitFor();
    await rescheduleButtons.last().focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: /^Reschedule the meeting of / });
    const nextDay = new Date(scheduled.startsAt.getTime() + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('New date').fill(nextDay);
    await form.getByLabel('Start time (London)').fill('14:00');
    await form.getByLabel('Start time (London)').press('Enter');
    await form.waitFor({ state: 'hidden' });
    const moved = await tab.database.db.prisma.meeting.findUniqueOrThrow({ where: { id: scheduled.id } });
    expect(moved.startsAt.toISOString()).toBe(londonInstant(nextDay, '14:00').toISOString());
    expect(moved.version).toBe(scheduled.version + 1);
    await axeInThemes(page, 'meetings-chair', async (themed) => {
      await themed.getByRole('table', { name: `Upcoming ${PANEL} meetings` }).waitFor();
    });
  });

  it("opens a held meeting's draft minutes, corrects a decision, approves, downloads and circulates them", async () => {
    await panelSection(page)
      .getByRole('link', { name: /^Minutes of .*: Draft, due / })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Minutes' }).waitFor();
    expect(page.url()).toContain(`#/meetings/${heldMeetingId}/minutes`);
    await page.getByText('OFFICIAL-SENSITIVE', { exact: false }).first().waitFor();

    const firstEdit = page.getByRole('button', { name: /^Edit the decisions for case / }).first();
    const caseReference = (await firstEdit.getAttribute('aria-label'))!.replace('Edit the decisions for case ', '');
    await firstEdit.click();
    const decisions = page.getByLabel(`Decisions for case ${caseReference}`);
    await decisions.fill(EDITED);
    await page.getByRole('button', { name: 'Save decisions' }).click();
    await page.getByText(`Decisions: ${EDITED}`).waitFor();
    const item = await tab.database.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: heldMeetingId, case: { reference: caseReference } },
    });
    expect(item.decisions).toBe(EDITED);

    await page.getByRole('button', { name: 'Approve the minutes' }).click();
    await page.getByText(/^Approved by Priya Example on /).waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as Word (.docx)' }).click();
    const file = await savedDownload(await downloading);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(EDITED);
    expect(text).not.toContain('DRAFT');

    await page.getByRole('button', { name: 'Circulate to attending agencies' }).click();
    await page.getByText(/^Circulated to the members of \d+ agenc(y|ies) that attended: /).waitFor();
    const [message] = connector.delivered(CHAIR_CHAT).map((request) => (request.body as { text: string }).text);
    expect(message).toMatch(/^OFFICIAL-SENSITIVE: the approved minutes of the Fernbrook Community MARAC meeting on /);
    expect(message).not.toContain(caseReference);
    expect(message).not.toContain(EDITED);
    const minutes = await tab.database.db.prisma.meetingMinutes.findUniqueOrThrow({ where: { meetingId: heldMeetingId } });
    expect([minutes.status, minutes.circulatedAt !== null]).toEqual(['APPROVED', true]);
    await axeInThemes(page, 'minutes-chair', async (themed) => {
      await themed.getByText(/^Approved by Priya Example on /).waitFor();
    });
    // teams-js, outside Teams, asks its CDN for valid domains; the tab's CSP refuses that, as it should.
    expect(errors.filter((error) => !error.includes('teams-js/validDomains'))).toEqual([]);
    await page.context().close();
  });
});

describe('a panel member on the meetings and minutes pages', () => {
  it("reads the meetings and the minutes and downloads them, with none of the chair's buttons", async () => {
    const member = DEMO_MEMBERS.find((m) => m.displayName === 'Grace Testington')!;
    const page = await tab.openTab({ route: '' });
    await signInThroughPicker(page, member.displayName);
    await page.getByRole('navigation').getByRole('link', { name: 'Meetings', exact: true }).click();
    await panelSection(page)
      .getByRole('table', { name: `Past ${PANEL} meetings` })
      .waitFor();
    expect(await page.getByRole('button', { name: /^Schedule next meeting$|^Reschedule|^Cancel meeting|^Retry$/ }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Minutes awaiting approval and when each is due' }).count()).toBe(0);
    await panelSection(page)
      .getByRole('link', { name: /^Minutes of .*: Approved, circulated/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Minutes' }).waitFor();
    await page.getByRole('button', { name: 'Download as Word (.docx)' }).waitFor();
    expect(await page.getByRole('button', { name: /^Approve|^Circulate|^Edit the decisions|^Draft the minutes/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
