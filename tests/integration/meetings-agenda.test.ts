// Scheduling a panel's next meeting and its agenda, over real HTTP on a real database: new, repeat,
// review, overdue, deferred and spilt-over cases, late referrals, and the chair's edits.
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { readAgendaView } from '../../api/services/meeting-views';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

interface Item {
  id: string;
  position: number;
  case: { id: string; reference: string };
  reasons: string[];
  why: string;
  minutes: number;
  status: string;
  agencies: Array<{ name: string }>;
  expectedAt: string | null;
  deferralReason: string | null;
}
interface AgendaReply {
  meeting: {
    id: string;
    startsAt: string;
    endsAt: string;
    referralCutoff: string;
    status: string;
    version: number;
    teams: { status: string };
  };
  actionsReviewMinutes: number;
  items: Item[];
  spillOverTotal: number;
  lateReferrals?: Array<{ caseReference: string; note: string }>;
}
interface ErrorReply {
  error: { code: string; fields?: Array<{ field: string; message: string }> };
}

let database: TestDatabase;
let app: RunningApp;
let world: MeetingsWorld;
let now = NOW;
let chair: string;
let meetingId: string;

const planned = (reply: AgendaReply) => reply.items.filter((item) => item.status === 'PLANNED').map((item) => item.case.id);
const withStatus = (reply: AgendaReply, status: string) => reply.items.filter((item) => item.status === status).map((item) => item.case.id);

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createMeetingsWorld(database.db);
  app = await startTestApp(database.db, { clock: () => now });
  chair = await app.signInAs(world.members.chair);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('scheduling the next meeting', () => {
  it('schedules the second Thursday at 10:00 London time with the referral cut-off ten days before, pending in Teams', async () => {
    const { status, body } = await app.call<AgendaReply>('POST', `/api/panels/${world.panelId}/meetings`, { token: chair, body: {} });
    expect(status).toBe(201);
    meetingId = body.meeting.id;
    expect(body.meeting.startsAt).toBe('2026-12-10T10:00:00.000Z');
    expect(body.meeting.endsAt).toBe('2026-12-10T11:30:00.000Z');
    expect(body.meeting.referralCutoff).toBe('2026-12-01T00:00:00.000Z');
    expect(body.meeting.teams.status).toBe('PENDING');
  });

  it('orders new high risk first, then repeats, other new referrals, deferred and spilt-over cases, action problems and reviews', async () => {
    const { body } = await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair });
    const order = body.items.map((item) => item.case.id);
    const c = world.cases;
    expect(order.slice(0, 3)).toEqual([c.newHigh, c.repeat, c.newMedium]);
    expect(order.slice(3, 5).sort()).toEqual([c.deferred, c.spilt].sort());
    expect(order.slice(5)).toEqual([c.overdue, c.review]);
    expect(body.actionsReviewMinutes).toBe(10);
  });

  it('says why each case is on the agenda and which agencies it needs', async () => {
    const { body } = await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair });
    const why = Object.fromEntries(body.items.map((item) => [item.case.id, item.why]));
    const c = world.cases;
    expect(why[c.newHigh]).toBe('New high-risk referral (score 31), received 15 November 2026.');
    expect(why[c.repeat]).toBe('Repeat referral, high risk (score 27), received 10 November 2026. The case was last heard on 9 July 2026.');
    expect(why[c.deferred]).toBe('Deferred from the meeting on 12 November 2026: The referrer could not attend.');
    expect(why[c.spilt]).toBe('Deferred from the meeting on 12 November 2026: It did not fit on the agenda of 12 November 2026.');
    expect(why[c.overdue]).toBe('1 overdue action and 1 blocked action to resolve.');
    expect(why[c.review]).toBe('Review due 1 December 2026.');
    expect(
      body.items
        .find((item) => item.case.id === c.newHigh)!
        .agencies.map((a) => a.name)
        .sort(),
    ).toEqual(['Fernbrook Homes', 'Fernbrook Police']);
  });

  it('spills over what does not fit after the actions review, and times the rest from the start', async () => {
    const { body } = await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair });
    expect(planned(body)).toHaveLength(5);
    expect(withStatus(body, 'SPILLED_OVER')).toEqual([world.cases.overdue, world.cases.review]);
    expect(body.spillOverTotal).toBe(2);
    expect(body.items[0]!.expectedAt).toBe('2026-12-10T10:10:00.000Z');
    expect(body.items[4]!.expectedAt).toBe('2026-12-10T11:10:00.000Z');
    expect(body.items[5]!.expectedAt).toBeNull();
  });

  it('lists only the first cases that did not fit when asked for fewer, after the running order, and counts them all', async () => {
    const view = await readAgendaView(database.db.prisma, meetingId, 1);
    expect(view.items.filter((item) => item.status === 'PLANNED')).toHaveLength(5);
    expect(view.items.filter((item) => item.status === 'SPILLED_OVER').map((item) => item.case.id)).toEqual([world.cases.overdue]);
    expect(view.items.at(-1)!.status).toBe('SPILLED_OVER');
    expect(view.spillOverTotal).toBe(2);
  });

  it('records the scheduling in the audit trail', async () => {
    const rows = await database.db.prisma.auditEvent.findMany({ where: { entityId: meetingId, event: 'meeting.schedule' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(world.members.chair);
  });

  it('reports a referral accepted after the cut-off as late when the agenda is rebuilt, and leaves it for the next meeting', async () => {
    now = new Date('2026-12-03T09:00:00Z');
    chair = await app.signInAs(world.members.chair); // sign-in lasts hours, not weeks
    await database.db.prisma.referral.update({ where: { id: world.referrals.late }, data: { status: 'ACCEPTED' } });
    const { status, body } = await app.call<AgendaReply>('POST', `/api/meetings/${meetingId}/agenda/rebuild`, { token: chair });
    expect(status).toBe(200);
    expect(body.items.map((item) => item.case.id)).not.toContain(world.cases.late);
    expect(body.lateReferrals).toEqual([
      {
        caseId: world.cases.late,
        caseReference: 'CM-8',
        note: 'Received 2 December 2026, after the cut-off of 30 November 2026, so it goes to the next meeting.',
      },
    ]);
  });
});

describe('rebuilding at county scale', () => {
  it('writes no agenda row when a rebuild changes nothing, and audits the running order with the spill-over counted', async () => {
    const rows = () =>
      database.db.prisma.agendaItem.findMany({
        where: { meetingId },
        orderBy: { position: 'asc' },
        select: { id: true, caseId: true, status: true, position: true, updatedAt: true },
      });
    const before = await rows();
    const spilt = before.filter((row) => row.status === 'SPILLED_OVER');
    expect(spilt.length).toBeGreaterThan(0);
    const { status } = await app.call<AgendaReply>('POST', `/api/meetings/${meetingId}/agenda/rebuild`, { token: chair });
    expect(status).toBe(200);
    expect(await rows()).toEqual(before);
    const audited = await database.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: meetingId, event: 'meeting.agenda.rebuild' },
      orderBy: { seq: 'desc' },
    });
    expect(audited.after).toEqual({
      order: before.filter((row) => row.status !== 'SPILLED_OVER').map((row) => ({ caseId: row.caseId, status: row.status })),
      spillOver: spilt.length,
    });
  });
});

