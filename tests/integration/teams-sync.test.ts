// Putting panel meetings in Teams through @microsoft/microsoft-graph-client, against a fake Graph on
// loopback that speaks Graph's wire format (tests/support/fake-graph.ts): creation with
// isOnlineMeeting and transactionId, moves, cancellation, throttling with Retry-After, 5xx, refusal
// and an unreachable Graph. The meeting always exists in the app first; Teams follows.
import { randomUUID } from 'node:crypto';
import { createGraphMeetingsGateway } from '../../api/graph/graph-meetings-gateway';
import { runTeamsSyncCycle, type TeamsSyncOptions } from '../../api/jobs/teams-sync';
import { createLogger } from '../../api/logger';
import { meetingSidePanelTab } from '../../api/services/meeting-chat';
import type { RetryPolicy } from '../../api/graph/retry';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

let database: TestDatabase;
let app: RunningApp;
let graph: FakeGraph;
let world: MeetingsWorld;
let now = NOW;
let chair: string;
let token: string;
const waits: number[] = [];
const clock = { now: () => now, sleep: async () => undefined };
const RETRY: RetryPolicy = { maxRetries: 2, baseDelayMs: 10, maxWaitMs: 5_000 };
const TAB_BASE = 'https://panels.fernbrook.example';

function syncOptions(
  overrides: Partial<TeamsSyncOptions> = {},
  baseUrl = graph.graphBaseUrl,
  accessToken = async () => token,
): TeamsSyncOptions {
  const gateway = createGraphMeetingsGateway({ baseUrl, accessToken, retry: RETRY, sleep: async (ms) => void waits.push(ms) });
  return {
    db: database.db,
    gateway,
    clock,
    logger: createLogger({ level: 'silent' }),
    meetingChatApp: { catalogAppId: graph.catalogAppId, tab: meetingSidePanelTab(TAB_BASE) },
    ...overrides,
  };
}

const meetingRow = (id: string) => database.db.prisma.meeting.findUniqueOrThrow({ where: { id } });

/** A meeting waiting for Teams, organised by the chair, on the given London date at 10:00 (GMT). */
async function pendingMeeting(date: string): Promise<string> {
  const organiser = await database.db.prisma.member.findUniqueOrThrow({ where: { id: world.members.chair } });
  const meeting = await database.db.prisma.meeting.create({
    data: {
      panelId: world.panelId,
      startsAt: new Date(`${date}T10:00:00Z`),
      endsAt: new Date(`${date}T11:30:00Z`),
      referralCutoff: new Date(`${date}T00:00:00Z`),
      teamsSyncStatus: 'PENDING',
      teamsSyncRetryAt: now,
      graphOrganizerId: organiser.entraObjectId,
    },
  });
  return meeting.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createMeetingsWorld(database.db);
  // The panel coordinator of a seated agency takes the minutes, so is invited with the panel members.
  await database.db.prisma.member.create({
    data: {
      partnershipId: world.partnershipId,
      agencyId: world.agencies.council,
      entraObjectId: randomUUID(),
      tenantId: 'tenant-meetings',
      displayName: 'Lee Minutes',
      email: 'lee@fernbrook.example',
      roles: ['MINUTE_TAKER'],
    },
  });
  graph = await startFakeGraph();
  token = graph.issueToken();
  app = await startTestApp(database.db, { clock: () => now });
  chair = await app.signInAs(world.members.chair);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await graph?.close();
  await database?.dispose();
});

beforeEach(() => {
  waits.length = 0;
});

