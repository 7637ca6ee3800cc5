// The guided referral form in headless Chromium against the real app and a demo partnership: one
// run with the mouse that links a known person and resumes after a reload, one by keyboard alone,
// axe on every step, and the 320 px meeting side panel.
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  focusedElement,
  pageOverflow,
  SCREENSHOT_DIR,
  screenshotInThemes,
  signInThroughPicker,
  SIDE_PANEL_WIDTH,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';

const REFERRER = 'Dan Sample';
let tab: BrowserApp;

beforeAll(async () => {
  tab = await startBrowserApp();
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

async function openForm(width?: number, referrer = REFERRER): Promise<Page> {
  const page = await tab.openTab({ route: 'refer', ...(width ? { width } : {}) });
  // Fail at the step that went wrong, well inside the test's own time limit.
  page.setDefaultTimeout(10_000);
  await signInThroughPicker(page, referrer);
  await page.getByRole('heading', { level: 1, name: 'Refer' }).waitFor();
  return page;
}

const stepHeading = (page: Page, text: string | RegExp) => page.getByRole('heading', { level: 2, name: text });

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** The debounced autosave has reached the server: the draft there passes `saved`. */
async function waitForSavedDraft(
  referralId: string,
  saved: (draft: { step?: string; answers?: Record<string, string> }) => boolean,
): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const referral = await tab.database.db.prisma.referral.findUnique({ where: { id: referralId }, select: { draft: true } });
    if (referral && saved((referral.draft ?? {}) as { step?: string; answers?: Record<string, string> })) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the draft never reached the server');
}

/** Answers every question on the step with its last (most serious) answer. */
async function answerAllSerious(page: Page): Promise<void> {
  const groups = page.getByRole('radiogroup');
  for (let i = 0; i < (await groups.count()); i += 1) await groups.nth(i).getByRole('radio').last().check();
}

/** The focused control's name as a screen reader reads it: a radio or input is named by its label. */
function focusedName(page: Page): Promise<string> {
  return page.locator(':root').evaluate((html) => {
    const element = html.ownerDocument.activeElement;
    const label = element?.labels?.[0]?.innerText as string | undefined;
    return (element?.getAttribute('aria-label') ?? label ?? element?.innerText ?? '').trim();
  });
}

async function tabTo(page: Page, name: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

jest.setTimeout(90_000);

describe('the referral form', () => {
  it('tells a referrer that a possible match sits on a case they cannot see, names nobody, and lets them go on as someone new', async () => {
    // A referrer, and someone on the demo cases whom their agency may not see: the API names nobody for them.
    const referrers = await tab.database.db.prisma.member.findMany({
      where: { roles: { has: 'REFERRER' } },
      orderBy: { displayName: 'asc' },
    });
    const people = await tab.database.db.prisma.person.findMany({ where: { anonymisedAt: null }, orderBy: { familyName: 'asc' } });
    let found: { referrer: string; person: (typeof people)[number] } | undefined;
    for (const referrer of referrers) {
      const token = await tab.app.signInAs(referrer.id);
      for (const person of people) {
        const query = new URLSearchParams({ givenName: person.givenName, familyName: person.familyName });
        const { body } = await tab.app.call<{ candidates: unknown[]; undisclosedMatch: boolean }>('GET', `/api/people?${query}`, { token });
        if (body.undisclosedMatch && body.candidates.length === 0) found = { referrer: referrer.displayName, person };
        if (found) break;
      }
      if (found) break;
    }
    expect(found).toBeDefined();
    const hidden = found!.person;
    const page = await openForm(undefined, found!.referrer);
    await page.getByRole('radio', { name: 'A victim' }).check();
    await page.getByLabel('First name').fill(hidden.givenName);
    await page.getByLabel('Last name').fill(hidden.familyName);
    await page.getByRole('button', { name: 'Check for existing records' }).click();
    await page.getByText(/A possible match exists on a case you cannot see\. Ask the panel chair or coordinator/).waitFor();
    expect(await page.getByText('No existing record looks like this one; a new one will be made.').count()).toBe(0);
    // Only "someone new" is offered: nobody's record is named or dated.
    const offered = await page.getByRole('radio').allTextContents();
    expect(offered.filter((label) => /born/.test(label))).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('link', { name: 'Choose the matching record, or say it is a new one.' }).waitFor();
    await page.screenshot({ path: 'tests/e2e/artifacts/referral-undisclosed-match.png', fullPage: true });
    await page.getByRole('radio', { name: 'None of these: it is someone new' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await stepHeading(page, 'Step 2 of 8: Consent to share').waitFor();
    await page.context().close();
  });

  it('links a known victim with their home and the basis for sharing without consent, survives a reload, and shows the score, band and route on submit', async () => {
    const known = await tab.database.db.prisma.person.findFirstOrThrow({
      where: { dateOfBirth: { not: null }, anonymisedAt: null, caseRoles: { some: { role: 'VICTIM' } } },
      orderBy: { familyName: 'asc' },
    });
    // Where they live is already known to the partnership: the form offers the place rather than keying it again.
    const knownHome = await tab.database.db.prisma.location.findFirstOrThrow({
      where: { anonymisedAt: null, kind: 'DWELLING', cases: { none: { case: { subjects: { some: { personId: known.id } } } } } },
      orderBy: { addressLine1: 'asc' },
    });
    const peopleBefore = await tab.database.db.prisma.person.count();
    const placesBefore = await tab.database.db.prisma.location.count();
    const page = await openForm();
    await stepHeading(page, 'Step 1 of 7: Who or what').waitFor();
    await page.getByRole('radio', { name: 'A victim' }).check();
    await page.getByLabel('First name').fill(known.givenName);
    await page.getByLabel('Last name').fill(known.familyName);
    const [year, month, day] = known.dateOfBirth!.toISOString().slice(0, 10).split('-');
    // Day, month and year in their own boxes, as GOV.UK asks for a date.
    await page.getByLabel('Day').fill(String(Number(day)));
    await page.getByLabel('Month').fill(String(Number(month)));
    await page.getByLabel('Year').fill(year!);
    // Where the victim lives: optional, in its own group, and typing it keeps the person chosen.
    const home = page.getByRole('group', { name: 'Where does the victim live? (optional)' });
    await home.getByLabel('Address line 1').fill(knownHome.addressLine1);
    await home.getByLabel('Town').fill(knownHome.town);
    await home.getByLabel('Postcode').fill(knownHome.postcode.toLowerCase());
    await page.getByRole('button', { name: 'Next' }).click();
    // Next searches first: the known person is offered and must be chosen or refused.
    await page.getByRole('link', { name: 'Choose the matching record, or say it is a new one.' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Choose the matching address, or say it is a new one.' }).waitFor();
    await page.screenshot({ path: 'tests/e2e/artifacts/referral-home-offered.png', fullPage: true });
    await page.getByRole('radio', { name: new RegExp(`^${known.givenName} ${known.familyName}, born`) }).check();
    await home
      .getByRole('radio', { name: /same postcode/ })
      .first()
      .check();
    await page.getByRole('button', { name: 'Next' }).click();

    // Consent is asked; without it, the lawful basis and why it applies are required before going on.
    await stepHeading(page, 'Step 2 of 8: Consent to share').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Say whether the person consented to sharing their information.' }).waitFor();
    await page.getByRole('radio', { name: 'No, they refused' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await summary.getByRole('link', { name: 'Say why sharing without consent is necessary and proportionate.' }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Choose the lawful basis for sharing their information without consent.',
      'Say why sharing without consent is necessary and proportionate.',
    ]);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'tests/e2e/artifacts/referral-consent-errors.png', fullPage: true });
    await page.getByRole('radio', { name: /^Public task/ }).check();
    await page
      .getByLabel('Why is sharing without consent necessary and proportionate?')
      .fill('She fears reprisals if asked; the threats are escalating.');
    await page.getByRole('button', { name: 'Next' }).click();

    await stepHeading(page, 'Step 3 of 8: Personal vulnerability').waitFor();
    expect(await page.getByText('Include conditions the ASB is making worse. Ask the victim; do not assume.').count()).toBe(1);
    await answerAllSerious(page);
    await page.getByText('4 of 15 questions answered').waitFor();
    await expectNoAxeViolations(page);
    await page.getByText(/^Draft saved at/).waitFor();

    // The address now names the draft: reloading resumes it where it was left, once the server has it.
    expect(page.url()).toMatch(/#\/referrals\/[0-9a-f-]{36}$/);
    await waitForSavedDraft(
      page.url().split('/').pop()!,
      (draft) => draft.step !== 'subject' && Object.keys(draft.answers ?? {}).length === 4,
    );
    await page.reload();
    await stepHeading(page, 'Step 3 of 8: Personal vulnerability').waitFor();
    await page.getByText('4 of 15 questions answered').waitFor();

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
    await page.getByText('You have 4,921 characters remaining').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Next' }).click();

    // Check your answers: every step's answers, each group with a way back to change it.
    await stepHeading(page, 'Step 8 of 8: Check your answers').waitFor();
    const who = page.getByRole('region', { name: 'Who or what' });
    await who.getByText(`${known.givenName} ${known.familyName}`, { exact: true }).waitFor();
    await who.getByText('An existing record you chose').waitFor();
    await who.getByText(`${knownHome.addressLine1}, ${knownHome.town}, ${knownHome.postcode.toLowerCase()}`).waitFor();
    await page.getByRole('region', { name: 'Consent to share' }).getByText('No, they refused').waitFor();
    expect(await page.getByRole('button', { name: /^Change / }).count()).toBe(7);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'referral-check-answers.png'), fullPage: true });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Submit referral' }).click();

    await stepHeading(page, 'Referral submitted').waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'H2', name: 'Referral submitted' });
    await page.getByText(/^Routed to CMARAC because the victim scored 60 \(high, threshold 32\)/).waitFor();
    expect(await page.getByText('60 of 60 (threshold 32)').count()).toBe(1);
    await expectNoAxeViolations(page);

    const submitted = await tab.database.db.prisma.referral.findFirstOrThrow({
      where: { personId: known.id, status: 'SUBMITTED', referrer: { displayName: REFERRER } },
    });
    expect([submitted.route, submitted.criteriaMet.includes('VISIBLE_HIGH_RISK')]).toEqual(['PANEL', true]);
    expect(await tab.database.db.prisma.person.count()).toBe(peopleBefore);
    const homeLink = await tab.database.db.prisma.caseLocation.findFirstOrThrow({
      where: { caseId: submitted.caseId!, personId: known.id },
      select: { role: true, locationId: true },
    });
    expect(homeLink).toEqual({ role: 'VICTIM_HOME', locationId: knownHome.id });
    expect(await tab.database.db.prisma.location.count()).toBe(placesBefore);
    expect(
      await tab.database.db.prisma.consentRecord.findFirstOrThrow({
        where: { caseId: submitted.caseId!, personId: known.id },
        orderBy: { recordedAt: 'desc' },
        select: { consent: true, lawfulBasis: true, justification: true },
      }),
    ).toEqual({
      consent: 'REFUSED',
      lawfulBasis: 'PUBLIC_TASK',
      justification: 'She fears reprisals if asked; the threats are escalating.',
    });

    // The result links to the case, and offers to refer another from an empty form.
    const kase = await tab.database.db.prisma.case.findUniqueOrThrow({ where: { id: submitted.caseId! } });
    expect(await page.getByRole('link', { name: `Open case ${kase.reference}` }).getAttribute('href')).toBe(`#/cases/${kase.id}`);
    await page.getByRole('button', { name: 'Refer another' }).click();
    await stepHeading(page, 'Step 1 of 7: Who or what').waitFor();
    expect(await page.getByLabel('First name').count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'A victim' }).isChecked()).toBe(false);

    // The case page shows where the victim lives and the basis for sharing; the referrer's agency, now
    // working the case, records that she has since consented.
    await page.goto(page.url().replace(/#.*$/, `#/cases/${kase.id}`));
    await page.getByRole('heading', { level: 1, name: `Case ${kase.reference}` }).waitFor();
    await page.getByText(`Where ${known.givenName} ${known.familyName} (victim) lives.`, { exact: false }).first().waitFor();
    const consent = page.getByRole('region', { name: `${known.givenName} ${known.familyName} (victim)` });
    await consent.getByText('No, they refused').waitFor();
    await consent.getByText('She fears reprisals if asked; the threats are escalating.').waitFor();
    await consent.getByRole('button', { name: `Record a change for ${known.givenName} ${known.familyName}` }).click();
    await consent.getByRole('button', { name: 'Save consent' }).click();
    await page.getByRole('link', { name: 'Say whether the person consented to sharing their information.' }).waitFor();
    await expectNoAxeViolations(page);
    await consent.getByRole('radio', { name: 'Yes, they consented to their information being shared' }).check();
    await consent.getByRole('button', { name: 'Save consent' }).click();
    await consent.getByText(/^Consent \(UK GDPR Article 6\(1\)\(a\)\)$/).waitFor();
    expect(await consent.getByText('No, they refused').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-consent.png'), fullPage: true });
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('saves a change typed just before the page is left, with a request that outlives the page', async () => {
    // Another referrer than the other tests', whose list of unfinished referrals this draft would join.
    const referrer = 'Tom Madeup';
    const page = await openForm(undefined, referrer);
    await stepHeading(page, 'Step 1 of 7: Who or what').waitFor();
    await page.getByRole('radio', { name: 'A victim' }).check();
    await page.getByLabel('Last name').fill('Keepalive-Testcase');
    // Within the autosave's wait: the change leaves with the page (pagehide, keepalive), not with the timer.
    await page.reload();
    const tom = await tab.database.db.prisma.member.findFirstOrThrow({ where: { displayName: referrer } });
    let saved = false;
    for (let waited = 0; waited < 20_000 && !saved; waited += 100) {
      const drafts = await tab.database.db.prisma.referral.findMany({
        where: { referrerId: tom.id, status: 'DRAFT' },
        select: { draft: true },
      });
      saved = drafts.some((r) => (r.draft as { subject?: { familyName?: string } } | null)?.subject?.familyName === 'Keepalive-Testcase');
      if (!saved) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(saved).toBe(true);
    await page.context().close();
  });

  it('checks each step before Next: the error summary takes focus and each problem leads to its field', async () => {
    const page = await openForm();
    await page.getByRole('radio', { name: 'A perpetrator' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'DIV' });
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      "Enter the perpetrator's first name.",
      "Enter the perpetrator's last name.",
    ]);
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: "Enter the perpetrator's first name." }).click();
    expect(await focusedName(page)).toBe('First name');
    await page.keyboard.type('Zebedee');
    await page.getByLabel('Last name').fill('Nonexistent-Testcase');

    // A date of birth that is no date, then one in the future: each said on the field, in words.
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('1990');
    await page.getByRole('button', { name: 'Next' }).click();
    await summary.getByRole('link', { name: 'Date of birth must be a real date.' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'referral-error-summary.png'), fullPage: true });
    expect(
      await page.getByRole('group', { name: 'Date of birth (optional)' }).getByText('Date of birth must be a real date.').count(),
    ).toBe(1);
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
    await page.getByRole('button', { name: 'Next' }).click();
    await summary.getByRole('link', { name: 'Date of birth must be in the past.' }).waitFor();
    await page.getByLabel('Year').fill('');
    await page.getByRole('button', { name: 'Next' }).click();
    await summary.getByRole('link', { name: 'Date of birth must include a year.' }).waitFor();
    for (const box of ['Day', 'Month']) await page.getByLabel(box).fill('');
    await page.getByRole('button', { name: 'Next' }).click();
    // Next either offers possible matches (then "someone new" is chosen) or goes straight on: wait for
    // whichever comes, rather than for a match list that may never come.
    const someoneNew = page.getByRole('radio', { name: 'None of these: it is someone new' });
    await someoneNew.or(stepHeading(page, /^Step 2 of 8/)).waitFor();
    if (await someoneNew.isVisible()) {
      await someoneNew.check();
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await stepHeading(page, 'Step 2 of 8: Consent to share').waitFor();
    await page.getByRole('radio', { name: 'Yes, they consented to their information being shared' }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    // Unanswered questions keep the referrer on the step; a link takes them to the question.
    await stepHeading(page, 'Step 3 of 8: Personal vulnerability').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await summary.waitFor();
    const first = summary.getByRole('link', { name: /^Please answer "/ }).first();
    const wording = /^Please answer "(.*)"$/.exec((await first.textContent())!)![1]!;
    await first.click();
    expect(
      await page
        .getByRole('radiogroup', { name: wording })
        .getByRole('radio')
        .first()
        .evaluate((radio) => radio === radio.ownerDocument.activeElement),
    ).toBe(true);
    await stepHeading(page, 'Step 3 of 8: Personal vulnerability').waitFor();
    await page.context().close();
  });

  it('withdraws a draft with a reason, asking for one when it is left blank, and shows it withdrawn after a reload', async () => {
    const page = await openForm();
    await page.getByRole('radio', { name: 'A victim' }).check();
    await page.getByLabel('First name').fill('Winifred');
    await page.getByLabel('Last name').fill('Withdrawn-Testcase');
    await page.getByText(/^Draft saved at/).waitFor();
    const id = /#\/referrals\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(id).toBeDefined();

    await page.getByRole('button', { name: 'Withdraw draft' }).click();
    const reason = page.getByLabel(/^Why are you withdrawing this referral\?/);
    expect(await focusedName(page)).toMatch(/^Why are you withdrawing this referral\?/);
    await page.getByRole('button', { name: 'Withdraw referral' }).click();
    await page.getByText('Say why the referral is withdrawn.').waitFor();
    expect((await tab.database.db.prisma.referral.findUniqueOrThrow({ where: { id: id! } })).status).toBe('DRAFT');
    await expectNoAxeViolations(page);

    await reason.fill('Started by mistake: the victim was referred by housing this morning.');
    await page.getByRole('button', { name: 'Withdraw referral' }).click();
    await page.getByText('This referral was withdrawn').waitFor();
    await page.getByText(/By Dan Sample on .*: Started by mistake: the victim was referred by housing this morning\.$/).waitFor();
    const stored = await tab.database.db.prisma.referral.findUniqueOrThrow({ where: { id: id! } });
    expect([stored.status, stored.withdrawalReason]).toEqual([
      'WITHDRAWN',
      'Started by mistake: the victim was referred by housing this morning.',
    ]);

    await page.reload();
    await page.getByText('This referral was withdrawn').waitFor();
    expect(await page.getByRole('button', { name: 'Submit referral' }).count()).toBe(0);
    await page.context().close();
  });

  it('can be completed with the keyboard alone', async () => {
    const page = await openForm();
    await page.locator('body').focus();
    await tabTo(page, 'A victim');
    // Arrow keys move through the radio group and choose as they go: victim → perpetrator → location.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'A problem location' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Quillfeather Allotments');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fernbrook');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ZX9 9ZZ');
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');

    for (let step = 2; step <= 5; step += 1) {
      await stepHeading(page, new RegExp(`^Step ${step} of 7`)).waitFor();
      expect((await focusedElement(page)).tag).toBe('H2');
      const questions = await page.getByRole('radiogroup').count();
      for (let q = 0; q < questions; q += 1) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
      }
      await tabTo(page, 'Next');
      await page.keyboard.press('Enter');
    }
    await stepHeading(page, 'Step 6 of 7: Concerns and judgement').waitFor();
    await page.getByText('10 of 10 questions answered').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fires and gatherings most evenings; residents avoid the path after dark.');
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await stepHeading(page, 'Step 7 of 7: Check your answers').waitFor();
    await tabTo(page, 'Submit referral');
    await page.keyboard.press('Enter');
    await stepHeading(page, 'Referral submitted').waitFor();
    await page.getByText(/^Routed to the Problem-Solving Forum because the location scored 40/).waitFor();
    await page.context().close();
  });

  it('reads in the light, dark and high-contrast themes with no accessibility violations', async () => {
    const page = await openForm();
    await page.getByRole('radio', { name: 'A victim' }).check();
    await page.getByLabel('First name').fill('Theo');
    await page.getByLabel('Last name').fill('Themes-Testperson');
    await page.getByRole('button', { name: 'Next' }).click();
    await stepHeading(page, 'Step 2 of 8: Consent to share').waitFor();
    await page.getByRole('radio', { name: 'Yes, they consented to their information being shared' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    // Until step 3 is shown, the first radio group is still the consent question.
    await stepHeading(page, 'Step 3 of 8: Personal vulnerability').waitFor();
    await page.getByRole('radiogroup').first().getByRole('radio').last().check();
    await page.getByText(/^Draft saved at/).waitFor();
    // Each theme reloads the page: only once the server has the draft at step 2 does the reload come back there.
    await waitForSavedDraft(page.url().split('/').pop()!, (draft) => draft.step === 'PERSONAL');
    const files = await screenshotInThemes(page, 'referral-form', async (themed) => {
      await stepHeading(themed, 'Step 3 of 8: Personal vulnerability').waitFor();
      // Each theme reloads the resumed draft; that the answer itself survives a reload is the first test's concern.
      await themed.getByText(/^\d+ of 15 questions answered$/).waitFor();
      expect(await axeViolations(themed)).toEqual([]);
    });
    expect(files).toHaveLength(3);
    await page.context().close();
  });

  it('tells a member whose role does not refer what to do, and leaves Refer out of their navigation', async () => {
    const page = await tab.openTab({ route: 'refer' });
    await signInThroughPicker(page, 'Ruth Notreal');
    await page.getByRole('heading', { level: 2, name: 'Your role does not make referrals' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Refer' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    await page.context().close();
  });

  it('fits the 320 px meeting side panel without sideways scrolling', async () => {
    const page = await openForm(SIDE_PANEL_WIDTH);
    await page.getByRole('radio', { name: 'A victim' }).check();
    await page.getByLabel('First name').fill('Narrow');
    await page.getByLabel('Last name').fill('Panel-Testperson');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Next' }).click();
    await stepHeading(page, 'Step 2 of 8: Consent to share').waitFor();
    // The lawful bases are the longest labels on the form.
    await page.getByRole('radio', { name: 'Consent was not sought' }).check();
    await page.getByRole('radio', { name: /^Public task/ }).waitFor();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