describe('the chair shapes the agenda', () => {
  it('reorders the agenda so a review comes first, and what no longer fits spills over', async () => {
    const current = (await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body;
    const order = current.items.map((item) => item.case.id);
    const reordered = [world.cases.review, ...order.filter((id) => id !== world.cases.review)];
    const { status, body } = await app.call<AgendaReply>('PUT', `/api/meetings/${meetingId}/agenda/order`, {
      token: chair,
      body: { caseIds: reordered, expectedVersion: current.meeting.version },
    });
    expect(status).toBe(200);
    expect(body.items.map((item) => item.case.id)).toEqual(reordered);
    expect(planned(body)[0]).toBe(world.cases.review);
    expect(withStatus(body, 'SPILLED_OVER')).toEqual(reordered.slice(5));
    expect(body.meeting.version).toBe(current.meeting.version + 1);
  });

  it('refuses an edit drawn from an older version of the agenda and changes nothing', async () => {
    const before = (await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body;
    const answer = await app.call<ErrorReply>('PUT', `/api/meetings/${meetingId}/agenda/order`, {
      token: chair,
      body: { caseIds: [...before.items.map((item) => item.case.id)].reverse(), expectedVersion: before.meeting.version - 1 },
    });
    expect(answer.status).toBe(409);
    const after = (await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body;
    expect(after.items.map((item) => item.case.id)).toEqual(before.items.map((item) => item.case.id));
  });

  it('refuses a new order that leaves a case out, naming the field', async () => {
    const before = (await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body;
    const answer = await app.call<ErrorReply>('PUT', `/api/meetings/${meetingId}/agenda/order`, {
      token: chair,
      body: { caseIds: before.items.slice(1).map((item) => item.case.id) },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.map((f) => f.field)).toEqual(['caseIds']);
  });

  it("adds a case with the chair's reason at the place chosen", async () => {
    const { status, body } = await app.call<AgendaReply>('POST', `/api/meetings/${meetingId}/agenda/items`, {
      token: chair,
      body: { caseId: world.cases.extra, reasonText: 'Fresh incidents reported on Monday', position: 2 },
    });
    expect(status).toBe(201);
    const added = body.items[1]!;
    expect(added.case.id).toBe(world.cases.extra);
    expect(added.reasons).toEqual(['ADDED_BY_CHAIR']);
    expect(added.why).toBe('Added by the chair: Fresh incidents reported on Monday.');
  });

  it('adds a case by the reference the panel knows it by, in any letter case, and refuses an unknown or hidden reference alike', async () => {
    const before = (await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body;
    const reference = await database.db.prisma.case.findUniqueOrThrow({ where: { id: world.cases.spilt }, select: { reference: true } });
    const hidden = await database.db.prisma.case.findUniqueOrThrow({
      where: { id: world.cases.probationOnly },
      select: { reference: true },
    });
    for (const caseReference of ['CM-404', hidden.reference]) {
      const refused = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/agenda/items`, {
        token: chair,
        body: { caseReference, reasonText: 'Raised by the police today' },
      });
      expect([refused.status, refused.body.error.code]).toEqual([404, 'NOT_FOUND']);
    }
    const both = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/agenda/items`, {
      token: chair,
      body: { caseId: world.cases.spilt, caseReference: reference.reference, reasonText: 'Raised by the police today' },
    });
    expect([both.status, both.body.error.fields?.map((f) => f.field)]).toEqual([400, ['caseReference']]);
    // The spilt case is already on the agenda, so adding it by reference finds it and says so.
    const again = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/agenda/items`, {
      token: chair,
      body: { caseReference: reference.reference.toLowerCase(), reasonText: 'Raised by the police today' },
    });
    expect([again.status, again.body.error.fields?.[0]?.message]).toEqual([
      400,
      'This case is already on the agenda; move it instead of adding it again.',
    ]);
    const after = (await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body;
    expect(after.meeting.version).toBe(before.meeting.version);
  });

  it('refuses to add a case the chair may not see, as if it did not exist', async () => {
    const answer = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/agenda/items`, {
      token: chair,
      body: { caseId: world.cases.probationOnly, reasonText: 'Curious' },
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });

  it("defers a case with a reason, and keeps the chair's additions, deferrals and running order when the agenda is rebuilt", async () => {
    const deferred = await app.call<AgendaReply>('POST', `/api/meetings/${meetingId}/agenda/deferrals`, {
      token: chair,
      body: { caseId: world.cases.newMedium, reasonText: 'Housing officer on leave' },
    });
    expect(deferred.status).toBe(200);
    const item = deferred.body.items.find((entry) => entry.case.id === world.cases.newMedium)!;
    expect([item.status, item.deferralReason]).toEqual(['DEFERRED', 'Housing officer on leave']);
    const rebuilt = (await app.call<AgendaReply>('POST', `/api/meetings/${meetingId}/agenda/rebuild`, { token: chair })).body;
    expect(withStatus(rebuilt, 'DEFERRED')).toEqual([world.cases.newMedium]);
    expect(rebuilt.items.find((entry) => entry.case.id === world.cases.extra)?.reasons).toEqual(['ADDED_BY_CHAIR']);
    const heard = (reply: AgendaReply) => reply.items.filter((entry) => entry.status !== 'DEFERRED').map((entry) => entry.case.id);
    expect(heard(rebuilt)).toEqual(heard(deferred.body));
    expect(heard(rebuilt).slice(0, 2)).toEqual([world.cases.review, world.cases.extra]);
  });

  it("puts a referral accepted since where the builder places it on a rebuild, and keeps the chair's order for the rest", async () => {
    const before = (await app.call<AgendaReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body;
    const p = database.db.prisma;
    const newcomer = (
      await p.case.create({
        data: {
          partnershipId: world.partnershipId,
          reference: 'CM-NEW',
          kind: 'VICTIM',
          leadAgencyId: world.agencies.police,
          currentRiskBand: 'HIGH',
          openedAt: new Date('2026-11-25T12:00:00Z'),
        },
      })
    ).id;
    const template = await p.riskTemplate.findFirstOrThrow({ where: { partnershipId: world.partnershipId } });
    const referral = await p.referral.create({
      data: {
        partnershipId: world.partnershipId,
        subjectType: 'VICTIM',
        status: 'ACCEPTED',
        referrerId: world.members.councilReferrer,
        referrerAgencyId: world.agencies.council,
        caseId: newcomer,
        panelId: world.panelId,
        submittedAt: new Date('2026-11-25T12:00:00Z'),
      },
    });
    await p.riskAssessment.create({
      data: {
        templateId: template.id,
        subjectType: 'VICTIM',
        caseId: newcomer,
        referralId: referral.id,
        assessedById: world.members.councilReferrer,
        answers: [],
        score: 44,
        calculatedBand: 'HIGH',
        finalBand: 'HIGH',
        reasons: [],
        assessedAt: new Date('2026-11-25T12:00:00Z'),
      },
    });
    const { status, body } = await app.call<AgendaReply>('POST', `/api/meetings/${meetingId}/agenda/rebuild`, { token: chair });
    expect(status).toBe(200);
    const heard = (reply: AgendaReply) => reply.items.filter((entry) => entry.status !== 'DEFERRED').map((entry) => entry.case.id);
    expect(heard(body)).toEqual([newcomer, ...heard(before)]);
    expect(body.items[0]!.why).toBe('New high-risk referral (score 44), received 25 November 2026.');
    // The newcomer takes a slot, so the last case that fitted now spills over.
    expect(withStatus(body, 'SPILLED_OVER')[0]).toBe(planned(before).at(-1));
  });

  it('refuses a deferral without a reason, naming the field', async () => {
    const answer = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/agenda/deferrals`, {
      token: chair,
      body: { caseId: world.cases.repeat, reasonText: ' ' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.map((f) => f.field)).toEqual(['reasonText']);
  });
});

describe('who may see and shape the agenda', () => {
  it('lets a panel member from a seated agency read the agenda but not change it', async () => {
    const member = await app.signInAs(world.members.housingMember);
    const read = await app.call<AgendaReply & { me: { mayRun: boolean } }>('GET', `/api/meetings/${meetingId}/agenda`, { token: member });
    expect([read.status, read.body.me]).toEqual([200, { mayRun: false }]);
    expect((await app.call<{ me: { mayRun: boolean } }>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body.me).toEqual({
      mayRun: true,
    });
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/rebuild`, { token: member })).status).toBe(403);
  });

  it('answers a panel member whose agency has no seat as if the meeting did not exist', async () => {
    const outsider = await app.signInAs(world.members.probationMember);
    const answer = await app.call<ErrorReply>('GET', `/api/meetings/${meetingId}/agenda`, { token: outsider });
    expect(answer.status).toBe(404);
    expect((await app.call('GET', `/api/panels/${world.panelId}/meetings`, { token: outsider })).status).toBe(404);
  });

  it("lists the panel's meetings, newest first, to a seated member", async () => {
    const member = await app.signInAs(world.members.housingMember);
    const { status, body } = await app.call<Array<{ id: string; status: string; teamsSyncStatus: string }>>(
      'GET',
      `/api/panels/${world.panelId}/meetings`,
      { token: member },
    );
    expect(status).toBe(200);
    expect(body.map((m) => [m.id, m.status])).toEqual([
      [meetingId, 'SCHEDULED'],
      [world.lastMeetingId, 'ENDED'],
    ]);
  });

  it('refuses a chair of another panel, a referrer, an admin and another partnership', async () => {
    const otherChair = await app.signInAs(world.members.otherChair);
    expect((await app.call('POST', `/api/meetings/${meetingId}/agenda/rebuild`, { token: otherChair })).status).toBe(403);
    expect(
      (await app.call('GET', `/api/meetings/${meetingId}/agenda`, { token: await app.signInAs(world.members.councilReferrer) })).status,
    ).toBe(403);
    expect(
      (await app.call('POST', `/api/panels/${world.panelId}/meetings`, { token: await app.signInAs(world.members.admin), body: {} }))
        .status,
    ).toBe(403);
    const elsewhere = await app.signInAs(world.members.elsewhereChair);
    expect((await app.call('GET', `/api/meetings/${meetingId}/agenda`, { token: elsewhere })).status).toBe(404);
    expect((await app.call('POST', `/api/panels/${world.panelId}/meetings`, { token: elsewhere, body: {} })).status).toBe(404);
  });

  it('refuses a start time outside working hours, naming the field', async () => {
    const answer = await app.call<ErrorReply>('POST', `/api/panels/${world.panelId}/meetings`, {
      token: chair,
      body: { startTime: '23:30' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.map((f) => f.field)).toEqual(['startTime']);
  });

  it('refuses a request without sign-in', async () => {
    expect((await app.call('GET', `/api/meetings/${meetingId}/agenda`)).status).toBe(401);
  });
});

describe('the meeting after', () => {
  it("carries deferred and spilt-over cases and the late referral to January, and does not hear December's referrals as new again", async () => {
    await database.db.prisma.meeting.update({ where: { id: meetingId }, data: { status: 'ENDED' } });
    await database.db.prisma.agendaItem.updateMany({ where: { meetingId, status: 'PLANNED' }, data: { status: 'DISCUSSED' } });
    now = new Date('2026-12-11T09:00:00Z');
    chair = await app.signInAs(world.members.chair);
    const { status, body } = await app.call<AgendaReply>('POST', `/api/panels/${world.panelId}/meetings`, {
      token: chair,
      body: { startTime: '14:00' },
    });
    expect(status).toBe(201);
    expect(body.meeting.startsAt).toBe('2027-01-14T14:00:00.000Z');
    const why = Object.fromEntries(body.items.map((item) => [item.case.id, item.why]));
    expect(why[world.cases.late]).toBe('New high-risk referral (score 35), received 2 December 2026.');
    expect(why[world.cases.newMedium]).toBe('Deferred from the meeting on 10 December 2026: Housing officer on leave.');
    // The chair's order survived the rebuilds, so the review they moved first was heard; the
    // overdue actions, last in that order, did not fit behind the newcomer and are carried.
    expect(why[world.cases.review]).toBe('Review due 1 December 2026.');
    expect(why[world.cases.overdue]).toBe(
      'Deferred from the meeting on 10 December 2026: It did not fit on the agenda of 10 December 2026. 1 overdue action and 1 blocked action to resolve.',
    );
    expect(Object.keys(why)).not.toContain(world.cases.newHigh);
    const carried = await database.db.prisma.agendaItem.findMany({
      where: { meetingId, status: { in: ['DEFERRED', 'SPILLED_OVER'] } },
      select: { deferredToMeetingId: true },
    });
    expect(carried.map((row) => row.deferredToMeetingId)).toEqual(carried.map(() => body.meeting.id));
  });
});