describe('creating the Teams meeting', () => {
  let meetingId: string;

  it('schedules in the app at once and shows Teams as pending until the sync runs', async () => {
    const { status, body } = await app.call<{ meeting: { id: string; teams: { status: string; joinUrl: string | null } } }>(
      'POST',
      `/api/panels/${world.panelId}/meetings`,
      { token: chair, body: {} },
    );
    expect(status).toBe(201);
    meetingId = body.meeting.id;
    expect(body.meeting.teams).toEqual({ status: 'PENDING', error: null, joinUrl: null });
    expect(graph.requests).toEqual([]);
  });

  it("creates one online calendar event in the chair's mailbox with the seated agencies' panel members, and stores the join link", async () => {
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CREATED: 1 });
    const meeting = await meetingRow(meetingId);
    expect(meeting.teamsSyncStatus).toBe('SYNCED');
    const event = graph.events.get(meeting.graphEventId!)!;
    expect(meeting.joinUrl).toBe(event.onlineMeeting!.joinUrl);
    // The meeting chat is the one Graph names for the online meeting behind the join link; the app and its side panel are in it.
    const online = graph.onlineMeetings.get(event.onlineMeeting!.joinUrl)!;
    expect([meeting.chatThreadId, meeting.onlineMeetingId]).toEqual([online.threadId, online.id]);
    const chat = graph.chats.get(online.threadId)!;
    expect([...chat.installedApps]).toEqual([graph.catalogAppId]);
    expect(chat.tabs).toEqual([
      {
        id: meeting.chatTabId,
        displayName: 'ASB Panels',
        teamsAppId: graph.catalogAppId,
        configuration: {
          entityId: 'asb-panels-meeting',
          contentUrl: `${TAB_BASE}/tab/#/meeting`,
          websiteUrl: `${TAB_BASE}/tab/#/meeting`,
          removeUrl: null,
        },
      },
    ]);
    expect(event).toMatchObject({
      transactionId: meeting.graphTransactionId,
      organiserId: meeting.graphOrganizerId,
      subject: 'Fernbrook CMARAC: 10 December 2026',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: '2026-12-10T10:00:00.000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-10T11:30:00.000', timeZone: 'UTC' },
    });
    // Chairs, panel members and minute-takers of seated agencies; not the referrer, the admin or an unseated agency.
    expect(event.attendees.map((a) => a.emailAddress.address)).toEqual([
      'lee@fernbrook.example',
      'omar@fernbrook.example',
      'ruth@fernbrook.example',
      'sam@fernbrook.example',
    ]);
    expect(event.body.content).not.toMatch(/CM-\d/);
    const reply = await app.call<{ meeting: { teams: { status: string; joinUrl: string } } }>('GET', `/api/meetings/${meetingId}/agenda`, {
      token: chair,
    });
    expect(reply.body.meeting.teams).toMatchObject({ status: 'SYNCED', joinUrl: event.onlineMeeting!.joinUrl });
  });

  it('follows a move of the meeting with a PATCH of the same event', async () => {
    const moved = await app.call('PATCH', `/api/meetings/${meetingId}`, { token: chair, body: { date: '2026-12-11', startTime: '13:30' } });
    expect(moved.status).toBe(200);
    expect((await meetingRow(meetingId)).teamsSyncStatus).toBe('PENDING');
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ UPDATED: 1 });
    const meeting = await meetingRow(meetingId);
    expect(graph.events.get(meeting.graphEventId!)!.start).toEqual({ dateTime: '2026-12-11T13:30:00.000', timeZone: 'UTC' });
    expect(graph.events.size).toBe(1);
  });

  it('sends the cancellation through Graph when the chair cancels', async () => {
    const cancelled = await app.call('POST', `/api/meetings/${meetingId}/cancel`, { token: chair, body: { reason: 'Chair unwell' } });
    expect(cancelled.status).toBe(200);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CANCELLED: 1 });
    const meeting = await meetingRow(meetingId);
    expect(graph.events.get(meeting.graphEventId!)).toMatchObject({
      isCancelled: true,
      cancellationComment: 'This panel meeting has been cancelled.',
    });
    expect(meeting.teamsSyncStatus).toBe('SYNCED');
  });

  it('refuses a move by a panel member and a bad date, naming the field', async () => {
    const member = await app.signInAs(world.members.housingMember);
    expect(
      (await app.call('PATCH', `/api/meetings/${meetingId}`, { token: member, body: { date: '2026-12-11', startTime: '10:00' } })).status,
    ).toBe(403);
    const bad = await app.call<{ error: { fields: Array<{ field: string }> } }>('PATCH', `/api/meetings/${meetingId}`, {
      token: chair,
      body: { date: '2026-02-30', startTime: '10:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.field)).toEqual(['date']);
  });
});

describe('when Graph throttles, fails or cannot be reached', () => {
  it('waits inside the call at least as long as a short Retry-After asks, then creates', async () => {
    const id = await pendingMeeting('2027-01-14');
    graph.failNext({ status: 429, code: 'TooManyRequests', retryAfter: '2' });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CREATED: 1 });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2_000);
    expect((await meetingRow(id)).teamsSyncStatus).toBe('SYNCED');
  });

  it('leaves the meeting pending until a long Retry-After has passed, and then creates it exactly once', async () => {
    const id = await pendingMeeting('2027-02-11');
    graph.failNext({ status: 429, code: 'TooManyRequests', retryAfter: '600' });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ RETRY_LATER: 1 });
    const waiting = await meetingRow(id);
    expect([waiting.teamsSyncStatus, waiting.teamsSyncError, waiting.teamsSyncAttempts]).toEqual([
      'PENDING',
      'Graph answered 429 TooManyRequests',
      1,
    ]);
    expect(waiting.teamsSyncRetryAt!.getTime()).toBeGreaterThanOrEqual(now.getTime() + 600_000);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({});
    now = new Date(waiting.teamsSyncRetryAt!.getTime() + 1);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CREATED: 1 });
    expect([...graph.events.values()].filter((e) => e.transactionId === waiting.graphTransactionId)).toHaveLength(1);
  });

  it('rides out two 5xx answers inside the call, and backs off when they persist', async () => {
    const id = await pendingMeeting('2027-03-11');
    graph.failNext({ status: 503, code: 'ServiceUnavailable' }, { status: 502, code: 'BadGateway' });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CREATED: 1 });
    const other = await pendingMeeting('2027-04-08');
    graph.failNext(
      { status: 503, code: 'ServiceUnavailable' },
      { status: 503, code: 'ServiceUnavailable' },
      { status: 503, code: 'ServiceUnavailable' },
    );
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ RETRY_LATER: 1 });
    const row = await meetingRow(other);
    expect([row.teamsSyncStatus, row.teamsSyncError]).toEqual(['PENDING', 'Graph answered 503 ServiceUnavailable']);
    expect(row.teamsSyncRetryAt!.getTime()).toBe(now.getTime() + 60_000);
    expect((await meetingRow(id)).teamsSyncStatus).toBe('SYNCED');
    await database.db.prisma.meeting.update({ where: { id: other }, data: { teamsSyncStatus: 'SYNCED', teamsSyncRetryAt: null } });
  });

  it('keeps the meeting pending when Graph drops the connection or cannot be reached at all', async () => {
    const id = await pendingMeeting('2027-05-13');
    graph.failNext({ drop: true });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ RETRY_LATER: 1 });
    expect((await meetingRow(id)).teamsSyncError).toBe('Graph could not be reached');
    now = new Date(now.getTime() + 2 * 60 * 60_000);
    expect(await runTeamsSyncCycle(syncOptions({}, 'http://127.0.0.1:9/v1.0'))).toEqual({ RETRY_LATER: 1 });
    expect((await meetingRow(id)).teamsSyncStatus).toBe('PENDING');
    now = new Date(now.getTime() + 2 * 60 * 60_000);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CREATED: 1 });
  });

  /** The first create reached Graph, but its answer never came back: the event is there, the meeting does not know it. */
  const createEventAnswerLost = (row: Awaited<ReturnType<typeof meetingRow>>) =>
    createGraphMeetingsGateway({ baseUrl: graph.graphBaseUrl, accessToken: async () => token }).createOnlineMeetingEvent({
      organiserId: row.graphOrganizerId!,
      transactionId: row.graphTransactionId,
      subject: 'Fernbrook CMARAC',
      bodyText: '',
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      attendees: [],
    });

  it('finds the event a lost answer left behind instead of creating a second one', async () => {
    const id = await pendingMeeting('2027-06-10');
    const row = await meetingRow(id);
    // The first create reached Graph, but its answer never came back.
    await createEventAnswerLost(row);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ FOUND: 1 });
    expect([...graph.events.values()].filter((e) => e.transactionId === row.graphTransactionId)).toHaveLength(1);
    expect((await meetingRow(id)).graphEventId).toBe(
      [...graph.events.values()].find((e) => e.transactionId === row.graphTransactionId)!.id,
    );
  });

  it('brings an event a lost answer left behind up to date when the chair moved the meeting since', async () => {
    const id = await pendingMeeting('2027-06-24');
    const row = await meetingRow(id);
    await createEventAnswerLost(row);
    // The chair moved it an hour later before the sync ran again.
    const moved = { startsAt: new Date('2027-06-24T11:00:00Z'), endsAt: new Date('2027-06-24T12:30:00Z') };
    await database.db.prisma.meeting.update({ where: { id }, data: { ...moved, graphEventStale: true, version: { increment: 1 } } });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ FOUND: 1 });
    const after = await meetingRow(id);
    expect(graph.events.get(after.graphEventId!)!.start).toEqual({ dateTime: '2027-06-24T11:00:00.000', timeZone: 'UTC' });
    expect([after.graphEventStale, after.teamsSyncStatus]).toEqual([false, 'SYNCED']);
  });

  it('finds it among a busy day of the panel mailbox, through calendarView pages rather than an undocumented filter', async () => {
    const id = await pendingMeeting('2027-06-17');
    const row = await meetingRow(id);
    const gateway = createGraphMeetingsGateway({ baseUrl: graph.graphBaseUrl, accessToken: async () => token });
    const event = (hour: number, transactionId: string) =>
      gateway.createOnlineMeetingEvent({
        organiserId: row.graphOrganizerId!,
        transactionId,
        subject: 'Another meeting in the panel mailbox',
        bodyText: '',
        startsAt: new Date(`2027-06-17T${String(hour).padStart(2, '0')}:00:00Z`),
        endsAt: new Date(`2027-06-17T${String(hour).padStart(2, '0')}:30:00Z`),
        attendees: [],
      });
    // Graph pages calendarView; ours is created last, past the first page of fifty.
    for (let index = 0; index < 55; index += 1) await event(index % 24, randomUUID());
    await event(10, row.graphTransactionId);
    const before = graph.requests.length;
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ FOUND: 1 });
    const asked = graph.requests.slice(before).filter((request) => request.includes('/events') || request.includes('/calendarView'));
    expect(asked).toHaveLength(2);
    expect(asked.every((request) => request.startsWith('GET') && request.includes('/calendarView?') && !request.includes('filter'))).toBe(
      true,
    );
    expect([...graph.events.values()].filter((e) => e.transactionId === row.graphTransactionId)).toHaveLength(1);
  });

  it('never lets two workers create the same meeting', async () => {
    const id = await pendingMeeting('2027-07-08');
    const results = await Promise.all([runTeamsSyncCycle(syncOptions()), runTeamsSyncCycle(syncOptions())]);
    expect(results.map((r) => r.CREATED ?? 0).reduce((a, b) => a + b)).toBe(1);
    const row = await meetingRow(id);
    expect([...graph.events.values()].filter((e) => e.transactionId === row.graphTransactionId)).toHaveLength(1);
  });

  it('marks the sync failed at once when Graph refuses, and tries again when the chair asks', async () => {
    const id = await pendingMeeting('2027-08-12');
    graph.failNext({ status: 403, code: 'ErrorAccessDenied' });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ FAILED: 1 });
    const failed = await meetingRow(id);
    expect([failed.teamsSyncStatus, failed.teamsSyncError, failed.teamsSyncRetryAt]).toEqual([
      'FAILED',
      'Graph answered 403 ErrorAccessDenied',
      null,
    ]);
    const audit = await database.db.prisma.auditEvent.findFirst({ where: { entityId: id, event: 'meeting.teams.sync' } });
    expect(audit?.actorKind).toBe('SYSTEM');
    expect((await app.call('POST', `/api/meetings/${id}/teams/retry`, { token: chair })).status).toBe(200);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CREATED: 1 });
  });

  it('gives up after the last allowed attempt', async () => {
    const id = await pendingMeeting('2027-09-09');
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      graph.failNext(
        { status: 500, code: 'InternalServerError' },
        { status: 500, code: 'InternalServerError' },
        { status: 500, code: 'InternalServerError' },
      );
      const outcome = await runTeamsSyncCycle(syncOptions({ maxAttempts: 2 }));
      expect(outcome).toEqual(attempt === 1 ? { RETRY_LATER: 1 } : { FAILED: 1 });
      now = new Date(now.getTime() + 60 * 60_000);
    }
    expect((await meetingRow(id)).teamsSyncStatus).toBe('FAILED');
  });

  it('treats a token Graph does not accept as a refusal', async () => {
    const id = await pendingMeeting('2027-10-14');
    expect(await runTeamsSyncCycle(syncOptions({}, graph.graphBaseUrl, async () => 'a-token-nobody-issued'))).toEqual({ FAILED: 1 });
    expect((await meetingRow(id)).teamsSyncError).toBe('Graph answered 401 InvalidAuthenticationToken');
  });
});

