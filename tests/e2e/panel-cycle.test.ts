// A whole panel cycle in Debian's chromium over the demo partnership, each step by its role with real
// clicks from the page they start on: an officer refers a victim, the chair accepts the referral,
// schedules the next meeting (the case is on its agenda), hears the case in the meeting view and
// assigns an action, the action's owner works it to completion, and the chair approves the minutes,
// whose Word export is read back. Only the set-up moves the app's clock, to the meeting's day and
// then past its end. axe and themes are each page's own test's work.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { addDays, londonDateOf } from '../../api/domain/agenda/calendar-date';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import {
  collectPageErrors,
  SCREENSHOT_DIR,
  savedDownload,
  signInThroughPicker,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';

const REFERRER = DEMO_MEMBERS.find((member) => member.displayName === 'Dan Sample')!;
const CHAIR = DEMO_MEMBERS.find((member) => member.displayName === 'Priya Example')!;
const OFFICER = DEMO_MEMBERS.find((member) => member.displayName === 'Kate Mockley')!;
const PANEL = 'Fernbrook Community MARAC';
const DECISION = 'Police to patrol the close nightly; housing to fit a door chain and review the tenancy.';

/** The app's clock: real time until the set-up moves it to the meeting's day and then past its end. */
let now = new Date();
let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp({ clock: () => now });
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

jest.setTimeout(240_000);
// The steps build on each other: a retried step would start from the half-done state of its failed try.
jest.retryTimes(0);

async function signedInAtHome(member: { displayName: string }): Promise<Page> {
  const page = await tab.openTab({ route: '' });
  // Fail at the step that went wrong, well inside the test's own time limit.
  page.setDefaultTimeout(20_000);
  await signInThroughPicker(page, member.displayName);
  await page.getByRole('heading', { level: 2, name: 'Pages' }).waitFor();
  return page;
}

const navigateTo = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name, exact: true }).click();
const stepHeading = (page: Page, text: string | RegExp) => page.getByRole('heading', { level: 2, name: text });
const panelSection = (page: Page) => page.getByRole('region', { name: PANEL, exact: true });
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** Each API request the server refused, as '<status> <method> <path>'. */
function refusedRequests(page: Page): string[] {
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  return refused;
}

/** Answers every question on the step with its last (most serious) answer. */
async function answerAllSerious(page: Page): Promise<void> {
  const groups = page.getByRole('radiogroup');
  for (let i = 0; i < (await groups.count()); i += 1) await groups.nth(i).getByRole('radio').last().check();
}

