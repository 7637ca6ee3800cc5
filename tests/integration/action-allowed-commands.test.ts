// What the tab offers on one action: the API names the commands the signed-in member may use now,
// and every one it names works while every one it leaves out is refused by the route itself. The
// real app on loopback over the real database; the bot's sends go to a fake Bot Connector.
import { randomUUID } from 'node:crypto';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { findOnActionList } from '../support/action-list-pages';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { createAction, createPartnership, TENANT, type Partnership } from '../bot/sending-fixtures';

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: Partnership;
let tokens: Record<'chair' | 'officer' | 'colleague' | 'minuteTaker', string>;
const NOW = new Date('2026-11-20T10:00:00Z');

interface ActionAnswer {
  id: string;
  version: number;
  status: string;
  lastChasedAt: string | null;
  allowedCommands: string[];
}

/** Each command with a body the route accepts, so only the policy can refuse it. */
const COMMANDS: Record<string, { verb: string; body: (version: number) => Record<string, unknown> }> = {
  ACCEPT: { verb: 'accept', body: (expectedVersion) => ({ expectedVersion }) },
  UPDATE_PROGRESS: { verb: 'progress', body: (expectedVersion) => ({ expectedVersion, note: 'Visit booked for Monday.' }) },
  COMPLETE: { verb: 'complete', body: (expectedVersion) => ({ expectedVersion, note: 'Door chain fitted.' }) },
  CANNOT_COMPLETE: {
    verb: 'cannot-complete',
    body: (expectedVersion) => ({ expectedVersion, reason: 'CIRCUMSTANCES_CHANGED', note: 'The tenant has moved away.' }),
  },
  CANCEL: { verb: 'cancel', body: (expectedVersion) => ({ expectedVersion, reason: 'No longer needed.' }) },
  REASSIGN: {
    verb: 'reassign',
    body: (expectedVersion) => ({ expectedVersion, agencyId: world.housingId, memberId: world.colleague.id, reason: 'Sam is on leave.' }),
  },
  CHANGE_DUE_DATE: {
    verb: 'due-date',
    body: (expectedVersion) => ({ expectedVersion, dueDate: '2026-12-18', reason: 'Awaiting the survey.' }),
  },
  CHASE: { verb: 'chase', body: () => ({}) },
};

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  const minuteTaker = await database.db.prisma.member.create({
    data: {
      partnershipId: world.partnershipId,
      agencyId: world.policeId,
      entraObjectId: randomUUID(),
      tenantId: TENANT,
      displayName: 'Lee Minutes',
      roles: ['MINUTE_TAKER'],
    },
  });
  // The owner agency sees the case, as it would once the action was assigned through the service.
  await database.db.prisma.caseAgency.create({ data: { caseId: world.caseId, agencyId: world.housingId, since: NOW } });
  app = await startTestApp(database.db, { clock: () => NOW });
  tokens = {
    chair: await app.signInAs(world.chair.id),
    officer: await app.signInAs(world.officer.id),
    colleague: await app.signInAs(world.colleague.id),
    minuteTaker: await app.signInAs(minuteTaker.id),
  };
}, 60_000);

afterAll(async () => {
  await app.close();
  await connector.close();
  await database.dispose();
});

