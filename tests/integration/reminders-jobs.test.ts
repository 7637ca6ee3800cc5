// Reminder jobs over the real database, sending through the real botbuilder adapter to a fake Bot
// Connector on loopback (the real one needs a Teams tenant). The clock is set per test day.
import { addDays } from '../../api/domain/agenda/calendar-date';
import { claimDueNotifications, settleNotification } from '../../api/services/reminders/notification-queue';
import { scheduleReminders } from '../../api/services/reminders/schedule';
import { runReminderCycle, startReminderWorker, type ReminderWorkerOptions } from '../../api/jobs/reminder-worker';
import { createLogger } from '../../api/logger';
import { openDatabase, type Database } from '../../api/store/database';
import { createBotAdapter } from '../../bot/adapter';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { createAction, createPartnership, recordingClock, teamsActivity, type Partnership } from '../bot/sending-fixtures';

let database: TestDatabase;
let connector: FakeBotConnector;
let world: Partnership;
const logger = createLogger({ level: 'silent' });
const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });

const OFFICER_CHAT = 'a:1personal-sam';
const CHAIR_CHAT = 'a:1personal-ruth';

/** 09:00 in London on `date` (GMT in winter). */
const nineAm = (date: string) => new Date(`${date}T09:00:00Z`);

function worker(db: Database, date: string, overrides: Partial<ReminderWorkerOptions> = {}): ReminderWorkerOptions {
  const clock = recordingClock(nineAm(date));
  const sender = new BotConnectorSender({ adapter, botAppId: '', db, clock, log: () => undefined, random: () => 0 });
  return { db, sender, clock, logger, ...overrides };
}

/** Digests are due from Sunday on, so on a weekday before it only the action's own reminders go. */
const NO_DIGEST = { daysBeforeDue: 3, onDueDay: true, overdueEveryDays: 2, escalateAfterDaysOverdue: 5, digestWeekday: 'SUNDAY' } as const;

const texts = (conversationId: string) => connector.delivered(conversationId).map((r) => (r.body as { text: string }).text);

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
}, 60_000);

afterAll(async () => {
  await connector.close();
  await database.dispose();
});

beforeEach(async () => {
  connector.reset();
  const { prisma } = database.db;
  await prisma.notification.deleteMany();
  await prisma.action.deleteMany();
  await prisma.conversationReference.deleteMany();
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: OFFICER_CHAT, aad: world.officer.aad, userId: '29:1sam' });
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: CHAIR_CHAT, aad: world.chair.aad, userId: '29:1ruth' });
});

describe('reminders over the days around a due date', () => {
  it('sends the owner due-soon, due-today and overdue reminders, a weekly digest, and escalates to the chair on day five', async () => {
    await createAction(database.db, world, { dueDate: '2026-11-25', title: 'Visit the tenant' });
    const byDay: Record<string, { officer: string[]; chair: string[] }> = {};
    for (let date = '2026-11-20'; date <= '2026-12-01'; date = addDays(date, 1)) {
      connector.reset();
      await runReminderCycle(worker(database.db, date));
      if (connector.requests.length > 0) byDay[date] = { officer: texts(OFFICER_CHAT), chair: texts(CHAIR_CHAT) };
    }
    expect(byDay).toEqual({
      // The digest is due from Monday to the end of the week, so the first run in a week catches up.
      '2026-11-20': { officer: ['Your open actions this week: 1'], chair: [] },
      '2026-11-22': { officer: ['Reminder: your action is due in 3 days: Visit the tenant'], chair: [] },
      '2026-11-23': { officer: ['Your open actions this week: 1'], chair: [] },
      '2026-11-25': { officer: ['Reminder: your action is due today: Visit the tenant'], chair: [] },
      '2026-11-26': { officer: ['Reminder: your action is 1 day overdue: Visit the tenant'], chair: [] },
      '2026-11-28': { officer: ['Reminder: your action is 3 days overdue: Visit the tenant'], chair: [] },
      '2026-11-30': {
        officer: expect.arrayContaining(['Reminder: your action is 5 days overdue: Visit the tenant', 'Your open actions this week: 1']),
        chair: [expect.stringMatching(/^Escalation: an action for case ASB-2026-\d+ is 5 days overdue: Visit the tenant$/)],
      },
    });
    expect(byDay['2026-11-30']?.officer).toHaveLength(2);
  });

  it('sends the reminder as a card with the action drawn as it is when sent', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20', status: 'IN_PROGRESS' });
    await runReminderCycle(worker(database.db, '2026-11-20', { policy: NO_DIGEST }));
    const [sent] = connector.delivered(OFFICER_CHAT);
    const card = (sent?.body as { attachments: { content: { body: unknown[]; actions: { data: unknown }[] } }[] }).attachments[0]?.content;
    expect(JSON.stringify(card?.body)).toContain('In progress');
    expect(card?.actions[0]?.data).toEqual({ actionId });
  });

  it('sends nothing for an action completed after its reminder was queued', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20' });
    await runReminderCycle(
      worker(database.db, '2026-11-20', {
        policy: NO_DIGEST,
        sender: { notifyMember: async () => ({ kind: 'FAILED', reason: 'Teams is down', retryable: true }) } as never,
      }),
    );
    await database.db.prisma.action.update({ where: { id: actionId }, data: { status: 'COMPLETED' } });
    await runReminderCycle({
      ...worker(database.db, '2026-11-20', { policy: NO_DIGEST }),
      clock: recordingClock(new Date(nineAm('2026-11-20').getTime() + 3_600_000)),
    });
    expect(connector.delivered()).toHaveLength(0);
    expect(await database.db.prisma.notification.findFirst({ where: { actionId } })).toMatchObject({
      status: 'FAILED',
      lastError: 'Not sent: the action is completed.',
    });
  });

  it('tries again later when Teams keeps failing, and gives up after the last attempt', async () => {
    await createAction(database.db, world, { dueDate: '2026-11-20' });
    connector.failNext({ status: 502 }, { times: 5 });
    const options = worker(database.db, '2026-11-20', { policy: NO_DIGEST, delivery: { maxAttempts: 2, retryBaseMs: 60_000 } });
    await runReminderCycle(options);
    const queued = await database.db.prisma.notification.findFirstOrThrow();
    expect(queued).toMatchObject({ status: 'PENDING', attempts: 1, scheduledFor: new Date(nineAm('2026-11-20').getTime() + 60_000) });
    expect(connector.requests).toHaveLength(5);

    connector.reset();
    connector.failNext({ status: 502 }, { times: 5 });
    await runReminderCycle({ ...options, clock: recordingClock(new Date(nineAm('2026-11-20').getTime() + 60_000)) });
    expect(await database.db.prisma.notification.findFirstOrThrow()).toMatchObject({
      status: 'FAILED',
      attempts: 2,
      lastError: expect.stringContaining('after 5 attempts'),
    });
  });
});

