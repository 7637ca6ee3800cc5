// Assigning and working on actions over the REST API: the real app on loopback, the real database,
// and the real botbuilder adapter sending the action card to a fake Bot Connector on loopback (the
// real one needs a Teams tenant).
import { randomUUID } from 'node:crypto';
import { listOutOfReach } from '../../api/services/notifications';
import { runReminderCycle } from '../../api/jobs/reminder-worker';
import { createLogger } from '../../api/logger';
import { createBotAdapter } from '../../bot/adapter';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { actorForMember } from '../../api/services/members';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { startTestApp, type RunningApp } from '../support/test-app';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { createPartnership, recordingClock, teamsActivity, TENANT, type Partnership } from '../bot/sending-fixtures';

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: Partnership;
let outsider: string;
let minuteTaker: string;
let tokens: Record<'chair' | 'officer' | 'colleague' | 'outsider' | 'minuteTaker', string>;
const NOW = new Date('2026-11-20T10:00:00Z');
const OFFICER_CHAT = 'a:1personal-sam';

interface ActionBody {
  action: {
    id: string;
    status: string;
    version: number;
    dueDate: string;
    meetingId: string | null;
    agendaItemId: string | null;
    madeAt: string | null;
    ownerMember: { id: string } | null;
    ownerAgency: { id: string };
    progressNote: string | null;
    notDoneReason: string | null;
    completedAt: string | null;
    history: { kind: string; note: string | null }[];
  };
  outcome: 'APPLIED' | 'ALREADY_APPLIED';
  deliveries: { memberId: string; displayName: string; status: string; problem: string | null }[];
}

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createPartnership(database.db);
  const fire = await database.db.prisma.agency.create({
    data: { partnershipId: world.partnershipId, name: 'Sampleshire Fire', type: 'FIRE' },
  });
  outsider = (
    await database.db.prisma.member.create({
      data: {
        partnershipId: world.partnershipId,
        agencyId: fire.id,
        entraObjectId: randomUUID(),
        tenantId: TENANT,
        displayName: 'Chris Outside',
        roles: ['PANEL_MEMBER'],
      },
    })
  ).id;
  // The panel coordinator from the lead agency, holding the minute-taker role alone.
  minuteTaker = (
    await database.db.prisma.member.create({
      data: {
        partnershipId: world.partnershipId,
        agencyId: world.policeId,
        entraObjectId: randomUUID(),
        tenantId: TENANT,
        displayName: 'Lee Minutes',
        roles: ['MINUTE_TAKER'],
      },
    })
  ).id;
  app = await startTestApp(database.db, { clock: () => NOW });
  tokens = {
    minuteTaker: await app.signInAs(minuteTaker),
    chair: await app.signInAs(world.chair.id),
    officer: await app.signInAs(world.officer.id),
    colleague: await app.signInAs(world.colleague.id),
    outsider: await app.signInAs(outsider),
  };
}, 60_000);

afterAll(async () => {
  await app.close();
  await connector.close();
  await database.dispose();
});

beforeEach(async () => {
  connector.reset();
  // The fake numbers activities from 1 again after a reset; Teams' ids never repeat in a chat.
  await database.db.prisma.actionCard.deleteMany();
  await database.db.prisma.conversationReference.deleteMany();
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: OFFICER_CHAT, aad: world.officer.aad, userId: '29:1sam' });
});

function assign(overrides: Record<string, unknown> = {}, token = tokens.chair) {
  const body = {
    caseId: world.caseId,
    title: 'Visit the tenant and review the support plan',
    ownerAgencyId: world.housingId,
    ownerMemberId: world.officer.id,
    dueDate: '2026-12-04',
    priority: 'HIGH',
    ...overrides,
  };
  return app.call<ActionBody>('POST', '/api/actions', { token, body });
}

async function assigned(overrides: Record<string, unknown> = {}): Promise<ActionBody['action']> {
  const answer = await assign(overrides);
  expect(answer.status).toBe(201);
  return answer.body.action;
}

const act = (actionId: string, verb: string, body: unknown, token = tokens.officer) =>
  app.call<ActionBody>('POST', `/api/actions/${actionId}/${verb}`, { token, body });
const auditRows = (actionId: string) =>
  database.db.prisma.auditEvent.findMany({ where: { entityType: 'Action', entityId: actionId }, orderBy: { seq: 'asc' } });

