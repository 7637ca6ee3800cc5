// The chair sends the "did not do it" note to the agency's lead (issue 15, item 8) over real HTTP,
// through the real botbuilder sender to a fake Bot Connector on loopback: the lead receives the note
// as the chair edited it, with the restricted marking; the review shows it sent, by whom and when,
// and it goes once. A member who does not chair is refused, and so is an agency with no lead.
import { createBotAdapter } from '../../bot/adapter';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type RunningApp } from '../support/test-app';
import { recordingClock, teamsActivity } from '../bot/sending-fixtures';
import { createMeetingsWorld, NOW, type MeetingsWorld } from './meetings-fixtures';

interface ErrorReply {
  error: { code: string; message: string };
}
interface AgencyNote {
  to: string;
  text: string;
  lead: string | null;
  sent: { at: string; by: string } | null;
}
interface ReviewList {
  actions: Array<{ id: string; review: { agencyNote: AgencyNote | null } | null }>;
}

const HOUSING_CHAT = 'a:1personal-housing-lead';
const MEETING_DAY = new Date('2026-12-10T10:00:00Z');

let database: TestDatabase;
let connector: FakeBotConnector;
let app: RunningApp;
let world: MeetingsWorld;
let now = NOW;
let chair: string;
let meetingId: string;
let notDoneId: string;
let changedId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await startFakeBotConnector();
  world = await createMeetingsWorld(database.db);
  const sender = new BotConnectorSender({
    adapter: createBotAdapter({}, { nodeEnv: 'test', log: () => undefined }),
    botAppId: '',
    db: database.db,
    clock: recordingClock(NOW),
    log: () => undefined,
    random: () => 0,
  });
  app = await startTestApp(database.db, { clock: () => now, sender });
  chair = await app.signInAs(world.members.chair);
  meetingId = (await app.call<{ meeting: { id: string } }>('POST', `/api/panels/${world.panelId}/meetings`, { token: chair, body: {} }))
    .body.meeting.id;
  now = MEETING_DAY;
  chair = await app.signInAs(world.members.chair);
  const sam = await database.db.prisma.member.findUniqueOrThrow({ where: { id: world.members.housingMember } });
  await teamsActivity(database.db, connector.serviceUrl, { conversationId: HOUSING_CHAT, aad: sam.entraObjectId, tenantId: sam.tenantId });
  const earlier = await database.db.prisma.action.findMany({ where: { meetingId: world.lastMeetingId } });
  notDoneId = earlier.find((action) => action.title === 'Visit the victim')!.id;
  changedId = earlier.find((action) => action.title === 'Fit door cameras')!.id;
  for (const [actionId, notDoneReason] of [
    [notDoneId, 'AGENCY_DID_NOT_DO_IT'],
    [changedId, 'CIRCUMSTANCES_CHANGED'],
  ] as const) {
    const reviewed = await app.call('POST', `/api/meetings/${meetingId}/action-review`, {
      token: chair,
      body: { actionId, outcome: 'NOT_DONE', notDoneReason, expectedVersion: 0 },
    });
    expect(reviewed.status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

const send = (actionId: string, token: string, text: string) =>
  app.call<ErrorReply & { to: string; sentBy: string; delivery: string }>(
    'POST',
    `/api/meetings/${meetingId}/action-review/${actionId}/agency-note`,
    { token, body: { text } },
  );
const noteOf = async (actionId: string) =>
  (await app.call<ReviewList>('GET', `/api/meetings/${meetingId}/action-review`, { token: chair })).body.actions.find(
    (action) => action.id === actionId,
  )!.review!.agencyNote;
const notes = () => database.db.prisma.notification.count({ where: { kind: 'AGENCY_NOT_DONE_NOTE' } });

describe('the note to the lead of an agency that did not do its action', () => {
  it('is refused, with what to do, while the agency has no lead, and nothing is sent', async () => {
    expect(await noteOf(notDoneId)).toMatchObject({ to: 'Fernbrook Homes', lead: null, sent: null });
    const refused = await send(notDoneId, chair, 'Please tell the chair when the visit will be made.');
    expect([refused.status, refused.body.error.message]).toEqual([
      409,
      'No lead is set for Fernbrook Homes; the partnership admin sets one.',
    ]);
    expect(await notes()).toBe(0);
    expect((await noteOf(notDoneId))?.sent).toBeNull();
  });

  it('is refused to a panel member who does not chair, and nothing is sent', async () => {
    await database.db.prisma.agency.update({ where: { id: world.agencies.housing }, data: { leadMemberId: world.members.housingMember } });
    const member = await app.signInAs(world.members.housingMember);
    const refused = await send(notDoneId, member, 'Sent by someone who does not chair.');
    expect(refused.status).toBe(403);
    expect(await notes()).toBe(0);
    expect(connector.delivered(HOUSING_CHAT)).toHaveLength(0);
  });

  it("reaches the agency's lead in Teams as the chair edited it, is shown as sent by whom and when, and goes once", async () => {
    const draft = (await noteOf(notDoneId))!;
    expect(draft).toMatchObject({ lead: 'Sam Patel', sent: null });
    const edited = `${draft.text} We meet again on 14 January.`;
    const sent = await send(notDoneId, chair, edited);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ to: 'Fernbrook Homes', sentBy: 'Ruth Okafor', delivery: 'SENT' });

    const [text] = connector.delivered(HOUSING_CHAT).map((request) => (request.body as { text: string }).text);
    expect(text).toBe(
      `OFFICIAL-SENSITIVE: a note from the chair of the Fernbrook CMARAC panel. ${edited} Do not forward it outside your agency's work with the panel.`,
    );
    // As an action's notices do, it names the action and the case reference, never a person.
    const people = await database.db.prisma.member.findMany({ select: { displayName: true } });
    for (const person of people) expect(text).not.toContain(person.displayName);

    expect(await noteOf(notDoneId)).toEqual({
      to: 'Fernbrook Homes',
      text: edited,
      lead: 'Sam Patel',
      sent: { at: MEETING_DAY.toISOString(), by: 'Ruth Okafor' },
    });
    const audit = await database.db.prisma.auditEvent.findFirstOrThrow({
      where: { event: 'meeting.action.agency-note', entityId: notDoneId },
    });
    expect(audit.after).toMatchObject({ leadMemberId: world.members.housingMember, agencyNoteText: edited });

    const again = await send(notDoneId, chair, edited);
    expect([again.status, again.body.error.message]).toEqual([409, 'This note was sent by Ruth Okafor already; it goes once.']);
    expect(connector.delivered(HOUSING_CHAT)).toHaveLength(1);
  });

  it('is refused for an action not done because circumstances changed, and for a note left empty', async () => {
    const changed = await send(changedId, chair, 'Nothing to say.');
    expect([changed.status, changed.body.error.message]).toEqual([
      409,
      'Only an action the panel recorded as not done by its agency has a note to send.',
    ]);
    expect((await send(notDoneId, chair, '  ')).status).toBe(400);
    expect(await notes()).toBe(1);
  });
});
