// The agenda card in a meeting chat: drawn from the meeting record, posted once and then updated in
// place, so everyone's copy follows the chair. Shared by the bot's handlers and the REST edge.
import type { Logger } from '../logger';
import type { Database } from '../store/database';
import type { Tx } from './context';
import { readAgendaView, type MeetingAgendaView } from './meeting-views';
import type { AgendaCardView } from './ports/card-views';
import type { TeamsSender } from './ports/teams-sender';

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Thursday 10 December 2026, 10:00 to 11:30", in London time. */
export function whenLabel(startsAt: Date, endsAt: Date): string {
  return `${LONDON_DAY.format(startsAt).replace(',', '')}, ${LONDON_TIME.format(startsAt)} to ${LONDON_TIME.format(endsAt)}`;
}

/** Teams user ids of the panel's chairs, known from their personal chats with the bot, for the card's refresh. */
async function chairUserIds(tx: Tx, panelId: string): Promise<string[]> {
  const rows = await tx.conversationReference.findMany({
    where: { kind: 'PERSONAL', userId: { not: null }, member: { chairs: { some: { panelId } } } },
    select: { userId: true },
  });
  return [...new Set(rows.map((row) => row.userId!))].sort();
}

/** The card for a meeting as it stands now; `chairView` adds the chair's button. */
export async function agendaCardViewFor(db: Database, meetingId: string, chairView: boolean): Promise<AgendaCardView> {
  return db.prisma.$transaction(async (tx) => agendaCardViewOf(tx, await readAgendaView(tx, meetingId), chairView));
}

/** The chair's card for the agenda a move just produced, without reading the meeting again. */
export async function chairAgendaCardViewOf(db: Database, view: MeetingAgendaView): Promise<AgendaCardView> {
  return db.prisma.$transaction((tx) => agendaCardViewOf(tx, view, true));
}

/** The newest card posted in the chat is the one kept in step as the chair moves on. */
export async function recordPostedAgendaCard(db: Database, meetingId: string, activityId: string): Promise<void> {
  await db.prisma.meeting.update({ where: { id: meetingId }, data: { agendaCardActivityId: activityId } });
}

export async function agendaCardViewOf(tx: Tx, view: MeetingAgendaView, chairView: boolean): Promise<AgendaCardView> {
  return {
    meetingId: view.meeting.id,
    version: view.meeting.version,
    panelName: view.panel.name,
    whenLabel: whenLabel(view.meeting.startsAt, view.meeting.endsAt),
    items: view.items.map((item) => ({
      id: item.id,
      position: item.position,
      caseReference: item.case.reference,
      reasonText: item.why,
      minutes: item.minutes,
      status: item.status,
    })),
    currentItemId: view.meeting.currentAgendaItemId,
    chairView,
    chairUserIds: await chairUserIds(tx, view.panel.id),
  };
}

export interface AgendaPostDependencies {
  db: Database;
  sender: TeamsSender;
  logger: Logger;
}

/**
 * Brings the posted card up to date for everyone (the read-only view; chairs' copies refresh into
 * theirs). A card that cannot be updated must not undo the move, so failures are logged, not thrown.
 */
export async function refreshPostedAgendaCard(deps: AgendaPostDependencies, meetingId: string): Promise<void> {
  const posted = await deps.db.prisma.meeting.findUnique({
    where: { id: meetingId },
    select: { chatThreadId: true, agendaCardActivityId: true },
  });
  if (!posted?.chatThreadId || !posted.agendaCardActivityId) return;
  const view = await agendaCardViewFor(deps.db, meetingId, false);
  const outcome = await deps.sender.updateCard(
    posted.chatThreadId,
    posted.agendaCardActivityId,
    { kind: 'AGENDA', view },
    'The agenda has moved on.',
  );
  if (outcome.kind !== 'SENT') deps.logger.warn({ meetingId, outcome: outcome.kind }, 'agenda card not updated');
}

/** Posts the agenda card to the meeting's chat on the app's initiative (the chair asked in the tab). */
export async function postAgendaToMeetingChat(
  deps: AgendaPostDependencies,
  meetingId: string,
): Promise<{ posted: boolean; reason?: string }> {
  const meeting = await deps.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { chatThreadId: true } });
  if (!meeting.chatThreadId) return { posted: false, reason: 'The meeting is not in Teams yet, so it has no chat to post to.' };
  const view = await agendaCardViewFor(deps.db, meetingId, false);
  const outcome = await deps.sender.postToConversation(meeting.chatThreadId, {
    text: 'The agenda for this meeting.',
    card: { kind: 'AGENDA', view },
  });
  if (outcome.kind !== 'SENT')
    return { posted: false, reason: 'Teams did not take the card. Add the ASB Panels app to the meeting and try again.' };
  await recordPostedAgendaCard(deps.db, meetingId, outcome.activityId);
  return { posted: true };
}
