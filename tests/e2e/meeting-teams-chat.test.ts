// The chair's meeting page when the tenant refuses to let the app into the meeting chat: the real
// Teams sync job runs against the fake Graph (403 on installing the app), the chair reads in plain
// words what to ask the Teams administrator, tries again from the page, and the job finishes the
// chat with the side panel tab. Headless Chromium at the 320 px side-panel width.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createGraphMeetingsGateway } from '../../api/graph/graph-meetings-gateway';
import { runTeamsSyncCycle, type TeamsSyncOptions } from '../../api/jobs/teams-sync';
import { createLogger } from '../../api/logger';
import { meetingSidePanelTab } from '../../api/services/meeting-chat';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import {
  axeViolations,
  SCREENSHOT_DIR,
  signInThroughPicker,
  SIDE_PANEL_WIDTH,
  screenshotInThemes,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';

let tab: BrowserApp;
let graph: FakeGraph;
let meetingId: string;
let chairName: string;

function syncOptions(): TeamsSyncOptions {
  const token = graph.issueToken();
  return {
    db: tab.database.db,
    gateway: createGraphMeetingsGateway({ baseUrl: graph.graphBaseUrl, accessToken: async () => token }),
    clock: { now: () => new Date(), sleep: async () => undefined },
    logger: createLogger({ level: 'silent' }),
    organiserMailbox: 'asb-panels@fernbrook.example',
    meetingChatApp: { catalogAppId: graph.catalogAppId, tab: meetingSidePanelTab(tab.app.baseUrl) },
  };
}

beforeAll(async () => {
  tab = await startBrowserApp();
  graph = await startFakeGraph();
  graph.teams.linkForm = 'short';
  const prisma = tab.database.db.prisma;
  const meeting = await prisma.meeting.findFirstOrThrow({
    where: { status: 'SCHEDULED' },
    orderBy: { startsAt: 'asc' },
    include: { panel: { include: { chairs: { include: { member: true } } } } },
  });
  meetingId = meeting.id;
  chairName = meeting.panel.chairs[0]!.member.displayName;
  // Only this meeting waits for Teams: the job works on it alone.
  await prisma.meeting.updateMany({ where: { teamsSyncStatus: 'PENDING' }, data: { teamsSyncStatus: 'NOT_REQUESTED' } });
  await prisma.meeting.update({
    where: { id: meetingId },
    // As a meeting just scheduled: nothing of it is in Teams yet.
    data: {
      teamsSyncStatus: 'PENDING',
      teamsSyncRetryAt: new Date(),
      graphEventId: null,
      joinUrl: null,
      joinUrlKey: null,
      chatThreadId: null,
    },
  });
}, 180_000);

afterAll(async () => {
  await graph?.close();
  await tab?.close();
});

async function openMeetingPage(): Promise<Page> {
  const page = await tab.openTab({ width: SIDE_PANEL_WIDTH, route: `meetings/${meetingId}` });
  await signInThroughPicker(page, chairName);
  await page.getByTestId('teams-sync').waitFor();
  return page;
}

it('tells the chair plainly that the Teams administrator must consent, and puts the app in the chat once the chair retries', async () => {
  graph.failNextOn('/installedApps', { status: 403, code: 'Forbidden' });
  expect(await runTeamsSyncCycle(syncOptions())).toEqual({ FAILED: 1 });

  const page = await openMeetingPage();
  const status = page.getByTestId('teams-sync');
  await status.getByText('Failed').waitFor();
  const said = await status.innerText();
  expect(said).toContain('The meeting is in Teams, but the last step there did not go through. Teams said: Your Teams administrator');
  expect(said).toContain('has not given ASB Panels consent to add itself to meeting chats');
  expect(said).toContain('Try Teams again');
  // The meeting is in Teams all the same: its join link is offered.
  const meeting = await tab.database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  expect(await status.getByRole('link', { name: 'Join in Teams' }).getAttribute('href')).toBe(meeting.joinUrl);
  expect(await axeViolations(page)).toEqual([]);
  await screenshotInThemes(page, 'meeting-teams-chat-refused', async (shown) => {
    await shown.getByTestId('teams-sync').getByText('Failed').waitFor();
  });

  // The meeting's facts alone, large enough to read what the chair reads.
  await page
    .locator('section[aria-labelledby="meeting-heading"]')
    .screenshot({ path: path.join(SCREENSHOT_DIR, 'meeting-teams-chat-refused-facts.png') });
  await page.getByRole('button', { name: 'Try Teams again' }).click();
  await status.getByText('Pending').waitFor();
  expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CHAT_READY: 1 });
  await page.reload();
  await page.getByTestId('teams-sync').getByText('Scheduled in Teams').waitFor();
  const ready = await tab.database.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const chat = graph.chats.get(ready.chatThreadId!)!;
  expect([...chat.installedApps]).toEqual([graph.catalogAppId]);
  expect(chat.tabs.map((pinned) => pinned.configuration.contentUrl)).toEqual([`${tab.app.baseUrl}/tab/#/meeting`]);
});
