// Chasing an action now, and the chair's list of who reminders cannot reach, over the real database
// and the real botbuilder adapter, with a fake Bot Connector on loopback (the real one needs a tenant).
import { randomUUID } from 'node:crypto';
import { runReminderCycle } from '../../api/jobs/reminder-worker';
import { createLogger } from '../../api/logger';
import type { ServiceContext } from '../../api/services/context';
import { ServiceError } from '../../api/services/errors';
import { actorForMember } from '../../api/services/members';
import { chaseNow, listOutOfReach } from '../../api/services/notifications';
import { createBotAdapter } from '../../bot/adapter';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { createAction, createPartnership, recordingClock, teamsActivity, TENANT, type Partnership } from '../bot/sending-fixtures';

let database: TestDatabase;
let connector: FakeBotConnector;
let world: Partnership;
let sender: BotConnectorSender;
const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });
const NOON = new Date('2026-11-20T12:00:00Z');
const OFFICER_CHAT = 'a:1personal-sam';

async function contextFor(memberId: string, now = NOON): Promise<ServiceContext> {
  const actor = await database.db.prisma.$transaction((tx) => actorForMember(tx, memberId));
  if (!actor) throw new Error('no such member');
  return { db: database.db, actor, requestId: 'req-chase', now: () => now };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ServiceError) return error.code;
    throw error;
  }
  return 'no refusal';
}

const refusalCode = (error: unknown) => (error instanceof ServiceError ? error.code : Promise.reject(error));

const texts = () => connector.delivered(OFFICER_CHAT).map((r) => (r.body as { text: string }).text);

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  sender = new BotConnectorSender({
    adapter,
    botAppId: '',
    db: database.db,
    clock: recordingClock(NOON),
    log: () => undefined,
    random: () => 0,
  });
}, 60_000);

afterAll(async () => {
  await connector.close();
  await database.dispose();
});

beforeEach(async () => {
  connector.reset();
  await database.db.prisma.notification.deleteMany();
  await database.db.prisma.action.deleteMany();
  await database.db.prisma.conversationReference.deleteMany();
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: OFFICER_CHAT, aad: world.officer.aad, userId: '29:1sam' });
});