describe('the meeting chat, from Graph, with the app and its side panel in it', () => {
  afterEach(() => {
    Object.assign(graph.teams, { linkForm: 'long', joinLinkLater: false, chatLater: false });
  });

  const chatOf = async (id: string) => {
    const row = await meetingRow(id);
    return { row, chat: row.chatThreadId ? graph.chats.get(row.chatThreadId) : undefined };
  };

  it("knows the chat of a meeting whose join link is Teams' short form, which names no chat", async () => {
    graph.teams.linkForm = 'short';
    const id = await pendingMeeting('2027-11-11');
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CREATED: 1 });
    const { row, chat } = await chatOf(id);
    expect(row.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/meet\/\d+\?p=/);
    expect(row.chatThreadId).toBe(graph.onlineMeetings.get(row.joinUrl!)!.threadId);
    expect(row.joinUrlKey).toBe(new URL(row.joinUrl!).host + new URL(row.joinUrl!).pathname);
    expect(chat?.tabs).toHaveLength(1);
    // The lookup is Graph's documented one: the online meeting by its join link, quoted as OData wants.
    const lookup = graph.requests.filter((request) => request.includes('/onlineMeetings?')).at(-1)!;
    expect(new URL(lookup, 'http://x').searchParams.get('$filter')).toBe(`JoinWebUrl eq '${row.joinUrl}'`);
    expect(graph.bodies.find((call) => call.request.includes('/installedApps'))!.body).toEqual({
      'teamsApp@odata.bind': `${graph.graphBaseUrl}/appCatalogs/teamsApps/${graph.catalogAppId}`,
    });
  });

  it('reads a join link Graph left empty at creation again, and waits with backoff for the chat Teams has not made yet', async () => {
    Object.assign(graph.teams, { joinLinkLater: true, chatLater: true });
    const before = graph.requests.length;
    const id = await pendingMeeting('2027-11-18');
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ RETRY_LATER: 1 });
    let row = await meetingRow(id);
    // The event exists and is kept, so no later pass creates another.
    expect([row.teamsSyncStatus, row.graphEventId !== null, row.joinUrl, row.teamsSyncError]).toEqual([
      'PENDING',
      true,
      null,
      'Teams has not given the meeting a join link yet.',
    ]);
    expect(row.teamsSyncRetryAt!.getTime()).toBe(now.getTime() + 60_000);
    const eventRequests = () =>
      graph.requests.slice(before).filter((request) => /\/events($|\?|\/)/.test(request) && !request.includes('calendarView'));
    const creates = eventRequests().filter((request) => request.startsWith('POST')).length;

    // Teams gives the event its join link, but not yet the chat: the link is read again, the chat waited for.
    const event = graph.events.get(row.graphEventId!)!;
    graph.teams.chatLater = true;
    event.onlineMeeting = {
      joinUrl: [...graph.onlineMeetings.values()].find((m) => m.subject === event.subject && !m.chatMade)!.joinWebUrl,
    };
    now = new Date(row.teamsSyncRetryAt!.getTime() + 1);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ RETRY_LATER: 1 });
    row = await meetingRow(id);
    expect([row.joinUrl, row.chatThreadId, row.teamsSyncError, row.teamsSyncAttempts]).toEqual([
      event.onlineMeeting.joinUrl,
      null,
      'Teams has not made the meeting chat yet.',
      2,
    ]);
    expect(row.teamsSyncRetryAt!.getTime()).toBe(now.getTime() + 120_000);

    graph.finishMeetings();
    now = new Date(row.teamsSyncRetryAt!.getTime() + 1);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CHAT_READY: 1 });
    const { row: ready, chat } = await chatOf(id);
    expect([ready.teamsSyncStatus, ready.teamsSyncError, ready.chatThreadId]).toEqual([
      'SYNCED',
      null,
      graph.onlineMeetings.get(ready.joinUrl!)!.threadId,
    ]);
    expect(chat!.tabs).toHaveLength(1);
    // Never a second event, and never a PATCH: nothing about the meeting itself changed.
    expect(eventRequests().filter((request) => request.startsWith('POST')).length).toBe(creates);
    expect(eventRequests().filter((request) => request.startsWith('PATCH'))).toEqual([]);
  });

  it('tells the chair plainly when the tenant refuses to let the app into meeting chats, and installs it once the chair retries', async () => {
    const id = await pendingMeeting('2027-11-25');
    graph.failNextOn('/installedApps', { status: 403, code: 'Forbidden' });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ FAILED: 1 });
    const failed = await meetingRow(id);
    expect(failed.teamsSyncStatus).toBe('FAILED');
    expect(failed.teamsSyncError).toBe(
      'Your Teams administrator has not given ASB Panels consent to add itself to meeting chats. Ask them to grant admin consent for the permissions in the deployment guide, then choose Try Teams again. (Graph answered 403 Forbidden.)',
    );
    // The meeting is in Teams all the same, and its chat is known: the bot can be added by hand.
    expect(failed.graphEventId).not.toBeNull();
    expect(failed.chatThreadId).not.toBeNull();
    const page = await app.call<{ meeting: { teams: { status: string; error: string } } }>('GET', `/api/meetings/${id}/agenda`, {
      token: chair,
    });
    expect(page.body.meeting.teams).toMatchObject({ status: 'FAILED', error: failed.teamsSyncError });

    expect((await app.call('POST', `/api/meetings/${id}/teams/retry`, { token: chair })).status).toBe(200);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CHAT_READY: 1 });
    const { row, chat } = await chatOf(id);
    expect([row.teamsSyncStatus, [...chat!.installedApps], chat!.tabs.length]).toEqual(['SYNCED', [graph.catalogAppId], 1]);
  });

  it('counts an app already in the chat (409) as installed, and pins no second tab when one is there', async () => {
    const id = await pendingMeeting('2027-12-02');
    // The chat is found but the app is not installed by this pass; then someone adds the app and its tab by hand.
    expect(await runTeamsSyncCycle(syncOptions({ meetingChatApp: null }))).toEqual({ CREATED: 1 });
    const chat = graph.chats.get((await meetingRow(id)).chatThreadId!)!;
    chat.installedApps.add(graph.catalogAppId);
    const pinned = 'tab-added-by-hand';
    chat.tabs.push({
      id: pinned,
      displayName: 'ASB Panels',
      teamsAppId: graph.catalogAppId,
      configuration: { contentUrl: `${TAB_BASE}/tab/#/meeting` },
    });
    await database.db.prisma.meeting.update({ where: { id }, data: { teamsSyncStatus: 'PENDING', teamsSyncRetryAt: now } });
    const before = graph.requests.length;
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CHAT_READY: 1 });
    // Graph answered the install with 409; the tab already there is taken, not pinned twice.
    expect(graph.requests.slice(before).filter((request) => request.includes('/chats/'))).toEqual([
      expect.stringMatching(/^POST .*\/installedApps$/),
      expect.stringMatching(/^GET .*\/tabs\?\$expand=teamsApp$/),
    ]);
    const row = await meetingRow(id);
    expect([row.teamsSyncStatus, row.chatAppInstalledAt !== null, row.chatTabId]).toEqual(['SYNCED', true, pinned]);
    expect(chat.tabs.map((tab) => tab.id)).toEqual([pinned]);
  });

  it('honours a long Retry-After on pinning the tab, keeping what was done, and pins it after the wait', async () => {
    const id = await pendingMeeting('2027-12-09');
    graph.failNextOn(/^POST .*\/tabs$/, { status: 429, code: 'TooManyRequests', retryAfter: '900' });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ RETRY_LATER: 1 });
    const waiting = await meetingRow(id);
    expect([waiting.teamsSyncStatus, waiting.teamsSyncError]).toEqual(['PENDING', 'Graph answered 429 TooManyRequests']);
    expect(waiting.teamsSyncRetryAt!.getTime()).toBeGreaterThanOrEqual(now.getTime() + 900_000);
    now = new Date(waiting.teamsSyncRetryAt!.getTime() + 1);
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ CHAT_READY: 1 });
    const { row, chat } = await chatOf(id);
    expect([row.teamsSyncStatus, [...chat!.installedApps].length, chat!.tabs.length]).toEqual(['SYNCED', 1, 1]);
  });

  it('backs off when Graph does not know the chat yet (404), and says so when it never does', async () => {
    const id = await pendingMeeting('2027-12-16');
    graph.failNextOn('/installedApps', { status: 404, code: 'NotFound' }, { status: 404, code: 'NotFound' });
    expect(await runTeamsSyncCycle(syncOptions({ maxAttempts: 2 }))).toEqual({ RETRY_LATER: 1 });
    now = new Date((await meetingRow(id)).teamsSyncRetryAt!.getTime() + 1);
    expect(await runTeamsSyncCycle(syncOptions({ maxAttempts: 2 }))).toEqual({ FAILED: 1 });
    expect((await meetingRow(id)).teamsSyncError).toBe(
      'Teams could not find the meeting chat, or the app is not in your organisation’s app catalogue. (Graph answered 404 NotFound.)',
    );
  });

  it('finds the chat but installs nothing when the app’s catalogue id is not configured', async () => {
    const id = await pendingMeeting('2028-01-13');
    expect(await runTeamsSyncCycle(syncOptions({ meetingChatApp: null }))).toEqual({ CREATED: 1 });
    const { row, chat } = await chatOf(id);
    expect([row.teamsSyncStatus, row.chatAppInstalledAt, chat!.installedApps.size, chat!.tabs.length]).toEqual(['SYNCED', null, 0, 0]);
  });
});

