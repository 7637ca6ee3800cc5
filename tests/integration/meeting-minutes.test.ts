// Outcomes, the action review and the minutes over real HTTP, ending with the Word export read back
// from the produced file (word/document.xml and the header, unzipped with jszip).
import JSZip from 'jszip';
import { minutesDueMessage } from '../../api/services/reminders/minutes-due';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

const MEETING_DAY = new Date('2026-12-10T09:30:00Z');

interface Item {
  id: string;
  status: string;
  case: { id: string; reference: string };
}
interface ErrorReply {
  error: { code: string; message: string; fields?: Array<{ field: string }> };
}
interface MinutesReply {
  status: string;
  dueBy: string;
  version: number;
  content: {
    title: string;
    present: string[];
    apologies: string[];
    actionReview: string[];
    cases: Array<{ heading: string; outcome: string }>;
  };
}

let database: TestDatabase;
let app: RunningApp;
let world: MeetingsWorld;
let chair: string;
let meetingId: string;
let items: Item[];
/** The day it is for the app: moved past a meeting before its minutes are approved. */
let now = NOW;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createMeetingsWorld(database.db);
  app = await startTestApp(database.db, { clock: () => now });
  chair = await app.signInAs(world.members.chair);
  meetingId = (await app.call<{ meeting: { id: string } }>('POST', `/api/panels/${world.panelId}/meetings`, { token: chair, body: {} }))
    .body.meeting.id;
  // The meeting is held, minuted and approved on its day (10 December), not before.
  now = MEETING_DAY;
  chair = await app.signInAs(world.members.chair);
  await app.call('POST', `/api/meetings/${meetingId}/attendance/me`, { token: chair, body: { acceptConfidentiality: true } });
  await app.call('PUT', `/api/meetings/${meetingId}/attendance/${world.members.otherChair}`, {
    token: chair,
    body: { status: 'APOLOGIES' },
  });
  const member = await app.signInAs(world.members.housingMember);
  await app.call('POST', `/api/meetings/${meetingId}/attendance/me`, { token: member, body: { acceptConfidentiality: true } });
  // Hear the first two cases; the rest are not reached before the chair closes the meeting.
  await app.call('POST', `/api/meetings/${meetingId}/next`, { token: chair, body: {} });
  items = (await app.call<{ items: Item[] }>('GET', `/api/meetings/${meetingId}/agenda`, { token: chair })).body.items;
  // An action agreed on the first case (actions are assigned through the actions slice's own service).
  await database.db.prisma.action.create({
    data: {
      partnershipId: world.partnershipId,
      caseId: items[0]!.case.id,
      meetingId,
      agendaItemId: items[0]!.id,
      title: 'Offer a management move',
      ownerAgencyId: world.agencies.housing,
      ownerMemberId: world.members.housingMember,
      createdById: world.members.chair,
      dueDate: new Date('2026-12-24T00:00:00Z'),
    },
  });
  await app.call('POST', `/api/meetings/${meetingId}/next`, { token: chair, body: {} });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const outcome = (itemId: string, body: unknown) =>
  app.call<ErrorReply & { case: { status: string; currentRiskBand: string } }>(
    'PUT',
    `/api/meetings/${meetingId}/items/${itemId}/outcome`,
    { token: chair, body },
  );