describe('who is reminded', () => {
  const recipientsOf = async (actionId: string) =>
    (
      await database.db.prisma.notification.findMany({
        where: { actionId },
        select: { recipientId: true, kind: true },
        orderBy: [{ kind: 'asc' }, { recipientId: 'asc' }],
      })
    ).map((row) => [row.kind, row.recipientId]);

  it('reminds every panel member of the owner agency when no officer is named', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20', ownerMemberId: null });
    expect(await scheduleReminders(database.db, nineAm('2026-11-20'), NO_DIGEST)).toBe(2);
    expect(await recipientsOf(actionId)).toEqual([world.officer.id, world.colleague.id].sort().map((id) => ['REMINDER_DUE_TODAY', id]));
  });

  it("escalates to the chairs of the panel that agreed the action, or to the partnership's chairs when no panel did", async () => {
    const fromPanel = await createAction(database.db, world, { dueDate: '2026-11-10' });
    const outsidePanel = await createAction(database.db, world, { dueDate: '2026-11-10', withMeeting: false });
    const otherChair = await database.db.prisma.member.create({
      data: {
        partnershipId: world.partnershipId,
        agencyId: world.housingId,
        entraObjectId: 'other-chair',
        tenantId: 'tenant',
        displayName: 'Lee Chan',
        roles: ['PANEL_CHAIR'],
      },
    });
    try {
      await scheduleReminders(database.db, nineAm('2026-11-20'), NO_DIGEST);
      expect(await recipientsOf(fromPanel)).toEqual([
        ['REMINDER_OVERDUE', world.officer.id],
        ['ESCALATION_TO_CHAIR', world.chair.id],
      ]);
      expect(await recipientsOf(outsidePanel)).toEqual([
        ['REMINDER_OVERDUE', world.officer.id],
        ...[world.chair.id, otherChair.id].sort().map((id) => ['ESCALATION_TO_CHAIR', id]),
      ]);
    } finally {
      await database.db.prisma.notification.deleteMany();
      await database.db.prisma.member.delete({ where: { id: otherChair.id } });
    }
  });

  it("follows the partnership's own reminder policy over the deployment's once it has set one", async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-25' });
    // Five days before the due date: the deployment's policy (3 days before) has nothing due yet.
    expect(await scheduleReminders(database.db, nineAm('2026-11-20'), NO_DIGEST)).toBe(0);
    await database.db.prisma.partnership.update({
      where: { id: world.partnershipId },
      data: { localRules: { reminders: { ...NO_DIGEST, daysBeforeDue: 7 } } },
    });
    try {
      expect(await scheduleReminders(database.db, nineAm('2026-11-20'), NO_DIGEST)).toBe(1);
      expect(await recipientsOf(actionId)).toEqual([['REMINDER_BEFORE_DUE', world.officer.id]]);
    } finally {
      await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { localRules: {} } });
    }
  });

  it('queues nothing new when the schedule runs again the same day', async () => {
    await createAction(database.db, world, { dueDate: '2026-11-20' });
    expect(await scheduleReminders(database.db, nineAm('2026-11-20'), NO_DIGEST)).toBe(1);
    expect(await scheduleReminders(database.db, new Date(nineAm('2026-11-20').getTime() + 3_600_000), NO_DIGEST)).toBe(0);
  });

  it('queues the same reminders, and one digest an officer, when it reads the actions a few at a time', async () => {
    for (let i = 1; i <= 5; i += 1) await createAction(database.db, world, { dueDate: '2026-11-20', title: `Action ${i}` });
    expect(await scheduleReminders(database.db, nineAm('2026-11-20'), undefined, 2)).toBe(6);
    const queued = await database.db.prisma.notification.findMany({ select: { kind: true, recipientId: true } });
    expect(queued.filter((row) => row.kind === 'REMINDER_DUE_TODAY')).toHaveLength(5);
    expect(queued.filter((row) => row.kind === 'WEEKLY_DIGEST')).toEqual([{ kind: 'WEEKLY_DIGEST', recipientId: world.officer.id }]);
    expect(await scheduleReminders(database.db, nineAm('2026-11-20'), undefined, 2)).toBe(0);
  });
});

