// First run in production, in the browser: an empty database, Entra sign-in, the tab inside an
// emulated Teams host (tests/support/teams-host.ts). Anyone but the named first admin is told to
// wait; the first admin sets the partnership up with real clicks, adds agencies, finds a colleague
// through Graph's directory (the loopback fake) and adds them, sets up a panel, edits the location
// template and publishes it as version 2; the colleague then signs in through Teams and refers a
// location, which is scored with version 2.
import path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { DEFAULT_TEMPLATES } from '../../api/domain/risk/default-templates';
import { axeViolations, SCREENSHOT_DIR } from '../support/browser';
import { startTeamsDeployment, teamsSsoToken, type TeamsDeployment, type TeamsPerson } from '../support/teams-host';

const HOME_TENANT = '3c9d2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** A partner agency's tenant: its people may sign in, and it names its users as it likes. */
const PARTNER_TENANT = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';

const ADMIN: TeamsPerson = {
  tenantId: HOME_TENANT,
  objectId: 'a0000000-0000-4000-8000-00000000ad01',
  name: 'Ada Coordinator',
  upn: 'ada.coordinator@riverside.example',
};
const COLLEAGUE: TeamsPerson = {
  tenantId: HOME_TENANT,
  objectId: '5e1f0000-0000-4000-8000-00000000c0a1',
  name: 'Rowan Tenby',
  upn: 'rowan.tenby@riverside.example',
};
const STRANGER: TeamsPerson = {
  tenantId: HOME_TENANT,
  objectId: 'a0000000-0000-4000-8000-00000000ad02',
  name: 'Sam Else',
  upn: 'sam.else@riverside.example',
};
/** Someone in the partner tenant whose sign-in address copies the first admin's. */
const IMPOSTOR: TeamsPerson = { ...ADMIN, tenantId: PARTNER_TENANT, objectId: 'a0000000-0000-4000-8000-00000000ad03' };

const LOCATION_TEMPLATE = DEFAULT_TEMPLATES.find((template) => template.subjectType === 'LOCATION')!;
const PANEL = 'Riverside Problem-Solving Forum';

let teams: TeamsDeployment;

beforeAll(async () => {
  teams = await startTeamsDeployment({
    allowedTenants: [HOME_TENANT, PARTNER_TENANT],
    bootstrapAdmin: { tenantId: HOME_TENANT, upn: ADMIN.upn },
  });
  teams.graph.directoryUsers.push({
    id: COLLEAGUE.objectId,
    displayName: COLLEAGUE.name,
    mail: COLLEAGUE.upn,
    userPrincipalName: COLLEAGUE.upn,
    jobTitle: 'Tenancy Enforcement Officer',
    userType: 'Member',
  });
}, 180_000);

afterAll(async () => {
  await teams?.close();
});

jest.setTimeout(150_000);

const screenshot = (name: string) => path.join(SCREENSHOT_DIR, `first-run-${name}.png`);

/** A date two to three weeks ahead, as the panel form's date field takes it. */
function firstMeetingDate(): string {
  return new Date(Date.now() + 17 * 24 * 3600_000).toISOString().slice(0, 10);
}

async function openAdminPage(tab: FrameLocator, name: string): Promise<void> {
  await tab.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name, exact: true }).click();
  await tab.getByRole('heading', { level: 1, name }).waitFor();
}