describe('outcomes per case heard', () => {
  it('refuses to close a case without a reason, naming the field, and changes nothing', async () => {
    const answer = await outcome(items[1]!.id, { decisions: 'No incidents since referral.', caseDecision: 'CLOSE' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.map((f) => f.field)).toEqual(['closureReason']);
    expect((await database.db.prisma.case.findUniqueOrThrow({ where: { id: items[1]!.case.id } })).status).toBe('OPEN');
  });

  it('keeps a case on with its risk re-rated and a review date, and closes another with its reason', async () => {
    const kept = await outcome(items[0]!.id, {
      decisions: 'Housing to offer a management move; police to patrol.',
      caseDecision: 'KEEP_ON',
      riskBandAfter: 'MEDIUM',
      nextReviewDue: '2027-01-14',
    });
    expect(kept.status).toBe(200);
    expect(kept.body.case).toMatchObject({ status: 'OPEN', currentRiskBand: 'MEDIUM', nextReviewDue: '2027-01-14' });
    const closed = await outcome(items[1]!.id, {
      decisions: 'No incidents for three months.',
      caseDecision: 'CLOSE',
      riskBandAfter: 'LOW',
      closureReason: 'Risk resolved',
    });
    expect(closed.body.case.status).toBe('CLOSED');
    const audit = await database.db.prisma.auditEvent.findFirst({ where: { event: 'meeting.item.outcome', entityId: items[1]!.id } });
    expect(audit?.before).toMatchObject({ case: { status: 'OPEN' } });
  });

  it('refuses an outcome for a case not yet heard', async () => {
    const answer = await outcome(items[3]!.id, { decisions: 'Too early.', caseDecision: 'KEEP_ON' });
    expect(answer.status).toBe(409);
  });
});

interface ReviewList {
  scorecard: Array<{ agency: string; open: number; overdue: number; completed: number }>;
  actions: Array<{ id: string; title: string; status: string; review: { outcome: string; version: number; agencyNote: unknown } | null }>;
}
const reviewList = async () => (await app.call<ReviewList>('GET', `/api/meetings/${meetingId}/action-review`, { token: chair })).body;

describe("review of the previous meeting's actions", () => {
  it('lists the open actions from earlier meetings', async () => {
    const { actions } = await reviewList();
    expect(actions.map((action) => [action.title, action.status, action.review])).toEqual([
      ['Visit the victim', 'ACCEPTED', null],
      ['Fit door cameras', 'BLOCKED', null],
    ]);
  });

  it("scores each agency present at the meeting on its actions for the panel, counting blocked as open and only the owner's late ones as overdue", async () => {
    // Completed, by the police, at this meeting; and one owned by the council, which is not present.
    for (const [ownerAgencyId, status] of [
      [world.agencies.police, 'COMPLETED'],
      [world.agencies.council, 'ACCEPTED'],
    ] as const) {
      await database.db.prisma.action.create({
        data: {
          partnershipId: world.partnershipId,
          caseId: items[0]!.case.id,
          meetingId,
          title: `Scored ${status.toLowerCase()}`,
          ownerAgencyId,
          createdById: world.members.chair,
          status,
          dueDate: new Date('2026-12-01T00:00:00Z'),
        },
      });
    }
    // Housing: 'Visit the victim' (accepted, due 18 November: overdue) and 'Offer a management move' (due 24 December).
    // Police: 'Fit door cameras' (blocked: open, waiting on the panel, not overdue) and the completed one.
    expect((await reviewList()).scorecard).toEqual([
      { agencyId: world.agencies.housing, agency: 'Fernbrook Homes', open: 2, overdue: 1, completed: 0 },
      { agencyId: world.agencies.police, agency: 'Fernbrook Police', open: 1, overdue: 0, completed: 1 },
    ]);
  });

  it('requires the reason for an action not done, then records it and drafts a note to the agency', async () => {
    const actions = await database.db.prisma.action.findMany({ where: { meetingId: world.lastMeetingId }, orderBy: { dueDate: 'asc' } });
    const missing = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/action-review`, {
      token: chair,
      body: { actionId: actions[0]!.id, outcome: 'NOT_DONE', expectedVersion: 0 },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.map((f) => f.field)).toEqual(['notDoneReason']);
    const notDone = await app.call<{ version: number; agencyNote: { to: string; text: string } | null }>(
      'POST',
      `/api/meetings/${meetingId}/action-review`,
      {
        token: chair,
        body: {
          actionId: actions[0]!.id,
          outcome: 'NOT_DONE',
          notDoneReason: 'AGENCY_DID_NOT_DO_IT',
          note: 'Officer on leave',
          expectedVersion: 0,
        },
      },
    );
    expect(notDone.status).toBe(200);
    expect(notDone.body.version).toBe(1);
    const reference = (await database.db.prisma.action.findUniqueOrThrow({ where: { id: actions[0]!.id }, include: { case: true } })).case
      .reference;
    expect(notDone.body.agencyNote).toEqual({
      to: 'Fernbrook Homes',
      text: expect.stringContaining(
        `"Visit the victim" on case ${reference}, due 18 November 2026, and recorded that it was not done by your agency.`,
      ),
      lead: null,
      sent: null,
    });
    // The note names the action and the case reference, never the people: not the officer's note either.
    expect(notDone.body.agencyNote!.text).not.toMatch(/Sam Patel|Officer on leave/);
    const inProgress = await app.call('POST', `/api/meetings/${meetingId}/action-review`, {
      token: chair,
      body: { actionId: actions[1]!.id, outcome: 'IN_PROGRESS', expectedVersion: 0 },
    });
    expect(inProgress.body).toMatchObject({ version: 1, agencyNote: null });
    expect((await reviewList()).actions.map((action) => [action.title, action.review?.outcome, action.review?.version])).toEqual([
      ['Visit the victim', 'NOT_DONE', 1],
      ['Fit door cameras', 'IN_PROGRESS', 1],
    ]);
    const thisMeetings = await database.db.prisma.action.findFirstOrThrow({ where: { meetingId } });
    const wrong = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/action-review`, {
      token: chair,
      body: { actionId: thisMeetings.id, outcome: 'DONE', expectedVersion: 0 },
    });
    expect(wrong.body.error.fields?.map((f) => f.field)).toEqual(['actionId']);
  });

  it('refuses a review drawn from a stale version with 409 and keeps the review recorded since', async () => {
    const action = await database.db.prisma.action.findFirstOrThrow({
      where: { meetingId: world.lastMeetingId, title: 'Fit door cameras' },
    });
    const stale = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/action-review`, {
      token: chair,
      body: { actionId: action.id, outcome: 'DONE', expectedVersion: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const kept = await database.db.prisma.actionReview.findUniqueOrThrow({
      where: { meetingId_actionId: { meetingId, actionId: action.id } },
    });
    expect(kept).toMatchObject({ outcome: 'IN_PROGRESS', version: 1 });
    const current = await app.call('POST', `/api/meetings/${meetingId}/action-review`, {
      token: chair,
      body: { actionId: action.id, outcome: 'NOT_DONE', notDoneReason: 'CIRCUMSTANCES_CHANGED', expectedVersion: 1 },
    });
    expect(current.body).toMatchObject({ version: 2, notDoneReason: 'CIRCUMSTANCES_CHANGED', agencyNote: null });
  });

  it('refuses the review to a panel member who does not chair, and changes nothing', async () => {
    const action = await database.db.prisma.action.findFirstOrThrow({
      where: { meetingId: world.lastMeetingId, title: 'Visit the victim' },
    });
    const member = await app.signInAs(world.members.housingMember);
    const refused = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/action-review`, {
      token: member,
      body: { actionId: action.id, outcome: 'DONE', expectedVersion: 1 },
    });
    expect(refused.status).toBe(403);
    const kept = await database.db.prisma.actionReview.findUniqueOrThrow({
      where: { meetingId_actionId: { meetingId, actionId: action.id } },
    });
    expect(kept).toMatchObject({ outcome: 'NOT_DONE', version: 1 });
    // The member may still read the review and the scorecard, as a seat at the meeting allows.
    const read = await app.call<ReviewList>('GET', `/api/meetings/${meetingId}/action-review`, { token: member });
    expect(read.status).toBe(200);
    expect(read.body.scorecard.map((score) => score.agency)).toEqual(['Fernbrook Homes', 'Fernbrook Police']);
  });
});

