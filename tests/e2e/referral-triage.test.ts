// A chair triaging referrals in Debian's chromium: from home through the navigation to the queue of
// the panel they chair, accepting one with the mouse, declining one by keyboard alone (a missing
// reason is named on its field first), a stale form shown the referral as it stands now, and axe in
// the light, dark and high-contrast themes.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { answersAll } from '../integration/referrals-fixtures';
import {
  axeViolations,
  collectPageErrors,
  SCREENSHOT_DIR,
  screenshotInThemes,
  signInThroughPicker,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';

const CHAIR = DEMO_MEMBERS.find((member) => member.displayName === 'Priya Example')!;
const REFERRER = DEMO_MEMBERS.find((member) => member.displayName === 'Tom Madeup')!;

let tab: BrowserApp;
const cases: string[] = [];

/** A high-risk victim referred over the API by a police referrer: it goes to the Community MARAC. */
async function refer(token: string, familyName: string): Promise<string> {
  const draft = {
    subject: { givenName: 'Triage', familyName, dateOfBirth: '1971-03-04' },
    concerns: 'Stones thrown at the windows most nights.',
    answers: answersAll('VICTIM', 'serious'),
    consent: { status: 'GIVEN' },
    match: { confirmedNew: true },
  };
  const started = await tab.app.call<{ id: string }>('POST', '/api/referrals', { token, body: { subjectType: 'VICTIM', draft } });
  const submitted = await tab.app.call<{ referral: { case: { reference: string } } }>('POST', `/api/referrals/${started.body.id}/submit`, {
    token,
  });
  return submitted.body.referral.case.reference;
}

beforeAll(async () => {
  tab = await startBrowserApp();
  const token = await tab.app.signInAs(REFERRER.id);
  cases.push(
    await refer(token, 'Exampleford'),
    await refer(token, 'Sampleworth'),
    await refer(token, 'Stalewood'),
    await refer(token, 'Rulesworth'),
  );
  // These stand for cases referred before consent was asked, so the chair sees that gap named.
  await tab.database.db.prisma.consentRecord.deleteMany({ where: { case: { reference: { in: cases } } } });
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

const queueReady = async (page: Page) => {
  await page.getByRole('heading', { level: 1, name: 'Referral triage' }).waitFor();
  await page.getByRole('table', { name: 'Awaiting decision referrals' }).waitFor();
};
const openButton = (page: Page, reference: string) => page.getByRole('button', { name: `Open the referral for case ${reference}` });

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

describe("the chair's referral triage", () => {
  it('accepts one referral with the mouse and declines another by keyboard alone, from the navigation', async () => {
    const [accepted, declined] = cases as [string, string];
    const page = await tab.openTab({ route: '' });
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, CHAIR.displayName);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Referral triage' }).click();
    await queueReady(page);
    expect(await page.getByRole('combobox', { name: 'Panel' }).inputValue()).not.toBe('');
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('SUBMITTED');

    // Accept: open it, read what is missing, record the decision.
    await openButton(page, accepted).click();
    await page.getByText('Missing from this referral:').waitFor();
    expect(await page.getByText('No consent or information-sharing basis is recorded for the person referred.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText(`Accepted case ${accepted} for Fernbrook Community MARAC.`).waitFor();
    expect(await openButton(page, accepted).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('ACCEPTED');
    await openButton(page, accepted).waitFor();

    // Decline by keyboard: back to the waiting list, open, choose Decline, leave the reason out first.
    await page.getByRole('combobox', { name: 'Status' }).selectOption('SUBMITTED');
    await openButton(page, declined).waitFor();
    await openButton(page, declined).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: 'Accept for the panel' }).waitFor();
    const record = page.getByRole('button', { name: 'Record decision' });
    await tabTo(page, page.getByRole('radio', { name: 'Accept for the panel' }));
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Decline' }).isChecked()).toBe(true);
    await tabTo(page, record);
    await page.keyboard.press('Enter');
    await page.getByText('Say why the panel will not hear this referral.').waitFor();
    await tabTo(page, page.getByRole('textbox', { name: /^Reason \(the referrer reads this\)/ }), 'Shift+Tab');
    await page.keyboard.type('Already heard at the domestic abuse MARAC last week.');
    await tabTo(page, record);
    await page.keyboard.press('Enter');
    await page.getByText(`Declined case ${declined}. The referrer has been told why.`).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('tells a chair whose form is stale that the referral changed, and shows it as it stands now', async () => {
    const stale = cases[2]!;
    const page = await tab.openTab({ route: 'referrals' });
    await signInThroughPicker(page, CHAIR.displayName);
    await queueReady(page);
    await openButton(page, stale).click();
    await page.getByRole('button', { name: 'Record decision' }).waitFor();
    // Meanwhile the other chair of the panel accepts it.
    const other = DEMO_MEMBERS.find((member) => member.displayName === 'Helen Placeholder')!;
    const { body } = await tab.app.call<{ referrals: { id: string; case: { reference: string } | null }[] }>(
      'GET',
      '/api/referral-triage',
      {
        token: await tab.app.signInAs(other.id),
      },
    );
    const id = body.referrals.find((row) => row.case?.reference === stale)!.id;
    expect(
      (
        await tab.app.call('POST', `/api/referrals/${id}/decision`, {
          token: await tab.app.signInAs(other.id),
          body: { decision: 'ACCEPT', expectedVersion: 0 },
        })
      ).status,
    ).toBe(200);
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('This referral has already been accepted by Helen Placeholder. It is shown below as it stands now.').waitFor();
    await page
      .getByRole('definition')
      .filter({ hasText: /^Accepted$/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
    await page.context().close();
  });

  it('shows the rules a referral was routed under, unchanged when the partnership changes its settings later', async () => {
    const sentBefore = cases[3]!;
    const admin = DEMO_MEMBERS.find((member) => member.roles.includes('PARTNERSHIP_ADMIN'))!;
    const adminToken = await tab.app.signInAs(admin.id);
    type Settings = { escalation: { incidents: number; withinDays: number }; repeatReferralWithinDays: number } & Record<string, unknown>;
    const { body: before } = await tab.app.call<Settings>('GET', '/api/partnership/settings', { token: adminToken });
    // The admin widens the escalation window after the referral was sent.
    const changed = { ...before, escalation: { ...before.escalation, withinDays: before.escalation.withinDays + 30 } };
    expect((await tab.app.call('PUT', '/api/partnership/settings', { token: adminToken, body: changed })).status).toBe(200);

    const page = await tab.openTab({ route: 'referrals' });
    await signInThroughPicker(page, CHAIR.displayName);
    await queueReady(page);
    await openButton(page, sentBefore).click();
    const rules = page.getByRole('definition').filter({ hasText: /^Escalation at / });
    await rules.waitFor();
    const words = await rules.innerText();
    expect(words).toContain(`Escalation at ${before.escalation.incidents} incidents in ${before.escalation.withinDays} days`);
    expect(words).toContain(`a repeat referral within ${before.repeatReferralWithinDays} days`);
    expect(words).toContain('(the partnership’s settings when it was sent)');
    expect(words).not.toContain(`in ${before.escalation.withinDays + 30} days`);
    await page.context().close();
  });

  it('has no axe violations with a referral open in the light, dark and high-contrast themes', async () => {
    const page = await tab.openTab({ route: 'referrals' });
    await signInThroughPicker(page, CHAIR.displayName);
    await queueReady(page);
    const found: Record<string, unknown[]> = {};
    await screenshotInThemes(page, 'referral-triage', async (p) => {
      await queueReady(p);
      await p.getByRole('combobox', { name: 'Status' }).selectOption('DECLINED');
      await openButton(p, cases[1]!).click();
      await p.getByText('Missing from this referral:').waitFor();
      found[new URL(p.url()).searchParams.get('theme') ?? ''] = await axeViolations(p);
    });
    expect(found).toEqual({ light: [], dark: [], contrast: [] });

    // The decision form too, with a redirect's fields showing.
    await page.getByRole('combobox', { name: 'Status' }).selectOption('SUBMITTED');
    const waiting = page.getByRole('table', { name: 'Awaiting decision referrals' }).getByRole('button', { name: /^Open the referral/ });
    await waiting.first().click();
    await page.getByRole('radio', { name: 'Redirect elsewhere' }).check();
    await page.getByRole('combobox', { name: 'Send it to' }).selectOption({ label: "The lead agency's casework" });
    await page.getByLabel('Review date').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'referral-triage-redirect-form.png'), fullPage: true });
    await page.context().close();
  });
});
