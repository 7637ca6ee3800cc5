// A change answers with the action as it now stands without reading it again: what it returns must be
// what a fresh read of the database gives, and the member's read is still audited right after the change.
import { createBotAdapter } from '../../bot/adapter';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { loadActionRecord } from '../../api/services/action-records';
import { changeActionForCard, readAction, type ChangeRequest } from '../../api/services/actions';
import { actorForMember } from '../../api/services/members';
import type { ServiceContext } from '../../api/services/context';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { createAction, createPartnership, teamsActivity, type Partnership } from '../bot/sending-fixtures';

let database: TestDatabase;
let connector: FakeBotConnector;
let sender: BotConnectorSender;
let world: Partnership;
// One fixed moment: every change shares a timestamp, so the history's order rests on the versions.
const NOW = new Date('2026-11-20T10:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  await database.db.prisma.caseAgency.create({ data: { caseId: world.caseId, agencyId: world.housingId, since: NOW } });
  await teamsActivity(database.db, connector.serviceUrl, {
    conversationId: 'a:1personal-officer',
    aad: world.officer.aad,
    userId: '29:1officer',
  });
  await teamsActivity(database.db, connector.serviceUrl, {
    conversationId: 'a:1personal-colleague',
    aad: world.colleague.aad,
    userId: '29:1colleague',
  });
  const clock = { now: () => NOW, sleep: () => Promise.resolve() };
  const adapter = createBotAdapter({}, { nodeEnv: 'test', log: () => undefined });
  sender = new BotConnectorSender({ adapter, botAppId: '', db: database.db, clock, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await connector.close();
  await database.dispose();
});

async function contextOf(memberId: string): Promise<ServiceContext> {
  const actor = await actorForMember(database.db.prisma, memberId);
  return { db: database.db, actor: actor!, now: () => NOW };
}

async function auditEventsOn(actionId: string): Promise<string[]> {
  const rows = await database.db.prisma.auditEvent.findMany({
    where: { entityId: actionId },
    orderBy: { seq: 'asc' },
    select: { event: true },
  });
  return rows.map((row) => row.event);
}

/** Makes the change, and checks its answer against a fresh read and its audit rows against readAction's. */
async function changeAndCompare(memberId: string, actionId: string, request: Omit<ChangeRequest, 'expectedVersion'>, expected: string[]) {
  const ctx = await contextOf(memberId);
  const { version } = await database.db.prisma.action.findUniqueOrThrow({ where: { id: actionId }, select: { version: true } });
  const audited = await auditEventsOn(actionId);
  const result = await changeActionForCard(ctx, { sender }, actionId, { ...request, expectedVersion: version });
  expect(await auditEventsOn(actionId)).toEqual([...audited, ...expected]);
  expect(result.record).toEqual(await loadActionRecord(database.db.prisma, actionId));
  expect(result.action).toEqual(await readAction(ctx, actionId));
  return result;
}

test('each of the owner’s changes answers with the action exactly as a fresh read gives it', async () => {
  const actionId = await createAction(database.db, world, { dueDate: '2026-12-04', status: 'PROPOSED' });
  await changeAndCompare(world.officer.id, actionId, { command: { kind: 'ACCEPT' } }, ['action.accept', 'action.read']);
  await changeAndCompare(world.officer.id, actionId, { command: { kind: 'UPDATE_PROGRESS', note: 'Visit booked.' } }, [
    'action.progress',
    'action.read',
  ]);
  const done = await changeAndCompare(world.officer.id, actionId, { command: { kind: 'COMPLETE', note: 'Door chain fitted.' } }, [
    'action.complete',
    'action.read',
  ]);
  expect(done.record.history.map((line) => line.kind)).toEqual(['ACCEPTED', 'PROGRESS_UPDATED', 'COMPLETED']);
  expect(done.record.status).toBe('COMPLETED');
  expect(done.record.completedAt).toEqual(NOW);
  const blockedId = await createAction(database.db, world, { dueDate: '2026-12-04' });
  await changeAndCompare(
    world.officer.id,
    blockedId,
    { command: { kind: 'CANNOT_COMPLETE', reason: 'CIRCUMSTANCES_CHANGED', note: 'The tenant moved.' } },
    ['action.cannotComplete', 'action.read'],
  );
});

test('a chair’s change and a repeated click answer as a fresh read, and a reassignment reads the new owner', async () => {
  const actionId = await createAction(database.db, world, { dueDate: '2026-12-04', ownerMemberId: null });
  await changeAndCompare(
    world.chair.id,
    actionId,
    { command: { kind: 'CHANGE_DUE_DATE', dueDate: '2026-12-18', reason: 'Awaiting the survey.' } },
    ['action.changeDueDate', 'action.read'],
  );
  const note = { command: { kind: 'UPDATE_PROGRESS', note: 'Survey booked.' } } as const;
  const first = await changeAndCompare(world.colleague.id, actionId, note, ['action.progress', 'action.read']);
  // The repeated click is drawn from the version the first was.
  const repeat = await changeActionForCard(await contextOf(world.colleague.id), { sender }, actionId, {
    ...note,
    expectedVersion: first.record.version - 1,
  });
  expect(repeat.outcome).toBe('ALREADY_APPLIED');
  expect((await auditEventsOn(actionId)).at(-1)).toBe('action.read');
  expect(repeat.record).toEqual(await loadActionRecord(database.db.prisma, actionId));
  const reassigned = await changeAndCompare(
    world.chair.id,
    actionId,
    { command: { kind: 'REASSIGN', agencyId: world.housingId, memberId: world.officer.id, reason: 'Sam knows the tenant.' } },
    ['action.reassign', 'action.read'],
  );
  expect(reassigned.record.ownerTeamsUserIds).toEqual(['29:1officer']);
});