describe('assigning an action', () => {
  it('saves it as proposed, involves the owner agency in the case, audits it and sends the owner the card with their buttons', async () => {
    const answer = await assign();
    expect(answer.status).toBe(201);
    expect(answer.body.outcome).toBe('APPLIED');
    expect(answer.body.action).toMatchObject({
      status: 'PROPOSED',
      version: 1,
      ownerMember: { id: world.officer.id },
      history: [{ kind: 'CREATED' }],
    });
    expect(answer.body.deliveries).toEqual([{ memberId: world.officer.id, displayName: 'Sam Patel', status: 'SENT', problem: null }]);

    const [sent] = connector.delivered(OFFICER_CHAT);
    const card = (sent?.body as { attachments: { content: { actions: { title: string }[]; refresh: { userIds: string[] } } }[] })
      .attachments[0]!.content;
    expect(JSON.stringify(card)).toContain('Visit the tenant and review the support plan');
    // A proposed action can only be accepted; the refresh list names the owner so they keep their view.
    expect(card.actions.map((a) => a.title)).toEqual(['Accept']);
    expect(card.refresh.userIds).toEqual(['29:1sam']);
    expect(await database.db.prisma.actionCard.count({ where: { actionId: answer.body.action.id, conversationId: OFFICER_CHAT } })).toBe(1);
    expect(await database.db.prisma.caseAgency.count({ where: { caseId: world.caseId, agencyId: world.housingId } })).toBe(1);

    const [row] = (await auditRows(answer.body.action.id)).filter((r) => r.event === 'action.assign');
    expect(row).toMatchObject({
      actorId: world.chair.id,
      before: null,
      after: expect.objectContaining({ status: 'PROPOSED', ownerMemberId: world.officer.id, dueDate: '2026-12-04', priority: 'HIGH' }),
    });
  });

  it('tells the chair when the owner never installed the app, and puts the action on the out-of-reach list', async () => {
    const answer = await assign({ ownerMemberId: world.colleague.id });
    expect(answer.status).toBe(201);
    expect(answer.body.deliveries).toEqual([
      { memberId: world.colleague.id, displayName: 'Jo Reid', status: 'UNREACHABLE', problem: expect.stringMatching(/not installed/) },
    ]);
    const actor = await database.db.prisma.$transaction((tx) => actorForMember(tx, world.chair.id));
    const list = await listOutOfReach({ db: database.db, actor: actor!, now: () => NOW });
    expect(list.actions.map((a) => a.actionId)).toContain(answer.body.action.id);
    expect(list.members.map((m) => m.memberId)).toContain(world.colleague.id);
  });

  it('shows the chair over HTTP whose reminders are not getting through, audits the read, and refuses another agency', async () => {
    const answer = await assign({ ownerMemberId: world.colleague.id });
    expect(answer.body.deliveries.map((d) => d.status)).toEqual(['UNREACHABLE']);

    const listed = await app.call<{ actions: { actionId: string; ownerName: string | null }[]; members: { memberId: string }[] }>(
      'GET',
      '/api/actions/out-of-reach',
      { token: tokens.chair },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.actions).toContainEqual(expect.objectContaining({ actionId: answer.body.action.id, ownerName: 'Jo Reid' }));
    expect(listed.body.members.map((m) => m.memberId)).toContain(world.colleague.id);
    const reads = await database.db.prisma.auditEvent.findMany({ where: { event: 'action.outOfReach.list', actorId: world.chair.id } });
    expect(reads.map((r) => (r.after as { actionIds: string[] }).actionIds)).toContainEqual(
      expect.arrayContaining([answer.body.action.id]),
    );

    const refused = await app.call<{ error: { code: string } }>('GET', '/api/actions/out-of-reach', { token: tokens.outsider });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it("puts the action in the reminder worker's hands: its owner is reminded before the due date and not twice", async () => {
    const action = await assigned({ dueDate: '2026-11-23' });
    connector.reset();
    const sender = new BotConnectorSender({
      adapter: createBotAdapter({}, { nodeEnv: 'test', log: () => undefined }),
      botAppId: '',
      db: database.db,
      clock: recordingClock(NOW),
      log: () => undefined,
    });
    const worker = { db: database.db, sender, clock: recordingClock(NOW), logger: createLogger({ level: 'silent' }) };
    await runReminderCycle(worker);
    await runReminderCycle(worker);
    const reminders = connector.delivered(OFFICER_CHAT).filter((r) => String(r.body.text).includes('Visit the tenant'));
    expect(reminders.map((r) => r.body.text)).toEqual([
      'Reminder: your action is due in 3 days: Visit the tenant and review the support plan',
    ]);
    expect(
      await database.db.prisma.notification.count({ where: { actionId: action.id, kind: 'REMINDER_BEFORE_DUE', status: 'SENT' } }),
    ).toBe(1);
  });

  it('answers every missing or wrong field at once and saves nothing', async () => {
    const before = await database.db.prisma.action.count();
    const answer = await app.call<{ error: { code: string; fields: { field: string }[] } }>('POST', '/api/actions', {
      token: tokens.chair,
      body: { caseId: world.caseId, title: ' ', dueDate: '2026-02-30', priority: 'SOON' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.map((f) => f.field).sort()).toEqual(['dueDate', 'ownerAgencyId', 'priority', 'title']);
    expect(await database.db.prisma.action.count()).toBe(before);
  });

  it('refuses a due date in the past and an officer from another agency, by field', async () => {
    const past = await assign({ dueDate: '2026-11-19' });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ field: 'dueDate', message: 'The due date cannot be in the past.' }] },
    });
    const wrongOfficer = await assign({ ownerMemberId: world.chair.id });
    expect(wrongOfficer.status).toBe(400);
    expect(wrongOfficer.body).toMatchObject({
      error: { fields: [{ field: 'ownerMemberId', message: 'Choose an officer who works for Fernbrook Homes.' }] },
    });
  });

  it("posts an action agreed in a meeting to that meeting's chat as well, read-only, so later changes update it there", async () => {
    const meetingChat = '19:meeting_panel@thread.v2';
    await teamsActivity(database.db, connector.serviceUrl, { conversationId: meetingChat, kind: 'MEETING', aad: world.chair.aad });
    await database.db.prisma.meeting.update({ where: { id: world.meetingId }, data: { chatThreadId: meetingChat } });
    try {
      const action = await assigned({ meetingId: world.meetingId });
      const [posted] = connector.delivered(meetingChat);
      const card = (posted?.body as { attachments: { content: { actions?: unknown[] } }[] }).attachments[0]!.content;
      expect(card.actions).toBeUndefined();
      expect(await database.db.prisma.actionCard.count({ where: { actionId: action.id, conversationId: meetingChat } })).toBe(1);
      await act(action.id, 'accept', { expectedVersion: 1 });
      expect(
        connector.requests.some(
          (r) => r.operation === 'update' && r.conversationId === meetingChat && JSON.stringify(r.body).includes('Accepted'),
        ),
      ).toBe(true);
    } finally {
      await database.db.prisma.meeting.update({ where: { id: world.meetingId }, data: { chatThreadId: null } });
    }
  });

  it('links an action assigned during an agenda item to the item and its meeting, and refuses an item about another case', async () => {
    const item = await database.db.prisma.agendaItem.create({
      data: { meetingId: world.meetingId, caseId: world.caseId, position: 1, reasonText: 'New high-risk referral', minutes: 15 },
    });
    const during = await assign({ agendaItemId: item.id });
    expect(during.status).toBe(201);
    expect(during.body.action).toMatchObject({
      meetingId: world.meetingId,
      agendaItemId: item.id,
      madeAt: 'Fernbrook CMARAC, 12 November 2026',
    });

    const other = await database.db.prisma.case.create({
      data: { partnershipId: world.partnershipId, reference: 'ASB-2026-9999', kind: 'LOCATION', leadAgencyId: world.policeId },
    });
    const otherItem = await database.db.prisma.agendaItem.create({
      data: { meetingId: world.meetingId, caseId: other.id, position: 2, reasonText: 'Review', minutes: 10 },
    });
    const wrong = await assign({ agendaItemId: otherItem.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { fields: [{ field: 'agendaItemId' }] } });
  });

  it('is for the chair: an officer is refused with 403, a case the chair cannot see answers 404, no sign-in 401', async () => {
    expect((await assign({}, tokens.officer)).status).toBe(403);
    expect((await assign({ caseId: randomUUID() })).status).toBe(404);
    expect((await app.call('POST', '/api/actions', { body: {} })).status).toBe(401);
  });
});

