// The agenda in a meeting chat: "agenda" posts the card; "Next item" moves the meeting on (the same
// service the REST edge calls) and brings every copy of the card up to date.
import { MessageFactory } from 'botbuilder';
import { readMeetingAgenda } from '../../api/services/meetings';
import { isMeetingChair, meetingForChat, moveToNextItem } from '../../api/services/meeting-room';
import { cardAttachment, cardResponse } from './replies';
import { buildAgendaCard } from '../cards/agenda-card';
import { buildErrorCard } from '../cards/notice-cards';
import { agendaCardRef } from '../cards/verbs';
import { agendaCardViewFor, chairAgendaCardViewOf, recordPostedAgendaCard, refreshPostedAgendaCard } from '../../api/services/agenda-post';
import type { BotCommand, CardActionHandler } from './turn';

const NOT_LINKED = 'This chat is not the chat of a panel meeting you sit on. Open the meeting chat and try again.';

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
    const sent = await turn.context.sendActivity(
      MessageFactory.attachment(cardAttachment(buildAgendaCard(await agendaCardViewFor(turn.deps.db, chat.meetingId, false)))),
    );
    if (sent?.id) await recordPostedAgendaCard(turn.deps.db, chat.meetingId, sent.id);
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
  return cardResponse(buildAgendaCard(await chairAgendaCardViewOf(turn.deps.db, view)));
};

export const refreshAgendaAction: CardActionHandler = async (turn, data) => {
  const ref = parseRef(data);
  if (!ref) return staleCard();
  const chair = await isMeetingChair(turn.service!, ref.meetingId);
  return cardResponse(buildAgendaCard(await agendaCardViewFor(turn.deps.db, ref.meetingId, chair)));
};
