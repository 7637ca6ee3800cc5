// The audit trail page in headless Chromium against the real app and demo data: auditors page and
// filter the trail, check its hash chain (and see a tampered entry named), and it passes axe.
import { readFileSync } from 'node:fs';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { axeViolations, collectPageErrors, savedDownload, signInThroughPicker, startBrowserApp, type BrowserApp } from '../support/browser';

const TODAY = new Date('2026-11-02T10:00:00Z');
const member = (name: string) => DEMO_MEMBERS.find((m) => m.displayName === name)!;
const auditor = member('Ruth Notreal');
const chair = member('Priya Example');

let tab: BrowserApp;

/** Waits up to five seconds for the page to reach a state. */
async function eventually(reached: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await reached()); waited += 100) {
    if (waited > 5000) throw new Error('the page never reached the expected state');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
let caseId: string;

beforeAll(async () => {
  tab = await startBrowserApp({ today: TODAY });
  caseId = (await tab.database.db.prisma.case.findFirstOrThrow({ where: { status: 'OPEN' }, orderBy: { reference: 'asc' } })).id;
  const token = await tab.app.signInAs(chair.id);
  // More reads than one page of the trail holds, so there is something older to show.
  for (let read = 0; read < 55; read += 1) expect((await tab.app.call('GET', `/api/cases/${caseId}/overview`, { token })).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

describe('the audit trail page', () => {
  it('shows an auditor the newest entries, then older ones on request, and filters by event', async () => {
    const page = await tab.openTab();
    const errors = collectPageErrors(page);
    await signInThroughPicker(page, auditor.displayName);
    await page.getByRole('link', { name: 'Audit trail' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();

    const table = page.getByRole('table', { name: 'Audit trail entries' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(50 + 1);
    await page.getByRole('button', { name: 'Show older entries' }).click();
    await eventually(async () => (await table.getByRole('row').count()) > 55);

    await page.getByRole('textbox', { name: 'Event' }).fill('case.viewers.list');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('heading', { name: 'No entries' }).waitFor();

    await page.getByRole('textbox', { name: 'Event' }).fill('audit.search');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(async () => {
      const rows = (await table.getByRole('row').allInnerTexts()).slice(1);
      return rows.length > 0 && rows.every((row) => row.includes('audit.search') && row.includes(auditor.displayName));
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('audit-trail.csv');
    const csv = readFileSync(await savedDownload(download), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('seq,at,actorKind,actorId,actorName,event,entityType,entityId,before,after,requestId,hash');
    expect(csv.slice(1).every((line) => line.includes(',audit.search,'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says the trail is intact, and names the entry that was changed behind the database trigger', async () => {
    const page = await tab.openTab({ route: 'audit' });
    await signInThroughPicker(page, auditor.displayName);
    await page.getByRole('button', { name: 'Check the trail is intact' }).click();
    await page.getByText('The trail is intact', { exact: true }).waitFor();

    const target = await tab.database.db.prisma.auditEvent.findFirstOrThrow({ where: { event: 'case.read' }, orderBy: { seq: 'asc' } });
    await tab.database.db.sql.runScriptInTransaction(
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
       UPDATE "AuditEvent" SET "entityId" = 'someone-else' WHERE seq = ${target.seq.toString()};
       ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";`,
    );
    await page.getByRole('button', { name: 'Check the trail is intact' }).click();

    await page.getByText('The trail has been tampered with').waitFor();
    await expect(page.getByRole('status').innerText()).resolves.toContain(
      `Entry ${target.seq.toString()} does not match what was recorded (its content)`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('is not in the navigation for a chair, and refuses them if they go there', async () => {
    const page = await tab.openTab();
    await signInThroughPicker(page, chair.displayName);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);

    await page.goto(tab.tabUrl({ route: 'audit' }));
    await page.getByText('Could not load the audit trail').waitFor();
    await page.context().close();
  });
});