describe('minutes', () => {
  let draft: MinutesReply;

  it('drafts the minutes from the record, due three working days later, with a reminder booked for the chairs', async () => {
    const answer = await app.call<MinutesReply>('POST', `/api/meetings/${meetingId}/minutes`, { token: chair });
    expect(answer.status).toBe(201);
    draft = answer.body;
    expect([draft.status, draft.dueBy]).toEqual(['DRAFT', '2026-12-15']);
    expect(draft.content.present).toEqual(['Sam Patel (Fernbrook Homes)', 'Ruth Okafor (Fernbrook Police)']);
    expect(draft.content.apologies).toEqual(['Omar Price (Fernbrook Council ASB Team)']);
    expect(draft.content.actionReview[0]).toBe(
      'Case CM-5: Visit the victim (Fernbrook Homes, due 18 November 2026): not done: the agency did not do it. Officer on leave',
    );
    expect(draft.content.cases.map((c) => c.outcome)).toEqual([
      'Kept on the panel; risk now medium.',
      'Closed; risk now low; reason: Risk resolved.',
    ]);
    const reminders = await database.db.prisma.notification.findMany({ where: { kind: 'MINUTES_DUE' } });
    expect(reminders.map((r) => [r.recipientId, r.scheduledFor.toISOString()])).toEqual([
      [world.members.chair, '2026-12-15T09:00:00.000Z'],
    ]);
    expect(await minutesDueMessage(database.db, reminders[0]!.dedupeKey)).toEqual({
      text: 'The minutes of the Fernbrook CMARAC meeting on 10 December 2026 are due for approval by 15 December 2026. Open ASB Panels to check and approve them.',
    });
  });

  it('exports the draft as a Word document marked restricted and DRAFT', async () => {
    const xml = await exportedXml();
    expect(xml.header).toContain('OFFICIAL-SENSITIVE');
    expect(xml.document).toContain('DRAFT: not yet approved by the chair.');
  });

  it('lets a seated panel member read the minutes, but not a referrer or an agency without a seat', async () => {
    expect(
      (await app.call('GET', `/api/meetings/${meetingId}/minutes`, { token: await app.signInAs(world.members.housingMember) })).status,
    ).toBe(200);
    expect(
      (await app.call('GET', `/api/meetings/${meetingId}/minutes.docx`, { token: await app.signInAs(world.members.councilReferrer) }))
        .status,
    ).toBe(403);
    expect(
      (await app.call('GET', `/api/meetings/${meetingId}/minutes.docx`, { token: await app.signInAs(world.members.probationMember) }))
        .status,
    ).toBe(404);
    expect(
      (
        await app.call('POST', `/api/meetings/${meetingId}/minutes/approve`, {
          token: await app.signInAs(world.members.housingMember),
          body: {},
        })
      ).status,
    ).toBe(403);
  });

  it('approves the minutes once, records who approved, and the reminder is then skipped', async () => {
    now = new Date('2026-12-11T09:00:00Z');
    chair = await app.signInAs(world.members.chair);
    const stale = await app.call<ErrorReply>('POST', `/api/meetings/${meetingId}/minutes/approve`, {
      token: chair,
      body: { expectedVersion: draft.version + 1 },
    });
    expect(stale.status).toBe(409);
    const approved = await app.call<MinutesReply>('POST', `/api/meetings/${meetingId}/minutes/approve`, {
      token: chair,
      body: { expectedVersion: draft.version },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('APPROVED');
    expect((await app.call('POST', `/api/meetings/${meetingId}/minutes`, { token: chair })).status).toBe(409);
    const reminder = await database.db.prisma.notification.findFirstOrThrow({ where: { kind: 'MINUTES_DUE' } });
    expect(await minutesDueMessage(database.db, reminder.dedupeKey)).toEqual({ skipped: 'the minutes are already approved.' });
  });

  it('exports the approved minutes with attendance, decisions, actions with owners and due dates, and the action review', async () => {
    const { document, header, filename } = await exportedXml();
    expect(filename).toBe('minutes-2026-12-10.docx');
    expect(header).toContain('OFFICIAL-SENSITIVE');
    for (const expected of [
      'Fernbrook CMARAC: minutes of the meeting on 10 December 2026',
      'Approved by Ruth Okafor on 11 December 2026.',
      'Omar Price (Fernbrook Council ASB Team)',
      'Housing to offer a management move; police to patrol.',
      'Offer a management move: Sam Patel (Fernbrook Homes), by 24 December 2026',
      'Closed; risk now low; reason: Risk resolved.',
      'not done: the agency did not do it',
      'not reached; carried to the next meeting',
    ]) {
      expect(document).toContain(expected);
    }
    expect(document).not.toContain('DRAFT');
  });
});

describe('approval needs an outcome for every case heard', () => {
  it('names the case heard without an outcome', async () => {
    const next = (await app.call<{ meeting: { id: string } }>('POST', `/api/panels/${world.panelId}/meetings`, { token: chair, body: {} }))
      .body.meeting.id;
    await database.db.prisma.meeting.update({
      where: { id: next },
      data: { startsAt: MEETING_DAY, endsAt: new Date(MEETING_DAY.getTime() + 3_600_000) },
    });
    await app.call('POST', `/api/meetings/${next}/next`, { token: chair, body: {} });
    await app.call('POST', `/api/meetings/${next}/minutes`, { token: chair });
    now = new Date('2027-01-15T09:00:00Z');
    chair = await app.signInAs(world.members.chair);
    const answer = await app.call<ErrorReply>('POST', `/api/meetings/${next}/minutes/approve`, { token: chair, body: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^Record the decisions and outcome for case CM-\d+ before approving the minutes\.$/);
  });
});

async function exportedXml(): Promise<{ document: string; header: string; filename: string }> {
  const response = await fetch(`${app.baseUrl}/api/meetings/${meetingId}/minutes.docx`, { headers: { authorization: `Bearer ${chair}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('wordprocessingml');
  const filename = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? '';
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const text = async (name: string) => (await zip.file(name)!.async('string')).replace(/<[^>]+>/g, '');
  const headerName = Object.keys(zip.files).find((name) => /^word\/header\d+\.xml$/.test(name))!;
  return { document: await text('word/document.xml'), header: await text(headerName), filename };
}