describe('the shared panel mailbox as organiser', () => {
  const PANEL_MAILBOX = 'asb-panels@fernbrook.example';

  it('organises a new event from the panel mailbox, not the scheduling chair’s, and changes it there', async () => {
    const id = await pendingMeeting('2028-02-10');
    expect(await runTeamsSyncCycle(syncOptions({ organiserMailbox: PANEL_MAILBOX }))).toEqual({ CREATED: 1 });
    const row = await meetingRow(id);
    expect(row.graphOrganizerId).toBe(PANEL_MAILBOX);
    expect(graph.events.get(row.graphEventId!)!.organiserId).toBe(PANEL_MAILBOX);
    expect(graph.requests.filter((request) => request.includes('/onlineMeetings?')).at(-1)).toContain(
      `/users/${encodeURIComponent(PANEL_MAILBOX)}/onlineMeetings`,
    );
    expect(
      (await app.call('PATCH', `/api/meetings/${id}`, { token: chair, body: { date: '2028-02-11', startTime: '10:00' } })).status,
    ).toBe(200);
    expect(await runTeamsSyncCycle(syncOptions({ organiserMailbox: PANEL_MAILBOX }))).toEqual({ UPDATED: 1 });
    expect(graph.requests.filter((request) => request.startsWith('PATCH')).at(-1)).toContain(
      `/users/${encodeURIComponent(PANEL_MAILBOX)}/events/`,
    );
  });

  it('lets a guest chair with no mailbox here schedule: the panel mailbox organises, the chair is invited', async () => {
    const guest = await database.db.prisma.member.create({
      data: {
        partnershipId: world.partnershipId,
        agencyId: world.agencies.council,
        entraObjectId: randomUUID(),
        tenantId: 'tenant-police-home',
        displayName: 'Gail Guest',
        email: 'gail@police.example',
        roles: ['PANEL_CHAIR'],
      },
    });
    await database.db.prisma.panelChair.create({ data: { panelId: world.panelId, memberId: guest.id } });
    const guestToken = await app.signInAs(guest.id);
    const scheduled = await app.call<{ meeting: { id: string } }>('POST', `/api/panels/${world.panelId}/meetings`, {
      token: guestToken,
      body: {},
    });
    expect(scheduled.status).toBe(201);
    const id = scheduled.body.meeting.id;
    // Graph would refuse the guest's object id as an organiser: it has no mailbox in the host tenant.
    graph.failNextOn(`/users/${guest.entraObjectId}/`, { status: 404, code: 'ErrorInvalidUser' });
    expect(await runTeamsSyncCycle(syncOptions({ organiserMailbox: PANEL_MAILBOX }))).toEqual({ CREATED: 1 });
    const row = await meetingRow(id);
    const event = graph.events.get(row.graphEventId!)!;
    expect([row.teamsSyncStatus, event.organiserId]).toEqual(['SYNCED', PANEL_MAILBOX]);
    expect(event.attendees.map((a) => a.emailAddress.address)).toContain('gail@police.example');
    expect(graph.requests.some((request) => request.includes(guest.entraObjectId))).toBe(false);
  });
});