const read = async (actionId: string, token: string) => {
  const answer = await app.call<ActionAnswer>('GET', `/api/actions/${actionId}`, { token });
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('the commands the API offers on an action', () => {
  it.each([
    ['the named officer', 'officer', 'PROPOSED', ['ACCEPT']],
    ['the named officer', 'officer', 'ACCEPTED', ['UPDATE_PROGRESS', 'COMPLETE', 'CANNOT_COMPLETE']],
    ['the named officer', 'officer', 'BLOCKED', ['UPDATE_PROGRESS']],
    ['the named officer', 'officer', 'COMPLETED', []],
    ['the chair', 'chair', 'PROPOSED', ['CANCEL', 'REASSIGN', 'CHANGE_DUE_DATE', 'CHASE']],
    ['the chair', 'chair', 'IN_PROGRESS', ['CANNOT_COMPLETE', 'CANCEL', 'REASSIGN', 'CHANGE_DUE_DATE', 'CHASE']],
    ['the chair', 'chair', 'BLOCKED', ['CANCEL', 'REASSIGN', 'CHANGE_DUE_DATE']],
    ['the chair', 'chair', 'CANCELLED', []],
    ['a colleague of the named officer', 'colleague', 'ACCEPTED', []],
    ['the minute-taker', 'minuteTaker', 'ACCEPTED', []],
  ] as const)('offers %s (%s) on a %s action exactly %j, and the routes agree', async (_who, member, status, expected) => {
    const token = tokens[member];
    const offered = (await read(await createAction(database.db, world, { dueDate: '2026-12-04', status }), token)).allowedCommands;
    expect([...offered].sort()).toEqual([...expected].sort());

    // Every command, on a fresh copy of the action each time: the route succeeds exactly when offered.
    for (const [kind, { verb, body }] of Object.entries(COMMANDS)) {
      const actionId = await createAction(database.db, world, { dueDate: '2026-12-04', status });
      const answer = await app.call('POST', `/api/actions/${actionId}/${verb}`, { token, body: body(0) });
      expect([kind, answer.status < 300]).toEqual([kind, offered.includes(kind as never)]);
    }
  });

  it('names the commands on the answer to a change too, so the tab never shows a stale set', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-12-04', status: 'PROPOSED' });
    const accepted = await app.call<{ action: ActionAnswer }>('POST', `/api/actions/${actionId}/accept`, {
      token: tokens.officer,
      body: { expectedVersion: 0 },
    });
    expect(accepted.body.action.allowedCommands).toEqual(['UPDATE_PROGRESS', 'COMPLETE', 'CANNOT_COMPLETE']);
  });
});

describe('when an action was last chased', () => {
  it('shows on the action and on both lists, and a second chase is refused with when it may be chased again', async () => {
    const actionId = await createAction(database.db, world, { dueDate: '2026-12-04', title: `Chase me ${randomUUID().slice(0, 4)}` });
    expect((await read(actionId, tokens.chair)).lastChasedAt).toBeNull();
    const chased = await app.call<{ chasedAt: string }>('POST', `/api/actions/${actionId}/chase`, { token: tokens.chair });
    expect(chased.body.chasedAt).toBe(NOW.toISOString());

    expect((await read(actionId, tokens.chair)).lastChasedAt).toBe(NOW.toISOString());
    for (const [path, token] of [
      ['/api/actions', tokens.chair],
      ['/api/actions/mine', tokens.officer],
    ] as const) {
      const found = await findOnActionList(app, path, token, actionId);
      expect(found).toMatchObject({ lastChasedAt: NOW.toISOString() });
    }

    const again = await app.call('POST', `/api/actions/${actionId}/chase`, { token: tokens.chair });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: {
        code: 'CONFLICT',
        message: 'This action was chased at 10:00 on 20 November 2026. It can be chased again from 10:00 on 21 November 2026.',
      },
    });
    // A chase is not a change to the action: a form drawn before it is still current.
    expect((await read(actionId, tokens.officer)).version).toBe(0);
  });
});

describe('the choices of agency and officer for reassigning an action', () => {
  it("lists the partnership's agencies, an agency's officers when asked, and refuses a member who may not assign", async () => {
    const path = `/api/cases/${world.caseId}/assignment-choices`;
    const agencies = await app.call<{ agencies: { id: string }[]; officers: unknown[] }>('GET', path, { token: tokens.chair });
    expect(agencies.status).toBe(200);
    expect(agencies.body.agencies.map((agency) => agency.id).sort()).toEqual([world.housingId, world.policeId].sort());
    expect(agencies.body.officers).toEqual([]);
    const officers = await app.call<{ officers: { id: string; name: string }[] }>('GET', `${path}?agencyId=${world.housingId}`, {
      token: tokens.chair,
    });
    expect(officers.body.officers.map((officer) => officer.name)).toEqual(['Jo Reid', 'Sam Patel']);
    expect((await app.call('GET', path, { token: tokens.officer })).status).toBe(403);
  });
});