describe('chasing an action', () => {
  it('sends the owner a reminder at once, says it got through, records who chased and when', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-23', title: 'Share the CCTV log' });
    const result = await chaseNow(await contextFor(world.chair.id), { sender }, actionId);
    expect(result).toEqual({ actionId, chasedAt: NOON, deliveries: [{ memberId: world.officer.id, status: 'SENT', error: null }] });
    expect(texts()).toEqual(['The panel chair has asked for an update on an action due in 3 days: Share the CCTV log']);
    const trail = await database.db.prisma.auditEvent.findMany({ where: { event: 'action.chase', entityId: actionId } });
    expect(trail).toEqual([expect.objectContaining({ actorId: world.chair.id, requestId: 'req-chase' })]);
    const chased = await database.db.prisma.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(chased).toMatchObject({ lastChasedAt: NOON, version: 0 });
  });

  it('sends one message for a double click, and refuses the second click as too soon', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-18' });
    const chair = await contextFor(world.chair.id);
    const answers = await Promise.all([
      chaseNow(chair, { sender }, actionId).then((result) => result.deliveries.length),
      chaseNow(chair, { sender }, actionId).then((result) => result.deliveries.length, refusalCode),
    ]);
    expect(answers.sort()).toEqual([1, 'CONFLICT'].sort());
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toMatch(/^The panel chair has asked for an update on an action 2 days overdue/);
    expect(await database.db.prisma.auditEvent.count({ where: { event: 'action.chase', entityId: actionId } })).toBe(1);
  });

  it("refuses a second chase within the partnership's wait, saying when the action may be chased again, then allows it", async () => {
    await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { chaseCooldownHours: 2 } });
    try {
      const actionId = await createAction(database.db, world, { dueDate: '2026-11-23' });
      await chaseNow(await contextFor(world.chair.id), { sender }, actionId);
      const tooSoon = await chaseNow(await contextFor(world.chair.id, new Date(NOON.getTime() + 119 * 60_000)), { sender }, actionId).catch(
        (error: unknown) => error,
      );
      expect(tooSoon).toMatchObject({
        code: 'CONFLICT',
        refusal: 'CHASE_TOO_SOON',
        message: 'This action was chased at 12:00 on 20 November 2026. It can be chased again from 14:00 on 20 November 2026.',
      });
      const later = new Date(NOON.getTime() + 120 * 60_000);
      await chaseNow(await contextFor(world.chair.id, later), { sender }, actionId);
      expect(texts()).toHaveLength(2);
      expect(await database.db.prisma.action.findUniqueOrThrow({ where: { id: actionId } })).toMatchObject({ lastChasedAt: later });
    } finally {
      await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { chaseCooldownHours: 24 } });
    }
  });

  it('waits a day between chases by default', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-23' });
    await chaseNow(await contextFor(world.chair.id), { sender }, actionId);
    const nextMorning = new Date(NOON.getTime() + 23 * 3_600_000);
    expect(await refusal(chaseNow(await contextFor(world.chair.id, nextMorning), { sender }, actionId))).toBe('CONFLICT');
    await chaseNow(await contextFor(world.chair.id, new Date(NOON.getTime() + 24 * 3_600_000)), { sender }, actionId);
    expect(texts()).toHaveLength(2);
  });

  it('still treats a double click as one chase when the partnership sets no wait', async () => {
    await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { chaseCooldownHours: 0 } });
    try {
      const actionId = await createAction(database.db, world, { dueDate: '2026-11-23' });
      await chaseNow(await contextFor(world.chair.id), { sender }, actionId);
      expect(await refusal(chaseNow(await contextFor(world.chair.id, new Date(NOON.getTime() + 60_000)), { sender }, actionId))).toBe(
        'CONFLICT',
      );
      await chaseNow(await contextFor(world.chair.id, new Date(NOON.getTime() + 10 * 60_000)), { sender }, actionId);
      expect(texts()).toHaveLength(2);
    } finally {
      await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { chaseCooldownHours: 24 } });
    }
  });

  it('is for chairs only', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-23' });
    expect(await refusal(chaseNow(await contextFor(world.colleague.id), { sender }, actionId))).toBe('FORBIDDEN');
    expect(connector.requests).toHaveLength(0);
  });

  it('refuses to chase a finished action, and treats an unknown one as not found', async () => {
    const done = await createAction(database.db, world, { dueDate: '2026-11-23', status: 'COMPLETED' });
    const chair = await contextFor(world.chair.id);
    expect(await refusal(chaseNow(chair, { sender }, done))).toBe('CONFLICT');
    expect(await refusal(chaseNow(chair, { sender }, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(connector.requests).toHaveLength(0);
  });

  it('answers a chair who may not see the case exactly as for an unknown action, and sends nothing', async () => {
    const fire = await database.db.prisma.agency.create({
      data: { partnershipId: world.partnershipId, name: 'Sampleshire Fire', type: 'FIRE' },
    });
    const otherChair = await database.db.prisma.member.create({
      data: {
        partnershipId: world.partnershipId,
        agencyId: fire.id,
        entraObjectId: randomUUID(),
        tenantId: TENANT,
        displayName: 'Alex Elsewhere',
        roles: ['PANEL_CHAIR'],
      },
    });
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-23' });
    const ctx = await contextFor(otherChair.id);
    const answerTo = (id: string) =>
      chaseNow(ctx, { sender }, id).then(
        () => null,
        (error: unknown) => (error instanceof ServiceError ? [error.code, error.message] : error),
      );
    const hidden = await answerTo(actionId);
    expect(hidden).toEqual(['NOT_FOUND', expect.any(String)]);
    expect(hidden).toEqual(await answerTo(randomUUID()));
    expect(connector.requests).toHaveLength(0);
  });

  it('reaches the whole owner agency when no officer is named, and says who could not be reached', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-23', ownerMemberId: null });
    const result = await chaseNow(await contextFor(world.chair.id), { sender }, actionId);
    expect(result.deliveries).toEqual(
      expect.arrayContaining([
        { memberId: world.officer.id, status: 'SENT', error: null },
        { memberId: world.colleague.id, status: 'UNREACHABLE', error: 'The app is not installed for this person in Teams.' },
      ]),
    );
  });
});

describe("the chair's list of who reminders cannot reach", () => {
  it('puts the action on the list when Teams answers 403 MessageWritesBlocked, and takes it off once a reminder gets through', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-11-20', title: 'Fit a door chain' });
    connector.blockWrites(OFFICER_CHAT);
    const logger = createLogger({ level: 'silent' });
    const policy = {
      daysBeforeDue: 3,
      onDueDay: true,
      overdueEveryDays: 1,
      escalateAfterDaysOverdue: 30,
      digestWeekday: 'SUNDAY',
    } as const;
    await runReminderCycle({ db: database.db, sender, clock: recordingClock(new Date('2026-11-20T09:00:00Z')), logger, policy });

    const chair = await contextFor(world.chair.id);
    const listed = await listOutOfReach(chair);
    expect(listed.actions).toEqual([
      expect.objectContaining({
        actionId,
        title: 'Fit a door chain',
        ownerName: 'Sam Patel',
        ownerAgencyName: 'Fernbrook Homes',
        reason: expect.stringContaining('blocked or removed the app'),
      }),
    ]);
    expect(listed.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: world.officer.id, reason: 'BLOCKED', since: expect.any(Date) }),
        expect.objectContaining({ memberId: world.colleague.id, reason: 'NEVER_INSTALLED', since: null }),
      ]),
    );

    // Sam unblocks the app and says hello; the next day's reminder gets through.
    connector.reset();
    await teamsActivity(database.db, connector.serviceUrl, { conversationId: OFFICER_CHAT, aad: world.officer.aad, userId: '29:1sam' });
    await runReminderCycle({ db: database.db, sender, clock: recordingClock(new Date('2026-11-21T09:00:00Z')), logger, policy });
    expect(texts()).toHaveLength(1);
    const after = await listOutOfReach(chair);
    expect(after.actions).toEqual([]);
    expect(after.members.map((member) => member.memberId)).not.toContain(world.officer.id);
  });

  it('is for chairs only', async () => {
    expect(await refusal(listOutOfReach(await contextFor(world.officer.id)))).toBe('FORBIDDEN');
  });
});
