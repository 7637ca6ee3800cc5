// The chair hearing a case in the meeting side panel, in Debian's chromium at 320 px over the demo
// partnership: signs in to the meeting, starts the first item, records the outcome (decisions, risk
// re-rated, kept on) and assigns an action inline, which reaches the database and the case; then
// reviews an action from an earlier meeting under the agency scorecard; then does the same hearing
// from the agenda page in a full window. axe-core and screenshots in the three Teams themes.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, londonDateOf } from '../../api/domain/agenda/calendar-date';
import {
  axeViolations,
  collectPageErrors,
  pageOverflow,
  SCREENSHOT_DIR,
  SIDE_PANEL_WIDTH,
  signInThroughPicker,
  startBrowserApp,
  THEMES,
  type BrowserApp,
} from '../support/browser';

let tab: BrowserApp;
let meetingId: string;
let chairName: string;

beforeAll(async () => {
  tab = await startBrowserApp();
  const meeting = await tab.database.db.prisma.meeting.findFirstOrThrow({
    where: { status: 'SCHEDULED', panel: { type: 'CMARAC' }, agendaItems: { some: { status: 'PLANNED' } } },
    orderBy: { startsAt: 'asc' },
    include: { panel: { include: { chairs: { include: { member: true } } } } },
  });
  meetingId = meeting.id;
  // Held today: a meeting is started, attended and minuted on its day, not before.
  await tab.database.db.prisma.meeting.update({
    where: { id: meetingId },
    data: { startsAt: new Date(), endsAt: new Date(Date.now() + 7_200_000) },
  });
  chairName = meeting.panel.chairs[0]!.member.displayName;
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

async function openAsChair(): Promise<Page> {
  const page = await tab.openTab({ width: SIDE_PANEL_WIDTH, route: `meetings/${meetingId}/side-panel` });
  await signInThroughPicker(page, chairName);
  await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
  return page;
}

/**
 * Reloads the signed-in page in each theme (the sign-in is kept for the browser tab), for `check` to
 * wait for the view and test it: a new context and sign-in per theme would cost seconds more each.
 */
async function inEachTheme(page: Page, check: (theme: (typeof THEMES)[number]) => Promise<void>): Promise<void> {
  const url = new URL(page.url());
  for (const theme of THEMES) {
    url.searchParams.set('theme', theme);
    await page.goto(url.href);
    await check(theme);
  }
}

describe('the chair hearing a case in the side panel', () => {
  it('records the outcome and assigns an action inline on the case being heard', async () => {
    const page = await openAsChair();
    const errors = collectPageErrors(page);
    // The demo may have signed the chair in and started the meeting already: each is asked for only until done.
    const accept = page.getByRole('button', { name: 'I accept: sign me in for my agency' });
    if (await accept.isVisible()) await accept.click();
    const start = page.getByRole('button', { name: 'Start the first item' });
    if (await start.isVisible()) await start.click();
    const outcome = page.getByRole('form', { name: /^Outcome for case / });
    await outcome.waitFor();
    const item = await tab.database.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, status: 'CURRENT' },
      include: { case: true },
    });
    const reference = item.case.reference;
    expect(await page.getByRole('link', { name: `Open case ${reference}` }).getAttribute('href')).toBe(`#/cases/${item.caseId}`);

    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await outcome.getByText('Record what the panel decided.').waitFor();
    await outcome.getByRole('textbox', { name: 'What the panel decided' }).fill('Police to increase patrols; housing to fit a door chain.');
    await outcome.getByRole('combobox', { name: 'Risk after this hearing' }).selectOption('MEDIUM');
    await outcome.getByRole('radio', { name: 'Keep on the panel' }).check();
    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await outcome.getByText(`Case ${reference}: keep on the panel; risk now medium.`).waitFor();
    expect(await tab.database.db.prisma.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      decisions: 'Police to increase patrols; housing to fit a door chain.',
      caseDecision: 'KEEP_ON',
      riskBandAfter: 'MEDIUM',
    });
    expect((await tab.database.db.prisma.case.findUniqueOrThrow({ where: { id: item.caseId } })).currentRiskBand).toBe('MEDIUM');

    const assign = page.getByRole('form', { name: /^Assign an action on case / });
    const title = `Check the CCTV at the flats ${randomUUID().slice(0, 6)}`;
    await assign.getByRole('textbox', { name: 'What will be done' }).fill(title);
    await assign.getByRole('combobox', { name: 'Agency' }).selectOption({ label: 'Fernbrook Homes' });
    await assign.getByRole('combobox', { name: 'Officer' }).locator('option', { hasText: 'Kate Mockley' }).waitFor({ state: 'attached' });
    await assign.getByRole('combobox', { name: 'Officer' }).selectOption({ label: 'Kate Mockley, Tenancy Enforcement Officer' });
    const due = addDays(londonDateOf(new Date()), 14);
    await assign.getByLabel('Due').fill(due);
    await assign.getByRole('button', { name: 'Assign the action' }).click();
    await assign.getByText(new RegExp(`^"${title}" assigned to Kate Mockley, due `)).waitFor();
    const action = await tab.database.db.prisma.action.findFirstOrThrow({
      where: { title },
      include: { ownerMember: true },
    });
    expect(action).toMatchObject({ caseId: item.caseId, meetingId, agendaItemId: item.id, status: 'PROPOSED' });
    expect(action.ownerMember?.displayName).toBe('Kate Mockley');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);

    await inEachTheme(page, async (theme) => {
      await page.getByRole('form', { name: /^Outcome for case / }).waitFor();
      expect([theme, await axeViolations(page)]).toEqual([theme, []]);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `meeting-hearing-${theme}.png`), fullPage: true });
      // The whole side panel is many screens tall; the README shows the part the chair works in.
      await page
        .getByRole('form', { name: /^Outcome for case / })
        .screenshot({ path: path.join(SCREENSHOT_DIR, `meeting-outcome-form-${theme}.png`) });
    });
    await page.context().close();
  });

  it('reviews an action from an earlier meeting under the agency scorecard, and sends the note to the lead of an agency that did not do it', async () => {
    const page = await openAsChair();
    const errors = collectPageErrors(page);
    const section = page.getByRole('region', { name: 'Actions from earlier meetings' });
    await section.getByRole('heading', { level: 3, name: 'Agency scorecard' }).waitFor();
    const scorecard = section.getByRole('list', { name: 'Agency scorecard' });
    await scorecard.getByRole('listitem').first().waitFor();
    expect(await scorecard.getByRole('listitem').first().textContent()).toMatch(/^.+: \d+ open \(\d+ overdue\), \d+ completed$/);

    // The first action due for review that nobody has reviewed at this meeting yet.
    const first = section
      .getByRole('form')
      .filter({ has: page.getByRole('button', { name: 'Record the review' }) })
      .first();
    // Held by its name's ids: once recorded, its button reads "Change the review" and the filter above would move on.
    const review = section.locator(`form[aria-labelledby="${(await first.getAttribute('aria-labelledby'))!}"]`);
    const title = (await review.getByRole('heading', { level: 3 }).textContent())!;
    const action = await tab.database.db.prisma.action.findFirstOrThrow({
      where: { title, meeting: { startsAt: { lt: new Date() } }, reviews: { none: { meetingId } } },
      include: { case: true, ownerAgency: true },
    });
    // Keyboard: the outcome and the reason are radio groups reached and chosen from the keyboard.
    await review.getByRole('button', { name: 'Record the review' }).click();
    await review.getByText('Choose what the panel heard.').waitFor();
    await review.getByRole('radio', { name: 'Done', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await review.getByRole('radio', { name: 'Not done' }).isChecked()).toBe(true);
    await review.getByRole('radio', { name: 'The agency did not do it' }).check();
    await review.getByRole('textbox', { name: 'Note for the minutes' }).fill('No update given to the panel.');
    await review.getByRole('button', { name: 'Record the review' }).click();
    await review.getByText('Not done: the agency did not do it.').waitFor();
    expect(
      await tab.database.db.prisma.actionReview.findUniqueOrThrow({ where: { meetingId_actionId: { meetingId, actionId: action.id } } }),
    ).toMatchObject({ outcome: 'NOT_DONE', notDoneReason: 'AGENCY_DID_NOT_DO_IT', note: 'No update given to the panel.', version: 1 });
    // Without a lead for the agency the note can only be copied, and the chair is told who sets one.
    const note = review.getByRole('group', { name: `Note to ${action.ownerAgency.name}` });
    // The demo names a lead for some agencies only; this agency's lead is set below in any case, as its admin would.
    const leadId =
      action.ownerAgency.leadMemberId ??
      (await tab.database.db.prisma.member.findFirstOrThrow({ where: { agencyId: action.ownerAgencyId, isActive: true } })).id;
    await tab.database.db.prisma.agency.update({ where: { id: action.ownerAgencyId }, data: { leadMemberId: null } });
    await page.reload();
    await note.getByText(`No lead is set for ${action.ownerAgency.name}; the partnership admin sets one.`, { exact: false }).waitFor();
    const text = (await note.locator('p').nth(1).textContent())!;
    expect(text).toContain(`"${action.title}" on case ${action.case.reference}`);
    expect(text).not.toContain('No update given to the panel.');
    await note.getByRole('button', { name: 'Copy the note' }).click();
    await note.getByText(/^(Copied\.|The clipboard is not available)/).waitFor();

    // With the lead set again, the chair edits the note and sends it to them.
    await tab.database.db.prisma.agency.update({
      where: { id: action.ownerAgencyId },
      data: { leadMemberId: leadId },
    });
    const lead = await tab.database.db.prisma.member.findUniqueOrThrow({ where: { id: leadId } });
    await page.reload();
    const box = note.getByRole('textbox', { name: `Note to ${lead.displayName}, lead for ${action.ownerAgency.name}` });
    expect(await box.inputValue()).toBe(text);
    await box.fill(`${text} The panel meets again next month.`);
    await note.getByRole('button', { name: `Send to ${lead.displayName}` }).click();
    await note.getByText(new RegExp(`^By ${chairName}, `)).waitFor();
    expect(
      await tab.database.db.prisma.actionReview.findUniqueOrThrow({ where: { meetingId_actionId: { meetingId, actionId: action.id } } }),
    ).toMatchObject({ agencyNoteText: `${text} The panel meets again next month.`, agencyNoteSentAt: expect.any(Date) });
    expect(await tab.database.db.prisma.notification.count({ where: { kind: 'AGENCY_NOT_DONE_NOTE', recipientId: lead.id } })).toBe(1);
    // Read again, the note shows as sent, with its text as sent, and no way to send it twice.
    await page.reload();
    await note.getByText(`${text} The panel meets again next month.`).waitFor();
    await note.getByText(new RegExp(`^By ${chairName}, `)).waitFor();
    expect(await note.getByRole('button').count()).toBe(0);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    // A reload has teams-js ask its CDN for Teams' valid domains, which the tab's CSP refuses, as it should.
    expect(errors.filter((error) => !error.includes('teams-js/validDomains'))).toEqual([]);

    await inEachTheme(page, async (theme) => {
      await page
        .getByRole('group', { name: `Note to ${action.ownerAgency.name}` })
        .first()
        .waitFor();
      expect([theme, await axeViolations(page)]).toEqual([theme, []]);
      await page
        .getByRole('region', { name: 'Actions from earlier meetings' })
        .screenshot({ path: path.join(SCREENSHOT_DIR, `meeting-action-review-${theme}.png`) });
    });
    await page.context().close();
  });

  it('records the outcome and assigns an action from the agenda page too, and the agenda shows the band as re-rated', async () => {
    // The case is heard once the chair has started it, as in the side panel.
    const panel = await openAsChair();
    const accept = panel.getByRole('button', { name: 'I accept: sign me in for my agency' });
    if (await accept.isVisible()) await accept.click();
    const start = panel.getByRole('button', { name: 'Start the first item' });
    if (await start.isVisible()) await start.click();
    await panel.getByText(/^Now: case /).waitFor();
    await panel.context().close();
    const item = await tab.database.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, status: 'CURRENT' },
      include: { case: true },
    });
    const reference = item.case.reference;
    const band = item.case.currentRiskBand === 'HIGH' ? 'LOW' : 'HIGH';
    const bandWords = band === 'HIGH' ? 'High' : 'Low';

    const page = await tab.openTab({ route: `meetings/${meetingId}` });
    await signInThroughPicker(page, chairName);
    const errors = collectPageErrors(page);
    const row = page.getByRole('listitem', { name: new RegExp(`^\\d+\\. Case ${reference}$`) });
    // The case being heard opens with its forms; the button folds them away and back.
    const outcome = row.getByRole('form', { name: `Outcome for case ${reference}` });
    await outcome.waitFor();
    await row.getByRole('button', { name: `Hide the outcome and actions of case ${reference}` }).click();
    await outcome.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: `Record the outcome and actions of case ${reference}` }).click();

    await outcome.getByRole('textbox', { name: 'What the panel decided' }).fill('Housing to serve a warning letter; review next month.');
    await outcome.getByRole('combobox', { name: 'Risk after this hearing' }).selectOption(band);
    await outcome.getByRole('radio', { name: 'Keep on the panel' }).check();
    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await outcome.getByText(`Case ${reference}: keep on the panel; risk now ${bandWords.toLowerCase()}.`).waitFor();
    expect(await tab.database.db.prisma.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      decisions: 'Housing to serve a warning letter; review next month.',
      caseDecision: 'KEEP_ON',
      riskBandAfter: band,
    });
    // The agenda is read again: the row shows the case's band now, not the one it was drawn with.
    await row.getByText(`${bandWords} risk`, { exact: true }).waitFor();

    const assign = row.getByRole('form', { name: `Assign an action on case ${reference}` });
    const title = `Serve the warning letter ${randomUUID().slice(0, 6)}`;
    await assign.getByRole('textbox', { name: 'What will be done' }).fill(title);
    await assign.getByRole('combobox', { name: 'Agency' }).selectOption({ label: 'Fernbrook Homes' });
    await assign.getByLabel('Due').fill(addDays(londonDateOf(new Date()), 7));
    await assign.getByRole('button', { name: 'Assign the action' }).click();
    await assign.getByText(new RegExp(`^"${title}" assigned to Fernbrook Homes, due `)).waitFor();
    expect(await tab.database.db.prisma.action.findFirstOrThrow({ where: { title } })).toMatchObject({
      caseId: item.caseId,
      meetingId,
      agendaItemId: item.id,
      ownerMemberId: null,
    });
    // The review of earlier actions is on the agenda page as well.
    await page.getByRole('region', { name: 'Actions from earlier meetings' }).getByRole('heading', { name: 'Agency scorecard' }).waitFor();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);

    await inEachTheme(page, async (theme) => {
      await page.getByRole('form', { name: `Outcome for case ${reference}` }).waitFor();
      await page.getByRole('heading', { name: 'Agency scorecard' }).waitFor();
      expect([theme, await axeViolations(page)]).toEqual([theme, []]);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `meeting-agenda-hearing-${theme}.png`), fullPage: true });
    });
    await page.context().close();
  });
});