describe('a whole panel cycle, each step by its role', () => {
  const familyName = `Cyclewright-${randomUUID().slice(0, 4)}`;
  let reference: string;
  let chair: Page;
  let chairErrors: string[];
  let meetingId: string;
  let meetingWhen: string;
  let actionTitle: string;

  it('1. the officer refers a victim through the form, checks the answers and submits', async () => {
    const page = await signedInAtHome(REFERRER);
    const errors = collectPageErrors(page);
    await navigateTo(page, 'Refer');
    await stepHeading(page, 'Step 1 of 7: Who or what').waitFor();
    await page.getByRole('radio', { name: 'A victim' }).check();
    await page.getByLabel('First name').fill('Avery');
    await page.getByLabel('Last name').fill(familyName);
    await page.getByLabel('Day').fill('4');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('1971');
    await page.getByRole('button', { name: 'Next' }).click();
    await stepHeading(page, 'Step 2 of 8: Consent to share').waitFor();
    await page.getByRole('radio', { name: 'Yes, they consented to their information being shared' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await stepHeading(page, 'Step 3 of 8: Personal vulnerability').waitFor();
    await answerAllSerious(page);
    for (const section of ['Situational vulnerability', 'Incidental vulnerability', 'Harm and impact']) {
      await page.getByRole('button', { name: 'Next' }).click();
      await stepHeading(page, new RegExp(`: ${section}$`)).waitFor();
      await answerAllSerious(page);
    }
    await page.getByText('15 of 15 questions answered').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await stepHeading(page, 'Step 7 of 8: Concerns and judgement').waitFor();
    await page
      .getByLabel('What is happening, and why are you referring?')
      .fill('Stones thrown at the windows nightly; the victim no longer goes out after dark.');
    await page.getByRole('button', { name: 'Next' }).click();

    await stepHeading(page, 'Step 8 of 8: Check your answers').waitFor();
    await page.getByRole('region', { name: 'Who or what' }).getByText(`Avery ${familyName}`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Submit referral' }).click();
    await stepHeading(page, 'Referral submitted').waitFor();
    await page.getByText(/^Routed to CMARAC because the victim scored 60/).waitFor();
    const caseLink = page.getByRole('link', { name: /^Open case / });
    reference = (await caseLink.textContent())!.replace('Open case ', '').trim();
    expect(reference).not.toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('2. the chair accepts the referral from the triage queue', async () => {
    chair = await signedInAtHome(CHAIR);
    chairErrors = collectPageErrors(chair);
    await navigateTo(chair, 'Referral triage');
    await chair.getByRole('heading', { level: 1, name: 'Referral triage' }).waitFor();
    await chair.getByRole('button', { name: `Open the referral for case ${reference}` }).click();
    await chair.getByRole('radio', { name: 'Accept for the panel' }).check();
    await chair.getByRole('button', { name: 'Record decision' }).click();
    await chair.getByText(`Accepted case ${reference} for ${PANEL}.`).waitFor();
  });

  it('3. the chair schedules the next meeting, and the accepted case is on its agenda', async () => {
    await navigateTo(chair, 'Meetings');
    await chair.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    const upcoming = panelSection(chair).getByRole('table', { name: `Upcoming ${PANEL} meetings` });
    await upcoming.waitFor();
    const rowsBefore = await upcoming.getByRole('row').count();
    await panelSection(chair).getByRole('button', { name: 'Schedule next meeting' }).click();
    const dialog = chair.getByRole('dialog');
    await dialog.getByTestId('proposed-meeting').waitFor();
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The new meeting is the next after every other: a row more, the last; its date opens its agenda.
    const newest = upcoming.getByRole('row').nth(rowsBefore);
    await newest.waitFor();
    const opening = newest.getByRole('link').first();
    meetingWhen = (await opening.textContent())!.trim();
    await opening.click();
    await chair.getByRole('heading', { level: 2, name: 'Running order' }).waitFor();
    meetingId = /#\/meetings\/([^/?]+)$/.exec(chair.url())![1]!;
    const scheduled = await tab.database.db.prisma.meeting.findFirstOrThrow({
      where: { panel: { name: PANEL } },
      orderBy: { startsAt: 'desc' },
    });
    expect(meetingId).toBe(scheduled.id);
    await chair.getByRole('listitem', { name: new RegExp(`^\\d+\\. Case ${reference}$`) }).waitFor();
    const item = await tab.database.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId, case: { reference } } });
    expect(item.status).toBe('PLANNED');
  });

  it('4. on the day, the chair signs in to the meeting view, records the outcome and assigns an action inline', async () => {
    // Set-up: the day of the meeting comes, and it is under way.
    const meeting = await tab.database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    now = new Date((meeting.startsAt.getTime() + meeting.endsAt.getTime()) / 2);

    // A new day: the chair opens the tab afresh and goes from Meetings to the meeting's agenda.
    expect(chairErrors).toEqual([]);
    await chair.context().close();
    chair = await signedInAtHome(CHAIR);
    chairErrors = collectPageErrors(chair);
    await navigateTo(chair, 'Meetings');
    await panelSection(chair)
      .getByRole('table', { name: `Upcoming ${PANEL} meetings` })
      .getByRole('link', { name: meetingWhen, exact: true })
      .click();
    await chair.getByRole('heading', { level: 2, name: 'Running order' }).waitFor();
    await chair.getByRole('link', { name: 'Open the meeting view' }).click();
    await chair.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    await chair.getByRole('button', { name: 'I accept: sign me in for my agency' }).click();
    await chair.getByRole('button', { name: 'Start the first item' }).click();
    // The chair moves through the agenda to the new case.
    const current = chair.getByTestId('current-item');
    await current.getByText(/^Now: case /).waitFor();
    for (let moves = 0; !(await current.innerText()).includes(`case ${reference}`); moves += 1) {
      expect(moves).toBeLessThan(12);
      const before = await current.innerText();
      await chair.getByRole('button', { name: 'Next item' }).click();
      await current.filter({ hasNotText: before }).waitFor();
    }

    const outcome = chair.getByRole('form', { name: `Outcome for case ${reference}` });
    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await outcome.getByRole('textbox', { name: 'What the panel decided' }).fill(DECISION);
    await outcome.getByRole('combobox', { name: 'Risk after this hearing' }).selectOption('MEDIUM');
    await outcome.getByRole('radio', { name: 'Keep on the panel' }).check();
    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await outcome.getByText(`Case ${reference}: keep on the panel; risk now medium.`).waitFor();

    const assign = chair.getByRole('form', { name: `Assign an action on case ${reference}` });
    actionTitle = `Fit a door chain at the flat ${randomUUID().slice(0, 6)}`;
    await assign.getByRole('textbox', { name: 'What will be done' }).fill(actionTitle);
    await assign.getByRole('combobox', { name: 'Agency' }).selectOption({ label: 'Fernbrook Homes' });
    await assign
      .getByRole('combobox', { name: 'Officer' })
      .locator('option', { hasText: OFFICER.displayName })
      .waitFor({ state: 'attached' });
    await assign.getByRole('combobox', { name: 'Officer' }).selectOption({ label: 'Kate Mockley, Tenancy Enforcement Officer' });
    await assign.getByLabel('Due').fill(addDays(londonDateOf(now), 14));
    await assign.getByRole('button', { name: 'Assign the action' }).click();
    await assign.getByText(new RegExp(`^"${actionTitle}" assigned to Kate Mockley, due `)).waitFor();
    const attendance = await tab.database.db.prisma.attendance.findUniqueOrThrow({
      where: { meetingId_memberId: { meetingId, memberId: CHAIR.id } },
    });
    expect([attendance.status, attendance.confidentialityAcceptedAt !== null]).toEqual(['PRESENT', true]);
  });

  it("5. the action's owner opens it from My actions, updates its progress and completes it", async () => {
    const page = await signedInAtHome(OFFICER);
    const errors = collectPageErrors(page);
    await page.getByRole('link', { name: 'My actions', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'My actions' }).waitFor();
    const row = page.getByRole('table', { name: 'My actions' }).getByRole('row', { name: literally(actionTitle) });
    await row.getByRole('link', { name: actionTitle, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: actionTitle }).waitFor();
    const commands = page.getByRole('group', { name: 'What you can do' });
    await commands.getByRole('button', { name: 'Accept', exact: true }).click();
    await commands.getByRole('button', { name: 'Update progress' }).click();
    await page.getByRole('textbox', { name: 'What has been done so far' }).fill('Contractor booked for Thursday.');
    await page.getByRole('button', { name: 'Save progress' }).click();
    await page.getByRole('table', { name: 'History of this action' }).getByText('Contractor booked for Thursday.').waitFor();
    await commands.getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByRole('textbox', { name: 'What was done, for the minutes' }).fill('The door chain was fitted on Thursday.');
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByText('There is nothing more for you to do on this action.').waitFor();
    expect(await tab.database.db.prisma.action.findFirstOrThrow({ where: { title: actionTitle } })).toMatchObject({
      status: 'COMPLETED',
      meetingId,
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('6. after the meeting, the chair drafts and approves the minutes, and the Word export holds the decision', async () => {
    // Set-up: the meeting is over.
    const meeting = await tab.database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    now = new Date(meeting.endsAt.getTime() + 3_600_000);

    // Another day: the chair opens the tab afresh.
    expect(chairErrors).toEqual([]);
    await chair.context().close();
    chair = await signedInAtHome(CHAIR);
    chairErrors = collectPageErrors(chair);
    const chairRefusals = refusedRequests(chair);
    await navigateTo(chair, 'Meetings');
    await panelSection(chair)
      .getByRole('table', { name: `Past ${PANEL} meetings` })
      .getByRole('link', { name: `Minutes of ${meetingWhen}: Not drafted` })
      .click();
    await chair.getByRole('heading', { level: 1, name: 'Minutes' }).waitFor();
    await chair.getByRole('button', { name: 'Draft the minutes' }).click();
    await chair
      .getByRole('article', { name: literally(`Case ${reference}`) })
      .getByText(`Decisions: ${DECISION}`)
      .waitFor();
    await chair.getByRole('button', { name: 'Approve the minutes' }).click();
    await chair.getByText(/^Approved by Priya Example on /).waitFor();
    await chair.screenshot({ path: path.join(SCREENSHOT_DIR, 'panel-cycle-minutes-approved.png'), fullPage: true });

    const downloading = chair.waitForEvent('download');
    await chair.getByRole('button', { name: 'Download as Word (.docx)' }).click();
    const zip = await JSZip.loadAsync(readFileSync(await savedDownload(await downloading)));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(reference);
    expect(text).toContain(DECISION);
    expect(text).toContain(actionTitle);
    expect(text).not.toContain('DRAFT');
    // The one refusal: the minutes page asked for minutes before they were drafted, and offered to draft them.
    expect(chairErrors).toEqual(['console error: Failed to load resource: the server responded with a status of 404 (Not Found)']);
    expect(chairRefusals).toEqual([`404 GET /api/meetings/${meetingId}/minutes`]);
    await chair.context().close();
  });
});