describe('several app instances', () => {
  it('never sends the same reminder twice when two workers run at once on one database', async () => {
    // On PostgreSQL the second worker has its own connection pool, as a second app instance would.
    const second = database.url ? await openDatabase({ kind: 'postgresql', url: database.url }) : database.db;
    try {
      for (let i = 1; i <= 12; i += 1) await createAction(database.db, world, { dueDate: '2026-11-20', title: `Action ${i}` });
      const summaries = await Promise.all([
        runReminderCycle(worker(database.db, '2026-11-20', { batchSize: 3 })),
        runReminderCycle(worker(second, '2026-11-20', { batchSize: 3 })),
      ]);
      const sent = texts(OFFICER_CHAT);
      expect(sent).toHaveLength(13); // twelve due-today reminders and one weekly digest
      expect(new Set(sent).size).toBe(13);
      expect(summaries.reduce((sum, summary) => sum + (summary.results.SENT ?? 0), 0)).toBe(13);
      expect(summaries.reduce((sum, summary) => sum + summary.queued, 0)).toBe(13);
    } finally {
      if (second !== database.db) await second.close();
    }
  });

  it('recovers a reminder claimed by an instance that crashed before sending, once its lease runs out', async () => {
    await createAction(database.db, world, { dueDate: '2026-11-20' });
    const options = worker(database.db, '2026-11-20', { leaseMs: 10 * 60_000, policy: NO_DIGEST });
    await scheduleReminders(database.db, nineAm('2026-11-20'), NO_DIGEST);
    // An instance claims the reminder and crashes before sending it.
    const [crashed] = await claimDueNotifications(database.db, { now: nineAm('2026-11-20'), leaseMs: 10 * 60_000, limit: 10 });
    expect(crashed).toBeDefined();

    await runReminderCycle({ ...options, clock: recordingClock(new Date(nineAm('2026-11-20').getTime() + 5 * 60_000)) });
    expect(connector.delivered()).toHaveLength(0);

    await runReminderCycle({ ...options, clock: recordingClock(new Date(nineAm('2026-11-20').getTime() + 11 * 60_000)) });
    expect(texts(OFFICER_CHAT)).toEqual(['Reminder: your action is due today: Visit the tenant and review the support plan']);
    // The crashed instance, if it woke, could not overwrite the outcome.
    expect(await settleNotification(database.db, crashed!, { status: 'FAILED', error: 'late' })).toBe(false);
    expect(await database.db.prisma.notification.findFirstOrThrow()).toMatchObject({ status: 'SENT', attempts: 2 });
  });
});

describe('the worker', () => {
  it('runs cycles until stopped and stops cleanly', async () => {
    await createAction(database.db, world, { dueDate: '2026-11-20' });
    const running = startReminderWorker({ ...worker(database.db, '2026-11-20', { policy: NO_DIGEST }), pollIntervalMs: 20 });
    for (let waited = 0; texts(OFFICER_CHAT).length === 0 && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await running.stop();
    const after = connector.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(texts(OFFICER_CHAT)).toEqual(['Reminder: your action is due today: Visit the tenant and review the support plan']);
    expect(connector.requests.length).toBe(after);
  });
});
