// Running a meeting over real HTTP: the chair moves from item to item, members sign the register and
// accept the confidentiality statement before any case detail reaches them, and the side panel's
// poll answers 304 while nothing has changed.
import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

interface Room {
  meeting: { id: string; version: number; status: string; currentAgendaItemId: string | null };
  items: Array<{ id: string; status: string; case: { id: string; reference: string } }>;
  spillOverTotal: number;
  current: null | {
    item: { id: string; case: { id: string } };
    case: null | { reference: string; subjects: Array<{ name: string }>; openActions: unknown[] };
    withheld: string | null;
  };
  confidentialityStatement: string;
  me: { isChair: boolean; attendance: null | { status: string; confidentialityAccepted: boolean } };
}
interface ErrorReply {
  error: { code: string; fields?: Array<{ field: string }> };
}

let database: TestDatabase;
let app: RunningApp;
let world: MeetingsWorld;
let chair: string;
let member: string;
let meetingId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createMeetingsWorld(database.db);
  const person = await database.db.prisma.person.create({
    data: {
      partnershipId: world.partnershipId,
      givenName: 'Ada',
      familyName: 'Example',
      nameKey: 'ada example',
      healthNotes: 'Never in the side panel.',
    },
  });
  await database.db.prisma.caseSubject.create({ data: { caseId: world.cases.repeat, personId: person.id, role: 'VICTIM' } });
  app = await startTestApp(database.db, { clock: () => NOW });
  chair = await app.signInAs(world.members.chair);
  member = await app.signInAs(world.members.housingMember);
  meetingId = (await app.call<{ meeting: { id: string } }>('POST', `/api/panels/${world.panelId}/meetings`, { token: chair, body: {} }))
    .body.meeting.id;
  // Held today: a meeting is started, attended and minuted on its day, not before.
  await database.db.prisma.meeting.update({
    where: { id: meetingId },
    data: { startsAt: NOW, endsAt: new Date(NOW.getTime() + 7_200_000) },
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const room = (token: string, headers: Record<string, string> = {}) =>
  app.call<Room>('GET', `/api/meetings/${meetingId}/room`, { token, headers });

describe('moving through the agenda', () => {
  it('starts the meeting with the first planned item and then moves on, recording when each was heard', async () => {
    const first = await app.call<{ meeting: { status: string; currentAgendaItemId: string }; items: Room['items'] }>(
      'POST',
      `/api/meetings/${meetingId}/next`,
      { token: chair, body: {} },
    );
    expect(first.status).toBe(200);
    expect(first.body.meeting.status).toBe('IN_PROGRESS');
    expect(first.body.items[0]!.status).toBe('CURRENT');
    expect(first.body.meeting.currentAgendaItemId).toBe(first.body.items[0]!.id);
    const second = await app.call<{ meeting: { currentAgendaItemId: string }; items: Room['items'] }>(
      'POST',
      `/api/meetings/${meetingId}/next`,
      { token: chair, body: {} },
    );
    expect(second.body.items.map((item) => item.status).slice(0, 2)).toEqual(['DISCUSSED', 'CURRENT']);
    const heard = await database.db.prisma.case.findUniqueOrThrow({ where: { id: second.body.items[0]!.case.id } });
    expect(heard.lastHeardAt).toEqual(NOW);
  });

  it('refuses a move from a stale view, so a double click cannot skip an item', async () => {
    const before = (await room(chair)).body;
    const stale = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/next`, {
      token: chair,
      body: { expectedVersion: before.meeting.version - 1 },
    });
    expect(stale.status).toBe(409);
    expect((await room(chair)).body.meeting.currentAgendaItemId).toBe(before.meeting.currentAgendaItemId);
  });

  it('lets only the chair move the meeting on', async () => {
    expect((await app.call('POST', `/api/meetings/${meetingId}/next`, { token: member, body: {} })).status).toBe(403);
    const outsider = await app.signInAs(world.members.probationMember);
    expect((await app.call('POST', `/api/meetings/${meetingId}/next`, { token: outsider, body: {} })).status).toBe(403);
    expect((await app.call('GET', `/api/meetings/${meetingId}/room`, { token: outsider })).status).toBe(404);
  });
});

type Refusal = { error: { message: string } };

describe("before the meeting's day", () => {
  it('refuses to start it, to sign in to it or to record an outcome, saying which day it is on', async () => {
    const nextWeek = new Date(NOW.getTime() + 7 * 86_400_000);
    await database.db.prisma.meeting.update({
      where: { id: meetingId },
      data: { startsAt: nextWeek, endsAt: new Date(nextWeek.getTime() + 7_200_000) },
    });
    try {
      const message = (doing: string) => `This meeting is on 27 November 2026: it cannot be ${doing} before its day.`;
      const started = await app.call<Refusal>('POST', `/api/meetings/${meetingId}/next`, { token: chair, body: {} });
      expect([started.status, started.body.error.message]).toEqual([409, message('started')]);
      const signed = await app.call<Refusal>('POST', `/api/meetings/${meetingId}/attendance/me`, {
        token: member,
        body: { acceptConfidentiality: true },
      });
      expect([signed.status, signed.body.error.message]).toEqual([409, message('attended')]);
      const itemId = (await room(chair)).body.items[0]!.id;
      const minuted = await app.call<Refusal>('PUT', `/api/meetings/${meetingId}/items/${itemId}/outcome`, {
        token: chair,
        body: { decisions: 'Keep on.', caseDecision: 'KEEP_ON' },
      });
      expect([minuted.status, minuted.body.error.message]).toEqual([409, message('minuted')]);
    } finally {
      await database.db.prisma.meeting.update({
        where: { id: meetingId },
        data: { startsAt: NOW, endsAt: new Date(NOW.getTime() + 7_200_000) },
      });
    }
  });
});

describe('finding the panel meeting from Teams', () => {
  it('finds the meeting from the meeting id teams-js gives the side panel, for members with a seat only', async () => {
    const thread = '19:meeting_c2lkZXBhbmVs@thread.v2';
    await database.db.prisma.meeting.update({ where: { id: meetingId }, data: { chatThreadId: thread } });
    const teamsMeetingId = encodeURIComponent(Buffer.from(`0#${thread}#0`).toString('base64'));
    const found = await app.call<{ meetingId: string }>('GET', `/api/meetings/for-teams-meeting?teamsMeetingId=${teamsMeetingId}`, {
      token: member,
    });
    expect(found.body).toEqual({ meetingId });
    const outsider = await app.signInAs(world.members.probationMember);
    const hidden = await app.call('GET', `/api/meetings/for-teams-meeting?teamsMeetingId=${teamsMeetingId}`, { token: outsider });
    const other = encodeURIComponent(Buffer.from('0#19:meeting_bm9uZQ@thread.v2#0').toString('base64'));
    const unknown = await app.call('GET', `/api/meetings/for-teams-meeting?teamsMeetingId=${other}`, { token: member });
    // A meeting without a seat answers exactly as one that does not exist, so a refusal confirms nothing.
    expect(hidden).toMatchObject({ status: 404, body: unknown.body });
    expect(unknown.status).toBe(404);
  });
});

describe('attendance and confidentiality before case detail', () => {
  it('shows the agenda and the current item but withholds the case until the member has signed in and accepted', async () => {
    const { status, body } = await room(member);
    expect(status).toBe(200);
    expect(body.current?.item.case.id).toBe(body.items[1]!.case.id);
    expect(body.current?.case).toBeNull();
    expect(body.current?.withheld).toBe('NOT_IN_ATTENDANCE');
    expect(body.confidentialityStatement).toMatch(/s115 of the Crime and Disorder Act 1998/);
  });

  it('lists the running order and only counts the cases that did not fit, however many they are', async () => {
    const { body } = await room(member);
    const rows = await database.db.prisma.agendaItem.findMany({
      where: { meetingId },
      orderBy: { position: 'asc' },
      select: { id: true, status: true },
    });
    const spilt = rows.filter((row) => row.status === 'SPILLED_OVER');
    expect(spilt.length).toBeGreaterThan(0);
    expect(body.items.map((item) => item.id)).toEqual(rows.filter((row) => row.status !== 'SPILLED_OVER').map((row) => row.id));
    expect(body.spillOverTotal).toBe(spilt.length);
  });

  it('refuses to sign the register without accepting the statement, naming the field', async () => {
    const answer = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/attendance/me`, {
      token: member,
      body: { acceptConfidentiality: false },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.map((f) => f.field)).toEqual(['acceptConfidentiality']);
    expect(await database.db.prisma.attendance.count({ where: { meetingId } })).toBe(0);
  });

  it('records the member present for their agency once they accept, and then shows the case without restricted notes', async () => {
    const ownWording = 'Fernbrook partners keep what is said here to themselves, under s115 and our sharing agreement.';
    await database.db.prisma.partnership.update({
      where: { id: world.partnershipId },
      data: { localRules: { confidentialityStatement: ownWording } },
    });
    expect((await room(member)).body.confidentialityStatement).toBe(ownWording);
    const signed = await app.call<{ status: string; agencyId: string }>('POST', `/api/meetings/${meetingId}/attendance/me`, {
      token: member,
      body: { acceptConfidentiality: true },
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'PRESENT', agencyId: world.agencies.housing });
    const { body } = await room(member);
    expect(body.current?.withheld).toBeNull();
    expect(body.current?.case?.reference).toBe('CM-3');
    expect(body.current?.case?.subjects).toEqual([{ role: 'VICTIM', name: 'Ada Example' }]);
    expect(JSON.stringify(body)).not.toContain('Never in the side panel');
    const reads = await database.db.prisma.auditEvent.findMany({
      where: { event: 'case.read', actorId: world.members.housingMember, entityId: world.cases.repeat },
    });
    expect(reads).toHaveLength(1);

    // A later change of wording leaves what this member accepted as it was.
    await database.db.prisma.partnership.update({ where: { id: world.partnershipId }, data: { localRules: {} } });
    const accepted = await database.db.prisma.attendance.findFirstOrThrow({
      where: { meetingId, memberId: world.members.housingMember },
      select: { confidentialityStatement: true },
    });
    expect(accepted.confidentialityStatement).toBe(ownWording);
  });

  it("answers the side panel's poll with 304 and reads nothing while nothing has changed, and afresh after an outcome or a move", async () => {
    const first = await room(member);
    const etag = first.headers.get('etag')!;
    const readsBefore = await database.db.prisma.auditEvent.count({ where: { event: 'case.read' } });
    const unchanged = await room(member, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(await database.db.prisma.auditEvent.count({ where: { event: 'case.read' } })).toBe(readsBefore);
    const outcome = await app.call('PUT', `/api/meetings/${meetingId}/items/${first.body.current!.item.id}/outcome`, {
      token: chair,
      body: { decisions: 'Keep on; patrols continue.', caseDecision: 'KEEP_ON' },
    });
    expect(outcome.status).toBe(200);
    expect((await room(member, { 'if-none-match': etag })).status).toBe(200);
    await app.call('POST', `/api/meetings/${meetingId}/next`, { token: chair, body: {} });
    const moved = await room(member, { 'if-none-match': etag });
    expect(moved.status).toBe(200);
    expect(moved.body.current?.item.id).not.toBe(first.body.current?.item.id);
  });

  it('lets the chair record apologies for a seated member, but not for someone whose agency has no seat', async () => {
    const apologies = await app.call('PUT', `/api/meetings/${meetingId}/attendance/${world.members.otherChair}`, {
      token: chair,
      body: { status: 'APOLOGIES' },
    });
    expect(apologies.status).toBe(200);
    const unseated = await app.call<ErrorReply>('PUT', `/api/meetings/${meetingId}/attendance/${world.members.probationMember}`, {
      token: chair,
      body: { status: 'PRESENT' },
    });
    expect(unseated.status).toBe(400);
    expect(unseated.body.error.fields?.map((f) => f.field)).toEqual(['memberId']);
    const register = await app.call<
      Array<{ member: { displayName: string }; agency: { name: string }; status: string; confidentialityAccepted: boolean }>
    >('GET', `/api/meetings/${meetingId}/attendance`, { token: member });
    expect(register.body.map((row) => [row.member.displayName, row.agency.name, row.status, row.confidentialityAccepted])).toEqual([
      ['Omar Price', 'Fernbrook Council ASB Team', 'APOLOGIES', false],
      ['Sam Patel', 'Fernbrook Homes', 'PRESENT', true],
    ]);
  });

  it("shows the minute-taker of a seated agency the side panel exactly as a panel member sees it, but not the chair's controls", async () => {
    const lee = await database.db.prisma.member.create({
      data: {
        partnershipId: world.partnershipId,
        agencyId: world.agencies.housing,
        entraObjectId: randomUUID(),
        tenantId: 'tenant-meetings',
        displayName: 'Lee Minutes',
        roles: ['MINUTE_TAKER'],
      },
    });
    const minuteTaker = await app.signInAs(lee.id);
    expect((await room(minuteTaker)).body.current?.withheld).toBe('NOT_IN_ATTENDANCE');
    const signed = await app.call('POST', `/api/meetings/${meetingId}/attendance/me`, {
      token: minuteTaker,
      body: { acceptConfidentiality: true },
    });
    expect(signed.status).toBe(200);
    const [asMinuteTaker, asMember] = [(await room(minuteTaker)).body, (await room(member)).body];
    expect(asMinuteTaker.current?.case).not.toBeNull();
    expect(asMinuteTaker.current).toEqual(asMember.current);
    expect(asMinuteTaker.items).toEqual(asMember.items);
    expect(asMinuteTaker.me.isChair).toBe(false);
    expect((await app.call('POST', `/api/meetings/${meetingId}/next`, { token: minuteTaker, body: {} })).status).toBe(403);
  });

  it('ends the meeting after the last planned item', async () => {
    let status = 'IN_PROGRESS';
    for (let step = 0; step < 10 && status === 'IN_PROGRESS'; step += 1) {
      status = (await app.call<{ meeting: { status: string } }>('POST', `/api/meetings/${meetingId}/next`, { token: chair, body: {} })).body
        .meeting.status;
    }
    expect(status).toBe('ENDED');
    const items = await database.db.prisma.agendaItem.findMany({ where: { meetingId } });
    expect(items.filter((item) => item.status === 'CURRENT')).toEqual([]);
    expect((await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/next`, { token: chair, body: {} })).status).toBe(409);
  });
});