describe('first run in Teams from an empty database', () => {
  it('tells anyone but the named first admin that it is not set up yet, and sets up nothing for them', async () => {
    for (const person of [STRANGER, IMPOSTOR]) {
      const { page, tab, tabFrame, unansweredCalls } = await teams.openInTeams(person);
      await tab.getByRole('heading', { level: 1, name: 'ASB Panels is not set up yet' }).waitFor();
      expect(await axeViolations(tabFrame())).toEqual([]);
      await tab.getByText('Your partnership’s administrator has not set ASB Panels up yet.', { exact: false }).waitFor();
      expect(await tab.getByRole('form', { name: 'Set up the partnership' }).count()).toBe(0);
      if (person === STRANGER) await page.screenshot({ path: screenshot('waiting') });
      expect(await unansweredCalls()).toEqual([]);

      const token = await teamsSsoToken(teams.issuer, person);
      const refused = await teams.app.call('POST', '/api/setup', {
        token,
        body: {
          partnershipName: 'Not ours',
          area: 'Anywhere',
          bankHolidayRegion: 'ENGLAND_AND_WALES',
          agencyName: 'Someone else',
          agencyType: 'OTHER',
        },
      });
      expect(refused.status).toBe(403);
      await page.context().close();
    }
    expect(await teams.database.db.prisma.partnership.count()).toBe(0);
  });

  it('lets the first admin set up the partnership, its agencies, a member, a panel and a template, which a referral then uses', async () => {
    const prisma = teams.database.db.prisma;
    const { page, tab, tabFrame, changeTheme } = await teams.openInTeams(ADMIN);

    // The set-up: a field left out is named beside it, and nothing is created.
    const setUp = tab.getByRole('form', { name: 'Set up the partnership' });
    await setUp.waitFor();
    await setUp.getByLabel('Partnership name').fill('Riverside Community Safety Partnership');
    await setUp.getByRole('button', { name: 'Set up the partnership' }).click();
    await setUp.getByText('Give the area it covers.').waitFor();
    await setUp.getByText('Choose the type of your agency.').waitFor();
    expect(await prisma.partnership.count()).toBe(0);
    expect(await setUp.getByLabel('Area it covers').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: screenshot('form-refused') });
    expect(await axeViolations(tabFrame())).toEqual([]);
    // Teams telling the tab its user chose the dark theme: the set-up follows it.
    await changeTheme('dark');
    await tab.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    expect(await axeViolations(tabFrame())).toEqual([]);
    await page.screenshot({ path: screenshot('form-refused-dark') });
    await changeTheme('default');
    await setUp.getByLabel('Area it covers').fill('Riverside District');
    // Answering a field takes its refusal away; the others stay until the next try.
    await setUp.getByText('Give the area it covers.').waitFor({ state: 'detached' });
    expect(await setUp.getByText('Choose the type of your agency.').count()).toBe(1);
    await setUp.getByRole('combobox', { name: 'Bank holidays' }).click();
    await tab.getByRole('option', { name: 'England and Wales' }).click();
    await setUp.getByRole('textbox', { name: 'Your agency' }).fill('Riverside Council ASB Team');
    await setUp.getByRole('combobox', { name: 'Your agency’s type' }).click();
    await tab.getByRole('option', { name: 'Council asb', exact: true }).click();
    await page.screenshot({ path: screenshot('form') });
    await setUp.getByRole('button', { name: 'Set up the partnership' }).click();

    // Home, as the partnership's admin, with the admin pages in the navigation.
    const nav = tab.getByRole('navigation', { name: 'Pages' });
    for (const name of ['Agencies', 'Members', 'Panels', 'Risk templates']) await nav.getByRole('link', { name, exact: true }).waitFor();
    await page.screenshot({ path: screenshot('home') });
    const admin = await prisma.member.findFirstOrThrow({ where: { entraObjectId: ADMIN.objectId } });
    expect(admin.roles).toEqual(['PARTNERSHIP_ADMIN']);

    // Agencies.
    await openAdminPage(tab, 'Agencies');
    const agencyForm = tab.getByRole('form', { name: 'Add an agency' });
    for (const [name, type] of [
      ['Riverside Police', 'Police'],
      ['Riverside Homes', 'Housing provider'],
    ]) {
      await agencyForm.getByLabel('Name').fill(name!);
      await agencyForm.getByRole('combobox', { name: 'Type' }).click();
      await tab.getByRole('option', { name: type, exact: true }).click();
      await agencyForm.getByRole('button', { name: 'Add agency' }).click();
      await tab
        .getByRole('status')
        .filter({ hasText: `${name} was added.` })
        .waitFor();
    }
    expect((await prisma.agency.findMany({ orderBy: { name: 'asc' } })).map((agency) => agency.name)).toEqual([
      'Riverside Council ASB Team',
      'Riverside Homes',
      'Riverside Police',
    ]);

    // A member, found by name in the organisation's directory.
    await openAdminPage(tab, 'Members');
    const search = tab.getByRole('search', { name: 'Find someone in the directory' });
    await search.getByLabel('Name or e-mail address').fill('Rowan');
    await search.getByRole('button', { name: 'Find' }).click();
    await tab.getByRole('table', { name: 'People found' }).getByRole('row').filter({ hasText: COLLEAGUE.name }).waitFor();
    await tab.getByRole('button', { name: `Add ${COLLEAGUE.name}` }).click();
    const memberForm = tab.getByRole('form', { name: `Add ${COLLEAGUE.name}` });
    await memberForm.getByRole('combobox', { name: 'Agency' }).selectOption({ label: 'Riverside Homes' });
    await memberForm.getByRole('checkbox', { name: 'Referrer' }).check();
    await memberForm.getByRole('checkbox', { name: 'Chair' }).check();
    await memberForm.getByRole('button', { name: 'Add member' }).click();
    await tab
      .getByRole('status')
      .filter({ hasText: `${COLLEAGUE.name} was added` })
      .waitFor();
    const colleague = await prisma.member.findFirstOrThrow({ where: { entraObjectId: COLLEAGUE.objectId } });
    expect([colleague.tenantId, [...colleague.roles].sort()]).toEqual([HOME_TENANT, ['PANEL_CHAIR', 'REFERRER']]);

    // A panel for problem locations, chaired by the new member.
    await openAdminPage(tab, 'Panels');
    const panelForm = tab.getByRole('form', { name: 'Add a panel' });
    await panelForm.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Problem-solving forum' });
    await panelForm.getByLabel('Name').fill(PANEL);
    await panelForm.getByRole('combobox', { name: 'Meets' }).selectOption({ label: 'Every few weeks' });
    await panelForm.getByLabel('Every how many weeks').fill('4');
    await panelForm.getByLabel('First meeting').fill(firstMeetingDate());
    await panelForm.getByLabel('Referral cut-off (days before)').fill('5');
    await panelForm.getByLabel('Meeting length (minutes)').fill('90');
    await panelForm.getByLabel('Minutes per case').fill('15');
    const seats = panelForm.getByRole('group', { name: 'Agencies' });
    for (const agency of ['Riverside Council ASB Team', 'Riverside Police', 'Riverside Homes']) {
      await seats.getByLabel(agency, { exact: true }).selectOption({ label: 'Core' });
    }
    await panelForm
      .getByRole('group', { name: 'Chairs' })
      .getByRole('checkbox', { name: `${COLLEAGUE.name} (Riverside Homes)` })
      .check();
    await panelForm.getByRole('button', { name: 'Add panel' }).click();
    await tab
      .getByRole('status')
      .filter({ hasText: `${PANEL} was added` })
      .waitFor();
    const panel = await prisma.panel.findFirstOrThrow({ where: { name: PANEL }, include: { agencies: true, chairs: true } });
    expect([panel.type, panel.agencies.length, panel.chairs.map((chair) => chair.memberId)]).toEqual([
      'PROBLEM_SOLVING_FORUM',
      3,
      [colleague.id],
    ]);

    // The location template: new help text for its first question, published as version 2.
    await openAdminPage(tab, 'Risk templates');
    await tab.getByRole('button', { name: `Edit ${LOCATION_TEMPLATE.name}` }).click();
    await tab.getByRole('heading', { name: `Editing ${LOCATION_TEMPLATE.name}: becomes version 2` }).waitFor();
    await tab.getByRole('button', { name: /^1\. / }).click();
    const helpText = 'Count the reports of the last three months, from every agency, not only your own.';
    await tab.getByLabel('Question 1 help text').fill(helpText);
    await tab.getByRole('button', { name: 'Publish version 2' }).click();
    await tab
      .getByRole('status')
      .filter({ hasText: `Published ${LOCATION_TEMPLATE.name} version 2.` })
      .waitFor();
    await page.screenshot({ path: screenshot('template-published') });
    const published = await prisma.riskTemplate.findFirstOrThrow({ where: { subjectType: 'LOCATION', isActive: true } });
    expect(published.version).toBe(2);
    expect(JSON.stringify(published.definition)).toContain(helpText);
    await page.context().close();

    // The new member signs in through Teams and refers a problem location with the mouse.
    const referrer = await teams.openInTeams(COLLEAGUE, { route: 'refer' });
    const form = referrer.tab;
    await form.getByRole('heading', { level: 1, name: 'Refer' }).waitFor();
    await form.getByRole('radio', { name: 'A problem location' }).check();
    await form.getByLabel('Address or place').fill('Quayside Steps');
    await form.getByLabel('Town').fill('Riverside');
    await form.getByLabel('Postcode').fill('ZX9 9ZZ');
    await form.getByRole('button', { name: 'Next' }).click();
    for (let step = 2; step <= 5; step += 1) {
      await form.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of 7`) }).waitFor();
      // The first question carries the help text just published.
      if (step === 2) await form.getByText(helpText).waitFor();
      const questions = form.getByRole('radiogroup');
      for (let q = 0; q < (await questions.count()); q += 1) await questions.nth(q).getByRole('radio').last().check();
      await form.getByRole('button', { name: 'Next' }).click();
    }
    await form.getByRole('heading', { level: 2, name: 'Step 6 of 7: Concerns and judgement' }).waitFor();
    await form.getByLabel('What is happening, and why are you referring?').fill('Fires and gatherings on the steps most evenings.');
    await form.getByRole('button', { name: 'Next' }).click();
    await form.getByRole('heading', { level: 2, name: 'Step 7 of 7: Check your answers' }).waitFor();
    await form.getByRole('button', { name: 'Submit referral' }).click();
    await form.getByRole('heading', { level: 2, name: 'Referral submitted' }).waitFor();
    await form.getByText(/^Routed to the Problem-Solving Forum/).waitFor();
    await referrer.page.screenshot({ path: screenshot('referral-submitted') });

    const referral = await prisma.referral.findFirstOrThrow({ where: { referrerId: colleague.id }, select: { id: true } });
    const assessment = await prisma.riskAssessment.findFirstOrThrow({
      where: { referralId: referral.id },
      select: { template: { select: { id: true, version: true } } },
    });
    expect(assessment.template).toEqual({ id: published.id, version: 2 });
    await referrer.page.context().close();
  });
});