describe('assigning as the minute-taker', () => {
  it('lets the minute-taker assign an action in a meeting, audited as theirs, and sends the owner the card', async () => {
    const answer = await assign({ meetingId: world.meetingId }, tokens.minuteTaker);
    expect(answer.status).toBe(201);
    expect(answer.body.action).toMatchObject({ status: 'PROPOSED', meetingId: world.meetingId, ownerMember: { id: world.officer.id } });
    expect(answer.body.deliveries).toEqual([expect.objectContaining({ memberId: world.officer.id, status: 'SENT' })]);
    const [row] = (await auditRows(answer.body.action.id)).filter((r) => r.event === 'action.assign');
    expect(row).toMatchObject({ actorId: minuteTaker });
  });

  it('leaves reassigning, re-dating, cancelling and chasing to the chair: the minute-taker gets 403 and the action is unchanged', async () => {
    const action = await assigned();
    expect(
      (
        await act(
          action.id,
          'reassign',
          { expectedVersion: 1, agencyId: world.housingId, memberId: world.colleague.id, reason: 'Sam is on leave.' },
          tokens.minuteTaker,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await act(
          action.id,
          'due-date',
          { expectedVersion: 1, dueDate: '2026-12-18', reason: 'Waiting for the tenancy visit.' },
          tokens.minuteTaker,
        )
      ).status,
    ).toBe(403);
    expect((await act(action.id, 'cancel', { expectedVersion: 1, reason: 'No longer needed.' }, tokens.minuteTaker)).status).toBe(403);
    expect((await act(action.id, 'chase', undefined, tokens.minuteTaker)).status).toBe(403);
    const read = await app.call<ActionBody['action']>('GET', `/api/actions/${action.id}`, { token: tokens.minuteTaker });
    expect(read.body).toMatchObject({ status: 'PROPOSED', version: 1, ownerMember: { id: world.officer.id } });
  });
});

describe('working on an action', () => {
  it('takes the owner from accepted through progress to completed, with a history line and an audit row with before and after for each step', async () => {
    const action = await assigned();
    const accepted = await act(action.id, 'accept', { expectedVersion: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.action).toMatchObject({ status: 'ACCEPTED', version: 2 });
    const progressed = await act(action.id, 'progress', { expectedVersion: 2, note: 'Visited on Tuesday; support plan drafted.' });
    expect(progressed.body.action).toMatchObject({
      status: 'IN_PROGRESS',
      version: 3,
      progressNote: 'Visited on Tuesday; support plan drafted.',
    });
    const completed = await act(action.id, 'complete', { expectedVersion: 3, note: 'Support plan agreed with the tenant.' });
    expect(completed.body.action).toMatchObject({ status: 'COMPLETED', version: 4, completedAt: NOW.toISOString() });
    expect(completed.body.action.history.map((h) => h.kind)).toEqual(['CREATED', 'ACCEPTED', 'PROGRESS_UPDATED', 'COMPLETED']);

    const rows = (await auditRows(action.id)).filter((r) => r.event !== 'action.read');
    expect(rows.map((r) => r.event)).toEqual(['action.assign', 'action.accept', 'action.progress', 'action.complete']);
    expect(rows[1]).toMatchObject({
      actorId: world.officer.id,
      before: expect.objectContaining({ status: 'PROPOSED', version: 1 }),
      after: expect.objectContaining({ status: 'ACCEPTED', version: 2 }),
    });
  });

  it('changes state once when the same click arrives twice, even at the same moment', async () => {
    const action = await assigned();
    const [first, second] = await Promise.all([
      act(action.id, 'accept', { expectedVersion: 1 }),
      act(action.id, 'accept', { expectedVersion: 1 }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.outcome, second.body.outcome].sort()).toEqual(['ALREADY_APPLIED', 'APPLIED']);
    expect(await database.db.prisma.actionEvent.count({ where: { actionId: action.id, kind: 'ACCEPTED' } })).toBe(1);
    expect((await database.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).version).toBe(2);
  });

  it('refuses a change drawn from an older version with 409 and leaves the newer state alone', async () => {
    const action = await assigned();
    await act(action.id, 'accept', { expectedVersion: 1 });
    await act(action.id, 'progress', { expectedVersion: 2, note: 'Visit booked.' });
    const stale = await act(action.id, 'complete', { expectedVersion: 2, note: 'Done.' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringMatching(/changed this action since you opened it/) },
    });
    expect(await database.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({
      status: 'IN_PROGRESS',
      version: 3,
      progressNote: 'Visit booked.',
    });
  });

  it("records can't complete with the SafeLives reason, and asks for the note by field when it is missing", async () => {
    const action = await assigned();
    await act(action.id, 'accept', { expectedVersion: 1 });
    const missing = await act(action.id, 'cannot-complete', { expectedVersion: 2, reason: 'SOMETHING', note: '' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      error: { fields: expect.arrayContaining([expect.objectContaining({ field: 'reason' }), expect.objectContaining({ field: 'note' })]) },
    });
    const blocked = await act(action.id, 'cannot-complete', {
      expectedVersion: 2,
      reason: 'CIRCUMSTANCES_CHANGED',
      note: 'The tenant has moved out of the area.',
    });
    expect(blocked.body.action).toMatchObject({ status: 'BLOCKED', notDoneReason: 'CIRCUMSTANCES_CHANGED', version: 3 });
  });

  it('lets only the named officer work on it: a colleague gets 403 with the reason, another agency 404 like an unknown action', async () => {
    const action = await assigned();
    const colleague = await act(action.id, 'accept', { expectedVersion: 1 }, tokens.colleague);
    expect(colleague.status).toBe(403);
    expect(colleague.body).toMatchObject({
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Only the officer who owns this action/) },
    });
    const stranger = await act(action.id, 'accept', { expectedVersion: 1 }, tokens.outsider);
    const unknown = await act(randomUUID(), 'accept', { expectedVersion: 1 }, tokens.outsider);
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual(unknown.body);
    expect((await app.call('GET', `/api/actions/${action.id}`, { token: tokens.outsider })).status).toBe(404);
    expect((await database.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).status).toBe('PROPOSED');
  });

  it('lets the chair reassign with a reason, sending the card to the new owner, and cancel; the officer may do neither', async () => {
    const action = await assigned();
    expect((await act(action.id, 'cancel', { expectedVersion: 1, reason: 'No longer needed.' })).status).toBe(403);
    await teamsActivity(database.db, connector.serviceUrl, {
      conversationId: 'a:1personal-jo',
      aad: world.colleague.aad,
      userId: '29:1jo',
    });
    const reassigned = await act(
      action.id,
      'reassign',
      { expectedVersion: 1, agencyId: world.housingId, memberId: world.colleague.id, reason: 'Sam is on leave.' },
      tokens.chair,
    );
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.action).toMatchObject({ status: 'PROPOSED', version: 2, ownerMember: { id: world.colleague.id } });
    expect(reassigned.body.deliveries).toEqual([expect.objectContaining({ memberId: world.colleague.id, status: 'SENT' })]);
    expect(connector.delivered('a:1personal-jo')).toHaveLength(1);
    // The copy in Sam's chat is brought up to date, read-only now that it is Jo's.
    const update = connector.requests.find((r) => r.operation === 'update' && r.conversationId === OFFICER_CHAT);
    expect(JSON.stringify(update?.body)).toContain('Jo Reid');
    expect(JSON.stringify(update?.body)).not.toContain('action.accept');

    const cancelled = await act(action.id, 'cancel', { expectedVersion: 2, reason: 'Tenant rehoused.' }, tokens.chair);
    expect(cancelled.body.action).toMatchObject({ status: 'CANCELLED', version: 3 });
    expect(cancelled.body.action.history.at(-1)).toMatchObject({ kind: 'CANCELLED', note: 'Tenant rehoused.' });
  });

  it('lets the chair move the due date with a reason, recorded in the history; not into the past', async () => {
    const action = await assigned();
    const past = await act(action.id, 'due-date', { expectedVersion: 1, dueDate: '2026-11-01', reason: 'Typo.' }, tokens.chair);
    expect(past.status).toBe(400);
    const moved = await act(
      action.id,
      'due-date',
      { expectedVersion: 1, dueDate: '2026-12-18', reason: 'Waiting for the tenancy review.' },
      tokens.chair,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.action).toMatchObject({ dueDate: '2026-12-18', status: 'PROPOSED', version: 2 });
    expect(moved.body.action.history.at(-1)).toMatchObject({
      kind: 'DUE_DATE_CHANGED',
      note: 'Due date moved from 4 December 2026 to 18 December 2026: Waiting for the tenancy review.',
    });
  });

  it('reads one action with its history for those who may see its case, and audits the read', async () => {
    const action = await assigned();
    const read = await app.call<ActionBody['action'] & { overdue: boolean }>('GET', `/api/actions/${action.id}`, { token: tokens.officer });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: action.id, status: 'PROPOSED', overdue: false, history: [{ kind: 'CREATED' }] });
    expect(read.body).not.toHaveProperty('ownerTeamsUserIds');
    expect((await auditRows(action.id)).some((r) => r.event === 'action.read' && r.actorId === world.officer.id)).toBe(true);
  });
});
