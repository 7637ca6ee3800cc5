// The agenda in a meeting chat: "agenda" posts the card; "Next item" moves the meeting on (the same
// service the REST edge calls) and brings every copy of the card up to date.
import { MessageFactory } from 'botbuilder';
import { readMeetingAgenda } from '../../api/services/meetings';
import { isMeetingChair, meetingForChat, moveToNextItem } from '../../api/services/meeting-room';
import { readAgendaView } from '../../api/services/meeting-views';
import { cardAttachment, cardResponse } from './replies';
import { buildAgendaCard } from '../cards/agenda-card';
import { buildErrorCard } from '../cards/notice-cards';
import { agendaCardRef } from '../cards/verbs';
import { agendaCardViewOf, refreshPostedAgendaCard } from '../../api/services/agenda-post';
import type { BotCommand, BotTurn, CardActionHandler } from './turn';

const NOT_LINKED = 'This chat is not the chat of a panel meeting you sit on. Open the meeting chat and try again.';

async function cardFor(turn: BotTurn, meetingId: string, chairView: boolean) {
  return turn.deps.db.prisma.$transaction(async (tx) =>
    buildAgendaCard(await agendaCardViewOf(tx, await readAgendaView(tx, meetingId), chairView)),
  );
}

export const agendaCommand: BotCommand = {
  names: ['agenda'],
  reach: 'anywhere',
  async run(turn) {
    const ctx = turn.service!;
    const chat = await meetingForChat(ctx, turn.context.activity.conversation.id).catch(() => null);
    if (!chat) {
      await turn.context.sendActivity(MessageFactory.text(NOT_LINKED));
      return;
    }
    await readMeetingAgenda(ctx, chat.meetingId);
    const sent = await turn.context.sendActivity(MessageFactory.attachment(cardAttachment(await cardFor(turn, chat.meetingId, false))));
    // The newest card is the one kept in step as the chair moves on.
    if (sent?.id) await turn.deps.db.prisma.meeting.update({ where: { id: chat.meetingId }, data: { agendaCardActivityId: sent.id } });
  },
};

function parseRef(data: Record<string, unknown>) {
  const parsed = agendaCardRef.safeParse(data);
  return parsed.success ? parsed.data : null;
}

const staleCard = () =>
  cardResponse(buildErrorCard({ title: 'This card is out of date', message: 'Type "agenda" in the meeting chat for a fresh card.' }));

export const nextAgendaItemAction: CardActionHandler = async (turn, data) => {
  const ref = parseRef(data);
  if (!ref) return staleCard();
  const view = await moveToNextItem(turn.service!, ref.meetingId, ref.version);
  await refreshPostedAgendaCard(turn.deps, ref.meetingId);
  return cardResponse(buildAgendaCard(await turn.deps.db.prisma.$transaction((tx) => agendaCardViewOf(tx, view, true))));
};

export const refreshAgendaAction: CardActionHandler = async (turn, data) => {
  const ref = parseRef(data);
  if (!ref) return staleCard();
  const chair = await isMeetingChair(turn.service!, ref.meetingId);
  return cardResponse(await cardFor(turn, ref.meetingId, chair));
};
