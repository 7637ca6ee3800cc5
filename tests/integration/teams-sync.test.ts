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

  it('finds the event a lost answer left behind instead of creating a second one', async () => {
    const id = await pendingMeeting('2027-06-10');
    const row = await meetingRow(id);
    // The first create reached Graph, but its answer never came back.
    await createGraphMeetingsGateway({ baseUrl: graph.graphBaseUrl, accessToken: async () => token }).createOnlineMeetingEvent({
      organiserId: row.graphOrganizerId!,
      transactionId: row.graphTransactionId,
      subject: 'Fernbrook CMARAC',
      bodyText: '',
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      attendees: [],
    });
    expect(await runTeamsSyncCycle(syncOptions())).toEqual({ FOUND: 1 });
    expect([...graph.events.values()].filter((e) => e.transactionId === row.graphTransactionId)).toHaveLength(1);
    expect((await meetingRow(id)).graphEventId).toBe(
      [...graph.events.values()].find((e) => e.transactionId === row.graphTransactionId)!.id,
    );
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
